import ManifestLintFindings

/// A token of Python 3 source, with the bytes it spans.
public struct PythonToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case name
        case number
        /// A string literal with any prefix (r, b, u, rb, f ...), triple-quoted
        /// or not; an f-string only when it has no replacement field.
        case string
        /// An f-string with replacement fields, in pieces around the tokens of
        /// each field's expression: the head runs from the prefix to the first
        /// field's `{`; a middle from the end of an expression (its `}`, `!r`
        /// or `:spec`) to the next field's `{`; the tail from there to the
        /// closing quote. Fields nest (`f"{x:>{width}}"`, `f"{f'{y}'}"`).
        case fstringHead, fstringMiddle, fstringTail
        /// Operators and delimiters: `(`, `**=`, `->`, `:=` ...
        case op
        case comment
        /// The end of a logical line (not inside brackets, not after `\`).
        case newline
        /// A deeper indentation at the start of a logical line (the span is the
        /// leading white space), and each level it returns from (empty span).
        case indent, dedent
    }

    public var kind: Kind
    public var span: Span
}

/// The tokens of a file, or how far they go before something unterminated.
public struct PythonTokens: Sendable {
    public var tokens: [PythonToken]
    /// An unterminated string or bracket, a stray character, or an
    /// indentation that matches no outer level: its message and offset.
    public var error: (message: String, offset: Int)?
}
