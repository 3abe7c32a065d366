import ManifestLintGraph

extension Rule {
    static let pulumiSDKMissing = Rule(
        id: "pulumi-sdk-missing",
        severity: .error,
        summary: "A Node.js Pulumi project whose package.json does not depend on @pulumi/pulumi.",
        rationale: """
            Pulumi's Node.js host resolves @pulumi/pulumi from the program directory, walking up node_modules; \
            without it `pulumi preview` stops with "It looks like the Pulumi SDK has not been installed". It \
            must be a dependency of the package or of a package.json above it (whose node_modules Node also \
            searches). When only a Pulumi package such as @pulumi/aws brings it in, npm, yarn and bun hoist it \
            where Node finds it, and the finding is a warning: the SDK's version is then whatever that package \
            accepts. pnpm does not hoist it where the program can see it, so with pnpm it stays an error.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "It looks like the Pulumi SDK has not been installed. Have you run pulumi install?"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"""
                    {
                      "name": "demo",
                      ↓"dependencies": {"lodash": "^4"}
                    }

                    """#,
                "index.js": "",
            ], findings: [
                #"@pulumi/pulumi is not a dependency of this package nor of a package.json above it: Pulumi stops with "It looks like the Pulumi SDK has not been installed""#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: bun

                    """#,
                "package.json": #"↓{"name": "demo", "devDependencies": {"pulumi": "^3"}}"#,
                "index.ts": "",
            ], findings: [
                #"@pulumi/pulumi is not a dependency of this package nor of a package.json above it: Pulumi stops with "It looks like the Pulumi SDK has not been installed""#,
            ]),
            // Brought in by @pulumi/aws: found through npm's hoisting (a warning), not through pnpm's node_modules (an error).
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", ↓"dependencies": {"@pulumi/aws": "^6"}}"#,
                "index.ts": "",
            ], findings: [
                #"@pulumi/pulumi comes only through @pulumi/aws: npm hoists it where Pulumi finds it, but its version is whatever @pulumi/aws accepts, and pnpm would not find it; add @pulumi/pulumi to dependencies"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        packagemanager: pnpm

                    """#,
                "package.json": #"{"name": "demo", ↓"dependencies": {"@pulumi/aws": "^6"}}"#,
                "index.ts": "",
            ], findings: [
                #"@pulumi/pulumi is not a dependency of this package nor of a package.json above it, and pnpm does not hoist the copy @pulumi/aws brings in where the program can load it: Pulumi stops with "It looks like the Pulumi SDK has not been installed"; add @pulumi/pulumi to dependencies"#,
            ]),
            .clean([
                "package.json": #"{"private": true, "workspaces": ["stacks/*"], "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "stacks/web/Pulumi.yaml": #"""
                    name: web
                    runtime: nodejs

                    """#,
                "stacks/web/package.json": #"{"name": "web", "dependencies": {"@pulumi/aws": "^6"}}"#,
                "stacks/web/index.js": "",
            ]),
            // A nested lib/package.json: Node finds @pulumi/pulumi in the node_modules above it.
            .clean([
                "Pulumi.yaml": #"""
                    name: infra
                    runtime: nodejs
                    main: lib/index.ts

                    """#,
                "package.json": #"{"name": "infra", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "lib/package.json": #"{"main": "index.js"}"#,
                "lib/index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: python

                    """#,
                "package.json": #"{"name": "tooling", "devDependencies": {"prettier": "^3"}}"#,
                "__main__.py": "",
            ]),
        ],
        check: { graph, findings in
            guard graph.isNodeRuntime, let package = graph.package, package.document.parsed, let root = package.root,
                  !graph.declaredDependencies.contains("@pulumi/pulumi") else { return }
            let anchor = root.entry("dependencies")?.key.span ?? Span(root.span.start, root.span.start + 1)
            let bringers = graph.declaredDependencies.filter(PulumiPackages.isPulumiScoped).sorted()
            if let bringer = bringers.first {
                if graph.usesPnpm {
                    findings.report("@pulumi/pulumi is not a dependency of this package nor of a package.json above it, and pnpm does not hoist the copy \(bringer) brings in where the program can load it: Pulumi stops with \"It looks like the Pulumi SDK has not been installed\"; add @pulumi/pulumi to dependencies",
                                    in: package.file, at: anchor)
                } else {
                    findings.report("@pulumi/pulumi comes only through \(bringer): npm hoists it where Pulumi finds it, but its version is whatever \(bringer) accepts, and pnpm would not find it; add @pulumi/pulumi to dependencies",
                                    in: package.file, at: anchor, severity: .warning)
                }
                return
            }
            findings.report("@pulumi/pulumi is not a dependency of this package nor of a package.json above it: Pulumi stops with \"It looks like the Pulumi SDK has not been installed\"",
                            in: package.file, at: anchor)
        })
}

extension ProjectGraph {
    /// Whether the project installs with pnpm: the `packagemanager` runtime
    /// option, or a pnpm lockfile or workspace file beside the package or above it.
    var usesPnpm: Bool {
        if let manager = project.runtimeOption("packagemanager")?.value.string, manager != "auto" { return manager == "pnpm" }
        var current = package?.directory
        while let directory = current {
            if tree.isFile(Path.join(directory, "pnpm-lock.yaml")) || tree.isFile(Path.join(directory, "pnpm-workspace.yaml")) { return true }
            current = Path.parent(directory)
        }
        return false
    }
}
