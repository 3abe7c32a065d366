extension Rule {
    static let packageMainMissing = Rule(
        id: "package-main-missing",
        severity: .warning,
        summary: "package.json `main` (or the `exports` entry Pulumi reads) does not exist.",
        rationale: """
            When Pulumi.yaml has no file `main`, Pulumi's run.ts loads package.json `exports` or `main`; if \
            that file is missing it only warns ("Could not find entry point ... specified in package.json") \
            and falls back to the directory, while every npm consumer of the package breaks. When nothing is \
            left to fall back to, the program cannot start, and the finding is an error.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"main\": ↓\"dist/index.js\"}",
                "index.ts": "",
            ]),
            .fix([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\r\n  \"name\": \"demo\",\r\n  \"main\": ↓\"index.js\"\r\n}",
                "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"bin\"}}",
                "index.ts": "",
            ], .unsafe, becomes: [
                "package.json": "{\r\n  \"name\": \"demo\",\r\n  \"main\": \"bin/index.js\"\r\n}",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"exports\": {\".\": {\"import\": ↓\"./lib/main.mjs\"}}}",
                "lib/index.mjs": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"main\": \"lib/main\"}",
                "lib/main.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"main\": \"bin/index.js\", \"scripts\": {\"build\": \"tsc\"}}",
                "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"bin\"}, \"files\": [\"index.ts\"]}",
                "index.ts": "",
            ]),
            // A directory named in `include` is a source root like any other: tsc emits src/app/main.ts as dist/app/main.js.
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"main\": \"dist/app/main.js\", \"scripts\": {\"build\": \"tsc\"}}",
                "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\"}, \"include\": [\"src\", \"src/app/main.ts\"]}",
                "src/main.ts": "",
                "src/app/main.ts": "",
            ]),
        ],
        check: { graph, findings in
            var candidates = [graph.packageMainReference]
            if graph.packageEntryCandidate?.kind == .packageExports { candidates.append(graph.packageEntryCandidate) }
            for case let reference? in candidates where reference.status == .missing {
                let field = reference.kind == .packageExports ? "exports" : "main"
                let candidates = reference.kind == .packageExports ? [reference.target] : NodeResolution.fileCandidates(reference.target)
                var message = "package.json \(field) '\(reference.written)' \(graph.absence(of: candidates))"
                var severity = Severity.warning
                if case .directory(let entry) = graph.nodeEntry, entry.packageCandidate?.node.span == reference.node.span {
                    if let loaded = entry.loadedFile {
                        message += ": Pulumi warns and falls back to \(graph.describe(loaded)); npm consumers of the package break"
                    } else if entry.blockedTypeScriptIndex == nil {
                        message += " and there is no index file to fall back to: Pulumi cannot find the program"
                        severity = .error
                    }
                } else {
                    message += ": npm consumers of the package break"
                }
                let likely = graph.likelyTarget(for: reference.target, typeScriptLoads: false)
                findings.report(message, in: reference.file, at: reference.node.span, severity: severity,
                                fix: likely.flatMap { graph.retarget(reference, to: $0, .unsafe) })
            }
        })
}
