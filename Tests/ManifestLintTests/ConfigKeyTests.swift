import Testing
@testable import ManifestLint

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
}
