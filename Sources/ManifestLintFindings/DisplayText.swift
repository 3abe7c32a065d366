import ManifestLintCore

/// Text from the user's files as a report shows it: on one line, with no
/// character that a terminal would act on, and of bounded length.
public enum DisplayText {
    /// The longest quoted value a message shows whole ('…' in the middle past it).
    public static let quotedValueLimit = 100
    /// The longest message a finding shows whole: a backstop for lists of names.
    public static let messageLimit = 1_000

    /// One scalar as one visible column: a tab as a space, control
    /// characters as their Unicode pictures (NUL as ␀, ESC as ␛, DEL as ␡),
    /// C1 controls and the bidirectional overrides (which reorder what a
    /// terminal shows) as U+FFFD. Columns stay one to one, so carets line up.
    @inline(__always)
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: " "
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: "\u{FFFD}"
        default: scalar
        }
    }

    /// Whether UTF-8 text holds a scalar that `visible` changes, judged on
    /// the bytes: C0 controls and DEL, C1 controls (C2 80–9F), and the
    /// bidirectional overrides and isolates (E2 80 AA–AE, E2 81 A6–A9).
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            if byte == 0xE2, index + 2 < bytes.count {
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            }
            index += 1
        }
        return false
    }

    /// `text` with every scalar visible (see `visible`); the same string when nothing needs it.
    public static func escaped(_ text: String) -> String {
        guard text.withBytes(needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(visible(scalar)) }
        return String(result)
    }

    /// Whether a message is shown as it is: nothing to escape, no more bytes
    /// than `messageLimit`, and no run between two apostrophes longer than
    /// `quotedValueLimit` bytes (a quoted value that long needs one). Bytes
    /// are at least as many as scalars, so this errs towards the full work.
    private static func isShownAsItIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= messageLimit, !needsEscape(bytes) else { return false }
        var run = 0
        for byte in bytes {
            run = byte == UInt8(ascii: "'") ? 0 : run + 1
            if run > quotedValueLimit { return false }
        }
        return true
    }

    /// A finding's message as reports show it: escaped, each quoted value
    /// ('…', as the rules quote what they read) cut in the middle past
    /// `quotedValueLimit`, and the whole cut past `messageLimit`.
    public static func message(_ text: String) -> String {
        if text.withBytes(isShownAsItIs) { return text }
        var scalars = Array(escaped(text).unicodeScalars)
        scalars = boundingQuotedValues(scalars)
        if scalars.count > messageLimit {
            scalars = Array(scalars[..<(messageLimit * 3 / 4)]) + ["…"] + Array(scalars[(scalars.count - messageLimit / 4)...])
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// A quote opens after a space, a bracket or the start (not inside a
    /// word: "Pulumi's"), and closes before a space, punctuation or the end.
    private static let opensAfter: Set<Unicode.Scalar> = [" ", "(", "[", "{", "\"", "=", ":"]
    private static let closesBefore: Set<Unicode.Scalar> = [" ", ",", ".", ";", ":", ")", "]", "}", "!", "?", "\""]

    private static func boundingQuotedValues(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            result.append(scalar)
            index += 1
            guard scalar == "'", index == 1 || opensAfter.contains(scalars[index - 2]) else { continue }
            var close = index
            while close < scalars.count, !(scalars[close] == "'" && (close + 1 == scalars.count || closesBefore.contains(scalars[close + 1]))) {
                close += 1
            }
            guard close < scalars.count else { continue }
            let value = scalars[index..<close]
            if value.count > quotedValueLimit {
                let tail = quotedValueLimit / 4
                result += value.prefix(quotedValueLimit - tail - 1) + ["…"] + value.suffix(tail)
            } else {
                result += value
            }
            result.append("'")
            index = close + 1
        }
        return result
    }
}
