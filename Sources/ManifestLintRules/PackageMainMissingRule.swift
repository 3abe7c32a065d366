import ManifestLintGraph

extension Rule {
    static let packageMainMissing = Rule(
        id: "package-main-missing",
        severity: .warning,
        summary: "package.json `main` (or the `exports` entry Pulumi reads) does not exist.",
        rationale: """
            When Pulumi.yaml has no file `main`, Pulumi's run.ts loads package.json `exports` or `main`; if \
            that file is missing, `pulumi preview` warns "Could not find entry point '<main>' specified in \
            package.json; using '<directory>' instead" on every run and falls back to the directory. When \
            nothing is left to fall back to, the program cannot start, and the finding is an error. When \
            Pulumi.yaml `main` names a file, Pulumi never reads package.json `main`: the field then matters \
            only to whoever installs the package, so it is checked only for a package that gets installed \
            (published, or a dependency of another workspace member; see bin-shebang).
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "Could not find entry point '<main>' specified in package.json; using '<directory>' instead (on every run)"),
        fixSafety: "It points main (or exports) at the one file beside it with the same stem (or at what the build emits from it): likely, not certain, to be the entry meant.",
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "main": ↓"dist/index.js"}"#,
                "index.ts": "",
            ], findings: [
                #"package.json main 'dist/index.js' does not exist: Pulumi warns "Could not find entry point" on every run and falls back to index.ts"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": "{\r\n  \"name\": \"demo\",\r\n  \"main\": ↓\"index.js\"\r\n}",
                "tsconfig.json": #"{"compilerOptions": {"outDir": "bin"}}"#,
                "index.ts": "",
            ], .unsafe, becomes: [
                "package.json": "{\r\n  \"name\": \"demo\",\r\n  \"main\": \"bin/index.js\"\r\n}",
            ], findings: [
                #"package.json main 'index.js' does not exist: Pulumi warns "Could not find entry point" on every run and falls back to index.ts"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "exports": {".": {"import": ↓"./lib/main.mjs"}}}"#,
                "lib/index.mjs": "",
            ], findings: [
                #"package.json exports './lib/main.mjs' does not exist and there is no index file to fall back to: Pulumi cannot find the program"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "main": "lib/main"}"#,
                "lib/main.js": "",
            ]),
            // Pulumi.yaml main names a file: Pulumi never reads the nested lib/package.json main, and nothing installs lib.
            .clean([
                "Pulumi.yaml": #"""
                    name: infra
                    runtime: nodejs
                    main: lib/index.ts

                    """#,
                "package.json": #"{"name": "infra", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "lib/package.json": #"{"main": "index.js"}"#,
                "lib/index.ts": "",
            ]),
            // The same, in a package a workspace member depends on: whoever requires it breaks.
            .triggering([
                "package.json": #"{"private": true, "workspaces": ["infra", "apps/*"]}"#,
                "infra/Pulumi.yaml": #"""
                    name: infra
                    runtime: nodejs
                    main: lib/index.ts

                    """#,
                "infra/package.json": #"{"name": "@acme/infra", "main": ↓"dist/index.js", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "infra/lib/index.ts": "",
                "apps/web/package.json": #"{"name": "web", "dependencies": {"@acme/infra": "*"}}"#,
            ], findings: [
                #"package.json main 'dist/index.js' does not exist: require() of the package fails for whoever installs it, and workspace member apps/web/package.json depends on it"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "main": "bin/index.js", "scripts": {"build": "tsc"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "bin"}, "files": ["index.ts"]}"#,
                "index.ts": "",
            ]),
            // A directory named in `include` is a source root like any other: tsc emits src/app/main.ts as dist/app/main.js.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "main": "dist/app/main.js", "scripts": {"build": "tsc"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist"}, "include": ["src", "src/app/main.ts"]}"#,
                "src/main.ts": "",
                "src/app/main.ts": "",
            ]),
        ],
        check: { graph, findings in
            var candidates = [graph.packageMainReference]
            if graph.packageEntryCandidate?.kind == .packageExports { candidates.append(graph.packageEntryCandidate) }
            var installation: String??
            for case let reference? in candidates where reference.status == .missing {
                let field = reference.kind == .packageExports ? "exports" : "main"
                let candidates = reference.kind == .packageExports ? [reference.target] : NodeResolution.fileCandidates(reference.target)
                var message = "package.json \(field) '\(reference.written)' \(graph.absence(of: candidates))"
                var severity = Severity.warning
                if case .directory(let entry) = graph.nodeEntry, entry.packageCandidate?.node.span == reference.node.span {
                    if let loaded = entry.loadedFile {
                        message += ": Pulumi warns \"Could not find entry point\" on every run and falls back to \(graph.describe(loaded))"
                    } else if entry.blockedTypeScriptIndex == nil {
                        message += " and there is no index file to fall back to: Pulumi cannot find the program"
                        severity = .error
                    }
                } else {
                    // Pulumi does not read it: only those who install the package do.
                    if installation == nil { installation = .some(graph.packageInstallation()) }
                    guard case let why?? = installation else { continue }
                    message += ": require() of the package fails for whoever installs it, and \(why)"
                }
                let likely = graph.likelyTarget(for: reference.target, typeScriptLoads: false)
                findings.report(message, in: reference.file, at: reference.node.span, severity: severity,
                                fix: likely.flatMap { graph.retarget(reference, to: $0, .unsafe) })
            }
        })
}
