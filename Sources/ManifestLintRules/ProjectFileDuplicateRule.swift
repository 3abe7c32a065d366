import ManifestLintGraph

extension Rule {
    static let projectFileDuplicate = Rule(
        id: "project-file-duplicate",
        severity: .warning,
        summary: "Two project files in one directory: Pulumi reads only one, silently.",
        rationale: """
            Pulumi tries Pulumi.json, then Pulumi.yaml, then Pulumi.yml, takes the first it finds and never \
            mentions the others. Edits to the other file have no effect.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "reads only the first of Pulumi.json, Pulumi.yaml and Pulumi.yml: edits to the other have no effect"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.yml": #"""
                    ↓name: old
                    runtime: nodejs

                    """#,
                "index.js": "",
            ], findings: [
                #"Pulumi never reads Pulumi.yml: Pulumi.yaml in the same directory comes first"#,
            ]),
            .triggering([
                "Pulumi.json": #"{"name": "demo", "runtime": "nodejs"}"#,
                "Pulumi.yaml": #"""
                    ↓name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.yml": #"""
                    ↓name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
            ], findings: [
                #"Pulumi never reads Pulumi.yaml: Pulumi.json in the same directory comes first"#,
                #"Pulumi never reads Pulumi.yml: Pulumi.json in the same directory comes first"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    config: {}

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "infra/Pulumi.yml": #"""
                    name: infra
                    runtime: yaml
                    resources: {}

                    """#,
                "infra/Main.yaml": #"""
                    resources: {}

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let winner = Path.basename(graph.location.projectFile)
            let entries = graph.tree.list(graph.location.directory) ?? []
            for name in Discovery.projectFileNames where name != winner && entries.kind(ofEntryNamed: name) == .file {
                findings.report("Pulumi never reads \(name): \(winner) in the same directory comes first", in: graph.projectDirectoryFile(name), at: Span(0, 0))
            }
        })
}
