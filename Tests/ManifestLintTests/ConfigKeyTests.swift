import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// Stack config keys split as Pulumi's config.ParseKey splits them.
struct ConfigKeyTests {
    @Test(arguments: [
        ("aws:region", "aws", "region"),
        ("region", nil, "region"),
        ("proj:config:key", "proj", "key"),
        (":x", "", "x"),
        ("caf\u{E9}:cl\u{E9}", "caf\u{E9}", "cl\u{E9}"),
    ] as [(String, String?, String)])
    func keysSplitIntoNamespaceAndName(key: String, namespace: String?, name: String) throws {
        let parsed = try #require(ConfigKey(key))
        #expect(parsed.namespace == namespace)
        #expect(parsed.name == name)
    }

    @Test(arguments: ["a:b:c", "a:b:c:d", "a::"])
    func moreColonsThanPulumiAcceptsAreRefused(key: String) {
        #expect(ConfigKey(key) == nil)
    }

    /// A stack's entries by full key: a key without namespace is the project's,
    /// the legacy `<ns>:config:<name>` form counts as `<ns>:<name>`, the last
    /// of equal keys wins, and keys Pulumi cannot parse are not found.
    @Test func stackEntriesAreFoundByFullKey() throws {
        let yaml = "config:\n  size: 1\n  web:size: 2\n  web:config:tier: a\n  aws:region: x\n  a:b:c: y\n  caf\u{E9}:cl\u{E9}: z\n"
        let stack = StackConfig(document: YAMLLoader.load(SourceFile(path: "Pulumi.dev.yaml", text: yaml)), stackName: "dev")
        let entries = stack.entriesByFullKey(project: "web")
        #expect(entries["web:size"]?.value.scalar?.text == "2")
        #expect(entries["web:tier"]?.value.scalar?.text == "a")
        #expect(entries["aws:region"]?.value.scalar?.text == "x")
        #expect(entries["caf\u{E9}:cl\u{E9}"]?.value.scalar?.text == "z")
        #expect(entries["size"] == nil && entries["web:siz"] == nil && entries["aws:regio"] == nil && entries["a:b:c"] == nil)
        #expect(stack.entriesByFullKey(project: "other")["other:size"]?.value.scalar?.text == "1")
    }
}
