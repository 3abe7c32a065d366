import ManifestLintGraph

extension Rule {
    static let pulumiCwdMissing = Rule(
        id: "pulumi-cwd-missing",
        severity: .error,
        summary: "`pulumi --cwd X` in a script, where no Pulumi project is found from X upward.",
        rationale: """
            Pulumi runs in the directory --cwd (or -C) names and looks for Pulumi.yaml there, then in each \
            directory above it. When there is none, every command fails with "no Pulumi.yaml project file found".
            """,
        consequence: Consequence(command: "npm run <script>", outcome: "no Pulumi.yaml project file found"),
        examples: [
            .triggering([
                "infra/Pulumi.yaml": #"""
                    name: infra
                    runtime: nodejs

                    """#,
                "infra/index.js": "",
                "infra/package.json": #"{"name": "infra", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"up": "pulumi up --cwd ↓../stacks --yes", "preview": "pulumi preview -C ↓missing"}}"#,
            ], findings: [
                #"`pulumi --cwd ../stacks` in the script 'up': that directory does not exist"#,
                #"`pulumi --cwd missing` in the script 'preview': that directory does not exist"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"up": "cd / && pulumi up", "other": "pulumi stack ls --cwd=↓/tmp/nowhere"}}"#,
                "/tmp/nowhere/": "",
            ], findings: [
                #"`pulumi --cwd /tmp/nowhere` in the script 'other': no Pulumi.yaml is found there or in any directory above it"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: TapStack
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "bin/tap.mjs": "",
                "lib/tap-stack.mjs": "",
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"pulumi:up": "pulumi up --cwd lib --stack ${ENVIRONMENT_SUFFIX:-dev} --yes"}}"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "stacks/prod/Pulumi.yml": #"""
                    name: prod
                    runtime: yaml

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"up": "pulumi up -C stacks/prod && pulumi preview --cwd $DIR"}}"#,
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts else { return }
            for invocation in scripts.invocations where invocation.name == "pulumi" {
                guard let directory = invocation.directory else { continue }
                let words = invocation.words
                for index in words.indices where words[index].text.hasPrefix("-") {
                    var value: ShellWord?
                    if (words[index].text == "--cwd" || words[index].text == "-C"), index + 1 < words.count {
                        value = words[index + 1]
                    } else if words[index].text.hasBytePrefix("--cwd=") {
                        value = words[index].suffix(after: 6)
                    }
                    guard let value, !value.isDynamic, !value.text.isEmpty else { continue }
                    let target = Path.join(directory, value.text)
                    if !graph.tree.isDirectory(target) {
                        findings.report("`pulumi --cwd \(value.text)` in the script '\(invocation.scriptName)': that directory \(graph.absence(of: [target]))",
                                        in: scripts.package.file, at: value.span)
                    } else if !Self.projectFound(from: target, in: graph.tree) {
                        findings.report("`pulumi --cwd \(value.text)` in the script '\(invocation.scriptName)': no Pulumi.yaml is found there or in any directory above it",
                                        in: scripts.package.file, at: value.span)
                    }
                }
            }
        })

    /// Whether Pulumi finds a project file in `directory` or above, as it searches.
    static func projectFound(from directory: String, in tree: any FileTree) -> Bool {
        var current: String? = directory
        while let path = current {
            if let entries = tree.list(path), Discovery.projectFile(among: entries) != nil { return true }
            current = Path.parent(path)
        }
        return false
    }
}
