extension Rule {
    static let scriptBinaryUndeclared = Rule(
        id: "script-binary-undeclared",
        severity: .warning,
        summary: "A script runs a command that no declared dependency provides.",
        rationale: """
            A command in a script comes from node_modules/.bin, put there by a dependency of the package (or of \
            a workspace root above it). One that works only because a transitive dependency or a global install \
            happens to provide it breaks on a fresh install or in CI. Binaries are read from \
            node_modules/<dep>/package.json when installed, else from a map of well-known packages; a command \
            the linter knows nothing about, and the commands every machine has (node, npm, pulumi, git, sh, \
            coreutils, aws, docker ...), give no finding.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"test\": \"NODE_ENV=test ↓jest --coverage\", \"fmt\": \"npx ↓prettier --write .\"}}",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"devDependencies\": {\"ts-node\": \"^10\"}, \"scripts\": {\"build\": \"↓tsc && ↓gen-docs\"}}",
                "index.js": "",
                "node_modules/.bin/gen-docs": "",
                "node_modules/ts-node/package.json": "{\"name\": \"ts-node\", \"bin\": {\"ts-node\": \"dist/bin.js\"}}",
            ]),
            .clean([
                "package.json": "{\"private\": true, \"workspaces\": [\"infra\"], \"devDependencies\": {\"jest\": \"^29\", \"typescript\": \"^5\"}}",
                "infra/Pulumi.yaml": "name: infra\nruntime: nodejs\n",
                "infra/package.json": "{\"name\": \"infra\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"scripts\": {\"test\": \"jest\", \"build\": \"tsc && node -v && pulumi about && rm -rf out && my-company-tool\"}}",
                "infra/index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@acme/tools\": \"1.0.0\"}, \"scripts\": {\"gen\": \"acme-gen && ./node_modules/.bin/acme-gen\"}}",
                "index.js": "",
                "node_modules/.bin/acme-gen": "",
                "node_modules/@acme/tools/package.json": "{\"name\": \"@acme/tools\", \"bin\": {\"acme-gen\": \"gen.js\"}}",
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts, let providers = graph.commandProviders else { return }
            let ownCommands = Set(scripts.package.binEntries.map(\.name))
            var reported = Set<Span>(minimumCapacity: scripts.invocations.count)
            for invocation in scripts.invocations {
                // The command word's fields read in place: binding the word would copy it whole.
                let words = invocation.words
                guard !words.isEmpty, !words[0].isDynamic else { continue }
                let command = words[0].text
                guard !invocation.isWellKnownGlobal, !command.containsBytes(of: "/"),
                      !graph.settings.globalBinaries.contains(command), !ownCommands.contains(command),
                      reported.insert(words[0].span).inserted else { continue }
                guard case .undeclared(let packages) = providers.answer(for: command) else { continue }
                let message: String
                if packages.isEmpty {
                    message = "'\(command)' comes from node_modules/.bin, but no dependency of this package (or of a workspace root) provides it: declare the package that does"
                } else {
                    let names = packages.joined(separator: " or ")
                    message = "'\(command)' is provided by \(names), which this package (and its workspace roots) does not declare: add \(packages[0]) to devDependencies"
                }
                findings.report(message, in: scripts.package.file, at: words[0].span)
            }
        })
}
