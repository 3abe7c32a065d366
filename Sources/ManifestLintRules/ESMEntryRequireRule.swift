import ManifestLintGraph

extension Rule {
    static let esmEntryRequire = Rule(
        id: "esm-entry-require",
        severity: .warning,
        summary: "Pulumi require()s an ES module entry point on a Node version that cannot.",
        rationale: """
            Without "type": "module" in package.json, Pulumi's Node.js host loads the program with require(). \
            An entry point that is an ES module (a .mjs file, or ES module syntax in a .js file whose package.json \
            has no "type") can only be required by Node 20.19+ (20.x), 22.12+ (22.x) and 23+; older Node fails \
            with ERR_REQUIRE_ESM before any resource is created. Reported only when the project declares such a \
            version. A version pinned in .nvmrc, .node-version or package.json volta.node is the Node that runs, \
            so when one is pinned, the engines.node range does not matter; without a pin, engines.node decides. \
            "type": "module" makes Pulumi import() the program instead, which works on every version.
            """,
        consequence: Consequence(command: "pulumi preview on the Node version the project declares", outcome: "Error [ERR_REQUIRE_ESM]: require() of ES Module"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: ↓bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "engines": {"node": ">=18"}}"#,
                "bin/tap.mjs": #"""
                    #!/usr/bin/env node
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ], findings: [
                #"Pulumi loads bin/tap.mjs with require() (package.json has no "type": "module"), and it is an ES module (the .mjs extension): engines.node ">=18" in package.json admits Node versions before 20.19 (or 22 before 22.12), which fail with ERR_REQUIRE_ESM; add "type": "module" to package.json, or run Node ^20.19.0 || >=22.12.0"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": ↓"src/main.mjs"}"#,
                ".nvmrc": #"""
                    v20.11.1

                    """#,
                "src/main.mjs": #"""
                    export const x = 1;

                    """#,
            ], findings: [
                #"Pulumi loads src/main.mjs with require() (package.json has no "type": "module"), and it is an ES module (the .mjs extension): v20.11.1 in .nvmrc pins a Node version that cannot require() it (before 20.19, or 22 before 22.12) and fails with ERR_REQUIRE_ESM; add "type": "module" to package.json, or run Node ^20.19.0 || >=22.12.0"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app"}"#,
                ".node-version": #"""
                    lts/hydrogen

                    """#,
                "index.js": #"""
                    ↓import * as pulumi from '@pulumi/pulumi';
                    export const stack = pulumi.getStack();

                    """#,
            ], findings: [
                #"Pulumi loads index.js with require() (package.json has no "type": "module"), and it is an ES module (ES module syntax, no "type" in package.json): lts/hydrogen in .node-version pins a Node version that cannot require() it (before 20.19, or 22 before 22.12) and fails with ERR_REQUIRE_ESM; add "type": "module" to package.json, or run Node ^20.19.0 || >=22.12.0"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "engines": {"node": "^20.19.0 || >=22.12.0"}}"#,
                ".nvmrc": #"""
                    22

                    """#,
                "bin/tap.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ]),
            // .nvmrc pins the Node that runs, and 22.17 can require() an ES module: the engines range does not matter.
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "engines": {"node": ">=18"}}"#,
                ".nvmrc": #"""
                    v22.17.0

                    """#,
                "bin/tap.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": "src/main.mjs", "engines": {"node": ">=16"}, "volta": {"node": "20.19.2"}}"#,
                "src/main.mjs": #"""
                    export const x = 1;

                    """#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "main": ↓"src/main.mjs", "engines": {"node": ">=22.12"}, "volta": {"node": "18.20.4"}}"#,
                "src/main.mjs": #"""
                    export const x = 1;

                    """#,
            ], findings: [
                #"Pulumi loads src/main.mjs with require() (package.json has no "type": "module"), and it is an ES module (the .mjs extension): volta.node "18.20.4" in package.json pins a Node version that cannot require() it (before 20.19, or 22 before 22.12) and fails with ERR_REQUIRE_ESM; add "type": "module" to package.json, or run Node ^20.19.0 || >=22.12.0"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "type": "module", "engines": {"node": ">=18"}}"#,
                "bin/tap.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap"}"#,
                "bin/tap.mjs": #"""
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "engines": {"node": ">=16"}}"#,
                "index.js": #"""
                    const pulumi = require('@pulumi/pulumi');
                    exports.stack = pulumi.getStack();

                    """#,
            ]),
        ],
        check: { graph, findings in
            guard let problem = graph.fact(ESMEntryRequired.self) else { return }
            let module = problem.module, format = problem.format, entry = module.file.path
            let shown = graph.tree.displayPath(entry)
            let why = format.kind == .module ? format.reason : "ES module syntax, \(format.reason)"
            let versions = problem.declared.isPinned
                ? "\(problem.declared.description) pins a Node version that cannot require() it (before 20.19, or 22 before 22.12) and fails with ERR_REQUIRE_ESM"
                : "\(problem.declared.description) admits Node versions before 20.19 (or 22 before 22.12), which fail with ERR_REQUIRE_ESM"
            let message = "Pulumi loads \(shown) with require() (package.json has no \"type\": \"module\"), and it is an ES module (\(why)): \(versions); add \"type\": \"module\" to package.json, or run Node ^20.19.0 || >=22.12.0"
            if let main = graph.mainReference, main.target == entry {
                findings.report(message, in: main.file, at: main.node.span)
            } else if let candidate = graph.packageEntryCandidate, candidate.target == entry {
                findings.report(message, in: candidate.file, at: candidate.node.span)
            } else {
                findings.report(message, in: module.file, at: module.firstESMSyntax.map { module.tokens[$0].span } ?? Span(0, 0))
            }
        })
}

/// The entry point, when it is an ES module that Pulumi will require() and
/// the project runs on a Node version that cannot do that (module-format-mismatch
/// leaves that file to this rule).
enum ESMEntryRequired: ProjectFact {
    static func compute(for graph: ProjectGraph) -> (module: JSModule, format: ModuleFormat, declared: DeclaredNodeVersion)? {
        guard graph.runtime == "nodejs", graph.package?.isModule != true, let entry = graph.programEntryFiles.first,
              let module = graph.fact(NodeLoadedJavaScript.self).first(where: { $0.file.path == entry }),
              let format = graph.moduleFormat(of: entry),
              format.kind == .module || format.typeless && module.firstESMSyntax != nil,
              let declared = graph.nodeVersionsThatRun.first(where: \.lacksRequireESM) else { return nil }
        return (module, format, declared)
    }
}
