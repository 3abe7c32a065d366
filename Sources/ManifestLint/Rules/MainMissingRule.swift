extension Rule {
    static let mainMissing = Rule(
        id: "main-missing",
        severity: .error,
        summary: "Pulumi.yaml `main` names a path that does not exist.",
        rationale: """
            Before any language host runs, Pulumi joins `main` to the project directory and stats it; when \
            that fails it stops with "project 'main' could not be read", for every runtime. A path that the \
            project's TypeScript build emits (tsc's outDir) counts as present.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: ↓src/index.ts\n",
                "index.ts": "",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: python\nmain: ↓\"app/\"\n",
                "__main__.py": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src/\n",
                "src/index.ts": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: bin/index.js\n",
                "package.json": "{\"name\": \"demo\", \"scripts\": {\"build\": \"tsc\"}}",
                "tsconfig.json": "{\"compilerOptions\": {\"outDir\": \"bin\", \"rootDir\": \"src\"}}",
                "src/index.ts": "",
            ]),
        ],
        check: { graph, findings in
            guard let main = graph.mainReference, main.status == .missing else { return }
            findings.report("main '\(main.written)' does not exist: Pulumi stops with \"project 'main' could not be read\"",
                            in: main.file, at: main.node.span)
        })

    static let mainAbsolute = Rule(
        id: "main-absolute",
        severity: .warning,
        summary: "Pulumi.yaml `main` is an absolute path.",
        rationale: """
            Pulumi uses an absolute `main` as it is. It exists on this machine, but not on a colleague's or \
            in CI, where the checkout lives elsewhere: write it relative to the project directory.
            """,
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: ↓/home/me/demo/index.js\n",
                "/home/me/demo/index.js": "",
            ]),
            .triggering([
                "Pulumi.json": "{\"name\": \"demo\", \"runtime\": \"go\", \"main\": ↓\"/src/demo/cmd\"}",
                "/src/demo/cmd/main.go": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: src/index.js\n",
                "src/index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\nmain: ./\n",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            guard let main = graph.mainReference, Path.isAbsolute(main.written), main.status == .exists else { return }
            let relative = Path.relative(main.target, from: graph.location.directory)
            findings.report("main '\(main.written)' is absolute: it exists on this machine only; write it relative to the project ('\(relative)')",
                            in: main.file, at: main.node.span)
        })
}
