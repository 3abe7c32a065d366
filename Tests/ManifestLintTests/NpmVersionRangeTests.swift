import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// npm's ranges as intervals: whether two ranges share a version, judged
/// the way npm's own semver package (`semver.intersects`) judges it.
struct NpmVersionRangeTests {
    static let ranges = [
        "^3.879.0", "^3.848.0", "^2", "^2.1.0", "~2.1.3", "2.x", "2.1.x", "*", "", ">=1.2.3 <2.0.0", "1.2.3 - 1.4", "1.5.0", "=1.5.0",
        "^0.2.3", "^0.0.3", "~0", "^0", "<1.0.0", "<=1.0.0", ">1.0.0", ">=5", "^4 || ^5", "~1.2 || >=3.1.0 <3.2.0", "v1.2.3",
        "^5.4", "^4", ">=4", "1", "1.2", "0.x", "^29.7.0", "~29.3.0", "29.3.0",
    ]

    @Test func intersectionAgreesWithNpmSemver() throws {
        let modules = try #require(NodeProcess.npmModules, "npm root -g gave nothing")
        let pairs = Self.ranges.flatMap { a in Self.ranges.map { b in [a, b] } }
        let script = """
            const semver = require(\(JSONText.quote(modules + "/semver")));
            const pairs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            console.log(JSON.stringify(pairs.map(([a, b]) => semver.intersects(a, b))));
            """
        let input = "[" + pairs.map { "[\(JSONText.quote($0[0])), \(JSONText.quote($0[1]))]" }.joined(separator: ",") + "]"
        let output = try NodeProcess.run(script, input: input)
        let verdicts = output.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst().dropLast().split(separator: ",").map { $0 == "true" }
        #expect(verdicts.count == pairs.count)
        for (pair, npm) in zip(pairs, verdicts) {
            #expect(NpmVersionRange.intersect(pair[0], pair[1]) == npm, "\(pair[0]) and \(pair[1]): npm says \(npm)")
        }
    }

    @Test func whatIsNotARangeHasNoAnswer() {
        for spec in ["latest", "file:../lib", "workspace:*", "npm:lodash@^4", "github:user/repo", "https://x.test/a.tgz"] {
            #expect(NpmVersionRange.intersect(spec, "^1") == nil, "\(spec)")
        }
    }
}
