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
            `main` names a build output that is not built yet, the source the build compiles into it is read.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "+- replace on every deploy: a new resource with a new name, the old one deleted"),
        displayOnlyFix: true,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: index.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "index.mjs": "import * as aws from '@pulumi/aws';\nconst env = 'dev';\nconst bucket = new aws.s3.Bucket('code', {\n  bucket: ↓`code-${env}-${Date.now()}`,\n  tags: { Created: Date.now().toString() },\n});\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: app\nruntime: nodejs\n",
                "package.json": "{\"name\": \"app\", \"main\": \"index.ts\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "index.ts": "import * as aws from \"@pulumi/aws\";\nimport { Stack } from \"./stack\";\nnew Stack(\"main\", {});\nconst stamp = new Date().toISOString();\nconst suffix = stamp;\nexport const q = new aws.sqs.Queue(↓\"jobs-\" + suffix);\n",
                "stack.ts": "import * as pulumi from \"@pulumi/pulumi\";\nexport class Stack extends pulumi.ComponentResource {\n  constructor(name: string, args: {}) {\n    super(\"app:Stack\", name, {}, {});\n    const id = Math.random().toString(36);\n    new pulumi.ComponentResource(\"x\", `child-${name}`, {});\n  }\n}\nexport const make = () => new Stack(↓`s-${Date.now()}`, {});\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: index.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "index.mjs": "import * as pulumi from '@pulumi/pulumi';\nimport * as aws from '@pulumi/aws';\n// new aws.s3.Bucket(`x-${Date.now()}`) in a comment\nconst config = new pulumi.Config();\nconsole.log(`deploying at ${Date.now()}`);\nconst bucket = new aws.s3.Bucket('code', {\n  bucket: `code-${config.require('env')}-bucket`,\n  tags: { DeployedAt: new Date().toISOString() },\n  description: 'Date.now() is not used here',\n});\nexport const deployedAt = Date.now();\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: app\nruntime: nodejs\n",
                "package.json": "{\"name\": \"app\", \"main\": \"index.js\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}",
                "index.js": "const pulumi = require('@pulumi/pulumi');\nconst random = require('./random');\nconst cfg = new pulumi.Config(`cfg-${Date.now()}`);\nconst name = random.pick();\nmodule.exports.when = new Date().getTime();\n",
                "random.js": "exports.pick = () => 'fixed';\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: index.js\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/aws\": \"^6\"}}",
                "index.js": "const aws = require('@pulumi/aws');\nconst now = new Date();\nnew aws.lambda.Function('fn', { functionName: ↓`fn-${now.getTime()}` });\n",
            ]),
            // main names tsc's output, not built yet: the rule reads bin/tap.ts and what it imports.
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.js\n",
                "package.json": "{\"name\": \"tap\", \"bin\": {\"tap\": \"bin/tap.js\"}, \"scripts\": {\"build\": \"tsc\"}, \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "tsconfig.json": "{\"compilerOptions\": {\"target\": \"ES2022\", \"module\": \"commonjs\"}}",
                ".gitignore": "bin/*.js\n",
                "bin/tap.ts": "import { Stack } from '../lib/stack';\nnew Stack();\n",
                "lib/stack.ts": "import * as aws from '@pulumi/aws';\nexport class Stack {\n  constructor() {\n    new aws.s3.Bucket('b', {bucket: ↓`b-${Date.now()}`});\n  }\n}\n",
            ]),
            // main names tsc's output directory: the program is the index.ts it emits from.
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: dist/\n",
                "package.json": "{\"name\": \"tap\", \"scripts\": {\"build\": \"tsc\"}, \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\", \"rootDir\": \"lib\"}}",
                "lib/index.ts": "import * as aws from '@pulumi/aws';\nnew aws.s3.Bucket(↓`b-${Date.now()}`);\n",
            ]),
            // No tsconfig: main-missing says main is missing, and the program is still the TypeScript file of that name.
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.js\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "bin/tap.ts": "import * as aws from '@pulumi/aws';\nnew aws.s3.Bucket(↓`b-${Math.random()}`);\n",
            ]),
            // A yearly rotation: the name changes once a year, on purpose.
            .clean([
                "Pulumi.yaml": "name: certs\nruntime: nodejs\nmain: index.ts\n",
                "package.json": "{\"name\": \"certs\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/tls\": \"^5\"}}",
                "index.ts": "import { PrivateKey } from '@pulumi/tls';\nconst currentYear = new Date().getFullYear();\nconst now = new Date();\nexport const key = new PrivateKey(`sso-${currentYear}`, { algorithm: 'RSA' });\nexport const month = new PrivateKey(`m-${now.getUTCFullYear()}-${now.getUTCMonth()}`, { algorithm: 'RSA' });\n",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: index.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/aws\": \"^6\"}}",
                "index.mjs": "import * as aws from '@pulumi/aws';\nconst logs = new aws.s3.Bucket('logs', { tags: { CreatedAt: new Date().toISOString() } });\nconst settings = { region: 'us-west-2', stamp: Date.now() };\nnew aws.s3.BucketPolicy('logs-policy', { bucket: logs.id, policy: '{}' });\nnew aws.s3.Bucket('b', { bucket: `b-${settings.region}` });\n",
            ]),
        ],
        check: { graph, findings in
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
