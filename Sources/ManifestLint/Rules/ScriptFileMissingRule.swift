/// A file a script command names that is not there (or exists only as another program).
struct MissingScriptFile {
    var invocation: PackageScripts.Invocation
    var argument: FileArgument
    var target: String

    /// Every missing file argument of every command, once.
    static func all(in graph: ProjectGraph) -> [MissingScriptFile] {
        guard let scripts = graph.packageScripts else { return [] }
        var seen = Set<Span>()
        var result: [MissingScriptFile] = []
        for invocation in scripts.invocations {
            guard let directory = invocation.directory else { continue }
            for argument in FileArgument.arguments(of: invocation.words) where seen.insert(argument.word.span).inserted {
                let target = Path.join(directory, argument.word.text)
                if graph.isPresent(argument, at: target) == false {
                    result.append(MissingScriptFile(invocation: invocation, argument: argument, target: target))
                }
            }
        }
        return result
    }

    /// The program Pulumi runs, when this is a node/ts-node/tsx program naming it with another extension.
    func entryNamedLike(in graph: ProjectGraph) -> (path: String, description: String)? {
        guard case .program = argument.kind else { return nil }
        return graph.programNamedLike(target)
    }
}

extension Rule {
    static let scriptFileMissing = Rule(
        id: "script-file-missing",
        severity: .error,
        summary: "A script runs or loads a local file that does not exist.",
        rationale: """
            `node X`, `ts-node X`, `tsx X`, `bash X`, `./X.sh` and the `-c`/`--config`/`-p` file of well-known tools \
            (jest, eslint, prettier, mocha, webpack, rollup, vite, vitest, tsc) fail when the file is not there, \
            relative to the directory the command runs in (`cd` followed). Node's extension probing is followed, \
            and a file that the package's TypeScript build emits counts as present.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"localstack:start\": \"↓./scripts/localstack-start.sh\"}}",
                "bin/tap.mjs": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"devDependencies\": {\"jest\": \"^29\"}, \"scripts\": {\"test\": \"cd test && jest --config ↓jest.config.js\", \"seed\": \"bash -c 'node ↓scripts/seed.js'\"}}",
                "index.js": "",
                "jest.config.js": "",
            ]),
            .fix([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"migrate\": \"node ↓scripts/migrate.js --dry-run\"}}",
                "index.js": "",
                "scripts/migrate.mjs": "",
            ], .safe, becomes: [
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"migrate\": \"node scripts/migrate.mjs --dry-run\"}}",
            ]),
            .clean([
                "Pulumi.yaml": "name: api\nruntime: nodejs\nmain: src/index.ts\n",
                "package.json": "{\"name\": \"api\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"devDependencies\": {\"typescript\": \"^5\"}, \"scripts\": {\"build\": \"tsc -p tsconfig.build.json\", \"start\": \"npm run build && node dist/server\"}}",
                "tsconfig.build.json": "{\"compilerOptions\": {\"outDir\": \"dist\", \"rootDir\": \"src\"}}",
                "src/index.ts": "",
                "src/server.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"a\": \"node -e \\\"require('./x')\\\" && node $SCRIPT && cd tools && node gen.js && sh -c 'exit 0'\", \"b\": \"node --require ./hook.js index\"}}",
                "index.js": "",
                "hook.js": "",
                "tools/gen.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for missing in MissingScriptFile.all(in: graph) where missing.entryNamedLike(in: graph) == nil {
                let word = missing.argument.word
                let absence = graph.absence(of: missing.argument.candidates(missing.target))
                let message = "the script '\(missing.invocation.script.name)' runs `\(missing.invocation.name)` with \(word.text), which \(absence)"
                var typeScriptLoads = false
                if case .program(let loads) = missing.argument.kind { typeScriptLoads = loads }
                let fix = graph.likelyTarget(for: missing.target, typeScriptLoads: typeScriptLoads).flatMap { likely in
                    graph.replacing(word, with: Path.relative(likely, from: missing.invocation.directory ?? ""), in: scripts.package.file, .safe)
                }
                findings.report(message, in: scripts.package.file, at: word.span, fix: fix)
            }
        })

    static let scriptEntryMismatch = Rule(
        id: "script-entry-mismatch",
        severity: .error,
        summary: "A script runs the Pulumi program under another extension than the one that exists.",
        rationale: """
            `node bin/tap.js` while Pulumi.yaml runs bin/tap.mjs and only that file exists: the script and the \
            project disagree about the program, and the script fails. The fix points the script at the program \
            Pulumi runs.
            """,
        examples: [
            .fix([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"start\": \"NODE_ENV=dev node ↓bin/tap.js\"}}",
                "bin/tap.mjs": "",
            ], .safe, becomes: [
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"start\": \"NODE_ENV=dev node bin/tap.mjs\"}}",
            ]),
            .fix([
                "Pulumi.yaml": "name: app\nruntime: nodejs\nmain: src/main.ts\n",
                "package.json": "{\"name\": \"app\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"devDependencies\": {\"tsx\": \"^4\"}, \"scripts\": {\"dev\": \"cd src && tsx watch ↓main.js\"}}",
                "src/main.ts": "",
            ], .safe, becomes: [
                "package.json": "{\"name\": \"app\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"devDependencies\": {\"tsx\": \"^4\"}, \"scripts\": {\"dev\": \"cd src && tsx watch main.ts\"}}",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"start\": \"node bin/tap.mjs\"}}",
                "bin/tap.mjs": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.ts\n",
                "package.json": "{\"name\": \"tap\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"build\": \"tsc\", \"start\": \"node bin/tap.js\"}}",
                "tsconfig.json": "{\"compilerOptions\": {}}",
                "bin/tap.ts": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for missing in MissingScriptFile.all(in: graph) {
                guard let program = missing.entryNamedLike(in: graph) else { continue }
                let word = missing.argument.word
                let message = "the script '\(missing.invocation.script.name)' runs \(word.text), which \(graph.absence(of: [missing.target])); \(program.description) names \(graph.describe(program.path)), which does"
                let fix = graph.replacing(word, with: Path.relative(program.path, from: missing.invocation.directory ?? ""), in: scripts.package.file, .safe)
                findings.report(message, in: scripts.package.file, at: word.span, fix: fix)
            }
        })
}
