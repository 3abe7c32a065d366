import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

struct JSONLoaderTests {
    static func load(_ text: String, dialect: JSONLoader.Dialect = .json) -> LoadedDocument {
        JSONLoader.load(SourceFile(path: "test.json", text: text), dialect: dialect)
    }

    static func strings(in node: Node) -> [Node] {
        var result: [Node] = []
        var pending = [node]
        while let current = pending.popLast() {
            switch current.value {
            case .scalar(let scalar) where scalar.kind == .string: result.append(current)
            case .scalar: break
            case .sequence(let elements): pending.append(contentsOf: elements)
            case .mapping(let entries):
                for entry in entries { pending.append(entry.key); pending.append(entry.value) }
            }
        }
        return result
    }

    /// Every string (keys too) of every file the suite accepts: its span is a
    /// complete JSON string literal that decodes, alone, to the same text.
    @Test(.enabled(if: JSONConformanceTests.available, "../shared/testdata/JSONTestSuite is absent beside the checkout: span check skipped"),
          arguments: JSONConformanceTests.verdicts().filter(\.accept))
    func stringSpansSliceBackToTheirSource(_ verdict: JSONConformanceTests.Verdict) throws {
        let bytes = try #require(TestPaths.bytes(JSONConformanceTests.suite + "/test_parsing/" + verdict.file))
        let file = SourceFile(path: verdict.file, bytes: bytes)
        let root = try #require(JSONLoader.load(file).root)
        for node in Self.strings(in: root) {
            let slice = Array(bytes[node.span.start..<node.span.end])
            #expect(slice.first == UInt8(ascii: "\"") && slice.last == UInt8(ascii: "\"") && slice.count >= 2)
            let alone = JSONLoader.load(SourceFile(path: "slice", bytes: slice))
            #expect(alone.root?.string == node.string, "span \(node.span) of \(verdict.file)")
        }
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let file: String
        let line: Int
        let column: Int
        var testDescription: String { file }
    }

    /// The reported position is the first offending character (or the end of input).
    @Test(.enabled(if: JSONConformanceTests.available, "../shared/testdata/JSONTestSuite is absent beside the checkout: position check skipped"),
          arguments: [
            Broken(file: "n_array_extra_comma.json", line: 1, column: 5),
            Broken(file: "n_object_trailing_comma.json", line: 1, column: 9),
            Broken(file: "n_structure_unclosed_array.json", line: 1, column: 3),
            Broken(file: "n_string_unescaped_tab.json", line: 1, column: 3),
            Broken(file: "n_number_with_leading_zero.json", line: 1, column: 3),
            Broken(file: "n_object_missing_colon.json", line: 1, column: 6),
            Broken(file: "n_array_comma_after_close.json", line: 1, column: 5),
            Broken(file: "n_string_escape_x.json", line: 1, column: 4),
            Broken(file: "n_structure_object_with_trailing_garbage.json", line: 1, column: 13),
            Broken(file: "n_object_single_quote.json", line: 1, column: 2),
            Broken(file: "n_array_newlines_unclosed.json", line: 3, column: 4),
            Broken(file: "n_number_minus_infinity.json", line: 1, column: 3),
            Broken(file: "n_structure_lone-invalid-utf-8.json", line: 1, column: 1),
            Broken(file: "n_string_invalid_utf8_after_escape.json", line: 1, column: 4),
          ])
    func brokenFilePosition(_ broken: Broken) throws {
        let bytes = try #require(TestPaths.bytes(JSONConformanceTests.suite + "/test_parsing/" + broken.file))
        let file = SourceFile(path: broken.file, bytes: bytes)
        let problem = try #require(JSONLoader.load(file).problems.first { $0.kind == .syntax })
        #expect(file.position(of: problem.span.start) == LineColumn(line: broken.line, column: broken.column), "\(problem.message)")
    }

    @Test func positionsCountUnicodeScalarsOnLaterLines() throws {
        let document = Self.load("{\n  \"caf\u{E9}\": \"\u{1F600}\",\n  \"x\": ]\n}")
        let problem = try #require(document.problems.first)
        #expect(document.file.position(of: problem.span.start) == LineColumn(line: 3, column: 8))
    }

    @Test func spansOfValuesAndKeys() throws {
        let text = "{\"name\": \"tap\", \"bin\": {\"tap\": \"bin/tap.js\"}, \"n\": -1.5e3, \"ok\": true}"
        let document = Self.load(text)
        let root = try #require(document.root)
        let bin = try #require(root["bin"]?["tap"])
        #expect(document.file.text(bin.span) == "\"bin/tap.js\"")
        #expect(bin.string == "bin/tap.js")
        #expect(document.file.text(try #require(root.entry("bin")).key.span) == "\"bin\"")
        #expect(root["n"]?.scalar?.kind == .float)
        #expect(root["ok"]?.bool == true)
        #expect(document.file.text(root.span) == text)
    }

    /// A string's end, escape, non-ASCII or control byte is found at every
    /// offset in it and whatever follows it in the file (the scan tests
    /// eight bytes at a time).
    @Test(arguments: 0..<20)
    func aStringsSpecialByteIsFoundAtEveryOffset(offset: Int) throws {
        let head = String(repeating: "a", count: offset)
        for tail in ["", "bcdefghijklmnop"] {
            let plain = try #require(Self.load("[\"\(head)\", \"\(tail)\"]").root?.elements)
            #expect(plain.map(\.string) == [head, tail])
            #expect(Self.load("[\"\(head)\\n\(tail)\"]").root?.elements?.first?.string == head + "\n" + tail)
            #expect(Self.load("[\"\(head)é\(tail)\"]").root?.elements?.first?.string == head + "é" + tail)
            let control = Self.load("[\"\(head)\u{1}\(tail)\"]")
            #expect(control.root == nil)
            #expect(control.problems.first?.span.start == 2 + offset)
        }
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let document = Self.load(#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#)
        #expect(document.root?.elements?.first?.string == "a\"b\\c/\n\u{E9}\u{1F600}")
        #expect(document.problems.isEmpty)
    }

    @Test func loneSurrogatesAndInvalidUTF8AreToleratedWithAWarning() {
        let surrogate = Self.load(#"["\ud800"]"#)
        #expect(surrogate.parsed)
        #expect(surrogate.problems.map(\.kind) == [.tolerated])
        let invalid = JSONLoader.load(SourceFile(path: "x", bytes: Array("[\"".utf8) + [0xFF] + Array("\"]".utf8)))
        #expect(invalid.parsed)
        #expect(invalid.root?.elements?.first?.string == "\u{FFFD}")
        #expect(invalid.problems.map(\.kind) == [.tolerated])
        // One U+FFFD per maximal invalid sequence, as Node decodes (found by JSONDifferentialTests):
        // a truncated three-byte sequence before an escape, a lone continuation byte after a decoded one.
        let truncated = JSONLoader.load(SourceFile(path: "x", bytes: [0x22, 0xE2, 0xA8, 0x5C, 0x6E, 0x41, 0xA9, 0x22]))
        #expect(truncated.root?.string == "\u{FFFD}\nA\u{FFFD}")
        let plain = JSONLoader.load(SourceFile(path: "x", bytes: [0x22, 0xF0, 0x9F, 0x98, 0x2C, 0x80, 0x22]))
        #expect(plain.root?.string == "\u{FFFD},\u{FFFD}")
    }

    @Test func duplicateKeysAreReportedAndTheLastWins() throws {
        let document = Self.load("{\"a\": 1,\n \"a\": 2}")
        let problem = try #require(document.problems.first)
        #expect(problem.kind == .duplicateKey)
        #expect(document.file.position(of: problem.span.start) == LineColumn(line: 2, column: 2))
        #expect(document.root?["a"]?.scalar?.text == "2")
    }

    @Test func aKeyRepeatedWithTheSameValueIsNoProblem() {
        let document = Self.load("{\"a\": {\"x\": [1, \"s\"], \"y\": null},\n \"a\": {\"y\": null, \"x\": [1.0, \"s\"]}, \"b\": 1, \"b\": \"1\"}")
        #expect(document.problems.count == 1)
        #expect(document.problems.first?.message == "key 'b' is already defined at line 2; JSON.parse keeps only this last one")
    }

    /// The same verdicts as Node's util.isDeepStrictEqual on what JSON.parse gives.
    @Test func sameValueAgreesWithNode() throws {
        let pairs: [(String, String)] = [
            ("1", "1.0"), ("1", "\"1\""), ("1e2", "100"), ("0", "-0"), ("true", "true"), ("null", "false"), ("\"a\"", "\"\\u0061\""),
            ("[1, 2]", "[2, 1]"), ("[]", "[]"), ("[[1]]", "[[1.0]]"), ("{}", "{}"), ("{\"a\": 1, \"b\": 2}", "{\"b\": 2, \"a\": 1}"),
            ("{\"a\": 1}", "{\"a\": 1, \"b\": null}"), ("{\"a\": 1, \"a\": 2}", "{\"a\": 2}"), ("{\"a\": [1]}", "{\"a\": [\"1\"]}"),
            ("\"^29\"", "\"^29\""), ("\"^29\"", "\"^30\""), ("{}", "[]"),
        ]
        let script = """
            const pairs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            console.log(JSON.stringify(pairs.map(([a, b]) => require('util').isDeepStrictEqual(JSON.parse(a), JSON.parse(b)))));
            """
        let input = "[" + pairs.map { "[\(Self.quoted($0.0)), \(Self.quoted($0.1))]" }.joined(separator: ",") + "]"
        let verdicts = try NodeProcess.run(script, input: input).trimmingCharacters(in: .whitespacesAndNewlines)
        let ours = pairs.map { pair in
            guard let a = Self.load(pair.0).root, let b = Self.load(pair.1).root else { return false }
            return a.isSameJSONValue(as: b)
        }
        #expect(verdicts == "[" + ours.map(String.init).joined(separator: ",") + "]")
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Small objects are compared pairwise, large ones through a table: both find every repeat.
    @Test(arguments: [3, 32, 33, 40])
    func everyRepeatedKeyIsReportedAgainstItsFirst(keys: Int) {
        let names = (0..<keys).map { "k\($0)" }
        // Each repeat with another value than its first: a repeat with the same value is no problem.
        let text = "{" + (names + [names[0], names[keys - 1]]).enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ",\n") + "}"
        let document = Self.load(text)
        #expect(document.problems.map(\.kind) == [.duplicateKey, .duplicateKey])
        #expect(document.problems.map { document.file.position(of: $0.span.start).line } == [keys + 1, keys + 2])
        #expect(document.problems.map(\.message) == [
            "key 'k0' is already defined at line 1; JSON.parse keeps only this last one",
            "key 'k\(keys - 1)' is already defined at line \(keys); JSON.parse keeps only this last one",
        ])
    }

    @Test func depthIsBoundedAtOneThousandWithoutRecursion() {
        let accepted = Self.load(String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000))
        #expect(accepted.parsed)
        let rejected = Self.load(String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001))
        #expect(!rejected.parsed)
        #expect(rejected.problems.first?.message.contains("deeper than 1000") == true)
        let huge = Self.load(String(repeating: "[", count: 200_000))
        #expect(!huge.parsed)
    }

    @Test func jsoncAllowsCommentsAndTrailingCommasStrictJSONDoesNot() {
        let text = "{\n  // a comment\n  \"a\": [1, 2,], /* block */\n  \"b\": {\"c\": 1,},\n}\n"
        #expect(Self.load(text, dialect: .jsonc).parsed)
        #expect(!Self.load(text, dialect: .json).parsed)
        #expect(!Self.load("{\"a\": 1 /* unterminated", dialect: .jsonc).parsed)
    }

    @Test func aByteOrderMarkIsDroppedButOnlyOnce() {
        #expect(Self.load("\u{FEFF}{\"a\": 1}").parsed)
        #expect(!Self.load("\u{FEFF}\u{FEFF}{\"a\": 1}").parsed)
        #expect(!Self.load("\u{FEFF}").parsed)
    }

    @Test func binaryAndHugeFilesAreRefusedUnparsed() {
        let binary = JSONLoader.load(SourceFile(path: "x", bytes: [0x7B, 0x00, 0x7D]))
        #expect(binary.problems.first?.message.contains("NUL") == true)
        let huge = JSONLoader.load(SourceFile(path: "x", bytes: [UInt8](repeating: 0x20, count: InputGuard.maximumSize + 1)))
        #expect(huge.problems.first?.message.contains("larger than 10 MiB") == true)
    }
}
