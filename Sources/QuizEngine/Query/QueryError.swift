/// Why a query cannot be run against an index.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A tag expression is malformed, exceeds a limit or names an unknown tag.
    case expression(TagExpressionError)
    /// A bank filter names no bank of the index; `known` lists the index's banks.
    case unknownBank(String, suggestion: String?, known: [String])
    /// A module filter names no course module of the index; `known` lists the index's modules.
    case unknownModule(String, suggestion: String?, known: [String])
    /// The index turned out damaged while the query read it.
    case index(IndexError)
    /// No interview plan of the index has this name; `known` lists the plans.
    case unknownPlan(String, suggestion: String?, known: [String])

    public var description: String {
        switch self {
        case .expression(let error):
            return error.description
        case .unknownBank(let name, let suggestion, let known):
            return Self.unknown("bank", name, suggestion, known)
        case .unknownModule(let name, let suggestion, let known):
            return Self.unknown("course module", name, suggestion, known)
        case .index(let error):
            return error.description
        case .unknownPlan(let name, let suggestion, let known):
            return Self.unknown("interview plan", name, suggestion, known)
        }
    }

    private static func unknown(_ kind: String, _ name: String, _ suggestion: String?, _ known: [String]) -> String {
        if let suggestion { return "unknown \(kind) '\(name)'; did you mean '\(suggestion)'?" }
        if known.isEmpty { return "unknown \(kind) '\(name)'; the index has none" }
        let list = known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", …" : "")
        return "unknown \(kind) '\(name)'; the index has: \(list)"
    }
}
