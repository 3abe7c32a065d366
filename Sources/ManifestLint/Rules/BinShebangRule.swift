extension Rule {
    static let binShebang = Rule(
        id: "bin-shebang",
        severity: .warning,
        summary: "A package.json `bin` target does not start with `#!`.",
        rationale: """
            npm links each bin entry as an executable command, and the system runs it by its first line: \
            without `#!/usr/bin/env node` the shell reads the JavaScript as a shell script and fails with \
            errors such as "import: command not found" (npm's documentation of `bin` asks for the line; its \
            Windows shims read it too). Node skips the line when it loads the file, so the entry point keeps \
            working. The fix adds the line to JavaScript targets; other targets are only reported.
            """,
        examples: [
            .fix([
                "Pulumi.yaml": "name: tap\nruntime: nodejs\nmain: bin/tap.mjs\n",
                "package.json": "{\"name\": \"tap\", \"bin\": {\"tap\": \"bin/tap.mjs\"}}",
                "bin/tap.mjs": "↓// Entry point\nimport * as pulumi from '@pulumi/pulumi';\n",
            ], .safe, becomes: [
                "bin/tap.mjs": "#!/usr/bin/env node\n// Entry point\nimport * as pulumi from '@pulumi/pulumi';\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"bin\": \"./cli\"}",
                "cli/index.js": "↓ #!/usr/bin/env node\nrequire('../index.js');\n",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "package.json": "{\"name\": \"demo\", \"bin\": {\"demo\": \"cli.js\", \"build\": \"dist/build.js\", \"gone\": \"gone.js\"}, \"scripts\": {\"build\": \"tsc\"}}",
                "cli.js": "#!/usr/bin/env node\nrequire('./index.js');\n",
                "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"dist\"}, \"include\": [\"src\"]}",
                "src/build.ts": "",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src/index.mjs\n",
                "package.json": "{\"name\": \"demo\", \"bin\": {\"run\": \"tools/run\", \"native\": \"tools/native\"}}",
                "tools/run": "#!/bin/sh\nexec node src/index.mjs \"$@\"\n",
                "tools/native": "\u{7F}ELF\u{02}\u{01}\u{01}\u{00}\u{00}",
                "src/index.mjs": "export {};\n",
            ]),
        ],
        check: { graph, findings in
            for bin in graph.binReferences where bin.status == .exists {
                guard case .bin(let name) = bin.kind,
                      let path = NodeResolution.file(bin.target, in: graph.tree),
                      let bytes = graph.tree.read(path), !bytes.starts(with: Array("#!".utf8)),
                      !bytes.prefix(4096).contains(0) else { continue }
                let file = SourceFile(path: path, bytes: bytes)
                let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let javaScript = [".js", ".mjs", ".cjs"].contains(Path.pathExtension(path)) && !bytes.starts(with: [0xEF, 0xBB, 0xBF])
                let fix = javaScript ? Fix(.safe, "Add #!/usr/bin/env node", [.edit(TextEdit(path: path, span: Span(0, 0), replacement: "#!/usr/bin/env node\n"))]) : nil
                findings.report("bin '\(name)' runs \(graph.tree.displayPath(path)), which does not start with #!: the shell runs it as a shell script; add #!/usr/bin/env node as its first line",
                                in: file, at: Span(0, lineEnd > 0 && bytes[lineEnd - 1] == UInt8(ascii: "\r") ? lineEnd - 1 : lineEnd), fix: fix)
            }
        })
}
