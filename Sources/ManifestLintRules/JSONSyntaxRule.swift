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
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.js": "",
                "package.json": #"""
                    {
                      "name": "demo",
                      "main": "index.js",
                    ↓}

                    """#,
            ], findings: [
                #"unexpected `}` where a property name in double quotes was expected"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.ts": "",
                "package.json": #"""
                    {"name": "demo"}

                    """#,
                "tsconfig.json": #"""
                    {
                      "compilerOptions": {
                        "outDir": ↓'bin'
                      }
                    }

                    """#,
            ], findings: [
                #"unexpected `'` where a value was expected"#,
            ]),
            .triggering([
                "Pulumi.json": #"{"name": "demo", "runtime": "nodejs" ↓"main": "index.js"}"#,
                "index.js": "",
            ], findings: [
                #"unexpected `"` where `,` or `}` was expected"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: demo
                    runtime: nodejs

                    """#,
                "index.ts": "",
                "package.json": #"""
                    {"name": "demo", "main": "index.ts"}

                    """#,
                "tsconfig.json": #"""
                    {
                      // comments are fine in tsconfig
                      "compilerOptions": {"strict": true,},
                      /* and so are trailing commas */
                      "files": ["index.ts",],
                    }

                    """#,
            ]),
            .clean([
                "Pulumi.json": #"﻿{"name": "demo", "runtime": "nodejs", "description": "caf\u00e9 ☕"}"#,
                "index.js": "",
            ]),
        ],
        check: { graph, findings in
            findings.reportSyntaxProblems(of: graph, in: [.json, .jsonc])
        })
}
