import ManifestLintGraph

extension ProjectGraph {
    /// A file of the project directory, read for a finding's position.
    func projectDirectoryFile(_ name: String) -> SourceFile {
        let path = Path.join(location.directory, name)
        return SourceFile(path: path, bytes: tree.read(path) ?? [])
    }
}

extension Rule {
    static let projectFileCase = Rule(
        id: "project-file-case",
        severity: .error,
        summary: "A project file named in other letter case (`pulumi.yaml`, `Pulumi.YAML`).",
        rationale: """
            Pulumi looks for exactly Pulumi.json, Pulumi.yaml and Pulumi.yml. A file system that ignores case \
            (macOS, Windows) finds `pulumi.yaml` all the same; Linux, where CI and containers run, does not: \
            "no Pulumi.yaml project file found". The fix renames the file.
            """,
        consequence: Consequence(command: "pulumi preview on Linux (CI, containers)", outcome: "no Pulumi.yaml project file found"),
        fixSafety: "It renames pulumi.yaml to Pulumi.yaml: the same file that macOS and Windows read today, now found on Linux too; no byte of it changes.",
        examples: [
            .fix([
                "pulumi.yaml": #"""
                    ↓name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
            ], .safe, becomes: [
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
            ], findings: [
                #"Pulumi looks for Pulumi.yaml with exactly that case: pulumi.yaml is found on macOS and Windows, not on Linux"#,
            ]),
            .triggering([
                "Pulumi.YML": #"""
                    ↓name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yml": #"""
                    config: {}

                    """#,
                "index.js": "",
            ], findings: [
                #"Pulumi looks for Pulumi.yml with exactly that case: Pulumi.YML is found on macOS and Windows, not on Linux"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "docs/pulumi.md": #"""
                    notes

                    """#,
            ]),
            .clean([
                "Pulumi.json": #"{"name": "demo", "runtime": "nodejs"}"#,
                "index.js": "",
                "PulumiPolicy.yaml": #"""
                    runtime: nodejs

                    """#,
            ]),
        ],
        check: { graph, findings in
            for entry in graph.tree.list(graph.location.directory) ?? [] {
                guard entry.kind == .file, Discovery.isProjectFileInOtherCase(entry.name) else { continue }
                let proper = "Pulumi" + Path.pathExtension(entry.name).lowercased()
                let target = Path.join(graph.location.directory, proper)
                let file = graph.projectDirectoryFile(entry.name)
                let exists = graph.tree.list(graph.location.directory)?.contains { $0.name == proper } ?? false
                let fix = exists ? nil : Fix(.safe, "Rename \(entry.name) to \(proper)", [.rename(from: file.path, to: target)])
                findings.report("Pulumi looks for \(proper) with exactly that case: \(entry.name) is found on macOS and Windows, not on Linux",
                                in: file, at: Span(0, 0), fix: fix)
            }
        })
}
