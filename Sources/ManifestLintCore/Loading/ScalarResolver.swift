/// Resolves plain YAML scalars as gopkg.in/yaml.v3 does: the YAML 1.2 core
/// schema, where only `true`/`false` (in three casings) are booleans.
public enum ScalarResolver {
    private static let tagPrefix = "tag:yaml.org,2002:"

    public static func resolve(_ text: String, tag: String?) -> ScalarKind {
        if let explicit = kind(forTag: tag) { return explicit }
        // Only these first bytes can start a null, a boolean, a number or an infinity.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
             UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            return .string
        }
        // Most numbers in manifests are plain decimal integers: settled on the bytes.
        if let kind = plainIntegerKind(text) { return kind }
        // The words are at most five bytes long; they are compared as bytes, not as strings.
        if text.utf8.count <= 5, let kind = text.withBytes({ bytes in Self.words.first { $0.spelling.count == bytes.count && $0.spelling.elementsEqual(bytes) }?.kind }) {
            return kind
        }
        guard let first = text.utf8.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string }
        if isInteger(text) { return .integer }
        if isFloat(text) { return .float }
        return .string
    }

    /// The null, boolean and special float words of the core schema ("" and "~" too).
    private static let words: [(spelling: [UInt8], kind: ScalarKind)] =
        (["", "~", "null", "Null", "NULL"].map { ($0, ScalarKind.null) }
            + ["true", "True", "TRUE", "false", "False", "FALSE"].map { ($0, ScalarKind.boolean) }
            + [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"].map { ($0, ScalarKind.float) })
        .map { (Array($0.0.utf8), $0.1) }

    /// Quoted and block scalars are strings unless a tag says otherwise.
    static func resolveQuoted(tag: String?) -> ScalarKind {
        kind(forTag: tag) ?? .string
    }

    private static func kind(forTag tag: String?) -> ScalarKind? {
        guard let tag, tag.hasPrefix(tagPrefix) || tag.hasPrefix("!!") else { return nil }
        let name = tag.hasPrefix("!!") ? String(tag.dropFirst(2)) : String(tag.dropFirst(tagPrefix.count))
        switch name {
        case "str": return .string
        case "int": return .integer
        case "float": return .float
        case "bool": return .boolean
        case "null": return .null
        default: return nil
        }
    }

    /// `.integer` for an optional sign and ASCII digits that isInteger takes
    /// (decimal, or octal after a leading zero); nil for anything else, which
    /// the full checks then settle.
    private static func plainIntegerKind(_ text: String) -> ScalarKind? {
        text.withBytes { bytes -> ScalarKind? in
            var digits = bytes[...]
            if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
            guard let first = digits.first else { return nil }
            let highest = first == UInt8(ascii: "0") && digits.count > 1 ? UInt8(ascii: "7") : UInt8(ascii: "9")
            return digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= highest } ? .integer : nil
        }
    }

    /// Go's strconv.ParseInt with base 0 after removing underscores: decimal,
    /// 0x, 0o, 0b and leading-zero octal, with an optional sign.
    private static func isInteger(_ text: String) -> Bool {
        var digits = Substring(text.replacingUnderscores())
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return false }
        let lower = digits.lowercased()
        if lower.hasPrefix("0x") { return lower.count > 2 && lower.dropFirst(2).allSatisfy(\.isHexDigit) }
        if lower.hasPrefix("0o") { return lower.count > 2 && lower.dropFirst(2).allSatisfy { ("0"..."7").contains($0) } }
        if lower.hasPrefix("0b") { return lower.count > 2 && lower.dropFirst(2).allSatisfy { $0 == "0" || $0 == "1" } }
        if lower.count > 1, lower.hasPrefix("0") { return lower.allSatisfy { ("0"..."7").contains($0) } }
        return lower.allSatisfy { ("0"..."9").contains($0) }
    }

    /// yaml.v3's float pattern: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    private static func isFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digitCount(_ slice: inout Substring.UTF8View.SubSequence) -> Int {
            var count = 0
            while let byte = slice.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                slice = slice.dropFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digitCount(&bytes) > 0 else { return false }
        } else {
            guard digitCount(&bytes) > 0 else { return false }
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                _ = digitCount(&bytes)
            }
        }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digitCount(&bytes) > 0 else { return false }
        }
        return bytes.isEmpty
    }
}

private extension String {
    func replacingUnderscores() -> String {
        contains("_") ? String(filter { $0 != "_" }) : self
    }
}
