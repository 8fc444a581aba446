import Foundation

/// The items JSON `quiz fsrs optimize --items` and `evaluate --items` read:
/// `{"items": [[[rating, delta_t], …], …]}`, ordered by the time of each item's last review.
///
/// Read by a scanner made for this shape rather than a general JSON parser: Foundation's
/// JSONSerialization took 1.4 s and 440 MB for a 7 MB file of 85,000 items (boxing every
/// number); this takes a small fraction of that and holds nothing but the items. Keys other
/// than `items` are skipped whatever their values.
public enum FSRSItemsFile {
    /// What is wrong with the document itself, with the byte offset where it goes wrong.
    public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The checked items of `data`.
    ///
    /// - Throws: ``FormatError`` for a document that is not such an object, or
    ///   ``FSRSItemsError`` naming the first bad item and review.
    /// - Complexity: O(size of the document).
    public static func items(from data: Data) throws -> [FSRSItem] {
        try data.withUnsafeBytes { buffer in
            var scanner = Scanner(bytes: buffer.bindMemory(to: UInt8.self))
            return try scanner.document()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func document() throws -> [FSRSItem] {
            skipSpace()
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            try expect(UInt8(ascii: "{"), #"an object {"items": [[[rating, delta_t], …], …]}"#)
            var items: [FSRSItem]?
            skipSpace()
            if peek == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    let key = try string()
                    try expect(UInt8(ascii: ":"), "':' after a key")
                    skipSpace()
                    if key == "items" {
                        items = try itemList()
                    } else {
                        try skipValue(depth: 0)
                    }
                    skipSpace()
                    if peek == UInt8(ascii: ",") { position += 1; skipSpace(); continue }
                    try expect(UInt8(ascii: "}"), "',' or '}' in the object")
                    break
                }
            }
            skipSpace()
            guard position == bytes.count else { throw failure("nothing after the object") }
            guard let items else {
                throw FormatError(description: #"no "items" key: expected {"items": [[[rating, delta_t], …], …]}"#)
            }
            return items
        }

        mutating func itemList() throws -> [FSRSItem] {
            guard peek == UInt8(ascii: "[") else {
                throw FormatError(description: #""items" must be a list of items, each a list of [rating, delta_t] pairs"#)
            }
            position += 1
            var items: [FSRSItem] = []
            skipSpace()
            if peek == UInt8(ascii: "]") { position += 1; return items }
            while true {
                items.append(try item(index: items.count))
                skipSpace()
                if peek == UInt8(ascii: ",") { position += 1; skipSpace(); continue }
                try expect(UInt8(ascii: "]"), "',' or ']' after an item")
                return items
            }
        }

        mutating func item(index: Int) throws -> FSRSItem {
            guard peek == UInt8(ascii: "[") else { throw FSRSItemsError(item: index, problem: .notAPair(review: 0)) }
            position += 1
            var reviews: [FSRSItem.Review] = []
            skipSpace()
            if peek == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    let bad = FSRSItemsError(item: index, problem: .notAPair(review: reviews.count))
                    guard peek == UInt8(ascii: "[") else { throw bad }
                    position += 1
                    skipSpace()
                    guard let rating = wholeNumber() else { throw bad }
                    skipSpace()
                    guard peek == UInt8(ascii: ",") else { throw bad }
                    position += 1
                    skipSpace()
                    guard let deltaT = wholeNumber() else { throw bad }
                    skipSpace()
                    guard peek == UInt8(ascii: "]") else { throw bad }
                    position += 1
                    reviews.append(FSRSItem.Review(rating: rating, deltaT: deltaT))
                    skipSpace()
                    if peek == UInt8(ascii: ",") { position += 1; skipSpace(); continue }
                    try expect(UInt8(ascii: "]"), "',' or ']' after a review")
                    break
                }
            }
            return try FSRSItem(reviews: reviews, index: index)
        }

        /// An integer of at most 9 digits, not followed by a fraction or exponent.
        mutating func wholeNumber() -> Int? {
            var sign = 1
            if peek == UInt8(ascii: "-") { sign = -1; position += 1 }
            var value = 0
            var digits = 0
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                position += 1
                if digits > 9 { return nil }
            }
            guard digits > 0 else { return nil }
            if let byte = peek, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                return nil
            }
            return sign * value
        }

        mutating func string() throws -> String {
            guard peek == UInt8(ascii: "\"") else { throw failure("a key in quotes") }
            position += 1
            let start = position
            while let byte = peek, byte != UInt8(ascii: "\"") {
                position += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            guard position < bytes.count else { throw failure("the closing quote of a string") }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            skipSpace()
            return text
        }

        /// Skips any JSON value (the values of keys other than `items`).
        mutating func skipValue(depth: Int) throws {
            guard depth < 512 else { throw failure("a value nested less than 512 deep") }
            switch peek {
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let close = peek == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                position += 1
                skipSpace()
                if peek == close { position += 1; return }
                while true {
                    if close == UInt8(ascii: "}") {
                        _ = try string()
                        try expect(UInt8(ascii: ":"), "':' after a key")
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { position += 1; skipSpace(); continue }
                    try expect(close, "',' or '\(Character(Unicode.Scalar(close)))'")
                    return
                }
            default:
                let start = position
                while let byte = peek, !" \t\r\n,]}".utf8.contains(byte) { position += 1 }
                guard position > start else { throw failure("a value") }
            }
        }

        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            skipSpace()
            guard peek == byte else { throw failure(what) }
            position += 1
        }

        func failure(_ expected: String) -> FormatError {
            let found = peek.map { "'\(Character(Unicode.Scalar($0)))'" } ?? "the end of the file"
            return FormatError(description: "not valid items JSON at byte \(position): expected \(expected), found \(found)")
        }
    }
}
