import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// SimpleBlockYAML must give libyaml's events, byte for byte, for every text
/// it accepts, and accept no text that libyaml rejects.
struct SimpleBlockYAMLTests {
    static func libyamlEvents(_ bytes: [UInt8]) -> (events: [YAMLEvent], failed: Bool) { YAMLEventReaders.libyaml(bytes) }
    static func plainEvents(_ bytes: [UInt8]) -> [YAMLEvent]? { YAMLEventReaders.plainBlockMapping(bytes) }

    /// Whether the simple reader accepted the text; records an issue when it disagrees with libyaml.
    @discardableResult
    static func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let bytes = Array(text.utf8)
        guard let events = plainEvents(bytes) else { return false }
        let libyaml = libyamlEvents(bytes)
        #expect(!libyaml.failed, "accepted a text libyaml rejects: \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(events == libyaml.events, "events differ from libyaml's for \(text.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    @Test(arguments: [
        "name: a\nruntime: nodejs\n",
        "a:\n  b:\n    c: 1\nd: 2",
        "# lead\n\na: 'x'  # trailing\n# end\n\n",
        "\"k\": v\n's':\n  x: y\n",
        "a:\n",
        "a:",
        "a: # nothing\nb: 1\n",
        "a: x\n  # more indented comment\nb: 1\n",
        "a:   \n  \nb:\n",
        "a: b#c\n",
        "a: b c   \n",
        "config:\n  aws:region: us-west-2\n  web:size: \"3\"\n",
        "a:\n  # comment\n   \n  b: ''\n",
        "url: http://example.com/x?y=1\n",
        "a:\n  b:\n    c:\n",
        "~: null\n1: 2\n",
        "...a: 1\nb:\n  ... c: 2\n",
    ])
    func acceptsPlainBlockMappingsWithLibYAMLsEvents(_ text: String) {
        #expect(Self.expectAgreement(text), "declined \(text.debugDescription)")
    }

    @Test(arguments: [
        "", "# only a comment\n", "  a: 1\n",
        "- a\n", "a:\n- b\n", "a:\n  - b\n", "a: [1]\n", "a: {b: 1}\n", "? a\n: b\n",
        "a: &x 1\n", "a: *x\n", "a: !tag x\n", "a: |\n  x\n", "a: >\n  x\n",
        "---\na: 1\n", "a: 1\n...\n", "... a: 1\n", "a: 1\n... b: 2\n",
        "...    innested:...............ig:\n  dbPassword: \"s:cret\"\n", "%YAML 1.2\n---\na: 1\n",
        "a: x\n  y\n", "a: 1\n  b: 2\n", "a:\n    b: 1\n  c: 2\n",
        "a: 'it''s'\n", "a: \"line\\n\"\n", "a: 'open\n", "a: 'x'#c\n", "a: \"x\" y\n",
        "a:\tb\n", "a: b\r\n", "a: caf\u{E9}\n", "\u{FEFF}a: 1\n",
        "a: b: c\n", "a: b:\n", "a :b\n", "a : b\n", "a #c: d\n", "a\n",
        "a: @x\n", "a: `x`\n", "a: -1\n", "a: :x\n", "a: ,x\n", "<<: x\n", "a: %x\n",
    ])
    func declinesEverythingElse(_ text: String) {
        #expect(Self.plainEvents(Array(text.utf8)) == nil)
    }

    /// Every YAML text of the rule examples, the fixtures and the bundled examples.
    @Test func agreesWithLibYAMLOnEveryYAMLTheRepositoryHolds() throws {
        var texts = Rule.all.flatMap { rule in
            rule.examples.flatMap { example in
                example.files.filter { $0.key.hasSuffix(".yaml") || $0.key.hasSuffix(".yml") }
                    .map { $0.value.replacingOccurrences(of: RuleExample.marker) }
            }
        }
        for directory in ["Tests/Fixtures", "examples"] {
            let root = TestPaths.repositoryRoot + "/" + directory
            let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root) as [String]?)
            for path in paths where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                texts.append(try String(contentsOfFile: root + "/" + path, encoding: .utf8))
            }
        }
        let accepted = texts.filter { Self.expectAgreement($0) }.count
        // Most manifests are plain: the reader must take most of them (280 of 319 when written) to be worth having.
        #expect(accepted * 4 > texts.count * 3, "accepted \(accepted) of \(texts.count)")
    }

    /// Documents built at random from pieces that sit on either side of the
    /// subset's edges: whatever is accepted must match libyaml exactly.
    @Test func agreesWithLibYAMLOnGeneratedDocuments() {
        let keys = ["a", "name", "aws:region", "x.y", "p/q", "\"k\"", "'s'", "k k", "a#b", "1", "~", "x-y", "''", "\"\"",
                    "a:b", "k ", "-a", "&a", "'a''b'"]
        let separators = [": ", ": ", ": ", ":", ":  ", " : ", ":\t"]
        let values = ["", "", "1", "x y", "us-west-2", "'q'", "\"d\"", "'it''s'", "x # c", "x#c", "x: y", "x:", "- z", "[1]", "  ",
                      "# c", "'a' b", "\"a\"#", "http://h", "~", "a  ", "'a' # c", "\"a\\\"b\"", "(x)", "+1", ".5", "/p", "$v"]
        let comments = ["# c", "  # c", "", "   "]
        var random = SplitMix(seed: 8)
        var accepted = 0
        for _ in 0..<10_000 {
            var text = ""
            // The indentation of the mappings a line may continue, and whether the last value was empty.
            var levels = [0]
            var lastWasEmpty = false
            for _ in 0..<random.next(below: 8) + 1 {
                if random.next(below: 5) == 0 {
                    text += comments[random.next(below: comments.count)] + "\n"
                    continue
                }
                var indent = levels[levels.count - 1]
                switch random.next(below: 8) {
                case 0, 1, 2: if lastWasEmpty { indent += [1, 2, 4][random.next(below: 3)] }
                case 3: indent = levels[random.next(below: levels.count)]
                case 4: indent = random.next(below: 5)
                default: break
                }
                while let last = levels.last, last > indent { levels.removeLast() }
                if levels.last != indent { levels.append(indent) }
                let value = values[random.next(below: values.count)]
                lastWasEmpty = value.allSatisfy { $0 == " " } || value.hasPrefix("#")
                text += String(repeating: " ", count: indent) + keys[random.next(below: keys.count)]
                text += separators[random.next(below: separators.count)] + value + "\n"
            }
            if random.next(below: 4) == 0 { text.removeLast() }
            if Self.expectAgreement(text) { accepted += 1 }
        }
        // Enough of them are accepted for the comparison to mean something.
        #expect(accepted > 500, "accepted \(accepted)")
    }
}
