import ManifestLintGraph

extension Rule {
    static let pulumiSDKMissing = Rule(
        id: "pulumi-sdk-missing",
        severity: .error,
        summary: "A Pulumi project that does not declare its SDK: @pulumi/pulumi in package.json, or pulumi and the provider packages a Python program imports.",
        rationale: """
            Pulumi's Node.js host resolves @pulumi/pulumi from the program directory, walking up node_modules; \
            without it `pulumi preview` stops with "It looks like the Pulumi SDK has not been installed". It \
            must be a dependency of the package or of a package.json above it (whose node_modules Node also \
            searches). When only a Pulumi package such as @pulumi/aws brings it in, npm, yarn and bun hoist it \
            where Node finds it, and the finding is a warning: the SDK's version is then whatever that package \
            accepts. pnpm does not hoist it where the program can see it, so with pnpm it stays an error. A Python \
            program's imports of `pulumi` and of provider packages (`pulumi_aws` is the distribution pulumi-aws) are \
            checked against requirements.txt (with `-r` includes), pyproject.toml (`[project]`, Poetry, uv) and \
            Pipfile, in the program and project directories: one that none declares stops the program with \
            "ModuleNotFoundError". A provider package brings `pulumi`, and may bring other providers (pulumi-eks \
            brings pulumi-aws): with one declared, a missing `pulumi` is a warning and a missing provider is not \
            judged. So is everything when no manifest exists, or one installs what cannot be named (a URL, a path, \
            setup.py), or the project lies in the package's own repository (its examples install the SDK it builds).
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
            // Python: requirements.txt without pulumi, and a provider nothing declares.
            .triggering([
                "Pulumi.yaml": #"""
                    name: data
                    runtime: python

                    """#,
                "requirements.txt": "boto3>=1.34  # the AWS SDK, not Pulumi's\n",
                "__main__.py": #"""
                    import ↓pulumi
                    from ↓pulumi_aws import s3

                    bucket = s3.BucketV2("data")
                    pulumi.export("name", bucket.id)

                    """#,
            ], findings: [
                #"requirements.txt does not declare pulumi: the program stops at this import with "ModuleNotFoundError: No module named 'pulumi'" ("It looks like the Pulumi SDK has not been installed")"#,
                #"requirements.txt does not declare pulumi-aws: the program stops at this import with "ModuleNotFoundError: No module named 'pulumi_aws'""#,
            ]),
            // pyproject.toml with Poetry; pulumi-eks brings pulumi-aws (and pulumi) with it.
            .clean([
                "Pulumi.yaml": #"""
                    name: cluster
                    runtime:
                      name: python
                      options:
                        toolchain: poetry

                    """#,
                "pyproject.toml": #"""
                    [tool.poetry]
                    name = "cluster"

                    [tool.poetry.dependencies]
                    python = "^3.11"
                    Pulumi = ">=3.0.0"
                    pulumi-eks = "^3"

                    """#,
                "__main__.py": #"""
                    import pulumi
                    import pulumi_aws as aws
                    import pulumi_eks as eks

                    vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")
                    cluster = eks.Cluster("cluster")

                    """#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: site
                    runtime: python

                    """#,
                "pyproject.toml": #"""
                    [project]
                    name = "site"
                    dependencies = [
                        "pulumi-gcp>=7",
                    ]

                    """#,
                "__main__.py": #"""
                    import ↓pulumi
                    import pulumi_gcp as gcp

                    bucket = gcp.storage.Bucket("site", location="EU")

                    """#,
            ], findings: [
                #"pyproject.toml does not declare pulumi: it comes only through pulumi-gcp, at whatever version pulumi-gcp accepts; declare pulumi"#,
            ]),
        ],
        check: { graph, findings in
            if graph.isPythonRuntime {
                reportPythonSDK(graph, &findings)
                return
            }
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

/// A Python program's imports of `pulumi` and of provider packages against
/// what its requirements.txt, pyproject.toml or Pipfile declare. Silent when
/// there is no manifest, or one installs something that cannot be named (a
/// URL, a path, setup.py). A provider package brings `pulumi` with it, and
/// may bring other providers (pulumi-eks brings pulumi-aws): with one
/// declared, a missing `pulumi` is a warning and a missing provider is not
/// judged. Nor is a package in whose own repository the project lies.
private func reportPythonSDK(_ graph: ProjectGraph, _ findings: inout Findings) {
    let entries = graph.pythonEntryFiles
    guard !entries.isEmpty else { return }
    var directories = [graph.programDirectory]
    if graph.location.directory != graph.programDirectory { directories.append(graph.location.directory) }
    let declared = PythonDependencies.read(in: directories, tree: graph.tree)
    guard !declared.manifests.isEmpty, !declared.hasOpaqueEntries else { return }
    let manifests = declared.manifests.map { graph.describe($0) }.joined(separator: " or ")
    let providers = declared.names.filter { $0.hasPrefix("pulumi-") || $0.hasPrefix("pulumiverse-") }.sorted()
    var reported = Set<String>()
    for module in graph.pythonSources.reachable(from: entries) {
        for anImport in module.imports where anImport.level == 0 {
            guard let top = anImport.module.split(separator: ".").first.map(String.init),
                  top == "pulumi" || top.hasPrefix("pulumi_") || top.hasPrefix("pulumiverse_") else { continue }
            let distribution = PythonDependencies.normalize(top)
            // A package of the program's own (a folder named pulumi_x) is no dependency.
            let own = PythonModule.Import(module: top, level: 0, names: [], span: anImport.span)
            guard !declared.names.contains(distribution), module.files(of: own, programDirectory: graph.programDirectory, tree: graph.tree).isEmpty,
                  !isInsideRepository(of: distribution, graph), reported.insert(distribution).inserted else { continue }
            if top == "pulumi" {
                if let bringer = providers.first {
                    findings.report("\(manifests) does not declare pulumi: it comes only through \(bringer), at whatever version \(bringer) accepts; declare pulumi",
                                    in: module.file, at: anImport.span, severity: .warning)
                } else {
                    findings.report("\(manifests) does not declare pulumi: the program stops at this import with \"ModuleNotFoundError: No module named 'pulumi'\" (\"It looks like the Pulumi SDK has not been installed\")",
                                    in: module.file, at: anImport.span)
                }
            } else if providers.isEmpty {
                findings.report("\(manifests) does not declare \(distribution): the program stops at this import with \"ModuleNotFoundError: No module named '\(top)'\"",
                                in: module.file, at: anImport.span)
            }
        }
    }
}

/// Whether the project lies in the repository of the package itself (a
/// folder above it named pulumi-kubernetes, or ending so): its examples and
/// tests install the SDK the repository builds, not one from PyPI.
private func isInsideRepository(of distribution: String, _ graph: ProjectGraph) -> Bool {
    var current: String? = graph.location.directory
    while let directory = current {
        if Path.basename(directory).lowercased().hasSuffix(distribution) { return true }
        current = Path.parent(directory)
    }
    return false
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
