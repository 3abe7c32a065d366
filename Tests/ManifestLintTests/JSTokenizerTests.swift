import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

struct JSTokenizerTests {
    static func tokens(_ source: String) -> [(JSToken.Kind, String)] {
        let file = SourceFile(path: "x.ts", text: source)
        return JSTokenizer.tokenize(file).tokens.map { ($0.kind, file.text($0.span)) }
    }

    static func kinds(_ source: String) -> [JSToken.Kind] { tokens(source).map(\.0) }
    static func texts(_ source: String) -> [String] { tokens(source).map(\.1) }

    @Test func everyTokenKind() {
        let source = "#!/usr/bin/env node\nclass A { #x = 1_000n; m() { return 'a' + \"b\" + `c` + /d+/gi + 0x1F + .5e-3; } } // end\n/* block */"
        #expect(Self.kinds(source) == [
            .lineComment, .identifier, .identifier, .punctuator, .privateName, .punctuator, .number, .punctuator,
            .identifier, .punctuator, .punctuator, .punctuator, .identifier, .string, .punctuator, .string, .punctuator,
            .template, .punctuator, .regularExpression, .punctuator, .number, .punctuator, .number, .punctuator,
            .punctuator, .punctuator, .lineComment, .blockComment,
        ])
        #expect(Self.texts("a?.b ?? c >>>= d ... e?.5:f").filter { $0.count > 1 } == ["?.", "??", ">>>=", "...", ".5"])
    }

    /// Every punctuator of ECMAScript is one token, the longest that fits.
    @Test func everyPunctuatorIsOneToken() {
        let punctuators = [
            ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
            "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
            "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".", "@",
        ]
        // Each after an identifier, so that `/` would be division; `/=` stands after one too.
        #expect(Self.texts(punctuators.map { "a \($0) " }.joined() + "a /= b").filter { $0 != "a" && $0 != "b" } == punctuators + ["/="])
        #expect(Self.texts("a>>>==b") == ["a", ">>>=", "=", "b"])
        #expect(Self.texts("a....b") == ["a", "...", ".", "b"])
        #expect(Self.texts("a=>=b") == ["a", "=>", "=", "b"])
        #expect(Self.texts("a+++b") == ["a", "++", "+", "b"])
        #expect(Self.texts("a?.5:b?.c") == ["a", "?", ".5", ":", "b", "?.", "c"])
    }

    @Test func nestedTemplateLiterals() {
        let source = "`a${b + `c${d}e`}f${ {g: 1}.g }h`"
        #expect(Self.tokens(source).map { "\($0.0):\($0.1)" } == [
            "templateHead:`a${", "identifier:b", "punctuator:+", "templateHead:`c${", "identifier:d", "templateTail:}e`",
            "templateMiddle:}f${", "punctuator:{", "identifier:g", "punctuator::", "number:1", "punctuator:}",
            "punctuator:.", "identifier:g", "templateTail:}h`",
        ])
    }

    @Test func regularExpressionVersusDivision() {
        #expect(Self.kinds("a / b / c").filter { $0 == .regularExpression }.isEmpty)
        #expect(Self.texts("x = /ab+c[/]/g.test(y)").contains("/ab+c[/]/g"))
        #expect(Self.texts("return /re/i").last == "/re/i")
        #expect(Self.kinds("(a) / 2 / f(x)[0] / 3").filter { $0 == .regularExpression }.isEmpty)
        #expect(Self.texts("if (ok) { } /x/.test(s)").contains("/x/"))
    }

    @Test func commentsAndStringsHideWhatTheyHold() {
        let source = "// new aws.s3.Bucket(`x-${Date.now()}`)\nconst s = \"Date.now() in a string\"; /* Math.random() */"
        let identifiers = Self.tokens(source).filter { $0.0 == .identifier }.map(\.1)
        #expect(identifiers == ["const", "s"])
    }

    @Test(arguments: [
        ("const s = 'open", "unterminated string"),
        ("const t = `open ${x}", "unterminated template literal"),
        ("/* never closed", "unterminated comment"),
        ("x = /unclosed\ny", "unterminated regular expression"),
        ("`${`${", "unterminated template literal"),
    ])
    func unterminatedConstructsStopWithAnError(_ source: String, _ message: String) {
        let result = JSTokenizer.tokenize(SourceFile(path: "x.js", text: source))
        #expect(result.error?.message == message)
    }

    @Test func arbitraryBytesNeverHang() {
        var generator = SplitMix(seed: 9)
        let alphabet = Array("`${}/*'\"\\\n ab1.(=".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int(generator.next() % 64)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let result = JSTokenizer.tokenize(SourceFile(path: "x.js", bytes: bytes))
            let covered = result.tokens.allSatisfy { $0.span.start < $0.span.end && $0.span.end <= bytes.count }
            #expect(covered)
        }
    }
}
