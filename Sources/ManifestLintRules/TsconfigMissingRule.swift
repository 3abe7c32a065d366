import ManifestLintGraph

extension Rule {
    static let tsconfigMissing = Rule(
        id: "tsconfig-missing",
        severity: .error,
        summary: "The runtime option `tsconfig` names a file that does not exist.",
        rationale: """
            Pulumi's Node.js host resolves the `tsconfig` option against the program directory and stops with \
            "tsconfig path was set to <p> but the file was not found".
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "tsconfig path was set to <path> but the file was not found"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        tsconfig: ↓tsconfig.build.json

                    """#,
                "index.ts": "",
                "tsconfig.json": "{}",
            ], findings: [
                #"tsconfig path was set to tsconfig.build.json but the file was not found (it is resolved from '.')"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        tsconfig: ↓tsconfig.json
                    main: src/index.ts

                    """#,
                "src/index.ts": "",
                "tsconfig.json": "{}",
            ], findings: [
                #"tsconfig path was set to tsconfig.json but the file was not found (it is resolved from 'src')"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        tsconfig: ../tsconfig.json
                    main: src/index.ts

                    """#,
                "src/index.ts": "",
                "tsconfig.json": "{}",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: bun
                      options:
                        tsconfig: missing.json

                    """#,
                "index.ts": "",
            ]),
        ],
        check: { graph, findings in
            guard let option = graph.tsconfigOptionReference, option.status == .missing else { return }
            let absence = graph.absence(of: [option.target])
            let reason = absence == "does not exist" ? "the file was not found" : "the file \(absence)"
            findings.report("tsconfig path was set to \(option.written) but \(reason) (it is resolved from '\(graph.describe(graph.programDirectory))')",
                            in: option.file, at: option.node.span)
        })
}
