import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// Which declared Node versions include one that cannot require() an ES module
/// (before 20.19, 21.x, 22 before 22.12).
@Suite struct NodeVersionsTests {
    @Test(arguments: [
        (">=18", true), (">=20", true), ("^20.10.0", true), ("20.x", true), ("~22.11", true), ("18 || 20", true),
        ("21", true), (">=20.19 <21 || >=22.12", false), ("^20.19.0 || >=22.12.0", false), (">=23", false),
        ("22.12.0 - 24", false), ("20.0.0 - 20.18.9", true), ("*", true), ("", true), (">= 22.12", false),
        ("^22.12.0-rc.1", false), ("v24", false), (">22.11", false), ("<=22.12.0 >=22.12.0", false),
    ])
    func engineRanges(_ range: String, _ lacks: Bool) {
        #expect(NodeVersions.rangeAdmitsNodeWithoutRequireESM(range) == lacks, "\(range)")
    }

    @Test func unreadableRangesAreNotJudged() {
        #expect(NodeVersions.rangeAdmitsNodeWithoutRequireESM("latest") == nil)
        #expect(NodeVersions.rangeAdmitsNodeWithoutRequireESM(">=twenty") == nil)
        #expect(NodeVersions.rangeAdmitsNodeWithoutRequireESM("^9223372036854775807.9223372036854775807") == nil)
        #expect(NodeVersions.rangeAdmitsNodeWithoutRequireESM("<=9223372036854775807") == nil)
    }

    @Test(arguments: [
        ("18", true), ("v20.11.1\n", true), ("20", false), ("20.19", false), ("21.7.3", true), ("22", false),
        ("22.11.0", true), ("lts/hydrogen", true), ("lts/iron", false), ("lts/Jod\r\n", false), (" 24.1.0 ", false),
    ])
    func versionFiles(_ content: String, _ lacks: Bool) {
        #expect(NodeVersions.fileNamesNodeWithoutRequireESM(content) == lacks, "\(content)")
    }

    @Test func aVersionFileThatNamesNoVersionIsNotJudged() {
        #expect(NodeVersions.fileNamesNodeWithoutRequireESM("node") == nil)
        #expect(NodeVersions.fileNamesNodeWithoutRequireESM("lts/*") == nil)
        #expect(NodeVersions.fileNamesNodeWithoutRequireESM("") == nil)
    }
}
