import ManifestLintGraph

extension Rule {
    static let scriptFileMissing = Rule(
        id: "script-file-missing",
        severity: .error,
        summary: "A script runs or loads a local file that does not exist.",
        rationale: """
            `node X`, `ts-node X`, `tsx X`, `bash X`, `./X.sh` and the `-c`/`--config`/`-p` file of well-known tools \
            (jest, eslint, prettier, mocha, webpack, rollup, vite, vitest, tsc) fail when the file is not there, \
            relative to the directory the command runs in (`cd` followed). Node's extension probing is followed, \
            and a file that the package's TypeScript build emits counts as present. A `cd` into a directory that \
            is not there fails the script too (dash, npm's sh on Linux: "cd: can't cd to X"; the commands after \
            `&&` never run), unless git ignores the directory, the TypeScript build emits it, or an earlier command \
            of the script names it (`mkdir -p out && cd out`).
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "Error: Cannot find module '<file>' (or the tool's own \"no such file\")"),
        fixSafety: "It names the one file beside the missing one with the same stem and another extension: the file the script evidently meant, and the only candidate.",
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"localstack:start": "↓./scripts/localstack-start.sh"}}"#,
                "bin/tap.mjs": "",
            ], findings: [
                #"the script 'localstack:start' runs ./scripts/localstack-start.sh, which does not exist"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"jest": "^29"}, "scripts": {"test": "cd test && jest --config ↓jest.config.js", "seed": "bash -c 'node ↓scripts/seed.js'"}}"#,
                "index.js": "",
                "jest.config.js": "",
                "test/setup.js": "",
            ], findings: [
                #"the script 'test' runs `jest` with jest.config.js, which does not exist"#,
                #"the script 'seed' runs `node` with scripts/seed.js, which does not exist"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"test:ts": "cd ↓tests/typescript && npm test", "docs": "cd ↓README.md && ls"}}"#,
                "index.js": "",
                "README.md": "",
            ], findings: [
                #"the script 'test:ts' runs cd tests/typescript, which does not exist: the commands after it never run (sh: "cd: can't cd to tests/typescript")"#,
                #"the script 'docs' runs cd README.md, which is a file, not a directory (sh: "cd: can't cd to README.md")"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "scripts": {"zip": "tsc && cd dist && zip -r ../app.zip .", "pack": "mkdir -p out/pkg && cd out/pkg && npm pack ../..", "cov": "jest --coverage && cd coverage && ls", "here": "cd . && cd $HOME && cd -"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist"}}"#,
                ".gitignore": "coverage/\n",
                "index.ts": "",
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"migrate": "node ↓scripts/migrate.js --dry-run"}}"#,
                "index.js": "",
                "scripts/migrate.mjs": "",
            ], .safe, becomes: [
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"migrate": "node scripts/migrate.mjs --dry-run"}}"#,
            ], findings: [
                #"the script 'migrate' runs `node` with scripts/migrate.js, which does not exist"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: api
                    runtime: nodejs
                    main: src/index.ts

                    """#,
                "package.json": #"{"name": "api", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "scripts": {"build": "tsc -p tsconfig.build.json", "start": "npm run build && node dist/server"}}"#,
                "tsconfig.build.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "src"}}"#,
                "src/index.ts": "",
                "src/server.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"a": "node -e \"require('./x')\" && node $SCRIPT && cd tools && node gen.js && sh -c 'exit 0'", "b": "node --require ./hook.js index"}}"#,
                "index.js": "",
                "hook.js": "",
                "tools/gen.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for missing in graph.fact(MissingScriptFiles.self) where missing.entryNamedLike(in: graph) == nil {
                let word = missing.argument.word
                let absence = graph.absence(of: missing.argument.candidates(missing.target))
                let runs = word.span == missing.invocation.words.first?.span ? word.text : "`\(missing.invocation.name)` with \(word.text)"
                let message = "the script '\(missing.invocation.scriptName)' runs \(runs), which \(absence)"
                var typeScriptLoads = false
                if case .program(let loads) = missing.argument.kind { typeScriptLoads = loads }
                let fix = graph.likelyTarget(for: missing.target, typeScriptLoads: typeScriptLoads).flatMap { likely in
                    graph.replacing(word, with: Path.relative(likely, from: missing.invocation.directory ?? ""), in: scripts.package.file, .safe)
                }
                findings.report(message, in: scripts.package.file, at: word.span, fix: fix)
            }
            for (index, invocation) in scripts.invocations.enumerated() where invocation.name == "cd" {
                guard let directory = invocation.directory, let word = Self.cdTarget(invocation.words) else { continue }
                let target = Path.join(directory, word.text)
                switch graph.tree.kind(of: target) {
                case .directory: continue
                case .file:
                    findings.report("the script '\(invocation.scriptName)' runs cd \(word.text), which is a file, not a directory (sh: \"cd: can't cd to \(word.text)\")",
                                    in: scripts.package.file, at: word.span)
                case .missing:
                    // A directory a build makes (ignored by git, a compiler's output), or that the script makes first.
                    guard !GitIgnore.ignores(target, asDirectory: true, tree: graph.tree),
                          case .missing = graph.status(of: target, probing: false, anchor: scripts.package.directory),
                          !Self.namedEarlier(target, before: index, in: scripts) else { continue }
                    findings.report("the script '\(invocation.scriptName)' runs cd \(word.text), which \(graph.absence(of: [target])): the commands after it never run (sh: \"cd: can't cd to \(word.text)\")",
                                    in: scripts.package.file, at: word.span)
                }
            }
        })

    /// Whether a command of the same script before the one at `index` names
    /// `target` (`mkdir -p out` before `cd out`), or runs where it is not known.
    fileprivate static func namedEarlier(_ target: String, before index: Int, in scripts: PackageScripts) -> Bool {
        let scriptName = scripts.invocations[index].scriptName
        return scripts.invocations[..<index].contains { earlier in
            guard earlier.scriptName == scriptName else { return false }
            guard let directory = earlier.directory else { return true }
            return earlier.words.contains { !$0.isDynamic && Path.join(directory, $0.text) == target }
        }
    }

    /// The directory a `cd` names, when it is a relative path written out
    /// (not a variable, `$(...)`, `-` or `~`, and no options but -L and -P).
    fileprivate static func cdTarget(_ words: [ShellWord]) -> ShellWord? {
        let arguments = words.dropFirst().drop { $0.text == "-L" || $0.text == "-P" || $0.text == "--" }
        guard arguments.count == 1, let word = arguments.first, !word.isDynamic, !word.text.isEmpty,
              !["-", "/", "~"].contains(where: { word.text.hasPrefix($0) }) else { return nil }
        return word
    }
}
