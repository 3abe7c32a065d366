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

    /// Whether a scalar shows as something else (see `visible`).
    @inline(__always)
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every scalar visible (see `visible`); the same string when nothing needs it.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(visible(scalar)) }
        return String(result)
    }

    /// A finding's message as reports show it: escaped, each quoted value
    /// ('…', as the rules quote what they read) cut in the middle past
    /// `quotedValueLimit`, and the whole cut past `messageLimit`.
    public static func message(_ text: String) -> String {
        // Most messages are short and plain: nothing to do.
        if text.utf8.count <= quotedValueLimit && !text.unicodeScalars.contains(where: needsEscape) { return text }
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
    private static func boundingQuotedValues(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let opensAfter: Set<Unicode.Scalar> = [" ", "(", "[", "{", "\"", "=", ":"]
        let closesBefore: Set<Unicode.Scalar> = [" ", ",", ".", ";", ":", ")", "]", "}", "!", "?", "\""]
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
