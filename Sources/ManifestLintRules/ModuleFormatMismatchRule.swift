import ManifestLintGraph

extension Rule {
    static let moduleFormatMismatch = Rule(
        id: "module-format-mismatch",
        severity: .warning,
        summary: "A JavaScript file's import/export or require syntax does not match how Node loads it.",
        rationale: """
            Node loads a .js file as CommonJS or as an ES module by the nearest package.json's "type", and .cjs \
            and .mjs files by their extension, whatever the code says. ES module syntax in a CommonJS file fails \
            with "SyntaxError: Cannot use import statement outside a module" (when the package.json has no \
            "type" at all, Node 22.7+ and 20.19+ re-parse the file as an ES module instead, with a \
            MODULE_TYPELESS_PACKAGE_JSON warning on every run); require, module.exports, exports, __dirname or \
            __filename in an ES module fail with "ReferenceError: require is not defined in ES module scope". \
            Only files that Node loads itself are checked (the entry point, what it imports, bin targets), never \
            TypeScript, test files, or JavaScript that ts-node (allowJs) or a loader in nodeargs transforms. This \
            is publint's FILE_INVALID_FORMAT.
            """,
        consequence: Consequence(command: "pulumi preview", outcome: "SyntaxError: Cannot use import statement outside a module, or ReferenceError: require is not defined in ES module scope"),
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "type": "commonjs"}"#,
                "index.js": #"""
                    const { bucket } = require('./storage.cjs');

                    """#,
                "storage.cjs": #"""
                    ↓import * as aws from '@pulumi/aws';
                    export const bucket = new aws.s3.BucketV2('b');

                    """#,
            ], findings: [
                #"storage.cjs is CommonJS (the .cjs extension) but uses ES module syntax: Node fails with "SyntaxError: Cannot use import statement outside a module"; rename it to .mjs, or use require and module.exports"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "type": "module"}"#,
                "index.js": #"""
                    import * as pulumi from '@pulumi/pulumi';
                    const config = new pulumi.Config();
                    ↓module.exports = { region: config.get('region') };

                    """#,
            ], findings: [
                #"index.js is an ES module ("type": "module" in package.json) but uses module.exports, which is not defined in an ES module: Node fails with "ReferenceError: module is not defined in ES module scope"; use import and export, or rename it to .cjs"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/index.js

                    """#,
                "package.json": #"{"name": "demo"}"#,
                "src/index.js": #"""
                    ↓import { readFileSync } from 'node:fs';
                    export const policy = readFileSync('policy.json', 'utf8');

                    """#,
            ], findings: [
                #"src/index.js is CommonJS (no "type" in package.json) but uses ES module syntax: Node before 22.7 and 20.19 fails with "SyntaxError: Cannot use import statement outside a module", newer Node re-parses it as an ES module and warns on every run; add "type": "module" to package.json or rename it to .mjs"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "type": "module"}"#,
                "index.js": #"""
                    import { createRequire } from 'node:module';
                    import { fileURLToPath } from 'node:url';
                    const require = createRequire(import.meta.url);
                    const __dirname = fileURLToPath(new URL('.', import.meta.url));
                    const data = require('./data.json');
                    const legacy = await import('./legacy.cjs');
                    export const x = { data, legacy, dir: __dirname, text: 'module.exports = require(x)' };

                    """#,
                "legacy.cjs": #"""
                    // import x from 'y' is only a comment here
                    const path = require('node:path');
                    module.exports = { dir: path.join(__dirname, 'x'), s: `export default ${1}` };

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo"}"#,
                "index.ts": #"""
                    import * as aws from '@pulumi/aws';
                    export const b = new aws.s3.BucketV2('b');

                    """#,
                "index.test.js": #"""
                    import { b } from './index';

                    """#,
                "umd.js": #"""
                    export default 1;

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime:
                      name: nodejs
                      options:
                        nodeargs: --import tsx

                    """#,
                "package.json": #"{"name": "demo", "type": "commonjs"}"#,
                "index.js": #"""
                    import * as aws from '@pulumi/aws';
                    export const b = new aws.s3.BucketV2('b');

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "type": "module"}"#,
                "index.js": #"""
                    (function (root, factory) {
                      if (typeof module === 'object' && module.exports) { module.exports = factory(); }
                    })(this, function () { return {}; });
                    export {};

                    """#,
            ]),
        ],
        check: { graph, findings in
            // An ES module entry that an older declared Node cannot require() is esm-entry-require's.
            let entryReported = graph.fact(ESMEntryRequired.self)?.module.file.path
            for module in graph.fact(NodeLoadedJavaScript.self) where module.file.path != entryReported {
                guard let format = graph.moduleFormat(of: module.file.path) else { continue }
                let shown = graph.tree.displayPath(module.file.path)
                switch format.kind {
                case .commonJS:
                    guard let token = module.firstESMSyntax else { continue }
                    let outcome = format.typeless
                        ? "Node before 22.7 and 20.19 fails with \"SyntaxError: Cannot use import statement outside a module\", newer Node re-parses it as an ES module and warns on every run"
                        : "Node fails with \"SyntaxError: Cannot use import statement outside a module\""
                    let remedy = format.typeless ? "add \"type\": \"module\" to package.json or rename it to .mjs" : "rename it to .mjs, or use require and module.exports"
                    findings.report("\(shown) is CommonJS (\(format.reason)) but uses ES module syntax: \(outcome); \(remedy)",
                                    in: module.file, at: module.tokens[token].span)
                case .module:
                    guard let use = module.firstCommonJSSyntax else { continue }
                    let span = use.name == "module.exports"
                        ? Span(module.tokens[use.token].span.start, module.tokens[use.token + 2].span.end) : module.tokens[use.token].span
                    findings.report("\(shown) is an ES module (\(format.reason)) but uses \(use.name), which is not defined in an ES module: Node fails with \"ReferenceError: \(use.name.split(separator: ".").first ?? "") is not defined in ES module scope\"; use import and export, or rename it to .cjs",
                                    in: module.file, at: span)
                }
            }
        })
}
