import ManifestLintFindings

/// A token of JavaScript or TypeScript source, with the bytes it spans.
public struct JSToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier
        /// `#name` in a class body.
        case privateName
        case number
        case string
        /// A template literal without substitutions: `` `text` ``.
        case template
        /// `` `text${ ``, `}text${` and `` }text` ``: the pieces around substitutions.
        case templateHead, templateMiddle, templateTail
        case regularExpression
        case punctuator
        case lineComment, blockComment
    }

    public var kind: Kind
    public var span: Span

    var isComment: Bool { kind == .lineComment || kind == .blockComment }
}

/// The tokens of a file, or how far they go before something unterminated.
struct JSTokens: Sendable {
    var tokens: [JSToken]
    /// An unterminated string, template, regular expression or comment: its start.
    var error: (message: String, offset: Int)?
}
