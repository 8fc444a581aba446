import Foundation

/// The top-level fields of a protobuf message, read without a schema: enough for the few
/// values quiz needs from Anki's schema-18 blobs (a note type's kind, a template's formats).
struct ProtobufFields {
    /// Varint fields by number (the last occurrence wins, as protobuf specifies).
    private(set) var integers: [Int: UInt64] = [:]
    /// Length-delimited fields by number, in order of occurrence.
    private(set) var bytes: [Int: [Data]] = [:]

    /// Parses `data`; nil when it is not a well-formed message.
    ///
    /// - Complexity: O(n) in the size of `data`.
    init?(_ data: Data) {
        let buffer = [UInt8](data)
        var position = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < buffer.count, shift < 64 {
                let byte = buffer[position]
                position += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while position < buffer.count {
            guard let key = varint() else { return nil }
            let number = Int(truncatingIfNeeded: key >> 3)
            switch key & 7 {
            case 0:
                guard let value = varint() else { return nil }
                integers[number] = value
            case 1: position += 8
            case 2:
                guard let length = varint(), length <= UInt64(buffer.count - position) else { return nil }
                let end = position + Int(length)
                bytes[number, default: []].append(Data(buffer[position..<end]))
                position = end
            case 5: position += 4
            default: return nil
            }
            if position > buffer.count { return nil }
        }
    }

    /// The first length-delimited field `number` as UTF-8 text.
    func string(_ number: Int) -> String? {
        bytes[number]?.first.map { String(decoding: $0, as: UTF8.self) }
    }
}
