extension Rule {
    static let dependencyDuplicate = Rule(
        id: "dependency-duplicate",
        severity: .warning,
        summary: "A package listed in both dependencies and devDependencies.",
        rationale: """
            npm installs one version, and which range wins depends on the command (`npm install --omit=dev` \
            drops the devDependencies entry, `pulumi install` with `production: true` too): the two ranges drift \
            and the program may run with another version than the one tested.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"typescript\": \"^5\"}, \"devDependencies\": {↓\"typescript\": \"^5.4\"}}",
                "index.js": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"devDependencies\": {↓\"@pulumi/pulumi\": \"^3\", ↓\"@pulumi/aws\": \"^6\"}, \"dependencies\": {\"@pulumi/pulumi\": \"^3\", \"@pulumi/aws\": \"^6\"}}",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"devDependencies\": {\"typescript\": \"^5\"}, \"peerDependencies\": {\"typescript\": \">=4\"}}",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"dependencies\": {\"@pulumi/pulumi\": \"^3\"}, \"optionalDependencies\": {\"fsevents\": \"^2\"}, \"devDependencies\": {\"jest\": \"^29\"}}",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let package = graph.package, package.document.parsed, let root = package.root else { return }
            // A few runtime dependencies are searched; a set, which costs more to build, only pays for many.
            let runtime = root["dependencies"]?.entries ?? []
            let runtimeNames: Set<String>? = runtime.count > 16 ? Set(runtime.compactMap(\.name)) : nil
            for entry in root["devDependencies"]?.entries ?? [] {
                guard let name = entry.name, runtimeNames?.contains(name) ?? runtime.contains(where: { $0.name == name }) else { continue }
                findings.report("'\(name)' is in both dependencies and devDependencies; keep it in one", in: package.file, at: entry.key.span)
            }
        })
}
