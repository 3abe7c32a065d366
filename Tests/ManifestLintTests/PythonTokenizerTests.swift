import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests

/// The Python tokenizer, against Python's own `tokenize` module on every
/// Python file of the real projects and on generated programs, and on its own
/// for f-string pieces and unterminated constructs.
struct PythonTokenizerTests {
    static func kinds(_ source: String) -> [String] {
        let bytes = Array(source.utf8)
        return PythonTokenizer.tokenize(bytes).tokens.map { "\($0.kind) \(String(decoding: bytes[$0.span.start..<$0.span.end], as: UTF8.self))" }
    }

    /// Our tokens as Python 3.11 reports them: an f-string with fields is one STRING.
    static func asPythonReports(_ tokens: [PythonToken]) -> [String] {
        var result: [String] = []
        var open: [Int] = []
        for token in tokens {
            switch token.kind {
            case .fstringHead:
                open.append(token.span.start)
            case .fstringTail:
                if let start = open.popLast(), open.isEmpty { result.append("STRING \(start) \(token.span.end)") }
            default:
                guard open.isEmpty else { continue }
                let name: String
                switch token.kind {
                case .name: name = "NAME"
                case .number: name = "NUMBER"
                case .string: name = "STRING"
                case .op: name = "OP"
                case .comment: name = "COMMENT"
                case .newline: name = "NEWLINE"
                case .indent: name = "INDENT"
                case .dedent: name = "DEDENT"
                default: name = "?"
                }
                result.append("\(name) \(token.span.start) \(token.span.end)")
            }
        }
        return result
    }

    /// Python's tokens of each source that compiles (nil for one that does not), as "TYPE start end" in bytes.
    static func pythonTokens(_ sources: [[UInt8]]) throws -> [[String]?] {
        let script = #"""
            import base64, io, json, sys, tokenize
            out = []
            for encoded in json.load(open(sys.argv[1])):
                data = base64.b64decode(encoded)
                try:
                    compile(data, "<test>", "exec")
                    lines = data.split(b"\n")
                    starts, offset = [], 0
                    for line in lines:
                        starts.append(offset)
                        offset += len(line) + 1
                    def at(row, col):
                        if row - 1 >= len(lines): return len(data)
                        return starts[row - 1] + len((lines[row - 1] + b"\n").decode("utf-8")[:col].encode("utf-8"))
                    tokens = []
                    for t in tokenize.tokenize(io.BytesIO(data).readline):
                        kind = tokenize.tok_name[t.type]
                        if kind in ("NL", "ENDMARKER", "ENCODING"): continue
                        tokens.append("%s %d %d" % (kind, min(at(*t.start), len(data)), min(at(*t.end), len(data))))
                    out.append(tokens)
                except Exception:
                    out.append(None)
            print(json.dumps(out))
            """#
        // The sources go through a file: a pipe holds 64 KB, and they are more.
        let inputPath = NSTemporaryDirectory() + "python-sources-\(UInt64.random(in: 0...UInt64.max)).json"
        try JSONSerialization.data(withJSONObject: sources.map { Data($0).base64EncodedString() }).write(to: URL(fileURLWithPath: inputPath))
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, inputPath]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answers = try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
        return answers.map { $0 as? [String] }
    }

    static let realProjects = "../shared/testdata/real-projects"

    @Test func everyPythonFileOfTheRealProjectsTokenizesAsPythonDoes() throws {
        guard FileManager.default.fileExists(atPath: Self.realProjects) else {
            print("skipped: \(Self.realProjects) is absent")
            return
        }
        let enumerator = FileManager.default.enumerator(atPath: Self.realProjects)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".py"), !path.contains("node_modules") { paths.append(Self.realProjects + "/" + path) }
        }
        let sources = paths.compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
        try #require(sources.count >= 100, "\(sources.count) Python files")
        let answers = try Self.pythonTokens(sources)
        var compared = 0
        for (index, answer) in answers.enumerated() {
            guard let expected = answer else { continue }
            compared += 1
            let tokens = PythonTokenizer.tokenize(sources[index])
            #expect(tokens.error == nil, "\(paths[index]): \(tokens.error.map { "\($0.message) at \($0.offset)" } ?? "")")
            let ours = Self.asPythonReports(tokens.tokens)
            if ours != expected {
                let first = (0..<min(ours.count, expected.count)).first { ours[$0] != expected[$0] } ?? min(ours.count, expected.count)
                Issue.record("\(paths[index]): first difference at token \(first): ours \(ours.dropFirst(first).prefix(3)), Python's \(expected.dropFirst(first).prefix(3))")
            }
        }
        #expect(compared >= 100)
    }

    /// Programs built from the constructs that trip tokenizers: every string
    /// prefix and quote, f-strings with conversions, specs and nested
    /// fields, continuations, brackets across lines, indentation with tabs.
    static func program(_ random: inout SplitMix) -> String {
        let expressions = ["x", "a.b(c, d=1)", "[i for i in range(3)]", "{'k': v}", "0x1F + 1_000 * 2.5e-3j", "f(*args, **kw)",
                           "x if y else z", "lambda q: q", "(1,\n 2)", "'a' 'b'", "not x", "y[1:2]", "x @ y", "-1", "a := 2"]
        let strings = ["'s'", "\"d\"", "r'\\d+'", "b'\\x00'", "Rb\"x\"", "u'u'", "'''tri\nple'''", "\"\"\"doc \"quoted\" \"\"\"",
                       "f'{x}'", "f\"{x!r:>{w}}\"", "F'{a}{b}{{lit}}'", "rf'\\d{n}'", "f'{x:%Y-%m-%d}'", "f\"{'nested' + f'{y}'}\"",
                       "f'''{\n x\n}'''", "f'{x=}'", "f'\\N{BULLET} {v}'", "fr'{p}\\\\'"]
        var lines: [String] = []
        var depth = 0
        for _ in 0..<(3 + random.next(below: 12)) {
            let indent = String(repeating: random.chance(10) ? "\t" : "    ", count: depth)
            switch random.next(below: 7) {
            case 0:
                lines.append(indent + "if \(random.pick(expressions)):  # comment")
                depth += 1
                lines.append(String(repeating: "    ", count: depth) + "pass")
            case 1:
                lines.append(indent + "value = \(random.pick(strings)) + \(random.pick(strings))")
            case 2:
                lines.append(indent + "call(\(random.pick(expressions)),\n\(indent)     \(random.pick(strings)))")
            case 3:
                lines.append(indent + "total = 1 + \\\n\(indent)    \(random.pick(expressions))")
            case 4:
                lines.append("")
                lines.append(indent + "# a comment line")
            case 5:
                if depth > 0 { depth -= 1 }
                lines.append(String(repeating: "    ", count: depth) + "x = \(random.pick(expressions))")
            default:
                lines.append(indent + "print(\(random.pick(strings)), \(random.pick(expressions)))")
            }
        }
        return lines.joined(separator: "\n") + (random.chance(80) ? "\n" : "")
    }

    @Test func generatedProgramsTokenizeAsPythonDoes() throws {
        var random = SplitMix(seed: 20_261_207)
        let programs = (0..<400).map { _ in Self.program(&random) }
        let answers = try Self.pythonTokens(programs.map { Array($0.utf8) })
        var compared = 0
        for (program, answer) in zip(programs, answers) {
            guard let expected = answer else { continue }
            compared += 1
            let tokens = PythonTokenizer.tokenize(Array(program.utf8))
            #expect(tokens.error == nil, "\(program.debugDescription)")
            let ours = Self.asPythonReports(tokens.tokens)
            if ours != expected {
                let first = (0..<min(ours.count, expected.count)).first { ours[$0] != expected[$0] } ?? min(ours.count, expected.count)
                Issue.record("\(program.debugDescription): first difference at token \(first): ours \(ours.dropFirst(first).prefix(3)), Python's \(expected.dropFirst(first).prefix(3))")
            }
        }
        // Most generated programs compile; the rest (a name used as an operand where Python wants a statement) are skipped.
        #expect(compared > 200, "\(compared) compared")
    }

    @Test func fStringFieldsAreTokenizedInPieces() {
        #expect(Self.kinds("f'a{b!r:>{w}}c'\n") == [
            "fstringHead f'a{", "name b", "fstringMiddle !r:>{", "name w", "fstringTail }}c'", "newline \n",
        ])
        #expect(Self.kinds("f\"{x['k']}{f'{y}'}\"") == [
            "fstringHead f\"{", "name x", "op [", "string 'k'", "op ]", "fstringMiddle }{", "fstringHead f'{", "name y",
            "fstringTail }'", "fstringTail }\"", "newline ",
        ])
        // Python 3.12 lets a field reuse its f-string's quotes.
        #expect(Self.kinds("f\"{\"a\" + b}\"") == ["fstringHead f\"{", "string \"a\"", "op +", "name b", "fstringTail }\"", "newline "])
        #expect(Self.kinds("f'{{literal}} {x}'") == ["fstringHead f'{{literal}} {", "name x", "fstringTail }'", "newline "])
        #expect(Self.kinds("f'no fields'") == ["string f'no fields'", "newline "])
    }

    @Test(arguments: [
        ("x = 'open\n", "unterminated string literal", 4),
        ("x = '''never\nends", "unterminated triple-quoted string literal", 4),
        ("x = f'{a\n", "f-string: expecting '}'", 8),
        ("x = f'{a'\n", "f-string: expecting '}'", 8),
        ("call(1,\n  2\n", "'(' was never closed", 4),
        ("x = )\n", "unmatched ')'", 4),
        ("if x:\n        a\n    b\n", "unindent does not match any outer indentation level", 20),
        ("x = $\n", "invalid character '$'", 4),
        ("x = 1 \\ 2\n", "unexpected character after line continuation character", 6),
        ("f'{x#}'", "f-string expression part cannot include '#'", 4),
        ("f'}'", "f-string: single '}' is not allowed", 2),
    ])
    func unterminatedAndStrayConstructsAreErrors(_ source: String, _ message: String, _ offset: Int) {
        let tokens = PythonTokenizer.tokenize(Array(source.utf8))
        #expect(tokens.error?.message == message)
        #expect(tokens.error?.offset == offset)
    }

    /// Found by the FuzzPython target: a field cut short by its f-string's
    /// closing quote gave a tail that started before the field's tokens.
    @Test func aFieldCutShortKeepsTheTokensInOrder() {
        let source = Array(("f\"{x['k']}{" + String(repeating: "\"", count: 36) + "f'{y}'}\"\n").utf8)
        let tokens = PythonTokenizer.tokenize(source).tokens
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.span.start <= $1.span.start })
        #expect(PythonTokenizer.tokenize(Array("f'{x'\n".utf8)).tokens.map(\.kind) == [.fstringHead, .name, .fstringTail, .newline])
    }

    /// Arbitrary bytes: no trap, every token inside the input, and the scan ends.
    @Test func anyBytesTokenizeWithinBounds() {
        var random = SplitMix(seed: 7)
        let alphabet = Array("f'\"{}[]():!=\\\n\r\t #rbu0x.e_aé".utf8)
        for _ in 0..<3_000 {
            let bytes = (0..<random.next(below: 60)).map { _ in random.chance(5) ? UInt8(random.next(below: 256)) : random.pick(alphabet) }
            for token in PythonTokenizer.tokenize(bytes).tokens {
                #expect(token.span.start <= token.span.end && token.span.end <= bytes.count)
            }
        }
    }
}
