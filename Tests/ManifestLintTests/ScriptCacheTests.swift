import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// A script analysed once and reused elsewhere must read exactly as if it had been analysed where it stands.
struct ScriptCacheTests {
    /// The literals of a package.json's "scripts", in order, with their spans.
    static func literals(_ json: String) -> (SourceFile, [Span]) {
        let document = JSONLoader.load(SourceFile(path: "package.json", text: json))
        let spans = (document.root?["scripts"]?.entries ?? []).map(\.value.span)
        return (document.file, spans)
    }

    static func describe(_ word: ShellWord) -> String {
        "\(word.text) \(word.span.start)-\(word.span.end) \((0...word.origins.count).map { word.origins.start($0) })"
    }

    /// Every position: of the parse error, of the commands as run, of the runner calls and file arguments.
    static func summary(_ analysis: ScriptAnalysis) -> [String] {
        var lines = [analysis.error.map { "\($0.message) at \($0.offset)" } ?? "no error"]
        for command in analysis.commands {
            var line = (command.directory ?? "?") + ": " + command.words.map(describe).joined(separator: ", ")
            if let call = command.call { line += " calls \(call.tool) \(describe(call.target)) \(call.requiresScript)" }
            for argument in command.fileArguments { line += " file \(describe(argument.word))" }
            for pattern in command.globPatterns { line += " glob \(describe(pattern))" }
            lines.append(line)
        }
        return lines
    }

    static func fresh(_ file: SourceFile, _ span: Span) -> ScriptAnalysis? {
        SourceText.jsonString(in: file, span: span).map { ScriptAnalysis(ShellParser.parse($0)) }
    }

    @Test(arguments: [
        #"cd lib && npx cross-env A=1 node \"a b.js\" --x=\u0031 $(tsc -p .) | tee out && jest --config=jest.\u0031.js"#,
        "npm run build && jest --coverage",
        #"prettier --write 'src/**/*.ts' --config .prettierrc.json \"lib/*.{js,ts}\""#,
        #"bash -c 'echo \"unterminated"#,
    ])
    func aReusedAnalysisIsTheAnalysisWhereTheScriptStands(script: String) throws {
        let (first, firstSpans) = Self.literals(#"{"scripts": {"a": "\#(script)"}}"#)
        let (second, secondSpans) = Self.literals(#"{"name": "other", "scripts": {"x": "y", "b": "\#(script)"}}"#)
        #expect(secondSpans[1].start != firstSpans[0].start)
        let cache = ScriptCache()
        let analysed = try #require(cache.analysis(in: first, span: firstSpans[0]))
        let reused = try #require(cache.analysis(in: second, span: secondSpans[1]))
        #expect(Self.summary(analysed) == Self.fresh(first, firstSpans[0]).map(Self.summary))
        #expect(Self.summary(reused) == Self.fresh(second, secondSpans[1]).map(Self.summary))
        #expect(Self.summary(reused) != Self.summary(analysed))
    }

    /// Many distinct literals (the cache's table grows several times), each
    /// asked twice: every answer is the literal's own analysis, and each
    /// literal is analysed once.
    @Test func manyLiteralsKeepTheirOwnAnalyses() throws {
        let scripts = (0..<300).map { "\"s\($0)\": \"node bin/tool-\($0).js --n \($0 * 7)\"" }.joined(separator: ", ")
        let (file, spans) = Self.literals("{\"scripts\": {\(scripts)}}")
        #expect(spans.count == 300)
        let cache = ScriptCache()
        for span in spans + spans.reversed() {
            let analysis = try #require(cache.analysis(in: file, span: span))
            #expect(Self.summary(analysis) == Self.fresh(file, span).map(Self.summary))
        }
        #expect(cache.count == 300)
    }

    /// Literals of one length that agree in the bytes the cache fingerprints
    /// (first, middle and last eight) but not elsewhere are still told apart.
    @Test func literalsWithOneFingerprintKeepTheirOwnAnalyses() throws {
        let (file, spans) = Self.literals(#"{"scripts": {"a": "echo 1234 ab 5678efgh ijkl 99999", "b": "echo 1234 bb 5678efgh ijkl 99999"}}"#)
        #expect(spans[0].end - spans[0].start == spans[1].end - spans[1].start)
        let cache = ScriptCache()
        for span in spans + spans {
            let analysis = try #require(cache.analysis(in: file, span: span))
            #expect(Self.summary(analysis) == Self.fresh(file, span).map(Self.summary))
        }
    }
}
