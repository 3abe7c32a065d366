import ManifestLintGraph

extension Rule {
    static let mainAbsolute = Rule(
        id: "main-absolute",
        severity: .warning,
        summary: "Pulumi.yaml `main` is an absolute path.",
        rationale: """
            Pulumi uses an absolute `main` as it is. It exists on this machine, but not on a colleague's or \
            in CI, where the checkout lives elsewhere: write it relative to the project directory.
            """,
        consequence: Consequence(command: "pulumi preview on another machine or in CI", outcome: "project 'main' could not be read: stat <path>: no such file or directory"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: ↓/home/me/demo/index.js

                    """#,
                "/home/me/demo/index.js": "",
            ], findings: [
                #"main '/home/me/demo/index.js' is absolute: it exists on this machine only; write it relative to the project ('/home/me/demo/index.js')"#,
            ]),
            .triggering([
                "Pulumi.json": #"{"name": "demo", "runtime": "go", "main": ↓"/src/demo/cmd"}"#,
                "/src/demo/cmd/main.go": "",
                "/src/demo/go.mod": #"""
                    module demo

                    """#,
            ], findings: [
                #"main '/src/demo/cmd' is absolute: it exists on this machine only; write it relative to the project ('/src/demo/cmd')"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/index.js

                    """#,
                "src/index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: ./

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let main = graph.mainReference, Path.isAbsolute(main.written), main.status == .exists else { return }
            let relative = Path.relative(main.target, from: graph.location.directory)
            findings.report("main '\(main.written)' is absolute: it exists on this machine only; write it relative to the project ('\(relative)')",
                            in: main.file, at: main.node.span)
        })
}
