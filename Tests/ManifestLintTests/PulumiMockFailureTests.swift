import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// incomplete-pulumi-mock quotes what jest prints when the code under test
/// meets the missing member: the same TypeError message Node gives for the
/// same line of code, run against the same mock object.
struct PulumiMockFailureTests {
    static let cases: [(code: String, mock: String)] = [
        ("new aws.iam.Role('r', {});", "{ s3: { Bucket: jest.fn() } }"),
        ("new aws.s3.BucketPolicy('p', {});", "{ s3: { Bucket: jest.fn() } }"),
        ("aws.getRegion({});", "{ s3: {} }"),
        ("const r = aws.ec2.getVpc({ default: true });", "{ ec2: { Vpc: jest.fn() } }"),
        ("class S extends aws.Provider {}", "{ s3: {} }"),
        ("const x = aws.sqs.Queue.get('q', 'id');", "{ s3: {} }"),
    ]

    @Test(arguments: cases.indices)
    func theQuotedFailureIsNodes(_ index: Int) throws {
        let (code, mock) = Self.cases[index]
        let files = [
            "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: index.js\n",
            "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
            "index.js": "const aws = require('@pulumi/aws');\n\(code)\n",
            "index.test.js": "jest.mock('@pulumi/aws', () => (\(mock)));\nrequire('./index');\n",
        ]
        let finding = try #require(Linter().check(paths: [""], in: VirtualFileTree(files)).diagnostics.first { $0.ruleID == "incomplete-pulumi-mock" })
        let quoted = try #require(finding.message.components(separatedBy: "where jest fails with \"").dropFirst().first?.components(separatedBy: "\")").first)
        let script = """
            const jest = { fn: () => function () {} };
            const aws = (\(mock));
            try { \(code) } catch (error) { process.stdout.write(error.message); }
            """
        #expect(try NodeProcess.run(script) == quoted, "\(code)")
    }
}
