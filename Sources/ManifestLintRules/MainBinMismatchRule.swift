import ManifestLintGraph

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
        consequence: Consequence(command: "npx <name>, npm link", outcome: "the command the package links runs a file that does not exist (ENOENT)"),
        fixSafety: "It makes bin name the file that Pulumi.yaml main names and that exists: the program Pulumi runs today does not change, only the command npm links now works.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"""
                    {
                      "name": "tap",
                      "bin": {
                        "tap": ↓"bin/tap.js"
                      }
                    }

                    """#,
                "bin/tap.mjs": "",
            ], .safe, becomes: [
                "package.json": #"""
                    {
                      "name": "tap",
                      "bin": {
                        "tap": "bin/tap.mjs"
                      }
                    }

                    """#,
            ], findings: [
                #"bin 'tap' points to bin/tap.js, which does not exist; Pulumi.yaml main names bin/tap.mjs, which does: the manifests disagree about the program"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": "./src/app.cjs", "bin": ↓"./src/app.js"}"#,
                "src/app.cjs": "",
            ], .safe, becomes: [
                "package.json": #"{"name": "app", "main": "./src/app.cjs", "bin": "./src/app.cjs"}"#,
            ], findings: [
                #"bin 'app' points to ./src/app.js, which does not exist; package.json main names src/app.cjs, which does: the manifests disagree about the program"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "bin": {"tap": "bin/tap.mjs"}}"#,
                "bin/tap.mjs": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.ts

                    """#,
                "package.json": #"{"name": "tap", "bin": {"tap": "dist/bin/tap.js"}, "scripts": {"build": "tsc"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist"}, "include": ["bin", "lib"]}"#,
                "bin/tap.ts": "",
                "lib/stack.ts": "",
            ]),
        ],
        check: { graph, findings in
            for bin in graph.binReferences {
                guard bin.status == .missing, let program = graph.programNamedLike(bin.target) else { continue }
                guard case .bin(let name) = bin.kind else { continue }
                findings.report("bin '\(name)' points to \(bin.written), which \(graph.absence(of: NodeResolution.fileCandidates(bin.target))); \(program.description) names \(graph.describe(program.path)), which does: the manifests disagree about the program",
                                in: bin.file, at: bin.node.span, fix: graph.retarget(bin, to: program.path, .safe))
            }
        })
}
