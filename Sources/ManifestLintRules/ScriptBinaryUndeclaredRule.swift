import ManifestLintGraph

extension Rule {
    static let scriptBinaryUndeclared = Rule(
        id: "script-binary-undeclared",
        severity: .warning,
        summary: "A script runs a command that no declared dependency provides.",
        rationale: """
            `npm run` puts the node_modules/.bin of the package's directory and of every directory above it on \
            PATH (@npmcli/run-script), so a command comes from a dependency of the package or of a package.json \
            above it, workspace root or not, or from a peer dependency that one of them requires (npm 7 and later \
            install those), or from what the npm lockfile installs at the top of node_modules (npm ci links \
            those commands too). One that works only because a global install, or a transitive dependency no \
            lockfile pins, happens to provide it breaks on a fresh install or in CI: `npm run X` fails with \
            "sh: 1: jest: not found". \
            Binaries are read from node_modules/<dep>/package.json when installed, else from a map of well-known \
            packages; a command run through npx (which installs the package on demand), a command the linter \
            knows nothing about, and the commands every machine has (node, npm, pulumi, git, sh, coreutils, aws, \
            docker ...) give no finding.
            """,
        consequence: Consequence(command: "npm run <script> after a fresh install", outcome: "sh: 1: <command>: not found"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"test": "NODE_ENV=test ↓jest --coverage", "fmt": "npx --no-install ↓prettier --write ."}}"#,
                "index.js": "",
            ], findings: [
                #"'jest' is provided by jest or jest-cli, which neither this package nor a package.json above it declares: on a fresh install `npm run test` fails with "jest: not found"; add jest to devDependencies"#,
                #"'prettier' is provided by prettier, which neither this package nor a package.json above it declares: on a fresh install `npm run fmt` fails with "prettier: not found"; add prettier to devDependencies"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"ts-node": "^10"}, "scripts": {"build": "↓tsc && ↓gen-docs"}}"#,
                "index.js": "",
                "tsconfig.json": "{}",
                "node_modules/.bin/gen-docs": "",
                "node_modules/ts-node/package.json": #"{"name": "ts-node", "bin": {"ts-node": "dist/bin.js"}}"#,
            ], findings: [
                #"'tsc' is provided by typescript, which neither this package nor a package.json above it declares: on a fresh install `npm run build` fails with "tsc: not found"; add typescript to devDependencies"#,
                #"'gen-docs' is in node_modules/.bin only through a package that neither this package nor a package.json above it declares: `npm run build` fails with "gen-docs: not found" once that package goes; declare the package that provides it"#,
            ]),
            // npm run puts every directory's node_modules/.bin above the package on PATH, workspaces or not.
            .clean([
                "package.json": #"{"devDependencies": {"eslint": "^9", "jest": "^29"}}"#,
                "Pulumi.yaml": #"""
                    name: infra
                    runtime: nodejs
                    main: lib/index.ts

                    """#,
                "lib/package.json": #"{"scripts": {"lint": "eslint .", "test": "jest"}}"#,
                "lib/index.ts": "",
            ]),
            // npm 7 and later install the peers a dependency requires: ts-jest brings jest.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"ts-jest": "29.3.0"}, "scripts": {"test": "jest"}}"#,
                "index.ts": "",
            ]),
            // The lockfile installs typescript at the top of node_modules (an older @pulumi/pulumi depends on it): npm ci links tsc.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: index.ts

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3.72.0"}, "scripts": {"build": "tsc --noEmit"}}"#,
                "package-lock.json": #"{"lockfileVersion": 3, "packages": {"": {"name": "demo"}, "node_modules/@pulumi/pulumi": {"version": "3.78.1"}, "node_modules/typescript": {"version": "3.8.3"}}}"#,
                "index.ts": "",
            ]),
            // npx installs the package on demand.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"lint": "npx eslint --fix .", "fmt": "npm exec -- prettier -w ."}}"#,
                "index.js": "",
            ]),
            // An installed package's own package.json says which peers it requires; an optional one is not installed.
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"lint-kit": "1.0.0"}, "scripts": {"lint": "eslint . && ↓tsc --noEmit"}}"#,
                "package-lock.json": #"{"lockfileVersion": 3, "packages": {"node_modules/lint-kit": {}, "node_modules/lint-kit/node_modules/typescript": {}}}"#,
                "index.js": "",
                "tsconfig.json": "{}",
                "node_modules/lint-kit/package.json": #"{"name": "lint-kit", "peerDependencies": {"eslint": "^9", "typescript": "^5"}, "peerDependenciesMeta": {"typescript": {"optional": true}}}"#,
            ], findings: [
                #"'tsc' is provided by typescript, which neither this package nor a package.json above it declares: on a fresh install `npm run lint` fails with "tsc: not found"; add typescript to devDependencies"#,
            ]),
            .clean([
                "package.json": #"{"private": true, "workspaces": ["infra"], "devDependencies": {"jest": "^29", "typescript": "^5"}}"#,
                "infra/Pulumi.yaml": #"""
                    name: infra
                    runtime: nodejs

                    """#,
                "infra/package.json": #"{"name": "infra", "dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"test": "jest", "build": "tsc && node -v && pulumi about && rm -rf out && my-company-tool"}}"#,
                "infra/index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3", "@acme/tools": "1.0.0"}, "scripts": {"gen": "acme-gen && ./node_modules/.bin/acme-gen"}}"#,
                "index.js": "",
                "node_modules/.bin/acme-gen": "",
                "node_modules/@acme/tools/package.json": #"{"name": "@acme/tools", "bin": {"acme-gen": "gen.js"}}"#,
            ]),
        ],
        check: { graph, findings in
            guard let scripts = graph.packageScripts, let providers = graph.commandProviders else { return }
            let ownCommands = Set(scripts.package.binEntries.map(\.name))
            var reported = Set<Span>()
            for invocation in scripts.invocations {
                let words = invocation.words
                guard !words.isEmpty, !words[0].isDynamic, !invocation.installsOnDemand else { continue }
                let command = words[0].text
                guard !invocation.isWellKnownGlobal, !command.containsBytes(of: "/"),
                      !graph.settings.globalBinaries.contains(command), !ownCommands.contains(command),
                      reported.insert(words[0].span).inserted else { continue }
                guard case .undeclared(let packages) = providers.answer(for: command) else { continue }
                let message: String
                if packages.isEmpty {
                    message = "'\(command)' is in node_modules/.bin only through a package that neither this package nor a package.json above it declares: `npm run \(invocation.scriptName)` fails with \"\(command): not found\" once that package goes; declare the package that provides it"
                } else {
                    let names = packages.joined(separator: " or ")
                    message = "'\(command)' is provided by \(names), which neither this package nor a package.json above it declares: on a fresh install `npm run \(invocation.scriptName)` fails with \"\(command): not found\"; add \(packages[0]) to devDependencies"
                }
                findings.report(message, in: scripts.package.file, at: words[0].span)
            }
        })
}
