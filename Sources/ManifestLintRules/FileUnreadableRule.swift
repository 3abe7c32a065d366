import ManifestLintGraph

extension Rule {
    /// Runs after the rules that read files: it reports every read of the
    /// project's check that the file tree refused.
    static let fileUnreadable = Rule(
        id: "file-unreadable",
        severity: .error,
        summary: "A file the project needs cannot be read: permissions, a read error, or a FIFO, socket or device where a file should be.",
        rationale: """
            Only regular files are read: a FIFO would block the check (and the commit it guards) forever, and a \
            device behind a symbolic link (/dev/zero, /dev/stdin) never ends or reads the hook's input. A file \
            that cannot be read is reported rather than passed over, like ruff's E902: the checks that need it \
            are skipped, and Pulumi, Node and npm fail on it in turn. A project file that cannot be read \
            leaves no project to judge: the run says so on standard error and exits with status 2.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "EACCES: permission denied, open '<file>' (or, for a FIFO, a run that never ends)"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": "↓" + VirtualFileTree.StandIn.fifo.rawValue,
                "index.ts": "",
            ], findings: [
                #"package.json is a FIFO, not a regular file: it was not read, and the checks that need it were skipped"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{ "dependencies": { "@pulumi/pulumi": "^3.0.0" } }"#,
                "tsconfig.json": "↓" + VirtualFileTree.StandIn.permissionDenied.rawValue,
                "index.ts": "",
            ], findings: [
                #"tsconfig.json cannot be read (Permission denied): the checks that need it were skipped"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "Pulumi.dev.yaml": "↓" + VirtualFileTree.StandIn.characterDevice.rawValue,
                "index.ts": "",
            ], findings: [
                #"Pulumi.dev.yaml is a character device, not a regular file: it was not read, and the checks that need it were skipped"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{ "dependencies": { "@pulumi/pulumi": "^3.0.0" } }"#,
                "index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: python

                    """#,
                "notes/package.json": VirtualFileTree.StandIn.fifo.rawValue,
                "__main__.py": "",
            ]),
        ],
        check: { graph, findings in
            for refused in graph.tree.refusedReads() where refused.path != graph.location.projectFile {
                let name = Path.basename(refused.path)
                let message = switch refused.reason {
                case .notRegularFile(let kind): "\(name) is \(kind), not a regular file: it was not read, and the checks that need it were skipped"
                case .systemError(let text): "\(name) cannot be read (\(text)): the checks that need it were skipped"
                case .changedDuringCheck: "\(name) changed while it was being checked (gone or unreadable when read): check again"
                }
                findings.report(message, in: SourceFile(path: refused.path, bytes: []), at: Span(0, 0))
            }
        })
}
