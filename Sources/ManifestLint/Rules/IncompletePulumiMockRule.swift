extension Rule {
    static let incompletePulumiMock = Rule(
        id: "incomplete-pulumi-mock",
        severity: .error,
        summary: "A jest mock of a @pulumi package lacks members that the code under test uses.",
        rationale: """
            `jest.mock('@pulumi/pulumi', () => ({ ... }))` replaces the whole module with the object the \
            factory returns: any member it lacks is undefined in the code under test, and the tests fail with \
            "pulumi.all is not a function". The code under test is what the test file imports, transitively. \
            Pulumi's documented way to unit-test a program is pulumi.runtime.setMocks, which keeps the real \
            SDK; a factory that spreads jest.requireActual(...) keeps it too.
            """,
        examples: [
            .fix([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"devDependencies\": {\"jest\": \"^29\"}}",
                "bin/tap.mjs": "import { TapStack } from '../lib/stack.mjs';\n",
                "lib/stack.mjs": "import * as pulumi from '@pulumi/pulumi';\nexport class TapStack extends pulumi.ComponentResource {\n  constructor(name) {\n    super('tap:Stack', name);\n    this.url = pulumi.interpolate`https://x`;\n    this.arns = pulumi.all([1, 2]);\n  }\n}\n",
                "test/stack.test.mjs": "↓jest.mock('@pulumi/pulumi', () => ({\n  ComponentResource: jest.fn(),\n  interpolate: jest.fn(),\n}));\nimport { TapStack } from '../lib/stack.mjs';\ntest('s', () => expect(new TapStack('t')).toBeDefined());\n",
            ], .unsafe, becomes: [
                "test/stack.test.mjs": "jest.mock('@pulumi/pulumi', () => ({\n  ComponentResource: jest.fn(),\n  interpolate: jest.fn(),\n  all: jest.fn(),\n}));\nimport { TapStack } from '../lib/stack.mjs';\ntest('s', () => expect(new TapStack('t')).toBeDefined());\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: app\nruntime: nodejs\n",
                "package.json": "{\"name\": \"app\", \"main\": \"index.ts\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "index.ts": "export {};\n",
                "src/storage.ts": "import * as aws from \"@pulumi/aws\";\nimport { output } from \"@pulumi/pulumi\";\nexport const b = new aws.s3.BucketV2(\"b\");\nexport const p = new aws.s3.BucketPolicy(\"p\", { bucket: output(b.id) });\n",
                "src/__tests__/storage.ts": "↓jest.mock(\"@pulumi/aws\", () => {\n  return { s3: { BucketV2: jest.fn() } };\n});\n↓jest.mock(\"@pulumi/pulumi\", function () { return { Config: jest.fn() }; });\nimport { b } from \"../storage\";\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: app\nruntime: nodejs\n",
                "package.json": "{\"name\": \"app\", \"main\": \"index.js\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}",
                "index.js": "const pulumi = require('@pulumi/pulumi');\nmodule.exports.x = pulumi.all([1]);\n",
                "index.test.js": "jest.mock('@pulumi/pulumi', () => ({\n  ...jest.requireActual('@pulumi/pulumi'),\n  all: jest.fn(),\n}));\nconst { x } = require('./index');\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}",
                "bin/tap.mjs": "import * as pulumi from '@pulumi/pulumi';\nconst config = new pulumi.Config();\nexport const u = pulumi.output(config.get('u'));\n",
                "lib/stack.mjs": "import * as pulumi from '@pulumi/pulumi';\nexport const s = pulumi.all([]);\n",
                "test/stack.test.mjs": "jest.mock('@pulumi/pulumi', () => ({ all: jest.fn(), runtime: { setMocks: jest.fn() } }));\n// pulumi.interpolate in a comment is not a use\nimport { s } from '../lib/stack.mjs';\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: src/index.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}",
                "jest.config.cjs": "/** @type {import('jest').Config} */\nconst config = {\n  testEnvironment: 'node',\n  testMatch: ['<rootDir>/spec/**/*.unit.mjs'],\n  transform: {},\n};\nmodule.exports = config;\n",
                "src/index.mjs": "import * as pulumi from '@pulumi/pulumi';\nexport const s = pulumi.output(1);\n",
                "spec/index.unit.mjs": "↓jest.mock('@pulumi/pulumi', () => ({ all: jest.fn() }));\nimport { s } from '../src/index.mjs';\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: src/index.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"jest\": {\"roots\": [\"<rootDir>/test\"], \"testRegex\": \"\\\\.unit\\\\.mjs$\"}}",
                "src/index.mjs": "import * as pulumi from '@pulumi/pulumi';\nexport const s = pulumi.output(1);\n",
                "test/index.unit.mjs": "jest.mock('@pulumi/pulumi', () => ({ output: jest.fn() }));\nimport { s } from '../src/index.mjs';\n",
                "test/old.test.mjs": "jest.mock('@pulumi/pulumi', () => ({ all: jest.fn() }));\nimport { s } from '../src/index.mjs';\n",
                "legacy/index.unit.mjs": "jest.mock('@pulumi/pulumi', () => ({ all: jest.fn() }));\nimport { s } from '../src/index.mjs';\n",
            ]),
        ],
        check: { graph, findings in
            guard graph.isNodeRuntime else { return }
            for testPath in graph.programSources.testFiles() {
                // A mock names its package: a test without "@pulumi" is not tokenized at all.
                guard let test = graph.programSources.module(testPath, mentioning: "@pulumi") else { continue }
                let mocks = PulumiMock.mocks(in: test)
                guard !mocks.isEmpty else { continue }
                let underTest = graph.programSources.reachable(from: [testPath])
                for mock in mocks {
                    var missing: [(path: String, module: JSModule, token: Int)] = []
                    for user in underTest where user.file.path != testPath {
                        for use in mock.uses(in: user) where !mock.members.contains(use.path) && !missing.contains(where: { $0.path == use.path }) {
                            missing.append((use.path, user, use.token))
                        }
                    }
                    guard !missing.isEmpty else { continue }
                    let list = missing.map { item in
                        "\(item.path) (\(graph.tree.displayPath(item.module.file.path)):\(item.module.file.position(of: item.module.tokens[item.token].span.start).line))"
                    }.joined(separator: ", ")
                    let first = missing[0].path.split(separator: ".").first.map(String.init) ?? missing[0].path
                    let message = "jest.mock('\(mock.package)') replaces the module with an object that lacks \(list): the code under test fails with \"\(first) is not a function\" or reads undefined; add them, or use pulumi.runtime.setMocks"
                    let span = Span(test.tokens[mock.callToken].span.start, test.tokens[mock.callToken + 3].span.end)
                    findings.report(message, in: test.file, at: span, fix: stubs(for: missing.map(\.path), in: mock))
                }
            }
        })

    /// An unsafe fix: `name: jest.fn(),` for each missing top-level member, before the literal's `}`.
    private static func stubs(for paths: [String], in mock: PulumiMock) -> Fix? {
        let topLevel = paths.filter { !$0.contains(".") }
        guard !topLevel.isEmpty, topLevel.count == paths.count else { return nil }
        let module = mock.module
        let close = module.tokens[mock.objectClose].span.start
        let line = module.file.position(of: close).line
        let lineStart = module.file.offset(of: LineColumn(line: line, column: 1))
        let before = module.file.text(Span(lineStart, close))
        let text: String
        let insertAt: Int
        if before.allSatisfy({ $0 == " " || $0 == "\t" }) {
            // The `}` on a line of its own: one line a stub, indented like the members.
            let indent = before + "  "
            text = topLevel.map { "\(indent)\($0): jest.fn(),\n" }.joined()
            insertAt = lineStart
        } else {
            let previous = module.tokens[mock.objectClose - 1]
            let needsComma = !module.isPunctuator(mock.objectClose - 1, ",") && !module.isPunctuator(mock.objectClose - 1, "{")
            text = (needsComma ? "," : "") + topLevel.map { " \($0): jest.fn()," }.joined() + " "
            insertAt = previous.span.end
        }
        return Fix(.unsafe, "Add jest.fn() stubs for \(topLevel.joined(separator: ", "))",
                   [.edit(TextEdit(path: module.file.path, span: Span(insertAt, insertAt), replacement: text))])
    }
}
