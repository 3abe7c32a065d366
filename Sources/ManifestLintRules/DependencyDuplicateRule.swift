import ManifestLintGraph

extension Rule {
    static let dependencyDuplicate = Rule(
        id: "dependency-duplicate",
        severity: .warning,
        summary: "A package in both dependencies and devDependencies, where that matters: the ranges share no version, or the program imports it.",
        rationale: """
            npm 7 and later keep only the devDependencies entry of a package listed in both: it installs that \
            range, marks the package as a dev dependency, and so `npm ci --omit=dev` (or the runtime option \
            `production: true`) installs neither entry. Reported only where that matters: when the Pulumi \
            program imports the package, a production install lacks it and the program fails with "Cannot find \
            module"; when the two ranges share no version, the dependencies range is never installed. Two \
            overlapping ranges of a package the program does not import are harmless, and left alone.
            """,
        consequence: Consequence(command: "npm ci --omit=dev, then pulumi up", outcome: "Error: Cannot find module '<package>'"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3", "typescript": "^4"}, "devDependencies": {↓"typescript": "^5.4"}}"#,
                "index.js": "",
            ], findings: [
                #"'typescript' is in both dependencies (^4) and devDependencies (^5.4), ranges that share no version: npm installs the devDependencies range and never ^4; keep one entry"#,
            ]),
            // The program imports @pulumi/aws: a production install, which omits dev dependencies, lacks it.
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "devDependencies": {"@pulumi/pulumi": "^3", ↓"@pulumi/aws": "^6"}, "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6.1"}}"#,
                "index.ts": #"""
                    import * as aws from '@pulumi/aws/s3';
                    import type { Input } from '@pulumi/pulumi';
                    export const b = new aws.Bucket('b');

                    """#,
            ], findings: [
                #"'@pulumi/aws' is in both dependencies and devDependencies, and npm keeps only the devDependencies entry: `npm ci --omit=dev` (or `production: true`) installs neither, and the program, which imports it, fails with "Cannot find module '@pulumi/aws'"; keep it in dependencies only"#,
            ]),
            // Overlapping ranges of a package the program does not import: npm installs it either way.
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@aws-sdk/client-ssm": "^3.879.0"}, "devDependencies": {"@aws-sdk/client-ssm": "^3.848.0"}}"#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3"}, "devDependencies": {"typescript": "^5"}, "peerDependencies": {"typescript": ">=4"}}"#,
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "dependencies": {"@pulumi/pulumi": "^3", "lodash": "latest"}, "devDependencies": {"lodash": "^4"}}"#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let package = graph.package, package.document.parsed else { return }
            for (runtime, dev) in package.entriesInDependenciesAndDevDependencies {
                let name = dev.name ?? "", devRange = dev.value.string ?? "", runtimeRange = runtime.value.string ?? ""
                if graph.fact(PackagesImportedByProgram.self).contains(name) {
                    findings.report("'\(name)' is in both dependencies and devDependencies, and npm keeps only the devDependencies entry: `npm ci --omit=dev` (or `production: true`) installs neither, and the program, which imports it, fails with \"Cannot find module '\(name)'\"; keep it in dependencies only",
                                    in: package.file, at: dev.key.span)
                } else if NpmVersionRange.intersect(devRange, runtimeRange) == false {
                    findings.report("'\(name)' is in both dependencies (\(runtimeRange)) and devDependencies (\(devRange)), ranges that share no version: npm installs the devDependencies range and never \(runtimeRange); keep one entry",
                                    in: package.file, at: dev.key.span)
                }
            }
        })
}

/// The packages the program loads at run time: the bare specifiers that the
/// modules reachable from its source files import (`@scope/name/sub` counts
/// as `@scope/name`), Node's built-ins and type-only imports aside.
enum PackagesImportedByProgram: ProjectFact {
    static func compute(for graph: ProjectGraph) -> Set<String> {
        var packages = Set<String>()
        for module in graph.programSources.reachable(from: graph.programSourceFiles) {
            for (specifier, _) in module.imports {
                if let name = JSModule.packageName(ofSpecifier: specifier) { packages.insert(name) }
            }
        }
        return packages
    }
}
