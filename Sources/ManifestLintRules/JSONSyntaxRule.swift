import ManifestLintGraph

extension Rule {
    static let jsonSyntax = Rule(
        id: "json-syntax",
        severity: .error,
        summary: "A package.json, tsconfig.json or Pulumi JSON file does not parse.",
        rationale: """
            npm reads package.json with JSON.parse after dropping a byte-order mark: no comments, no trailing \
            commas, no single quotes. tsconfig.json is JSONC, where comments and trailing commas are allowed. \
            Invalid UTF-8 inside a string is a warning: npm silently turns it into U+FFFD.
            """,
        consequence: Consequence(command: "npm install, npm run", outcome: "npm error code EJSONPARSE (Invalid package.json); tsc fails on a tsconfig.json that does not parse"),
        examples: [
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "index.js": "",
                "package.json": "{\n  \"name\": \"demo\",\n  \"main\": \"index.js\",\n↓}\n",
            ]),
            .triggering([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "index.ts": "",
                "package.json": "{\"name\": \"demo\"}\n",
                "tsconfig.json": "{\n  \"compilerOptions\": {\n    \"outDir\": ↓'bin'\n  }\n}\n",
            ]),
            .triggering([
                "Pulumi.json": "{\"name\": \"demo\", \"runtime\": \"nodejs\" ↓\"main\": \"index.js\"}",
                "index.js": "",
            ]),
            .clean([
                "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
                "index.ts": "",
                "package.json": "{\"name\": \"demo\", \"main\": \"index.ts\"}\n",
                "tsconfig.json": "{\n  // comments are fine in tsconfig\n  \"compilerOptions\": {\"strict\": true,},\n  /* and so are trailing commas */\n  \"files\": [\"index.ts\",],\n}\n",
            ]),
            .clean([
                "Pulumi.json": "\u{FEFF}{\"name\": \"demo\", \"runtime\": \"nodejs\", \"description\": \"caf\\u00e9 \u{2615}\"}",
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            findings.reportSyntaxProblems(of: graph, in: [.json, .jsonc])
        })
}
