extension Rule {
    static let pulumiSDKMissing = Rule(
        id: "pulumi-sdk-missing",
        severity: .error,
        summary: "A Node.js Pulumi project whose package.json does not depend on @pulumi/pulumi.",
        rationale: """
            Pulumi's Node.js host resolves @pulumi/pulumi from the program directory, walking up node_modules; \
            without it the run stops with "It looks like the Pulumi SDK has not been installed". It must be a \
            dependency of the package or of a workspace root above it.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\n  \"name\": \"demo\",\n  ↓\"dependencies\": {\"@pulumi/aws\": \"^6\"}\n}\n",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: bun\n",
                "package.json": "↓{\"name\": \"demo\", \"devDependencies\": {\"pulumi\": \"^3\"}}",
                "index.ts": "",
            ]),
            .clean([
                "package.json": "{\"private\": true, \"workspaces\": [\"stacks/*\"], \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}}",
                "stacks/web/Pulumi.yaml": "name: web\nruntime: nodejs\n",
                "stacks/web/package.json": "{\"name\": \"web\", \"dependencies\": {\"@pulumi/aws\": \"^6\"}}",
                "stacks/web/index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: python\n",
                "package.json": "{\"name\": \"tooling\", \"devDependencies\": {\"prettier\": \"^3\"}}",
                "__main__.py": "",
            ]),
        ],
        check: { graph, findings in
            guard graph.isNodeRuntime, let package = graph.package, package.document.parsed, let root = package.root,
                  !graph.declaredDependencies.contains("@pulumi/pulumi") else { return }
            let anchor = root.entry("dependencies")?.key.span ?? Span(root.span.start, root.span.start + 1)
            findings.report("@pulumi/pulumi is not a dependency of this package nor of a workspace root above it: Pulumi stops with \"It looks like the Pulumi SDK has not been installed\"",
                            in: package.file, at: anchor)
        })
}
