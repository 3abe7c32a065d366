import ManifestLintGraph

extension Rule {
    static let incompletePulumiMock = Rule(
        id: "incomplete-pulumi-mock",
        severity: .error,
        summary: "A jest mock of a @pulumi package lacks members that the code under test uses.",
        rationale: """
            `jest.mock('@pulumi/aws', () => ({ ... }))` replaces the whole module with the object the factory \
            returns: a member it lacks is undefined, and the test fails where the code under test uses it, with \
            Node's TypeError ("pulumi.all is not a function", "aws.s3.BucketPolicy is not a constructor", \
            "Cannot read properties of undefined (reading 'Role')"). Only code the test runs counts: the modules \
            it loads (what it imports, transitively, except modules it replaces with a factory of its own), \
            their top level, and the functions, constructors and methods that running code calls; code merely \
            imported, callbacks handed to a mock or to .apply, and anything the reading cannot follow count as \
            not run. TypeScript erases types, so a member used only as a type (annotations, `as`, `satisfies`, \
            generics, interfaces, `import type`) needs no mock. A getter or method provides its member. \
            Pulumi's documented way to unit-test a program is pulumi.runtime.setMocks, which keeps the real \
            SDK; a factory that spreads jest.requireActual(...) keeps it too. The fix adds stubs: jest.fn() for \
            a missing function, an object of the members used for a missing namespace.
            """,
        consequence: Consequence(command: "jest", outcome: "TypeError: pulumi.all is not a function (or the TypeError of the missing member)"),
        fixSafety: "It adds `jest.fn()` stubs (an object of them for a missing namespace): the test gets past the TypeError, but a stub returns undefined where the code under test may need a value.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"jest": "^29"}}"#,
                "bin/tap.mjs": #"""
                    import { TapStack } from '../lib/stack.mjs';

                    """#,
                "lib/stack.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';
                    export class TapStack extends pulumi.ComponentResource {
                      constructor(name) {
                        super('tap:Stack', name);
                        this.url = pulumi.interpolate`https://x`;
                        this.arns = pulumi.all([1, 2]);
                      }
                    }

                    """#,
                "test/stack.test.mjs": #"""
                    ↓jest.mock('@pulumi/pulumi', () => ({
                      ComponentResource: jest.fn(),
                      interpolate: jest.fn(),
                    }));
                    import { TapStack } from '../lib/stack.mjs';
                    test('s', () => expect(new TapStack('t')).toBeDefined());

                    """#,
            ], .unsafe, becomes: [
                "test/stack.test.mjs": #"""
                    jest.mock('@pulumi/pulumi', () => ({
                      ComponentResource: jest.fn(),
                      interpolate: jest.fn(),
                      all: jest.fn(),
                    }));
                    import { TapStack } from '../lib/stack.mjs';
                    test('s', () => expect(new TapStack('t')).toBeDefined());

                    """#,
            ], findings: [
                #"jest.mock('@pulumi/pulumi') replaces the module with an object that lacks all (lib/stack.mjs:6, where jest fails with "pulumi.all is not a function"); add it, or use pulumi.runtime.setMocks"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": "index.ts", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    export {};

                    """#,
                "src/storage.ts": #"""
                    import * as aws from "@pulumi/aws";
                    import { output } from "@pulumi/pulumi";
                    export const b = new aws.s3.BucketV2("b");
                    export const p = new aws.s3.BucketPolicy("p", { bucket: output(b.id) });

                    """#,
                "src/__tests__/storage.ts": #"""
                    ↓jest.mock("@pulumi/aws", () => {
                      return { s3: { BucketV2: jest.fn() } };
                    });
                    ↓jest.mock("@pulumi/pulumi", function () { return { Config: jest.fn() }; });
                    import { b } from "../storage";

                    """#,
            ], findings: [
                #"jest.mock('@pulumi/aws') replaces the module with an object that lacks s3.BucketPolicy (src/storage.ts:4, where jest fails with "aws.s3.BucketPolicy is not a constructor"); add it, or use pulumi.runtime.setMocks"#,
                #"jest.mock('@pulumi/pulumi') replaces the module with an object that lacks output (src/storage.ts:4, where jest fails with "output is not a function"); add it, or use pulumi.runtime.setMocks"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": "index.js", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "index.js": #"""
                    const pulumi = require('@pulumi/pulumi');
                    module.exports.x = pulumi.all([1]);

                    """#,
                "index.test.js": #"""
                    jest.mock('@pulumi/pulumi', () => ({
                      ...jest.requireActual('@pulumi/pulumi'),
                      all: jest.fn(),
                    }));
                    const { x } = require('./index');

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "bin/tap.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';
                    const config = new pulumi.Config();
                    export const u = pulumi.output(config.get('u'));

                    """#,
                "lib/stack.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';
                    export const s = pulumi.all([]);

                    """#,
                "test/stack.test.mjs": #"""
                    jest.mock('@pulumi/pulumi', () => ({ all: jest.fn(), runtime: { setMocks: jest.fn() } }));
                    // pulumi.interpolate in a comment is not a use
                    import { s } from '../lib/stack.mjs';

                    """#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: src/index.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "jest.config.cjs": #"""
                    /** @type {import('jest').Config} */
                    const config = {
                      testEnvironment: 'node',
                      testMatch: ['<rootDir>/spec/**/*.unit.mjs'],
                      transform: {},
                    };
                    module.exports = config;

                    """#,
                "src/index.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';
                    export const s = pulumi.output(1);

                    """#,
                "spec/index.unit.mjs": #"""
                    ↓jest.mock('@pulumi/pulumi', () => ({ all: jest.fn() }));
                    import { s } from '../src/index.mjs';

                    """#,
            ], findings: [
                #"jest.mock('@pulumi/pulumi') replaces the module with an object that lacks output (src/index.mjs:2, where jest fails with "pulumi.output is not a function"); add it, or use pulumi.runtime.setMocks"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: src/index.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "jest": {"roots": ["<rootDir>/test"], "testRegex": "\\.unit\\.mjs$"}}"#,
                "src/index.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';
                    export const s = pulumi.output(1);

                    """#,
                "test/index.unit.mjs": #"""
                    jest.mock('@pulumi/pulumi', () => ({ output: jest.fn() }));
                    import { s } from '../src/index.mjs';

                    """#,
                "test/old.test.mjs": #"""
                    jest.mock('@pulumi/pulumi', () => ({ all: jest.fn() }));
                    import { s } from '../src/index.mjs';

                    """#,
                "legacy/index.unit.mjs": #"""
                    jest.mock('@pulumi/pulumi', () => ({ all: jest.fn() }));
                    import { s } from '../src/index.mjs';

                    """#,
            ]),
            // TypeScript erases types: Output, Input and ResourceOptions, used only as types, need no mock.
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: lib/stack.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29", "ts-jest": "^29"}}"#,
                "lib/stack.ts": #"""
                    import * as pulumi from '@pulumi/pulumi'; import { ResourceOptions } from '@pulumi/pulumi';
                    export class S extends pulumi.ComponentResource { out?: pulumi.Output<string>;
                      constructor(n: string, a: { t?: pulumi.Input<string> }, o?: ResourceOptions) { super('x:S', n, {}, o); } }

                    """#,
                "test/stack.test.ts": #"""
                    jest.mock('@pulumi/pulumi', () => ({ ComponentResource: class { registerOutputs() {} } }));
                    import { S } from '../lib/stack';
                    test('s', () => expect(new S('s', {})).toBeDefined());

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: index.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29", "ts-jest": "^29"}}"#,
                "index.ts": #"""
                    import * as aws from '@pulumi/aws';
                    const c: aws.kms.KeyArgs = {};
                    const r = 'x' as aws.Region;
                    export const k = new aws.kms.Key('k', c);
                    export function tags<T extends aws.Tags>(t: T): aws.Tags { return t satisfies aws.Tags; }

                    """#,
                "index.test.ts": #"""
                    jest.mock('@pulumi/aws', () => ({ kms: { Key: jest.fn() } }));
                    import { k } from './index';

                    """#,
            ]),
            // A module the test replaces with its own factory never loads: its uses do not count.
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: lib/tap.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29", "ts-jest": "^29"}}"#,
                "lib/tap.ts": #"""
                    import { makeVpc } from './vpc'; export const v = makeVpc();

                    """#,
                "lib/vpc.ts": #"""
                    import * as aws from '@pulumi/aws';
                    export const makeVpc = () => new aws.ec2.Vpc('v', {});

                    """#,
                "test/tap.test.ts": #"""
                    jest.mock('@pulumi/aws', () => ({})); jest.mock('../lib/vpc', () => ({ makeVpc: jest.fn() })); import { v } from '../lib/tap';

                    """#,
            ]),
            // Only code the test runs counts: mk is imported along with nm, never called.
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: lib/s3.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29", "ts-jest": "^29"}}"#,
                "lib/s3.ts": #"""
                    import * as aws from '@pulumi/aws';
                    export const mk = () => new aws.s3.BucketV2('b'); export const nm = (e: string) => `b-${e}`;

                    """#,
                "test/s3.test.ts": #"""
                    jest.mock('@pulumi/aws', () => ({})); import { nm } from '../lib/s3'; test('n', () => expect(nm('d')).toBe('b-d'));

                    """#,
            ]),
            // What the test calls runs, and what that calls: mk, Store's constructor, make, bucket; not unused.
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: lib/s3.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29", "ts-jest": "^29"}}"#,
                "lib/s3.ts": #"""
                    import * as aws from '@pulumi/aws';
                    function bucket(name: string) { return new aws.s3.BucketV2(name); }
                    export class Store {
                      constructor() { this.make(); }
                      private make() { bucket('b'); }
                      unused() { return new aws.sqs.Queue('q'); }
                    }
                    export const mk = () => new Store();

                    """#,
                "test/s3.test.ts": #"""
                    ↓jest.mock('@pulumi/aws', () => ({ s3: {} })); import { mk } from '../lib/s3'; describe('s', () => { it('m', () => { mk(); }); });

                    """#,
            ], findings: [
                #"jest.mock('@pulumi/aws') replaces the module with an object that lacks s3.BucketV2 (lib/s3.ts:2, where jest fails with "aws.s3.BucketV2 is not a constructor"); add it, or use pulumi.runtime.setMocks"#,
            ]),
            // A getter provides its member.
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: index.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29", "ts-jest": "^29"}}"#,
                "index.ts": #"""
                    import * as aws from '@pulumi/aws';
                    export const vpc = new aws.ec2.Vpc('v', {});

                    """#,
                "index.test.ts": #"""
                    const mockVpc = jest.fn();
                    jest.mock('@pulumi/aws', () => ({ ec2: { get Vpc() { return mockVpc; } } }));
                    import { vpc } from './index';

                    """#,
            ]),
            // A missing namespace gets an object of the members used; a namespace's missing member goes into it.
            .fix([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: index.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}, "devDependencies": {"jest": "^29", "ts-jest": "^29"}}"#,
                "index.ts": #"""
                    import * as aws from '@pulumi/aws';
                    export const role = new aws.iam.Role('r', { assumeRolePolicy: '{}' });
                    export const policy = new aws.iam.RolePolicy('p', { role: role.id, policy: '{}' });
                    export const b = new aws.s3.Bucket('b');
                    export const p = new aws.s3.BucketPolicy('bp', { bucket: b.id, policy: '{}' });

                    """#,
                "index.test.ts": #"""
                    ↓jest.mock('@pulumi/aws', () => ({
                      s3: { Bucket: jest.fn() },
                    }));
                    import { role } from './index';

                    """#,
            ], .unsafe, becomes: [
                "index.test.ts": #"""
                    jest.mock('@pulumi/aws', () => ({
                      s3: { Bucket: jest.fn(), BucketPolicy: jest.fn() },
                      iam: { Role: jest.fn(), RolePolicy: jest.fn() },
                    }));
                    import { role } from './index';

                    """#,
            ], findings: [
                #"jest.mock('@pulumi/aws') replaces the module with an object that lacks iam (index.ts:2, where jest fails with "Cannot read properties of undefined (reading 'Role')"), s3.BucketPolicy (index.ts:5, where jest fails with "aws.s3.BucketPolicy is not a constructor"); add them, or use pulumi.runtime.setMocks"#,
            ]),
        ],
        check: { graph, findings in
            guard graph.isNodeRuntime else { return }
            for testPath in graph.programSources.testFiles() {
                // A mock names its package: a test without "@pulumi" is not tokenized at all.
                guard let test = graph.programSources.module(testPath, mentioning: "@pulumi") else { continue }
                let mocks = PulumiMock.mocks(in: test)
                guard !mocks.isEmpty else { continue }
                let underTest = CodeUnderTest(test: testPath, sources: graph.programSources, tree: graph.tree)
                for mock in mocks {
                    var missing: [MissingMember] = []
                    for loaded in underTest.modules where loaded.module.file.path != testPath {
                        for use in mock.uses(in: loaded.module, counts: loaded.runs) {
                            guard let depth = mock.missing(in: use) else { continue }
                            let member = MissingMember(use: use, depth: depth, module: loaded.module)
                            if !missing.contains(where: { $0.path == member.path }) { missing.append(member) }
                            else if let index = missing.firstIndex(where: { $0.path == member.path }) { missing[index].add(use) }
                        }
                    }
                    guard !missing.isEmpty else { continue }
                    let list = missing.map { member in
                        "\(member.path) (\(graph.tree.displayPath(member.module.file.path)):\(member.line), where jest fails with \"\(member.failure)\")"
                    }.joined(separator: ", ")
                    let message = "jest.mock('\(mock.package)') replaces the module with an object that lacks \(list); add \(missing.count == 1 ? "it" : "them"), or use pulumi.runtime.setMocks"
                    let span = Span(test.tokens[mock.callToken].span.start, test.tokens[mock.callToken + 3].span.end)
                    findings.report(message, in: test.file, at: span, fix: stubs(for: missing, in: mock))
                }
            }
        })

    /// A member the mock lacks, as the code under test first uses it, and what the uses read of it.
    private struct MissingMember {
        var use: PulumiMock.Use
        /// How deep in the use's chain the missing member is.
        var depth: Int
        var module: JSModule
        /// What the uses read below the missing member (`Role` of `iam`), for the stub.
        var below: [[String]]

        init(use: PulumiMock.Use, depth: Int, module: JSModule) {
            self.use = use
            self.depth = depth
            self.module = module
            below = [Array(use.chain[(depth + 1)...])]
        }

        mutating func add(_ other: PulumiMock.Use) {
            let rest = Array(other.chain[(depth + 1)...])
            if !below.contains(rest) { below.append(rest) }
        }

        /// The member's path in the mock (`iam`, `s3.BucketPolicy`).
        var path: String { use.chain[...depth].joined(separator: ".") }
        var line: Int { module.file.position(of: module.tokens[use.first].span.start).line }

        /// What Node says when the first use runs, as jest prints it.
        var failure: String {
            let tokens = module.tokens
            let memberToken = use.last - 2 * (use.chain.count - 1 - depth)
            if depth < use.chain.count - 1 {
                return "Cannot read properties of undefined (reading '\(use.chain[depth + 1])')"
            }
            let written = module.file.text(Span(tokens[use.first].span.start, tokens[memberToken].span.end))
            if module.isIdentifier(use.first - 1, "new") { return "\(written) is not a constructor" }
            if module.isIdentifier(use.first - 1, "extends") { return "Class extends value undefined is not a constructor or null" }
            if module.isPunctuator(memberToken + 1, "(") || tokens.indices.contains(memberToken + 1)
                && (tokens[memberToken + 1].kind == .template || tokens[memberToken + 1].kind == .templateHead) {
                return "\(written) is not a function"
            }
            return "\(written) is undefined"
        }

        /// The stub's value: `jest.fn()`, or an object of the members read below it.
        var stub: String {
            Self.stub(below)
        }

        private static func stub(_ chains: [[String]]) -> String {
            guard !chains.contains(where: \.isEmpty) else { return "jest.fn()" }
            var names: [String] = []
            for chain in chains where !names.contains(chain[0]) { names.append(chain[0]) }
            let members = names.map { name in "\(name): \(stub(chains.filter { $0[0] == name }.map { Array($0.dropFirst()) }))" }
            return "{ " + members.joined(separator: ", ") + " }"
        }
    }

    /// An unsafe fix: a stub for each missing member, before the `}` of the
    /// object literal it belongs in (the factory's, or a namespace's).
    private static func stubs(for missing: [MissingMember], in mock: PulumiMock) -> Fix? {
        var byClose: [(close: Int, entries: [String])] = []
        for member in missing {
            let parent = member.use.chain[..<member.depth].joined(separator: ".")
            guard let close = parent.isEmpty ? mock.objectClose : mock.namespaces[parent] else { return nil }
            let entry = "\(member.use.chain[member.depth]): \(member.stub)"
            if let index = byClose.firstIndex(where: { $0.close == close }) { byClose[index].entries.append(entry) }
            else { byClose.append((close, [entry])) }
        }
        let edits = byClose.map { mock.module.insertion(ofEntries: $0.entries, before: $0.close) }
        let names = missing.map(\.path).joined(separator: ", ")
        return Fix(.unsafe, "Add stubs for \(names)", edits.map { .edit($0) })
    }
}
