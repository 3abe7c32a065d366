import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

struct YAMLLoaderTests {
    static func load(_ text: String) -> LoadedDocument {
        YAMLLoader.load(SourceFile(path: "Pulumi.yaml", text: text))
    }

    @Test func spansAreByteOffsetsAfterMultibyteTextABOMAndCRLF() throws {
        let text = "\u{FEFF}description: caf\u{E9} \u{1F600}\r\nname: tap\r\nruntime:\r\n  name: \"nodejs\"\r\n"
        let document = Self.load(text)
        #expect(document.problems.isEmpty)
        let root = try #require(document.root)
        let name = try #require(root["name"])
        #expect(document.file.text(name.span) == "tap")
        let runtime = try #require(root["runtime"]?["name"])
        #expect(document.file.text(runtime.span) == "\"nodejs\"")
        #expect(runtime.scalar?.style == .doubleQuoted)
        #expect(document.file.position(of: runtime.span.start) == LineColumn(line: 4, column: 9))
        #expect(root["description"]?.string == "caf\u{E9} \u{1F600}")
    }

    @Test(arguments: [
        ("yes", ScalarKind.string), ("no", .string), ("on", .string), ("off", .string), ("y", .string),
        ("true", .boolean), ("False", .boolean), ("TRUE", .boolean),
        ("42", .integer), ("-7", .integer), ("0x1F", .integer), ("0o17", .integer), ("1_000", .integer),
        ("1.5", .float), (".inf", .float), ("-.Inf", .float), ("1e3", .float), ("09", .float),
        ("~", .null), ("null", .null), ("", .null),
        ("1.2.3", .string), ("v1", .string), ("0x", .string),
    ])
    func plainScalarsResolveLikeYAMLv3(_ text: String, _ kind: ScalarKind) throws {
        let document = Self.load("key: \(text)\n")
        #expect(document.root?["key"]?.scalar?.kind == kind)
    }

    @Test func quotedAndTaggedScalarsAreStringsUnlessTagged() {
        let root = Self.load("a: \"true\"\nb: '42'\nc: !!str 42\nd: !!int \"7\"\ne: |\n  true\n").root
        #expect(root?["a"]?.scalar?.kind == .string)
        #expect(root?["b"]?.scalar?.kind == .string)
        #expect(root?["c"]?.scalar?.kind == .string)
        #expect(root?["d"]?.scalar?.kind == .integer)
        #expect(root?["e"]?.scalar?.kind == .string)
    }

    @Test func anAliasBombIsRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let document = Self.load(text)
        #expect(document.problems.contains { $0.kind == .syntax && $0.message.contains("alias") })
    }

    @Test func aliasesWithinTheBoundAreExpanded() {
        let root = Self.load("base: &b {region: us-east-1}\ncopy: *b\n").root
        #expect(root?["copy"]?["region"]?.string == "us-east-1")
    }

    @Test func nestingIsBounded() {
        let document = Self.load(String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000))
        #expect(document.problems.first?.message.contains("deeper than") == true)
        #expect(Self.load(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).parsed)
        // A plain block mapping too deep: the simple reader gives up and libyaml's reading reports the same bound.
        let deep = (0..<300).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
        let deepDocument = Self.load(deep)
        #expect(deepDocument.problems.map(\.message) == ["nesting is deeper than \(YAMLLoader.maximumDepth) levels; not loaded"])
        // The 257th mapping starts at the key k256.
        let lines = (0..<256).map { $0 + "k\($0):\n".utf8.count }.reduce(0, +)
        #expect(deepDocument.problems.first?.span.start == lines + 256)
    }

    @Test func duplicateKeysAreReportedAtTheSecondKey() throws {
        let document = Self.load("name: a\nruntime: nodejs\nname: b\n")
        let problem = try #require(document.problems.first)
        #expect(problem.kind == .duplicateKey)
        #expect(document.file.position(of: problem.span.start) == LineColumn(line: 3, column: 1))
        #expect(problem.message.contains("line 1"))
    }

    /// Small mappings are compared pairwise, large ones through a table; merge keys never repeat.
    @Test(arguments: [3, 32, 33, 40])
    func everyRepeatedKeyIsReportedAgainstItsFirst(keys: Int) {
        let names = (0..<keys).map { "k\($0)" }
        let text = (names + [names[0], "<<", "<<"]).map { "\($0): {}" }.joined(separator: "\n") + "\n"
        let document = Self.load(text)
        #expect(document.problems.map(\.kind) == [.duplicateKey])
        #expect(document.problems.map { document.file.position(of: $0.span.start).line } == [keys + 1])
        #expect(document.problems.first?.message == "mapping key 'k0' is already defined at line 1")
    }

    @Test func aSecondDocumentIsReportedAndIgnored() throws {
        let document = Self.load("name: a\n---\nname: b\n")
        let problem = try #require(document.problems.first)
        #expect(problem.kind == .tolerated)
        #expect(document.file.position(of: problem.span.start).line == 2)
        #expect(document.root?["name"]?.string == "a")
    }

    @Test func syntaxErrorsCarryLineAndColumn() throws {
        let document = Self.load("name: demo\nruntime:\n  name: nodejs\n   bad: indent\n")
        let problem = try #require(document.problems.first)
        #expect(problem.kind == .syntax)
        #expect(document.file.position(of: problem.span.start).line == 4)
    }

    @Test func invalidUTF8AndUTF16AreSyntaxErrors() {
        let invalid = YAMLLoader.load(SourceFile(path: "x", bytes: Array("name: ".utf8) + [0xC3, 0x28] + [0x0A]))
        #expect(!invalid.parsed)
        let utf16 = YAMLLoader.load(SourceFile(path: "x", bytes: [0xFF, 0xFE, 0x6E, 0x00]))
        #expect(utf16.problems.first?.message.contains("UTF-16") == true)
    }

    @Test func anEmptyFileHasNoRoot() {
        let document = Self.load("# only a comment\n")
        #expect(document.parsed)
        #expect(document.root == nil)
    }
}

struct SourceFileTests {
    @Test func positionsRoundTripAndCountScalars() {
        let file = SourceFile(path: "x", text: "ab\n\u{E9}\u{1F600}x\r\nlast")
        for offset in [0, 1, 3, 5, 9, 10, 12] {
            #expect(file.offset(of: file.position(of: offset)) == offset)
        }
        #expect(file.position(of: 9) == LineColumn(line: 2, column: 3))
        #expect(file.lineText(2) == "\u{E9}\u{1F600}x")
        #expect(file.lineText(3) == "last")
    }
}
