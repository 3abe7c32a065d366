import Testing
@testable import ManifestLint

/// A script parsed once and reused elsewhere must read exactly as if it had been parsed where it stands.
struct ScriptParseCacheTests {
    /// The literals of a package.json's "scripts", in order, with their spans.
    static func literals(_ json: String) -> (SourceFile, [Span]) {
        let document = JSONLoader.load(SourceFile(path: "package.json", text: json))
        let spans = (document.root?["scripts"]?.entries ?? []).map(\.value.span)
        return (document.file, spans)
    }

    static func summary(_ script: ShellScript) -> [String] {
        script.commands.flatMap { command in
            (command.assignments + command.words).map { word in
                "\(word.text) \(word.span.start)-\(word.span.end) \((0...word.origins.count).map { word.origins.start($0) }) \(command.directory ?? "?")"
            }
        } + [script.error.map { "\($0.message) at \($0.offset)" } ?? "no error"]
    }

    @Test(arguments: [
        #"cd lib && node \"a b.js\" --x=\u0031 $(tsc -p .) | tee out"#,
        "jest --coverage",
        #"bash -c 'echo \"unterminated"#,
    ])
    func aReusedParseIsTheParseWhereTheScriptStands(script: String) {
        let (first, firstSpans) = Self.literals(#"{"scripts": {"a": "\#(script)"}}"#)
        let (second, secondSpans) = Self.literals(#"{"name": "other", "scripts": {"x": "y", "b": "\#(script)"}}"#)
        let cache = ScriptParseCache()
        let parsedFirst = cache.script(in: first, span: firstSpans[0])
        let reused = cache.script(in: second, span: secondSpans[1])
        let fresh = SourceText.jsonString(in: second, span: secondSpans[1]).map { ShellParser.parse($0) }
        #expect(parsedFirst.map(Self.summary) == SourceText.jsonString(in: first, span: firstSpans[0]).map { Self.summary(ShellParser.parse($0)) })
        #expect(reused.map(Self.summary) == fresh.map(Self.summary))
        #expect(secondSpans[1].start != firstSpans[0].start)
    }
}
