import ManifestLintGraph

extension Rule {
    /// Moves a key into the project's namespace, unless the stack already sets that key.
    private static func renameToProject(_ config: StackConfig.ConfigEntry, in stack: StackConfig, project: String) -> Fix? {
        guard let key = config.name, let name = config.key?.name else { return nil }
        let renamed = "\(project):\(name)"
        guard !stack.config.contains(where: { $0.name == renamed || $0.name == name }),
              let replacement = ScalarWriter.replacement(for: config.entry.key, with: renamed) else { return nil }
        return Fix.replacing(config.entry.key, in: stack.file, with: replacement, .unsafe, "Rename '\(key)' to '\(renamed)'")
    }

    static let configNamespace = Rule(
        id: "config-namespace",
        severity: .warning,
        summary: "A stack config key's namespace is neither the project, nor a provider, nor read by the program.",
        rationale: """
            Pulumi passes every key on without complaint, but `new pulumi.Config()` reads only \
            `<project>:*` and providers read their own namespace, so a key under any other namespace is dead. \
            The usual cause is a renamed project: `oldname:dbPassword` is ignored and the program fails at run \
            time with "Missing required configuration variable". Providers come from the dependency \
            manifests; when none can be read the rule stays silent.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "the program never sees the value: Missing required configuration variable, or a default used instead"),
        fixSafety: "It moves the key into the project's namespace: the program then reads a value it never saw, which changes the deployment; it is not offered when the project already sets that key.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: tap-stack
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "Pulumi.dev.yaml": #"""
                    config:
                      aws:region: us-west-2 # where
                      ↓tapstack:dbPassword: hunter2
                      ↓"tapstack:dbUser": admin
                      ↓oldname:region: x
                      tap-stack:region: y

                    """#,
                "index.js": "",
            ], .unsafe, becomes: [
                "Pulumi.dev.yaml": #"""
                    config:
                      aws:region: us-west-2 # where
                      tap-stack:dbPassword: hunter2
                      "tap-stack:dbUser": admin
                      oldname:region: x
                      tap-stack:region: y

                    """#,
            ], findings: [
                #"namespace 'tapstack' is neither the project ('tap-stack') nor a provider it depends on, and the program never reads it: Pulumi ignores 'tapstack:dbPassword' (did you mean 'tap-stack'? was the project renamed?)"#,
                #"namespace 'tapstack' is neither the project ('tap-stack') nor a provider it depends on, and the program never reads it: Pulumi ignores 'tapstack:dbUser' (did you mean 'tap-stack'? was the project renamed?)"#,
                #"namespace 'oldname' is neither the project ('tap-stack') nor a provider it depends on, and the program never reads it: Pulumi ignores 'oldname:region'"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: web
                    runtime: python

                    """#,
                "requirements.txt": #"""
                    pulumi>=3.0.0
                    pulumi-gcp>=7.0.0

                    """#,
                "Pulumi.prod.yaml": #"""
                    config:
                      gcp:project: acme
                      ↓aws:region: us-east-1

                    """#,
                "__main__.py": #"""
                    import pulumi
                    # pulumi.Config("aws") in a comment does not count

                    """#,
            ], findings: [
                #"namespace 'aws' is neither the project ('web') nor a provider it depends on, and the program never reads it: Pulumi ignores 'aws:region'"#,
            ]),
            // A Python program that reads the namespace with pulumi.Config("shared"), in another module.
            .clean([
                "Pulumi.yaml": #"""
                    name: web
                    runtime: python

                    """#,
                "requirements.txt": "pulumi>=3.0.0\n",
                "Pulumi.prod.yaml": #"""
                    config:
                      shared:domain: example.com

                    """#,
                "__main__.py": "import settings\n",
                "settings.py": #"""
                    import pulumi
                    domain = pulumi.Config("shared").require("domain")

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: web
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "web", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/azure-native": "^2"}}"#,
                "Pulumi.dev.yaml": #"""
                    config:
                      azure-native:location: westeurope
                      web:size: 2
                      pulumi:tags: {team: a}
                      plain: x
                      shared:domain: example.com

                    """#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    const shared = new pulumi.Config("shared");

                    """#,
            ]),
            // A workspace library the app uses brings @pulumi/aws, which the root installs.
            .clean([
                "package.json": #"{"private": true, "workspaces": ["apps/*", "libs/*"], "devDependencies": {"@pulumi/aws": "^6", "@pulumi/pulumi": "^3"}}"#,
                "apps/site/Pulumi.yaml": #"""
                    name: site
                    runtime: nodejs
                    main: src/main.ts

                    """#,
                "apps/site/Pulumi.prod.yaml": #"""
                    config:
                      aws:region: ap-southeast-2

                    """#,
                "apps/site/package.json": #"{"name": "site", "dependencies": {"@acme/static-site": "*"}}"#,
                "apps/site/src/main.ts": #"""
                    import { StaticSite } from '@acme/static-site';
                    new StaticSite('s');

                    """#,
                "libs/static-site/package.json": #"{"name": "@acme/static-site", "peerDependencies": {"@pulumi/aws": "^6"}}"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: vpc
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "vpc", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/awsx": "^2"}}"#,
                "Pulumi.dev.yaml": #"""
                    config:
                      aws:region: us-east-1

                    """#,
                "index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: db
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "db", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/acme-database": "^1"}}"#,
                "node_modules/@pulumi/acme-database/package.json": #"{"dependencies": {"@pulumi/gcp": "^7"}}"#,
                "Pulumi.dev.yaml": #"""
                    config:
                      gcp:project: acme

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: site
                    runtime: yaml

                    """#,
                "Main.yaml": #"""
                    resources:
                      provider:
                        type: pulumi:providers:gcp
                      bucket:
                        type: aws:s3:BucketV2

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      gcp:project: x
                      aws:region: us-east-1

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tf
                    runtime: nodejs
                    packages:
                      cloudamqp: terraform-provider cloudamqp/cloudamqp 3.20.0

                    """#,
                "package.json": #"{"name": "tf", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "Pulumi.dev.yaml": #"""
                    config:
                      cloudamqp:apikey: x

                    """#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: svc
                    runtime: go

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      aws:region: us-east-1
                      other:key: x

                    """#,
                "main.go": #"""
                    package main

                    """#,
            ]),
        ],
        check: { graph, findings in
            guard let project = graph.project.name, !graph.project.isTemplate else { return }
            // Read only once a key under another namespace turns up (nil inside: no manifest to tell).
            var knownProviders: Set<String>??
            var programNamespaces: Set<String>?
            for stack in graph.stacks {
                for config in stack.config {
                    guard let namespace = config.key?.namespace,
                          namespace != project, namespace != "pulumi",
                          !ProviderNamespaces.isProvidedByDirectDependency(namespace, in: graph) else { continue }
                    let known = knownProviders ?? ProviderNamespaces.known(in: graph)
                    knownProviders = known
                    guard let providers = known else { return }
                    let normalized = ProviderNamespaces.normalize(namespace)
                    guard !providers.contains(normalized), !graph.settings.knownNamespaces.contains(namespace) else { continue }
                    let read = programNamespaces
                        ?? ProgramConfigNamespaces.scan(graph.location.directory, tree: graph.tree, loaded: graph.programSources.loadedBytes)
                    programNamespaces = read
                    guard !read.contains(normalized) else { continue }
                    // A key the program means but reads through the wrong bag: config-key-unreadable says so, in one finding.
                    if let name = config.name, graph.fact(ProgramConfigReads.self).unreadable.contains(where: { $0.key == name }) { continue }
                    var message = "namespace '\(namespace)' is neither the project ('\(project)') nor a provider it depends on, and the program never reads it: Pulumi ignores '\(config.name ?? "")'"
                    if Suggestion.closest(to: namespace, among: [project]) != nil || ProviderNamespaces.normalize(project) == normalized {
                        message += " (did you mean '\(project)'? was the project renamed?)"
                    }
                    findings.report(message, in: stack.file, at: config.entry.key.span, fix: Self.renameToProject(config, in: stack, project: project))
                }
            }
        })
}
