import ManifestLintGraph

extension Rule {
    static let binShebang = Rule(
        id: "bin-shebang",
        severity: .warning,
        summary: "A package.json `bin` target that npm links as a command does not start with `#!`.",
        rationale: """
            When a package is installed, npm links each bin entry as an executable command, and the system runs \
            it by its first line: without `#!/usr/bin/env node` the shell reads the JavaScript as a shell script \
            and fails with errors such as "import: command not found" (npm's documentation of `bin` asks for the \
            line; its Windows shims read it too). A Pulumi project's own package is usually never installed: \
            `npm install` in it does not link its own commands, and Pulumi loads the program with require() or \
            import(), which skip the line. So the rule speaks only when something installs the package: it is \
            published (not private, and a publishConfig, a files list or a prepublishOnly/prepack script says \
            so), or another member of a workspace above it depends on it. The fix adds the line to a JavaScript \
            target; when the build emits the target, to the TypeScript source instead (tsc keeps the line), and \
            never to a file git ignores.
            """,
        consequence: Consequence(command: "the command npm links, run by whoever installs the package", outcome: "import: command not found (the shell runs the JavaScript)"),
        fixSafety: "It adds `#!/usr/bin/env node` as the first line (of the TypeScript source when the build emits the target): Node skips the line when it loads the file, so require(), import and Pulumi see the same program; only running it as a command changes, as intended.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.mjs

                    """#,
                "package.json": #"{"name": "tap", "bin": {"tap": "bin/tap.mjs"}, "files": ["bin"]}"#,
                "bin/tap.mjs": #"""
                    ↓// Entry point
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ], .safe, becomes: [
                "bin/tap.mjs": #"""
                    #!/usr/bin/env node
                    // Entry point
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ], findings: [
                #"bin 'tap' runs bin/tap.mjs, which does not start with #!: npm links it as a command because it is published (it lists its files), and the shell then runs it as a shell script; add #!/usr/bin/env node as its first line"#,
            ]),
            // A workspace member depends on the package: npm links its command into the root node_modules/.bin.
            .triggering([
                "package.json": #"{"private": true, "workspaces": ["packages/*"]}"#,
                "packages/tool/Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "packages/tool/package.json": #"{"name": "demo-tool", "bin": "./cli"}"#,
                "packages/tool/cli/index.js": #"""
                    ↓ #!/usr/bin/env node
                    require('../index.js');

                    """#,
                "packages/tool/index.js": "",
                "packages/app/package.json": #"{"name": "app", "devDependencies": {"demo-tool": "*"}}"#,
            ], findings: [
                #"bin 'demo-tool' runs packages/tool/cli/index.js, which does not start with #!: npm links it as a command because workspace member packages/app/package.json depends on it, and the shell then runs it as a shell script; add #!/usr/bin/env node as its first line"#,
            ]),
            // Built by tsc and ignored by git: the line goes into the source, which tsc copies.
            .fix([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.js

                    """#,
                "package.json": #"{"name": "tap", "bin": {"tap": "bin/tap.js"}, "publishConfig": {"access": "public"}, "scripts": {"build": "tsc"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"module": "commonjs"}}"#,
                ".gitignore": #"""
                    bin/*.js

                    """#,
                "bin/tap.ts": #"""
                    ↓import * as pulumi from '@pulumi/pulumi';

                    """#,
                "bin/tap.js": #"""
                    "use strict";

                    """#,
            ], .safe, becomes: [
                "bin/tap.ts": #"""
                    #!/usr/bin/env node
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
            ], findings: [
                #"bin 'tap' runs bin/tap.js (built from bin/tap.ts, where the line belongs: tsc keeps it), which does not start with #!: npm links it as a command because it is published (publishConfig), and the shell then runs it as a shell script; add #!/usr/bin/env node as its first line"#,
            ]),
            // The program itself, tsc output ignored by git, in a package nothing installs: Pulumi require()s it.
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: bin/tap.js

                    """#,
                "package.json": #"{"name": "tap", "version": "0.1.0", "bin": {"tap": "bin/tap.js"}, "scripts": {"build": "tsc"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"module": "commonjs"}}"#,
                ".gitignore": #"""
                    bin/*.js

                    """#,
                "bin/tap.ts": #"""
                    import * as pulumi from '@pulumi/pulumi';

                    """#,
                "bin/tap.js": #"""
                    "use strict";

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "demo", "files": ["dist"], "bin": {"demo": "cli.js", "build": "dist/build.js", "gone": "gone.js"}, "scripts": {"build": "tsc"}}"#,
                "cli.js": #"""
                    #!/usr/bin/env node
                    require('./index.js');

                    """#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist"}, "include": ["src"]}"#,
                "src/build.ts": "",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs
                    main: src/index.mjs

                    """#,
                "package.json": #"{"name": "demo", "publishConfig": {}, "bin": {"run": "tools/run", "native": "tools/native"}}"#,
                "tools/run": #"""
                    #!/bin/sh
                    exec node src/index.mjs "$@"

                    """#,
                "tools/native": "\u{7F}ELF\u{02}\u{01}\u{01}\u{00}\u{00}",
                "src/index.mjs": #"""
                    export {};

                    """#,
            ]),
        ],
        check: { graph, findings in
            var installation: String??
            for bin in graph.binReferences where bin.status == .exists {
                guard case .bin(let name) = bin.kind, let path = NodeResolution.file(bin.target, in: graph.tree),
                      let bytes = graph.tree.read(path), !startsWithShebang(bytes), !bytes.containsNUL else { continue }
                if installation == nil { installation = .some(graph.packageInstallation()) }
                guard case let why?? = installation else { return }
                // The file a fix may edit: the source the build emits the target from, else the target unless git ignores it.
                var file = SourceFile(path: path, bytes: bytes)
                var editable = !GitIgnore.ignores(path, tree: graph.tree)
                if case .emitted(let source) = graph.typeScriptBuild.verdict(for: path, tree: graph.tree) {
                    guard let sourceBytes = graph.tree.read(source), !startsWithShebang(sourceBytes) else { continue } // a build brings the line
                    file = SourceFile(path: source, bytes: sourceBytes)
                    editable = true
                }
                let javaScript = ModuleExtensions.isModule(file.path) && !file.hasByteOrderMark
                let fix = javaScript && editable
                    ? Fix(.safe, "Add #!/usr/bin/env node", [.edit(TextEdit(path: file.path, span: Span(0, 0), replacement: "#!/usr/bin/env node\n"))]) : nil
                let origin = file.path == path ? "" : " (built from \(graph.tree.displayPath(file.path)), where the line belongs: tsc keeps it)"
                findings.report("bin '\(name)' runs \(graph.tree.displayPath(path))\(origin), which does not start with #!: npm links it as a command because \(why), and the shell then runs it as a shell script; add #!/usr/bin/env node as its first line",
                                in: file, at: file.lineSpan(1), fix: fix)
            }
        })

    private static func startsWithShebang(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("#!".utf8))
    }
}
