import ManifestLintGraph

extension Rule {
    static let nondeterministicResourceName = Rule(
        id: "nondeterministic-resource-name",
        severity: .error,
        summary: "A resource's name changes on every run (Date.now(), Math.random(), a UUID).",
        rationale: """
            Pulumi identifies a resource by its logical name (the first argument) and the cloud by its \
            physical name (`bucket`, `name`, `functionName` ...). A value that differs on every run \
            (Date.now(), new Date(), Math.random(), crypto.randomUUID(), uuid(), process.hrtime, \
            performance.now()) in either makes every deploy see a new name: the resource is replaced (or a new \
            one is created and the old one orphaned). The value is followed through template literals, \
            concatenation and consts of the module; one in a tag, a description or an output is fine, and so is \
            a date's year, month or day (`new Date().getFullYear()`: a name that changes once a year, as a \
            yearly certificate rotation wants). When \
            `main` names a build output that is not built yet, the source the build compiles into it is read. In a \
            Python program the same holds for `time.time()`, `datetime.now()`/`utcnow()`/`today()` (not their \
            `.year` or a `strftime` of dates only), `uuid.uuid1()`/`uuid4()`, `random.*`, `secrets.*` and \
            `os.urandom`, followed through f-strings, `+`, `str()`, `.format()`, assignments and the return values \
            of the program's own functions, across its modules; pulumi_random's resources are stable and stay silent.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "+- replace on every deploy: a new resource with a new name, the old one deleted"),
        fixSafety: "What the stable name should be is a choice (the stack name, config, a fixed string), and renaming replaces the resource once more: the fix shows the form and applies nothing.",
        displayOnlyFix: true,
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: index.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.mjs": #"""
                    import * as aws from '@pulumi/aws';
                    const env = 'dev';
                    const bucket = new aws.s3.Bucket('code', {
                      bucket: ↓`code-${env}-${Date.now()}`,
                      tags: { Created: Date.now().toString() },
                    });

                    """#,
            ], findings: [
                #"`bucket` of aws.s3.Bucket changes on every run (Date.now()): every deploy sees a new name and replaces the resource"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": "index.ts", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    import { Stack } from "./stack";
                    new Stack("main", {});
                    const stamp = new Date().toISOString();
                    const suffix = stamp;
                    export const q = new aws.sqs.Queue(↓"jobs-" + suffix);

                    """#,
                "stack.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    export class Stack extends pulumi.ComponentResource {
                      constructor(name: string, args: {}) {
                        super("app:Stack", name, {}, {});
                        const id = Math.random().toString(36);
                        new pulumi.ComponentResource("x", `child-${name}`, {});
                      }
                    }
                    export const make = () => new Stack(↓`s-${Date.now()}`, {});

                    """#,
            ], findings: [
                #"the logical name of aws.sqs.Queue changes on every run (suffix = … stamp = … new Date()): every deploy sees a new name and replaces the resource"#,
                #"the logical name of Stack changes on every run (Date.now()): every deploy sees a new name and replaces the resource"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: index.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';
                    import * as aws from '@pulumi/aws';
                    // new aws.s3.Bucket(`x-${Date.now()}`) in a comment
                    const config = new pulumi.Config();
                    console.log(`deploying at ${Date.now()}`);
                    const bucket = new aws.s3.Bucket('code', {
                      bucket: `code-${config.require('env')}-bucket`,
                      tags: { DeployedAt: new Date().toISOString() },
                      description: 'Date.now() is not used here',
                    });
                    export const deployedAt = Date.now();

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": "index.js", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "index.js": #"""
                    const pulumi = require('@pulumi/pulumi');
                    const random = require('./random');
                    const cfg = new pulumi.Config(`cfg-${Date.now()}`);
                    const name = random.pick();
                    module.exports.when = new Date().getTime();

                    """#,
                "random.js": #"""
                    exports.pick = () => 'fixed';

                    """#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: index.js

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/aws": "^6"}}"#,
                "index.js": #"""
                    const aws = require('@pulumi/aws');
                    const now = new Date();
                    new aws.lambda.Function('fn', { functionName: ↓`fn-${now.getTime()}` });

                    """#,
            ], findings: [
                #"`functionName` of aws.lambda.Function changes on every run (now = … new Date()): every deploy sees a new name and replaces the resource"#,
            ]),
            // main names tsc's output, not built yet: the rule reads bin/tap.ts and what it imports.
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.js

                    """#,
                "package.json": #"{"name": "tap", "bin": {"tap": "bin/tap.js"}, "scripts": {"build": "tsc"}, "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"target": "ES2022", "module": "commonjs"}}"#,
                ".gitignore": #"""
                    bin/*.js

                    """#,
                "bin/tap.ts": #"""
                    import { Stack } from '../lib/stack';
                    new Stack();

                    """#,
                "lib/stack.ts": #"""
                    import * as aws from '@pulumi/aws';
                    export class Stack {
                      constructor() {
                        new aws.s3.Bucket('b', {bucket: ↓`b-${Date.now()}`});
                      }
                    }

                    """#,
            ], findings: [
                #"`bucket` of aws.s3.Bucket changes on every run (Date.now()): every deploy sees a new name and replaces the resource"#,
            ]),
            // main names tsc's output directory: the program is the index.ts it emits from.
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: dist/

                    """#,
                "package.json": #"{"name": "tap", "scripts": {"build": "tsc"}, "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "lib"}}"#,
                "lib/index.ts": #"""
                    import * as aws from '@pulumi/aws';
                    new aws.s3.Bucket(↓`b-${Date.now()}`);

                    """#,
            ], findings: [
                #"the logical name of aws.s3.Bucket changes on every run (Date.now()): every deploy sees a new name and replaces the resource"#,
            ]),
            // No tsconfig: main-missing says main is missing, and the program is still the TypeScript file of that name.
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.js

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "bin/tap.ts": #"""
                    import * as aws from '@pulumi/aws';
                    new aws.s3.Bucket(↓`b-${Math.random()}`);

                    """#,
            ], findings: [
                #"the logical name of aws.s3.Bucket changes on every run (Math.random()): every deploy sees a new name and replaces the resource"#,
            ]),
            // A yearly rotation: the name changes once a year, on purpose.
            .clean([
                "Pulumi.yaml": #"""
                    name: certs
                    runtime: nodejs
                    main: index.ts

                    """#,
                "package.json": #"{"name": "certs", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/tls": "^5"}}"#,
                "index.ts": #"""
                    import { PrivateKey } from '@pulumi/tls';
                    const currentYear = new Date().getFullYear();
                    const now = new Date();
                    export const key = new PrivateKey(`sso-${currentYear}`, { algorithm: 'RSA' });
                    export const month = new PrivateKey(`m-${now.getUTCFullYear()}-${now.getUTCMonth()}`, { algorithm: 'RSA' });

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: index.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/aws": "^6"}}"#,
                "index.mjs": #"""
                    import * as aws from '@pulumi/aws';
                    const logs = new aws.s3.Bucket('logs', { tags: { CreatedAt: new Date().toISOString() } });
                    const settings = { region: 'us-west-2', stamp: Date.now() };
                    new aws.s3.BucketPolicy('logs-policy', { bucket: logs.id, policy: '{}' });
                    new aws.s3.Bucket('b', { bucket: `b-${settings.region}` });

                    """#,
            ]),
            // Python: a name built in another module of the program, from uuid4.
            .triggering([
                "Pulumi.yaml": #"""
                    name: data
                    runtime: python

                    """#,
                "requirements.txt": "pulumi>=3\npulumi-aws>=6\n",
                "__main__.py": #"""
                    import time
                    import pulumi_aws as aws
                    from naming import unique

                    bucket = aws.s3.BucketV2("data", bucket=↓unique("data"))
                    logs = aws.s3.BucketV2(↓f"logs-{int(time.time())}")

                    """#,
                "naming.py": #"""
                    import uuid


                    def unique(prefix):
                        return f"{prefix}-{uuid.uuid4().hex[:6]}"

                    """#,
            ], findings: [
                #"`bucket` of aws.s3.BucketV2 changes on every run (unique = … uuid.uuid4()): every deploy sees a new name and replaces the resource"#,
                #"the logical name of aws.s3.BucketV2 changes on every run (time.time()): every deploy sees a new name and replaces the resource"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: db
                    runtime: python
                    main: infra/

                    """#,
                "infra/__main__.py": #"""
                    from datetime import datetime
                    from pulumi_aws import rds

                    stamp = datetime.now().strftime("%Y%m%d%H%M%S")
                    db = rds.Instance("db", identifier=↓f"db-{stamp}", instance_class="db.t3.micro")

                    """#,
            ], findings: [
                #"`identifier` of rds.Instance changes on every run (stamp = … datetime.now()): every deploy sees a new name and replaces the resource"#,
            ]),
            // uuid only in tags, a timestamp exported, a year in a name: all stay silent.
            .clean([
                "Pulumi.yaml": #"""
                    name: data
                    runtime: python

                    """#,
                "__main__.py": #"""
                    import uuid
                    from datetime import datetime
                    import pulumi
                    import pulumi_aws as aws

                    config = pulumi.Config()
                    bucket = aws.s3.BucketV2("data", tags={"run": str(uuid.uuid4())})
                    cert = aws.acm.Certificate(f"cert-{datetime.now().year}", domain_name=config.require("domain"))
                    pulumi.export("deployed_at", datetime.now().isoformat())
                    print(f"created {bucket} at {datetime.now()}")

                    """#,
            ]),
        ],
        check: { graph, findings in
            if graph.isPythonRuntime {
                reportPythonNames(graph, &findings)
                return
            }
            guard graph.isNodeRuntime else { return }
            let entries = graph.programSourceFiles
            guard !entries.isEmpty else { return }
            let modules = graph.programSources.reachable(from: entries)
            for construction in ResourceNames.constructions(in: modules, tree: graph.tree) {
                var places: [(String, Range<Int>)] = construction.nameArgument.map { [("the logical name", $0)] } ?? []
                places += construction.properties.filter { ResourceNames.physicalNameProperties.contains($0.key) }.map { ("`\($0.key)`", $0.value) }
                let module = construction.module
                for (place, range) in places {
                    guard let changing = ResourceNames.changingValue(in: range, of: module) else { continue }
                    let span = Span(module.tokens[range.lowerBound].span.start, module.tokens[range.upperBound - 1].span.end)
                    let fix = Fix(.displayOnly, "Build the name from values that stay the same (the stack name, config), or leave it out and let Pulumi add a random suffix once", [])
                    findings.report("\(place) of \(construction.callee) changes on every run (\(changing.what)): every deploy sees a new name and replaces the resource",
                                    in: module.file, at: span, fix: fix)
                }
            }
        })
}

/// The same check for a Python program: its own modules from the entry point.
private func reportPythonNames(_ graph: ProjectGraph, _ findings: inout Findings) {
    let entries = graph.pythonEntryFiles
    guard !entries.isEmpty else { return }
    let names = PythonResourceNames(modules: graph.pythonSources.reachable(from: entries), programDirectory: graph.programDirectory, tree: graph.tree)
    for construction in names.constructions() {
        var places: [(String, Range<Int>)] = construction.nameArgument.map { [("the logical name", $0)] } ?? []
        places += construction.keywords.filter { PythonResourceNames.physicalNameKeywords.contains($0.key) }.map { ("`\($0.key)`", $0.value) }
        let module = construction.module
        for (place, range) in places where !range.isEmpty {
            guard let changing = names.changingValue(in: range, of: module) else { continue }
            let span = Span(module.tokens[range.lowerBound].span.start, module.tokens[range.upperBound - 1].span.end)
            let fix = Fix(.displayOnly, "Build the name from values that stay the same (the stack name, config), or leave it out and let Pulumi add a random suffix once", [])
            findings.report("\(place) of \(construction.callee) changes on every run (\(changing)): every deploy sees a new name and replaces the resource",
                            in: module.file, at: span, fix: fix)
        }
    }
}
