import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The ecosystem check: every finding on the real public projects in
/// ../shared/testdata/real-projects, against the reviewed list kept in
/// Tests/RealProjects/reviewed.tsv (rule, path, line, verdict, reason). Each
/// finding there was read against the files and judged real, with the reason
/// written down; a finding that appears or vanishes fails the test with the
/// difference, as ruff's ecosystem check reports it.
struct RealProjectsTests {
    static let corpus = TestPaths.sharedTestData + "/real-projects"
    static let available = TestPaths.exists(corpus + "/SOURCES.tsv")
    static let reviewedFile = TestPaths.repositoryRoot + "/Tests/RealProjects/reviewed.tsv"

    /// One finding, as the list keys it.
    struct Key: Hashable, Comparable, CustomStringConvertible {
        var rule: String
        var path: String
        var line: Int
        var description: String { "\(rule)\t\(path)\t\(line)" }
        static func < (a: Key, b: Key) -> Bool { (a.path, a.line, a.rule) < (b.path, b.line, b.rule) }
    }

    struct Review {
        var key: Key
        var verdict: String
        var reason: String
    }

    static func reviewed() throws -> [Review] {
        let text = try String(contentsOfFile: reviewedFile, encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let number = Int(fields[2]) else {
                throw ReviewError(description: "reviewed.tsv: a line needs rule, path, line, verdict and reason: \(line)")
            }
            return Review(key: Key(rule: fields[0], path: fields[1], line: number), verdict: fields[3], reason: fields[4])
        }
    }

    struct ReviewError: Error, CustomStringConvertible {
        var description: String
    }

    /// The findings of a check over the whole folder, keyed relative to it.
    static func findings() -> [Key] {
        let root = Path.normalize(corpus)
        let result = Linter().check(paths: [root], in: DiskFileTree())
        return result.diagnostics.map { Key(rule: $0.ruleID, path: Path.relative($0.path, inside: root) ?? $0.path, line: $0.start.line) }
    }

    @Test(.enabled(if: available, "../shared/testdata/real-projects is absent beside the checkout: the ecosystem check is skipped"))
    func everyFindingIsReviewedAndReal() throws {
        let reviews = try Self.reviewed()
        for review in reviews {
            #expect(review.verdict == "real", "\(review.key) is judged \(review.verdict): a false alarm must be fixed, not listed")
            #expect(review.reason.count >= 20, "\(review.key) needs a reason written from reading the files")
        }
        // Compared as multisets: a line may hold two findings of one rule.
        var expected: [Key: Int] = [:]
        for review in reviews { expected[review.key, default: 0] += 1 }
        var found: [Key: Int] = [:]
        for key in Self.findings() { found[key, default: 0] += 1 }
        let added = found.flatMap { key, count in Array(repeating: key, count: max(0, count - (expected[key] ?? 0))) }.sorted()
        let vanished = expected.flatMap { key, count in Array(repeating: key, count: max(0, count - (found[key] ?? 0))) }.sorted()
        #expect(added.isEmpty && vanished.isEmpty, """
            The findings on real-projects differ from Tests/RealProjects/reviewed.tsv.
            New (read each against the files; add it with its verdict and reason, or fix the rule):
            \(added.map { "+ \($0)" }.joined(separator: "\n"))
            Vanished (remove it from the list if the change is right):
            \(vanished.map { "- \($0)" }.joined(separator: "\n"))
            """)
    }

    /// Discovery finds a project in every folder that holds a project file, as a plain walk of the folder counts them.
    @Test(.enabled(if: available, "../shared/testdata/real-projects is absent beside the checkout: the ecosystem check is skipped"))
    func theCheckReachesEveryProject() throws {
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.corpus))
        var folders = Set<String>()
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if ["Pulumi.yaml", "Pulumi.yml", "Pulumi.json"].contains(name) { folders.insert((path as NSString).deletingLastPathComponent) }
        }
        let result = Linter().check(paths: [Path.normalize(Self.corpus)], in: DiskFileTree())
        #expect(result.projectCount == folders.count)
        #expect(folders.count > 500)
    }
}
