extension Rule {
    static let mainBinMismatch = Rule(
        id: "main-bin-mismatch",
        severity: .error,
        summary: "package.json `bin` names the program with another extension than the one that exists.",
        rationale: """
            Pulumi never reads `bin`, but `npx <name>`, `npm link` and every tool that runs the package's \
            command do: when `bin` says bin/tap.js while Pulumi.yaml runs bin/tap.mjs and only that file \
            exists, the two manifests disagree about the program and the command is broken. The finding is \
            on the bin value, since the program Pulumi runs is the one that exists.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\n  \"name\": \"tap\",\n  \"bin\": {\n    \"tap\": ↓\"bin/tap.js\"\n  }\n}\n",
                "bin/tap.mjs": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: app\nruntime: nodejs\n",
                "package.json": "{\"name\": \"app\", \"main\": \"src/app.ts\", \"bin\": ↓\"src/app.js\"}",
                "src/app.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"tap\", \"bin\": {\"tap\": \"bin/tap.mjs\"}}",
                "bin/tap.mjs": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.ts\n",
                "package.json": "{\"name\": \"tap\", \"bin\": {\"tap\": \"dist/bin/tap.js\"}, \"scripts\": {\"build\": \"tsc\"}}",
                "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\"}, \"include\": [\"bin\", \"lib\"]}",
                "bin/tap.ts": "",
                "lib/stack.ts": "",
            ]),
        ],
        check: { graph, findings in
            for bin in graph.binReferences {
                guard bin.status == .missing, let program = graph.programNamedLike(bin.target) else { continue }
                guard case .bin(let name) = bin.kind else { continue }
                findings.report("bin '\(name)' points to \(bin.written), which does not exist; \(program.description) names \(graph.describe(program.path)), which does: the manifests disagree about the program",
                                in: bin.file, at: bin.node.span)
            }
        })

    static let binMissing = Rule(
        id: "bin-missing",
        severity: .error,
        summary: "A package.json `bin` target does not exist.",
        rationale: """
            npm links each bin entry as a command; a target that is not there breaks `npx`, `npm link` and \
            installs of the package. Node's probing is followed (X, X.js, X/index.js, as publint does), and a \
            file that the project's TypeScript build emits counts as present.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"bin\": {\"deploy\": ↓\"scripts/deploy.js\"}}",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"@acme/demo\", \"bin\": ↓\"./cli\"}",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"bin\": {\"demo\": \"cli\"}}",
                "cli/index.js": "",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src/index.ts\n",
                "package.json": "{\"name\": \"demo\", \"bin\": {\"demo\": \"dist/cli.js\"}, \"scripts\": {\"build\": \"tsc -p tsconfig.build.json\"}}",
                "tsconfig.build.json": "{\"compilerOptions\": {\"outDir\": \"dist\", \"rootDir\": \"src\"}}",
                "src/index.ts": "",
                "src/cli.ts": "",
            ]),
        ],
        check: { graph, findings in
            for bin in graph.binReferences where bin.status == .missing && graph.programNamedLike(bin.target) == nil {
                guard case .bin(let name) = bin.kind else { continue }
                findings.report("bin '\(name)' points to \(bin.written), which does not exist (tried \(bin.written), \(bin.written).js and \(bin.written)/index.js)",
                                in: bin.file, at: bin.node.span)
            }
        })
}

extension ProjectGraph {
    /// The program Pulumi runs, when it names the same program as `path`
    /// (same directory and stem, another module extension) and exists.
    func programNamedLike(_ path: String) -> (path: String, description: String)? {
        if let main = mainReference, main.status != .missing, !isDirectory(main.target),
           Path.nameSameProgram(main.target, path) {
            return (main.target, "Pulumi.yaml main")
        }
        if case .directory(let entry) = nodeEntry, let loaded = entry.loadedFile, Path.nameSameProgram(loaded, path) {
            return (loaded, entry.packageCandidate?.target == loaded ? "package.json main" : "the program Pulumi loads")
        }
        return nil
    }

    private func isDirectory(_ path: String) -> Bool { tree.isDirectory(path) }
}
