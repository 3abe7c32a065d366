import ManifestLintGraph

extension Rule {
    static let assetPathMissing = Rule(
        id: "asset-path-missing",
        severity: .error,
        summary: "An asset, archive, Docker build or file the program reads is not where Pulumi looks for it (Node.js and Python).",
        rationale: """
            Pulumi runs a Node.js program in the directory of `main` (`main` itself when it is a directory, the \
            project directory when there is none: `getPwdMain` in pkg/engine/project.go), and resolves a relative \
            path there: `FileAsset` and `FileArchive` paths (the engine hashes them from that directory), Docker build \
            contexts and Dockerfiles, `fs.readFileSync` and the like. With `main: lib/index.ts`, \
            `new pulumi.asset.FileArchive('./lib/lambda')` is read from lib/lib/lambda, and `pulumi up` stops with \
            "failed to compute archive hash … no such file or directory" once it reaches it. `__dirname` and \
            `import.meta.url` name the directory of the file that runs: the TypeScript source under ts-node, the \
            emitted file when `main` is tsc's output, where tsc copies nothing but what it compiles. `require` of a \
            JSON file resolves from the module itself. Paths built from literals, `__dirname`, `process.cwd()`, \
            `path.join`/`path.resolve` and consts are followed; a path from configuration, the environment or a \
            parameter is never judged, nor is one outside the project, one the TypeScript build or a package.json \
            script may make, or one git ignores outside tsc's output (something makes it). Code in a function handed \
            to a call or set as a property (a Lambda callback) may run elsewhere and is left alone, and so are \
            relative paths in a program that calls `process.chdir`; fs's callback functions hand a missing file \
            to the callback, which may expect it, and are not judged either. A path that \
            exists in other letter case is path-case-mismatch's. `fs.existsSync` of a missing path is reported only \
            when the path exists from a directory the author may have meant, as a warning: the check is then always false. \
            In a Python program the same holds for `pulumi.FileAsset` and `pulumi.FileArchive` (also inside an \
            `AssetArchive`), `open()` for reading and `Path(…).read_text()`; `__file__` names the module's own file, \
            and `os.path.join`, `os.path.dirname`, `pathlib.Path` with `/` and `.parent` are followed. A path the \
            program also names in another string literal (`ZipFile("build/app.zip", "w")`) may be made by the \
            program itself and is not judged.
            """,
        consequence: Consequence(command: "pulumi up",
                                 outcome: "stops with \"no such file or directory\" when it reaches the asset, the image or the read"),
        fixSafety: "It points the literal at the one place the path does exist, which is almost surely what was meant; the archive or image then holds what that directory holds, so review it.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: lib/index.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "lib/index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";
                    new aws.lambda.Function("fn", {
                      code: new pulumi.asset.FileArchive(↓"./lib/lambda"),
                      role: "arn:aws:iam::123456789012:role/fn", handler: "index.handler", runtime: "nodejs20.x",
                    });

                    """#,
                "lib/lambda/index.js": "exports.handler = async () => ({ statusCode: 200 });\n",
            ], .unsafe, becomes: [
                "lib/index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";
                    new aws.lambda.Function("fn", {
                      code: new pulumi.asset.FileArchive("./lambda"),
                      role: "arn:aws:iam::123456789012:role/fn", handler: "index.handler", runtime: "nodejs20.x",
                    });

                    """#,
            ], findings: [
                #"pulumi.asset.FileArchive("./lib/lambda") is read from lib/lib/lambda (Pulumi runs the program in lib/, the directory of main: lib/index.ts), which does not exist; lib/lambda does"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: tap
                    runtime: nodejs
                    main: lib/index.ts

                    """#,
                "package.json": #"{"name": "tap", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "lib/index.ts": #"""
                    import { asset } from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";
                    new aws.lambda.Function("fn", {
                      code: new asset.FileArchive("./lambda"),
                      role: "arn:aws:iam::123456789012:role/fn", handler: "index.handler", runtime: "nodejs20.x",
                    });

                    """#,
                "lib/lambda/index.js": "exports.handler = async () => ({ statusCode: 200 });\n",
            ]),
            // No main: the program runs in the project directory, which has handlers/, not handler/.
            .triggering([
                "Pulumi.yaml": #"""
                    name: site
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "site", "main": "index.js", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.js": #"""
                    const pulumi = require("@pulumi/pulumi");
                    const aws = require("@pulumi/aws");
                    const bucket = new aws.s3.Bucket("site");
                    new aws.s3.BucketObject("handler", { bucket: bucket.id, source: new pulumi.asset.FileAsset(↓"./handler/index.js") });

                    """#,
                "handlers/index.js": "module.exports = {};\n",
            ], findings: [
                #"pulumi.asset.FileAsset("./handler/index.js") is read from handler/index.js (Pulumi runs the program in the project directory), which does not exist"#,
            ]),
            // Under ts-node, __dirname is the source's directory: lib/lambda is there.
            .clean([
                "Pulumi.yaml": #"""
                    name: fn
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "fn", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "index.ts": #"""
                    import { archive } from "./lib/fn";
                    export const code = archive;

                    """#,
                "lib/fn.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as path from "path";
                    export const archive = new pulumi.asset.FileArchive(path.join(__dirname, "lambda"));

                    """#,
                "lib/lambda/index.js": "exports.handler = async () => 1;\n",
            ]),
            // main is tsc's output: __dirname is dist/lib, where tsc emits lib/fn.ts and copies nothing else.
            .triggering([
                "Pulumi.yaml": #"""
                    name: fn
                    runtime: nodejs
                    main: dist/index.js

                    """#,
                "package.json": #"{"name": "fn", "scripts": {"build": "tsc"}, "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "tsconfig.json": #"{"compilerOptions": {"outDir": "dist", "rootDir": "."}, "include": ["index.ts", "lib"]}"#,
                ".gitignore": "dist/\n",
                "index.ts": #"""
                    import { archive } from "./lib/fn";
                    export const code = archive;

                    """#,
                "lib/fn.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as path from "path";
                    export const archive = new pulumi.asset.FileArchive(↓path.join(__dirname, "lambda"));

                    """#,
                "lib/lambda/index.js": "exports.handler = async () => 1;\n",
            ], findings: [
                #"pulumi.asset.FileArchive(path.join(__dirname, "lambda")) is read from dist/lib/lambda (relative to dist/lib/, where tsc emits lib/fn.ts; tsc copies no other files there), which does not exist; lib/lambda does"#,
            ]),
            // Paths from configuration, and code in a Lambda's callback, are not judged; a script builds dist/lambda.
            .clean([
                "Pulumi.yaml": #"""
                    name: cfg
                    runtime: nodejs
                    main: src/index.ts

                    """#,
                "package.json": #"{"name": "cfg", "scripts": {"bundle": "esbuild src/handler.ts --bundle --outdir=dist/lambda"}, "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                ".gitignore": "dist/\n",
                "src/index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";
                    import * as fs from "fs";
                    const config = new pulumi.Config();
                    export const site = new pulumi.asset.FileArchive(config.require("sitePath"));
                    export const bundle = new pulumi.asset.FileArchive("../dist/lambda");
                    new aws.lambda.CallbackFunction("cb", {
                      callback: async () => fs.readFileSync("./template.html", "utf8"),
                    });

                    """#,
                "src/handler.ts": "export const handler = async () => 1;\n",
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs
                    main: infra/index.ts

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/docker": "^4"}}"#,
                "infra/index.ts": #"""
                    import * as docker from "@pulumi/docker";
                    import { readFileSync, existsSync } from "fs";
                    const policy = readFileSync(↓"policy.json", "utf8");
                    const local = existsSync(↓"./infra/overrides.json");
                    export const image = new docker.Image("app", {
                      imageName: "registry.example.com/app:v1",
                      build: { context: ↓"./app" },
                    });

                    """#,
                "policy.json": "{}\n",
                "infra/overrides.json": "{}\n",
                "service/Dockerfile": "FROM node:20\n",
            ], findings: [
                #"readFileSync("policy.json") is read from infra/policy.json (Pulumi runs the program in infra/, the directory of main: infra/index.ts), which does not exist; policy.json does"#,
                #"existsSync("./infra/overrides.json") is always false: it looks at infra/infra/overrides.json (Pulumi runs the program in infra/, the directory of main: infra/index.ts); infra/overrides.json does exist"#,
                #"docker.Image build.context: "./app" is read from infra/app (Pulumi runs the program in infra/, the directory of main: infra/index.ts), which does not exist"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: site
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "site", "main": "index.ts", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    export const page = new pulumi.asset.FileAsset(↓"www");

                    """#,
                "www/index.html": "<p>hi</p>\n",
            ], findings: [
                #"pulumi.asset.FileAsset("www") names a directory: Pulumi stops with "asset path 'www' is a directory; try using an archive" (FileArchive)"#,
            ]),
            // Python: the same, with pulumi.FileArchive and a main directory.
            .fix([
                "Pulumi.yaml": #"""
                    name: fn
                    runtime: python
                    main: infra/

                    """#,
                "requirements.txt": "pulumi>=3\npulumi-aws>=6\n",
                "infra/__main__.py": #"""
                    import pulumi
                    import pulumi_aws as aws

                    fn = aws.lambda_.Function("fn", role="arn:aws:iam::123456789012:role/fn", runtime="python3.12",
                                              handler="handler.main", code=pulumi.FileArchive(↓"./infra/lambda"))

                    """#,
                "infra/lambda/handler.py": "def main(event, context):\n    return 1\n",
            ], .unsafe, becomes: [
                "infra/__main__.py": #"""
                    import pulumi
                    import pulumi_aws as aws

                    fn = aws.lambda_.Function("fn", role="arn:aws:iam::123456789012:role/fn", runtime="python3.12",
                                              handler="handler.main", code=pulumi.FileArchive("./lambda"))

                    """#,
            ], findings: [
                #"pulumi.FileArchive("./infra/lambda") is read from infra/infra/lambda (Pulumi runs the program in infra/, main: infra/), which does not exist; infra/lambda does"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: fn
                    runtime: python
                    main: infra/

                    """#,
                "infra/__main__.py": #"""
                    import os
                    from pathlib import Path
                    from zipfile import ZipFile
                    from pulumi import FileArchive

                    here = os.path.dirname(__file__)
                    code = FileArchive(os.path.join(here, "lambda"))
                    policy = (Path(__file__).parent / "policy.json").read_text()
                    settings = Path(__file__).parent.joinpath("settings.json")
                    # The program makes this one itself before it reads it.
                    with ZipFile("build/handler.zip", "w") as bundle:
                        bundle.write("lambda/handler.py")
                    bundled = FileArchive("build/handler.zip")

                    """#,
                "infra/lambda/handler.py": "",
                "infra/policy.json": "{}\n",
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: site
                    runtime: python

                    """#,
                "__main__.py": #"""
                    import json
                    import pulumi

                    with open(↓"policies/bucket.json") as handle:
                        policy = json.load(handle)
                    site = pulumi.FileArchive(↓f"{'www'}/dist")
                    with open("out.txt", "w") as out:
                        out.write("made here")

                    """#,
                "policy/bucket.json": "{}\n",
            ], findings: [
                #"open("policies/bucket.json") is read from policies/bucket.json (Pulumi runs the program in the project directory), which does not exist"#,
                #"pulumi.FileArchive(f"{'www'}/dist") is read from www/dist (Pulumi runs the program in the project directory), which does not exist"#,
            ]),
        ],
        check: { graph, findings in
            for reference in graph.fact(ProgramPathReferences.self) {
                let use = reference.use
                switch reference.status {
                case .missing(let candidates):
                    let shown = candidates.count == 1 ? candidates.first : nil
                    let there = shown.map { "; \(display($0, graph)) does" } ?? ""
                    if use.kind == .existenceCheck {
                        guard let shown else { continue }
                        findings.report("\(subject(of: use)) is always false: it looks at \(display(reference.target, graph)) (\(why(reference, graph))); \(display(shown, graph)) does exist",
                                        in: use.file, at: use.span, severity: .warning, fix: reference.retargeted(to: shown, .unsafe))
                        continue
                    }
                    findings.report("\(subject(of: use)) is read from \(display(reference.target, graph)) (\(why(reference, graph))), which does not exist\(there)",
                                    in: use.file, at: use.span, fix: shown.flatMap { reference.retargeted(to: $0, .unsafe) })
                case .wrongKind(let isDirectory):
                    let outcome: String
                    switch use.kind {
                    case .fileAsset: outcome = "Pulumi stops with \"asset path '\(reference.folded.path)' is a directory; try using an archive\" (FileArchive)"
                    case .fileRead(directory: false): outcome = "the read fails with EISDIR"
                    case .fileRead(directory: true): outcome = "the listing fails with ENOTDIR"
                    default: outcome = "a Docker build context is a directory"
                    }
                    findings.report("\(subject(of: use)) names a \(isDirectory ? "directory" : "file"): \(outcome)", in: use.file, at: use.span)
                case .present, .caseMismatch, .mayBeBuilt, .contextMissing:
                    continue
                }
            }
        })
}

/// What opens the path, and the path as written: `pulumi.asset.FileArchive("./lib/lambda")`, `docker.Image build.context: "./app"`.
private func subject(of use: ProgramPathUse) -> String {
    switch use.kind {
    case .dockerContext, .dockerfile: return "\(use.reader): \(use.written)"
    default: return "\(use.reader)(\(use.written))"
    }
}

/// A tree path as the user reads it: relative to the project directory.
private func display(_ path: String, _ graph: ProjectGraph) -> String {
    let relative = Path.relative(path, from: graph.location.directory)
    return relative.isEmpty ? "the project directory" : relative
}

private func directoryShown(_ path: String, _ graph: ProjectGraph) -> String {
    path == graph.location.directory ? "the project directory" : display(path, graph) + "/"
}

/// Why the path resolves where it does.
private func why(_ reference: ProgramPathReference, _ graph: ProjectGraph) -> String {
    let folded = reference.folded
    if reference.use.kind == .dataRequire {
        return "require resolves from \(directoryShown(reference.base, graph)), the module's directory"
    }
    if folded.isFromRunningFile, let runningFile = reference.runningFile, let directory = Path.parent(runningFile) {
        let source = reference.use.file.path
        if runningFile == source { return "relative to \(directoryShown(directory, graph)), the directory of \(display(source, graph))" }
        return "relative to \(directoryShown(directory, graph)), where tsc emits \(display(source, graph)); tsc copies no other files there"
    }
    let directory = graph.programDirectory
    if directory == graph.location.directory { return "Pulumi runs the program in the project directory" }
    return "Pulumi runs the program in \(directoryShown(directory, graph)), \(graph.programDirectoryReason)"
}
