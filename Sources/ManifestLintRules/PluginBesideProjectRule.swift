import ManifestLintGraph

extension Rule {
    static let pluginBesideProject = Rule(
        id: "plugin-beside-project",
        severity: .error,
        summary: "PulumiPlugin.yaml beside a project file.",
        rationale: """
            When Pulumi loads the project it stops with "detected both PulumiPlugin.yaml and Pulumi.yaml in \
            <dir>": a directory is a project or a plugin, not both.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "detected both PulumiPlugin.yaml and Pulumi.yaml in <dir>"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "PulumiPlugin.yaml": #"""
                    ↓runtime: nodejs

                    """#,
                "index.js": "",
            ], findings: [
                #"detected both PulumiPlugin.yaml and Pulumi.yaml in ."#,
            ]),
            .triggering([
                "Pulumi.yml": #"""
                    name: demo
                    runtime: go

                    """#,
                "PulumiPlugin.json": #"↓{"runtime": "go"}"#,
                "go.mod": #"""
                    module demo

                    """#,
            ], findings: [
                #"detected both PulumiPlugin.json and Pulumi.yml in ."#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "provider/PulumiPlugin.yaml": #"""
                    runtime: go

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "PulumiPolicy.yaml.example": #"""
                    runtime: nodejs

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let entries = graph.tree.list(graph.location.directory) ?? []
            for name in ["PulumiPlugin.yaml", "PulumiPlugin.yml", "PulumiPlugin.json"] where entries.kind(ofEntryNamed: name) == .file {
                findings.report("detected both \(name) and \(Path.basename(graph.location.projectFile)) in \(graph.describe(graph.location.directory))",
                                in: graph.projectDirectoryFile(name), at: Span(0, 0))
            }
        })
}
