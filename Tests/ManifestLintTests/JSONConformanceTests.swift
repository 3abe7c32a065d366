import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The JSONTestSuite parsing files, against what npm does with each one as a
/// package.json (../shared/testdata/JSONTestSuite/expected-verdicts.tsv).
struct JSONConformanceTests {
    static let suite = TestPaths.sharedTestData + "/JSONTestSuite"
    static let available = TestPaths.exists(suite + "/expected-verdicts.tsv")

    struct Verdict: CustomTestStringConvertible, Sendable {
        let file: String
        let accept: Bool
        var testDescription: String { file }
    }

    static func verdicts() -> [Verdict] {
        guard let text = try? String(contentsOfFile: suite + "/expected-verdicts.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { return nil }
            return Verdict(file: String(fields[0]), accept: fields[1] == "accept")
        }
    }

    @Test(.enabled(if: available, "../shared/testdata/JSONTestSuite is absent beside the checkout: conformance skipped"))
    func suiteHasEveryFile() {
        #expect(Self.verdicts().count == 318)
    }

    @Test(.enabled(if: available, "../shared/testdata/JSONTestSuite is absent beside the checkout: conformance skipped"),
          arguments: verdicts())
    func verdictMatchesNPM(_ verdict: Verdict) throws {
        let bytes = try #require(TestPaths.bytes(Self.suite + "/test_parsing/" + verdict.file))
        let document = JSONLoader.load(SourceFile(path: verdict.file, bytes: bytes))
        let syntaxErrors = document.problems.filter { $0.kind == .syntax }
        if verdict.accept {
            #expect(syntaxErrors.isEmpty, "npm accepts \(verdict.file); we said \(syntaxErrors.map(\.message))")
            #expect(document.root != nil)
        } else {
            #expect(!syntaxErrors.isEmpty, "npm rejects \(verdict.file); we accepted it")
        }
    }
}
