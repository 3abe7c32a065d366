import ManifestLintGraph

extension Rule {
    static let pathCaseMismatch = Rule(
        id: "path-case-mismatch",
        severity: .error,
        summary: "A referenced path exists only with other letter case.",
        rationale: """
            macOS and Windows find `Bin/Tap.mjs` when the file is `bin/tap.mjs`; Linux, where CI and \
            containers run, does not. The reference works on the author's machine and fails in the pipeline.
            """,
        consequence: Consequence(command: "pulumi preview or npm run on Linux (CI, containers)", outcome: "no such file or directory"),
        examples: [
            .fix([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: ↓Src/Index.ts # the program\n",
                "src/index.ts": "",
            ], .safe, becomes: [
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src/index.ts # the program\n",
            ]),
            .fix([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"demo\", \"bin\": {\"tap\": ↓\"./bin/Tap.mjs\"}}",
                "bin/tap.mjs": "",
            ], .safe, becomes: [
                "package.json": "{\"name\": \"demo\", \"bin\": {\"tap\": \"./bin/tap.mjs\"}}",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src/index.ts\n",
                "src/index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: README.md\n",
                "README.md": "",
                "readme.md": "",
            ]),
        ],
        check: { graph, findings in
            var references = [graph.mainReference, graph.packageMainReference, graph.packageEntryCandidate, graph.tsconfigOptionReference]
            references += graph.binReferences.map(Optional.some)
            var reported = Set<Span>()
            for case let reference? in references {
                guard case .caseMismatch(let actual) = reference.status, reported.insert(reference.node.span).inserted else { continue }
                let anchor = reference.kind == .projectMain ? graph.location.directory : (Path.parent(reference.file.path) ?? "")
                let shown = Path.relative(actual, from: anchor)
                findings.report("'\(reference.written)' exists only as '\(shown)' (other letter case): found on macOS and Windows, missing on Linux",
                                in: reference.file, at: reference.node.span, fix: graph.retarget(reference, to: actual, .safe))
            }
        })
}
