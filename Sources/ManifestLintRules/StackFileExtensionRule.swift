import ManifestLintGraph

extension Rule {
    static let stackFileExtension = Rule(
        id: "stack-file-extension",
        severity: .error,
        summary: "A stack file's extension differs from the project file's, so Pulumi never reads it.",
        rationale: """
            Pulumi looks for Pulumi.<stack> with the project file's own extension: beside Pulumi.yml it reads \
            Pulumi.dev.yml, never Pulumi.dev.yaml. The settings in the misnamed file are silently ignored. \
            Only files that hold stack settings (config, secretsprovider, encryptionsalt, environment) count.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "the stack's settings in the misnamed file are ignored: its config and secrets provider are not used"),
        fixSafety: "It renames the stack file to the extension Pulumi reads: settings that were ignored until now take effect and change the deployment.",
        examples: [
            .fix([
                "Pulumi.yml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": #"""
                    ↓config:
                      demo:size: large

                    """#,
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.dev.yml": #"""
                    config:
                      demo:size: large

                    """#,
            ], findings: [
                #"Pulumi never reads Pulumi.dev.yaml: beside Pulumi.yml the stack file must be named Pulumi.dev.yml"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    stackConfigDir: stacks

                    """#,
                "stacks/Pulumi.prod.yml": #"""
                    ↓config: {}

                    """#,
                "stacks/Pulumi.dev.yaml": #"""
                    config: {}

                    """#,
                "index.js": "",
            ], findings: [
                #"Pulumi never reads Pulumi.prod.yml: beside Pulumi.yaml the stack file must be named Pulumi.prod.yaml"#,
            ]),
            .clean([
                "Pulumi.yml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yml": #"""
                    config:
                      demo:size: large

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    stackConfigDir: stacks

                    """#,
                "Pulumi.README.md": #"""
                    not a stack file

                    """#,
                "Pulumi.schema.json": #"{"type": "object"}"#,
                "stacks/Pulumi.dev.yaml": #"""
                    config: {}

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            let projectName = Path.basename(graph.location.projectFile)
            for path in graph.misnamedStackFiles {
                let name = Path.basename(path)
                guard let (stack, _) = StackConfig.stackName(fromFileName: name) else { continue }
                let expected = "Pulumi.\(stack)\(graph.project.fileExtension)"
                let expectedPath = Path.join(Path.parent(path) ?? "", expected)
                var message = "Pulumi never reads \(name): beside \(projectName) the stack file must be named \(expected)"
                var fix: Fix?
                if graph.tree.exists(expectedPath) {
                    message += " (which exists, so this file is dead)"
                } else {
                    fix = Fix(.unsafe, "Rename \(name) to \(expected)", [.rename(from: path, to: expectedPath)])
                }
                let file = SourceFile(path: path, bytes: graph.tree.read(path) ?? [])
                findings.report(message, in: file, at: Span(0, 0), fix: fix)
            }
        })
}
