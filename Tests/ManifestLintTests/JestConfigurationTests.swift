import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// jest's test file patterns: micromatch globs as regular expressions, and the
/// configuration read from package.json or a jest.config.* object literal.
@Suite struct JestConfigurationTests {
    @Test(arguments: [
        ("**/?(*.)+(spec|test).?([mc])[jt]s?(x)", "test/stack.unit.test.mjs", true),
        ("**/?(*.)+(spec|test).?([mc])[jt]s?(x)", "stack.spec.tsx", true),
        ("**/?(*.)+(spec|test).?([mc])[jt]s?(x)", "test/stack.mjs", false),
        ("**/__tests__/**/*.?([mc])[jt]s?(x)", "src/__tests__/deep/a.ts", true),
        ("**/__tests__/**/*.?([mc])[jt]s?(x)", "src/tests/a.ts", false),
        ("spec/**/*.unit.{js,mjs}", "spec/a/b.unit.mjs", true),
        ("spec/**/*.unit.{js,mjs}", "spec/b.unit.mjs", true),
        ("spec/**/*.unit.{js,mjs}", "other/spec/b.unit.mjs", false),
        ("test/[!_]*.js", "test/_helper.js", false),
        ("test/[!_]*.js", "test/a.js", true),
    ])
    func globs(_ glob: String, _ path: String, _ matches: Bool) throws {
        let source = try #require(JestGlob.regex(glob))
        let regex = try Regex(source)
        #expect((try regex.wholeMatch(in: path) != nil) == matches, "\(glob) on \(path) via \(source)")
    }

    @Test func negatedExtglobsAndUnbalancedGlobsAreNotGuessed() {
        #expect(JestGlob.regex("**/!(fixtures)/*.test.js") == nil)
        #expect(JestGlob.regex("**/*.test.{js,ts") == nil)
    }

    @Test func aConfigurationThatIsNotAPlainLiteralFallsBackToTheDefaults() throws {
        let tree = VirtualFileTree([
            "jest.config.js": "const base = require('./jest.base');\nmodule.exports = { ...base, testMatch: ['**/*.unit.js'] };\n",
        ])
        let jest = JestConfiguration.load(package: nil, projectDirectory: "", tree: tree)
        #expect(jest.patterns == nil)
        #expect(jest.isTest("src/a.test.js"))
        #expect(!jest.isTest("src/a.unit.js"))
    }

    /// jest's default testMatch: `**/__tests__/**/*.?([mc])[jt]s?(x)` and `**/?(*.)+(spec|test).?([mc])[jt]s?(x)`.
    @Test func theDefaultPatternsMatchTestAndSpecNamesAndTestsDirectories() {
        let jest = JestConfiguration.load(package: nil, projectDirectory: "", tree: VirtualFileTree([:]))
        for path in ["a.test.ts", "src/a.spec.mjs", "src/test.js", "spec.tsx", "src/.test.js", "__tests__/a.js", "src/__tests__/deep/b.cts"] {
            #expect(jest.isTest(path), "\(path)")
        }
        for path in ["a.ts", "src/atest.js", "src/a.test.json", "src/a.tests.js", "src/__tests__.js", "my__tests__/a.js", "src/.ts"] {
            #expect(!jest.isTest(path), "\(path)")
        }
        // The walk's shortcut never turns away a test: every test path passes it, and plain sources do not.
        for path in ["a.test.ts", "src/a.spec.mjs", "src/test.js", "spec.tsx", "src/.test.js", "__tests__/a.js", "src/__tests__/deep/b.cts",
                     "a.ts", "src/atest.js", "src/a.test.json", "my__tests__/a.js", "x/__tests__/y/z.mts", "test.d.ts"] {
            let name = Path.basename(path)
            let directory = Path.parent(path) ?? ""
            if jest.isTest(path) { #expect(jest.mayBeTest(named: name, inTestsDirectory: directory.containsBytes(of: "__tests__")), "\(path)") }
        }
        #expect(!jest.mayBeTest(named: "index.ts", inTestsDirectory: false))
        #expect(!jest.mayBeTest(named: "network.ts", inTestsDirectory: false))
        #expect(!jest.mayBeTest(named: "atest.js", inTestsDirectory: false) && !jest.mayBeTest(named: "test", inTestsDirectory: false))
        #expect(jest.mayBeTest(named: "a.spec.tsx", inTestsDirectory: false) && jest.mayBeTest(named: "x.ts", inTestsDirectory: true))
    }

    @Test func testMatchFromATypeScriptConfigurationWithRootsAndNegation() throws {
        let tree = VirtualFileTree([
            "jest.config.ts": "import type { Config } from 'jest';\nconst config: Config = {\n  roots: ['<rootDir>/test'],\n  testMatch: [\"**/*.unit.ts\", '!**/fixtures/**'],\n};\nexport default config;\n",
        ])
        let jest = JestConfiguration.load(package: nil, projectDirectory: "", tree: tree)
        #expect(jest.isTest("test/stack.unit.ts"))
        #expect(!jest.isTest("test/fixtures/stack.unit.ts"))
        #expect(!jest.isTest("src/stack.unit.ts"))
        #expect(!jest.isTest("test/stack.test.ts"))
    }

    @Test func rootsOutsideTheProjectAreNeverWalked() {
        let tree = VirtualFileTree([
            "repo/infra/jest.config.json": "{\"roots\": [\"<rootDir>/..\", \"<rootDir>/../other\", \"/\"]}",
            "repo/infra/test/stack.test.js": "",
            "repo/other/app.test.js": "",
            "elsewhere/x.test.js": "",
        ])
        let jest = JestConfiguration.load(package: nil, projectDirectory: "repo/infra", tree: tree)
        let sources = ProgramSources(tree: tree, projectDirectory: "repo/infra", jest: jest)
        #expect(sources.testFiles() == ["repo/infra/test/stack.test.js"])
    }
}
