import ManifestLintGraph

extension Rule {
    static let projectName = Rule(
        id: "project-name",
        severity: .warning,
        summary: "A project name Pulumi rejects for new stacks: characters outside [A-Za-z0-9_.-], over 100 characters, or `pulumi`.",
        rationale: """
            Pulumi loads Pulumi.yaml without checking the name, but the cloud backend validates it when a stack \
            is created and the DIY backend when it parses stack references ("project names may only contain \
            alphanumerics, hyphens, underscores, and periods"); `pulumi new` refuses `pulumi` and names starting \
            with `pulumi.`. An existing stack keeps working, hence a warning.
            """,
        consequence: Consequence(command: "pulumi stack init", outcome: "project names may only contain alphanumerics, hyphens, underscores, and periods"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: ↓my project
                    runtime: nodejs

                    """#,
                "index.js": "",
            ], findings: [
                #"project names may only contain alphanumerics, hyphens, underscores, and periods (' ' is not): new stacks and the DIY backend reject 'my project'"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: ↓Pulumi.tools
                    runtime: nodejs

                    """#,
                "index.js": "",
            ], findings: [
                #"'Pulumi.tools' is reserved: `pulumi new` and `pulumi convert` refuse `pulumi` and names starting with `pulumi.`"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap-stack_v2.1
                    runtime: nodejs

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: ${PROJECT}
                    runtime: nodejs

                    """#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard !graph.project.isTemplate, let name = graph.project.name, let node = graph.project.nameNode else { return }
            let message: String
            if name.count > 100 {
                message = "project names are limited to 100 characters"
            } else if let bad = name.unicodeScalars.first(where: { !isProjectNameCharacter($0) }) {
                message = "project names may only contain alphanumerics, hyphens, underscores, and periods ('\(bad)' is not): new stacks and the DIY backend reject '\(name)'"
            } else if name.lowercased() == "pulumi" || name.lowercased().hasPrefix("pulumi.") {
                message = "'\(name)' is reserved: `pulumi new` and `pulumi convert` refuse `pulumi` and names starting with `pulumi.`"
            } else {
                return
            }
            findings.report(message, in: graph.project.file, at: node.span)
        })

    /// `[A-Za-z0-9_.-]`, as tokens.IsName accepts.
    static func isProjectNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "_" || scalar == "." || scalar == "-")
    }
}
