/// A decoded JSON document kept as values, so an input can be checked field by field with
/// messages that name the field (`sequences[0][1].rating: …`) rather than a decoder's path.
public indirect enum JSONValue: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// How a message quotes the value: scalars as written, containers by kind.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    func number(_ field: String) throws(ReplayInputError) -> Double {
        guard case .number(let value) = self, value.isFinite else {
            throw ReplayInputError("\(field): expected a number, got \(self)")
        }
        return value
    }

    func integer(_ field: String) throws(ReplayInputError) -> Int {
        guard case .number(let value) = self, value == value.rounded(), abs(value) < 1e15 else {
            throw ReplayInputError("\(field): expected an integer, got \(self)")
        }
        return Int(value)
    }

    func bool(_ field: String) throws(ReplayInputError) -> Bool {
        guard case .bool(let value) = self else {
            throw ReplayInputError("\(field): expected true or false, got \(self)")
        }
        return value
    }

    func numbers(_ field: String) throws(ReplayInputError) -> [Double] {
        guard case .array(let values) = self else {
            throw ReplayInputError("\(field): expected a list of numbers, got \(self)")
        }
        var numbers: [Double] = []
        for (index, value) in values.enumerated() { numbers.append(try value.number("\(field)[\(index)]")) }
        return numbers
    }

    func instant(_ field: String) throws(ReplayInputError) -> Instant {
        guard case .string(let text) = self else {
            throw ReplayInputError("\(field): expected an ISO 8601 string, got \(self)")
        }
        guard let instant = Instant(iso8601: text) else {
            throw ReplayInputError(
                "\(field): '\(text)' is not an ISO 8601 date-time (for example 2024-03-01T08:00:00Z)")
        }
        return instant
    }
}
