import ManifestLintCore

/// Writes a new string value in place of an old one, in the old one's style:
/// a plain YAML scalar stays plain unless the value needs quotes, a quoted
/// one keeps its quotes (escaped as that style requires), a JSON string is
/// escaped as JSON.
public enum ScalarWriter {
    /// The edit that gives a mapping entry `text` (written as is) for its
    /// value: in place of the value, or, for `key:` with nothing after it,
    /// after the colon (a comment that follows keeps a space before it).
    /// nil when the colon cannot be found after the key.
    public static func settingValue(of entry: MappingEntry, to text: String, in file: SourceFile) -> TextEdit? {
        let value = entry.value.span
        if value.end > value.start { return TextEdit(path: file.path, span: value, replacement: text) }
        let bytes = file.bytes
        var colon = entry.key.span.end
        while colon < bytes.count, bytes[colon] == UInt8(ascii: " ") || bytes[colon] == UInt8(ascii: "\t") { colon += 1 }
        guard colon < bytes.count, bytes[colon] == UInt8(ascii: ":") else { return nil }
        let spaced = colon + 1 < bytes.count && bytes[colon + 1] == UInt8(ascii: " ")
        let at = colon + (spaced ? 2 : 1)
        let comment = at < bytes.count && bytes[at] == UInt8(ascii: "#")
        return TextEdit(path: file.path, span: Span(at, at), replacement: (spaced ? "" : " ") + text + (comment ? " " : ""))
    }

    /// The source text for `value` where `node` was written; nil when the
    /// node's style cannot be rewritten in place (YAML block scalars).
    public static func replacement(for node: Node, with value: String) -> String? {
        guard let scalar = node.scalar else { return nil }
        switch scalar.style {
        case .json: return JSONText.quote(value)
        case .doubleQuoted: return doubleQuotedYAML(value)
        case .singleQuoted: return "'" + value.replacingAll("'", with: "''") + "'"
        case .plain: return isSafePlainYAML(value) ? value : doubleQuotedYAML(value)
        case .literal, .folded: return nil
        }
    }

    /// A YAML double-quoted scalar: backslash escapes for quotes, backslashes
    /// and control characters.
    public static func doubleQuotedYAML(_ value: String) -> String {
        var output = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case let control where control.value < 0x20 || control.value == 0x7F:
                let hex = String(control.value, radix: 16, uppercase: true)
                output += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// Whether `value` reads back as the same string when written plain: no
    /// indicator at the start, no `: ` or ` #`, no surrounding blanks, no flow
    /// indicator, no control character, and it does not resolve to a null,
    /// boolean or number. Checked on the UTF-8 bytes, as YAML parsers read
    /// them (every byte that matters is ASCII).
    public static func isSafePlainYAML(_ value: String) -> Bool {
        let safe = value.withBytes { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last,
                  !startIndicators.contains(first), first != space, last != space, last != colon else { return false }
            for index in bytes.indices {
                let byte = bytes[index]
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                // Flow indicators would end the scalar inside a flow collection.
                if byte < 0x20 || flowIndicators.contains(byte) || (byte == colon && next == space) || (byte == space && next == hash) {
                    return false
                }
            }
            return true
        }
        return safe && ScalarResolver.resolve(value, tag: nil) == .string
    }

    private static let startIndicators = Array("-?:,[]{}#&*!|>'\"%@`".utf8)
    private static let flowIndicators = Array(",[]{}".utf8)
    private static let space = UInt8(ascii: " ")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
}

extension String {
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
