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
        fixSafety: "It writes the spelling that is on disk: the file that macOS and Windows resolve today, now resolved on Linux too.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: ↓Src/Index.ts # the program

                    """#,
                "src/index.ts": "",
            ], .safe, becomes: [
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/index.ts # the program

                    """#,
            ], findings: [
                #"'Src/Index.ts' exists only as 'src/index.ts' (other letter case): found on macOS and Windows, missing on Linux"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "demo", "bin": {"tap": ↓"./bin/Tap.mjs"}}"#,
                "bin/tap.mjs": "",
            ], .safe, becomes: [
                "package.json": #"{"name": "demo", "bin": {"tap": "./bin/tap.mjs"}}"#,
            ], findings: [
                #"'./bin/Tap.mjs' exists only as 'bin/tap.mjs' (other letter case): found on macOS and Windows, missing on Linux"#,
            ]),
            // A path the program opens (see asset-path-missing), resolved from the directory Pulumi runs it in.
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "main": "index.ts", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    export const code = new pulumi.asset.FileArchive(↓"./Lambda");

                    """#,
                "lambda/index.js": "",
            ], .safe, becomes: [
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    export const code = new pulumi.asset.FileArchive("./lambda");

                    """#,
            ], findings: [
                #"'./Lambda' exists only as 'lambda' (other letter case): found on macOS and Windows, missing on Linux"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/index.ts

                    """#,
                "src/index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: README.md

                    """#,
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
            for path in graph.fact(ProgramPathReferences.self) {
                guard case .caseMismatch(let actual) = path.status else { continue }
                let written = path.literalText ?? path.use.written
                let anchor = path.folded.isResolved ? (path.runningFile.flatMap(Path.parent) ?? path.base) : path.base
                let shown = Path.relative(actual, from: anchor)
                findings.report("'\(written)' exists only as '\(shown)' (other letter case): found on macOS and Windows, missing on Linux",
                                in: path.use.file, at: path.use.span, fix: path.retargeted(to: actual, .safe))
            }
        })
}
