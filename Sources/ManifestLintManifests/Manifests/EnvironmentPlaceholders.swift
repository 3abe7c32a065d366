/// The shell-style references to environment variables in a text:
/// `${NAME}` with any identifier, and `$NAME` with an upper-case one (the
/// way environment variables are written; `pa$sword` or a `$apr1$` hash is
/// not one). `$$` is an escaped dollar, never the start of a reference.
public enum EnvironmentPlaceholders {
    public struct Placeholder: Equatable, Sendable {
        /// The reference as written: `${NAME}` or `$NAME`.
        public let text: String
        /// Its bytes in the text (UTF-8 offsets).
        public let range: Range<Int>
    }

    public static func find(in text: String) -> [Placeholder] {
        let bytes = Array(text.utf8)
        var found: [Placeholder] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == dollar, index + 1 < bytes.count else { index += 1; continue }
            let next = bytes[index + 1]
            if next == dollar { index += 2; continue }
            var end = index + 1
            if next == openBrace {
                end += 1
                guard end < bytes.count, isIdentifierStart(bytes[end]) else { index += 1; continue }
                while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
                guard end < bytes.count, bytes[end] == closeBrace else { index += 1; continue }
                end += 1
            } else {
                guard isUpperIdentifierStart(next) else { index += 1; continue }
                while end < bytes.count, isUpperIdentifierByte(bytes[end]) { end += 1 }
                // `$Name` or `$NAMEs`: a word that merely holds a dollar; `$_1`: no name.
                if end < bytes.count && isIdentifierByte(bytes[end])
                    || !bytes[(index + 1)..<end].contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
                    index = end
                    continue
                }
            }
            found.append(Placeholder(text: String(decoding: bytes[index..<end], as: UTF8.self), range: index..<end))
            index = end
        }
        return found
    }

    private static let dollar = UInt8(ascii: "$")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isUpperIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    private static func isUpperIdentifierByte(_ byte: UInt8) -> Bool {
        isUpperIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
