import ManifestLintFindings

/// A word of a shell command after quote removal, with where each byte came from.
public struct ShellWord: Sendable, Equatable {
    /// The word as the shell passes it on (expansions kept as written).
    public var text: String
    /// Where each byte of `text` comes from in the file.
    public var origins: ByteOrigins
    /// Where the word is written, quotes included.
    public var span: Span
    /// It holds a parameter expansion, a command substitution or a tilde:
    /// its value is not known, so no conclusion is drawn from it.
    public var isDynamic = false
    /// It holds an unquoted `*`, `?` or `[`, which the shell would glob.
    var hasUnquotedGlob = false
    /// Written without quotes or escapes: the source text is the word.
    var isPlain = true
    /// The offset in `text` of the first unquoted `=`, for `NAME=value`.
    var assignmentEquals: Int?

    /// The word's text as a script of its own (for `sh -c`), with its positions.
    public var source: SourceText {
        SourceText(bytes: Array(text.utf8), origins: origins)
    }

    var isAssignment: Bool {
        guard let equals = assignmentEquals, equals > 0 else { return false }
        let name = text.utf8.prefix(equals)
        guard let first = name.first, first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) else {
            return false
        }
        return name.allSatisfy { $0 == UInt8(ascii: "_") || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }
}

/// A simple command: its `NAME=value` prefixes, its words, and the
/// directory it runs in.
public struct ShellCommand: Sendable {
    public var assignments: [ShellWord]
    public var words: [ShellWord]
    /// Relative to where the script starts ("" there); nil when a `cd` made it unknown.
    public var directory: String?
}

/// What parsing a script gives: every simple command, those in subshells,
/// command substitutions and `sh -c` strings included, or the first error.
public struct ShellScript: Sendable {
    public var commands: [ShellCommand] = []
    public var error: ShellParseError?
}

/// Where and why parsing stopped: a syntax error that sh reports too, or a
/// limit of the parser's own (groups nested deeper than it follows), past
/// which the script runs but is not checked.
public struct ShellParseError: Error, Sendable {
    public var message: String
    public var offset: Int
    /// The parser's own limit, not an error of the script.
    public var isLimit = false

    public init(message: String, offset: Int, isLimit: Bool = false) {
        self.message = message
        self.offset = offset
        self.isLimit = isLimit
    }
}
