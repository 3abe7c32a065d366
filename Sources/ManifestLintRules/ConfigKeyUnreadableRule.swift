import ManifestLintGraph

extension Rule {
    static let configKeyUnreadable = Rule(
        id: "config-key-unreadable",
        severity: .error,
        summary: "The program reads a config key through a bag whose name, put before it, makes a key no stack can hold.",
        rationale: """
            A config bag prepends its name to every key it reads: `fullKey` in sdk/nodejs/config.ts, `full_key` \
            in sdk/python/lib/pulumi/config.py, `fullKey` in sdk/go/pulumi/config/config.go (the project's name \
            when the bag has none). So \
            `new pulumi.Config().require("aws:region")` in project `app` looks up `app:aws:region`. \
            config.ParseKey (sdk/go/common/resource/config/key.go) accepts only `<namespace>:<name>` and the old \
            `<namespace>:config:<name>`: `pulumi config set` refuses such a key and no stack file can hold it. \
            A `require*` read then throws on every stack ("Missing required configuration variable"): an error. \
            A `get*` read (Go's `Try*` too) gives nothing on every stack, so the program's default always \
            applies: a warning. Bags are read in Node (`new pulumi.Config(name?)`), Python \
            (`pulumi.Config(name?)`) and Go (`config.New(ctx, name)`, within one file). \
            Keys built at run time are not read; a bag is followed through variables, class fields and a \
            module's exported variable as far as the program's imports go.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "Missing required configuration variable 'app:aws:region' (require); the default on every stack (get)"),
        fixSafety: "Dropping a prefix that repeats the project's name reads the key the stack files set, which the program never read before: unsafe. So is naming a bag after the provider its keys all start with.",
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    const config = new pulumi.Config();
                    export const region = config.require(↓"aws:region");
                    const tier = config.get(↓"aws:tier");

                    """#,
                "Pulumi.dev.yaml": #"""
                    config:
                      aws:region: us-west-2

                    """#,
            ], findings: [
                #"config.require("aws:region") reads 'aws:region' from the config of project 'app', so Pulumi looks up 'app:aws:region', a key no stack can hold (`pulumi config set` refuses it): `pulumi up` fails on every stack with "Missing required configuration variable 'app:aws:region'"; Pulumi.dev.yaml sets aws:region, which this read never sees; read it with new pulumi.Config("aws").require("region")"#,
                #"config.get("aws:tier") reads 'aws:tier' from the config of project 'app', so Pulumi looks up 'app:aws:tier', a key no stack can hold (`pulumi config set` refuses it): it is undefined on every stack, so the program's fallback always applies; read it with new pulumi.Config("aws").get("tier")"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    const config = new pulumi.Config();
                    export const size = config.getNumber(↓"app:size") ?? 2;

                    """#,
            ], .unsafe, becomes: [
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    const config = new pulumi.Config();
                    export const size = config.getNumber("size") ?? 2;

                    """#,
            ], findings: [
                #"config.getNumber("app:size") reads 'app:size' from the config of project 'app', so Pulumi looks up 'app:app:size', a key no stack can hold (`pulumi config set` refuses it): it is undefined on every stack, so the default 2 applies; drop the prefix: config.getNumber("size")"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: castai-e2e
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "e2e", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/gcp": "^7"}}"#,
                "config.ts": #"""
                    import { Config } from "@pulumi/pulumi";
                    export const config = new Config();

                    """#,
                "index.ts": #"""
                    import { config } from "./config";
                    export const project = config.require(↓"gcp:project");
                    export const zone = config.get(↓'gcp:zone') || "us-central1-a";

                    """#,
            ], .unsafe, becomes: [
                "config.ts": #"""
                    import { Config } from "@pulumi/pulumi";
                    export const config = new Config("gcp");

                    """#,
                "index.ts": #"""
                    import { config } from "./config";
                    export const project = config.require("project");
                    export const zone = config.get('zone') || "us-central1-a";

                    """#,
            ], findings: [
                #"config.require("gcp:project") reads 'gcp:project' from the config of project 'castai-e2e', so Pulumi looks up 'castai-e2e:gcp:project', a key no stack can hold (`pulumi config set` refuses it): `pulumi up` fails on every stack with "Missing required configuration variable 'castai-e2e:gcp:project'"; read it with new pulumi.Config("gcp").require("project")"#,
                #"config.get('gcp:zone') reads 'gcp:zone' from the config of project 'castai-e2e', so Pulumi looks up 'castai-e2e:gcp:zone', a key no stack can hold (`pulumi config set` refuses it): it is undefined on every stack, so the default "us-central1-a" applies; read it with new pulumi.Config("gcp").get("zone")"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: web
                    runtime: python

                    """#,
                "requirements.txt": "pulumi>=3\npulumi-azure-native>=2\n",
                "__main__.py": #"""
                    import pulumi

                    class Site:
                        def __init__(self):
                            self.config = pulumi.Config()
                            self.location = self.config.get(↓"azure-native:location", "westeurope")
                            self.token = pulumi.Config("web").require_secret(↓"castai:apiToken")

                    """#,
            ], findings: [
                #"self.config.get("azure-native:location") reads 'azure-native:location' from the config of project 'web', so Pulumi looks up 'web:azure-native:location', a key no stack can hold (`pulumi config set` refuses it): it is None on every stack, so the default "westeurope" applies; read it with pulumi.Config("azure-native").get("location")"#,
                #"pulumi.Config("web").require_secret("castai:apiToken") reads 'castai:apiToken' from the bag 'web', so Pulumi looks up 'web:castai:apiToken', a key no stack can hold (`pulumi config set` refuses it): `pulumi up` fails on every stack with "Missing required configuration variable 'web:castai:apiToken'"; read it with pulumi.Config("castai").require_secret("apiToken")"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: infra
                    runtime: go

                    """#,
                "go.mod": "module infra\n\ngo 1.21\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.130.0\n",
                "main.go": #"""
                    package main

                    import (
                    	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
                    	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
                    )

                    func main() {
                    	pulumi.Run(func(ctx *pulumi.Context) error {
                    		cfg := config.New(ctx, "")
                    		project := cfg.Require(↓"gcp:project")
                    		zone := cfg.Get(↓"infra:zone")
                    		region := config.New(ctx, "gcp").Get("region")
                    		ctx.Export("where", pulumi.String(project+zone+region))
                    		return nil
                    	})
                    }

                    """#,
            ], findings: [
                #"cfg.Require("gcp:project") reads 'gcp:project' from the config of project 'infra', so Pulumi looks up 'infra:gcp:project', a key no stack can hold (`pulumi config set` refuses it): `pulumi up` fails on every stack with "Missing required configuration variable 'infra:gcp:project'"; read it with config.New(ctx, "gcp").Require("project")"#,
                #"cfg.Get("infra:zone") reads 'infra:zone' from the config of project 'infra', so Pulumi looks up 'infra:infra:zone', a key no stack can hold (`pulumi config set` refuses it): it is unset on every stack, so the program's fallback always applies; drop the prefix: cfg.Get("zone")"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: infra
                    runtime: go

                    """#,
                "go.mod": "module infra\n\ngo 1.21\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.130.0\n",
                "main.go": #"""
                    package main

                    import (
                    	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
                    	cfgpkg "github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
                    )

                    func main() {
                    	pulumi.Run(func(ctx *pulumi.Context) error {
                    		var gcp *cfgpkg.Config = cfgpkg.New(ctx, "gcp")
                    		project := gcp.Require("project")
                    		region := cfgpkg.Require(ctx, "aws:region") // the package's functions take the full key
                    		key := "x:y"
                    		other := cfgpkg.New(ctx, "").Get(key)
                    		// cfg.Require("gcp:project") in a comment
                    		ctx.Export("where", pulumi.String(project+region+other))
                    		return nil
                    	})
                    }

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3"}}"#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    const aws = new pulumi.Config("aws");
                    export const region = aws.require("region");
                    const legacy = new pulumi.Config("app:config").get("size");
                    const old = new pulumi.Config().get("config:size");
                    const prefix = "aws";
                    const dynamic = new pulumi.Config().get(`${prefix}:region`);
                    const built = new pulumi.Config().get(prefix + ":region");

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: python

                    """#,
                "requirements.txt": "pulumi>=3\n",
                "__main__.py": #"""
                    import pulumi
                    config = pulumi.Config("gcp")
                    project = config.require("project")
                    other = pulumi.Config(name="aws").get("region")
                    key = "x:y"
                    dynamic = pulumi.Config().get(key)
                    formatted = pulumi.Config().get(f"{key}:z")

                    """#,
            ]),
        ],
        check: { graph, findings in
            let facts = graph.fact(ProgramConfigReads.self)
            guard let project = facts.project else { return }
            for read in facts.unreadable {
                let full = ProgramConfigReads.fullKey(of: read, project: project)
                let from = read.bagName.map { "the bag '\($0)'" } ?? "the config of project '\(project)'"
                var message = "\(read.call) reads '\(read.key)' from \(from), so Pulumi looks up '\(full)', a key no stack can hold (`pulumi config set` refuses it): "
                if read.isRequired {
                    message += "`pulumi up` fails on every stack with \"Missing required configuration variable '\(full)'\""
                } else {
                    let nothing = read.language == .python ? "None" : read.language == .go ? "unset" : "undefined"
                    message += "it is \(nothing) on every stack, so " + (read.defaultValue.map { "the default \($0) applies" } ?? "the program's fallback always applies")
                }
                if let stack = facts.stackSetting(read.key) {
                    message += "; \(stack) sets \(read.key), which this read never sees"
                }
                let intent = ProgramConfigReads.intent(of: read, project: project)
                switch intent {
                case .dropPrefix(let name): message += "; drop the prefix: \(read.receiver).\(read.method)(\(read.quote)\(name)\(read.quote))"
                case .namespace(let namespace, let name):
                    let bag: String
                    switch read.language {
                    case .javaScript: bag = "new pulumi.Config(\"\(namespace)\")"
                    case .python: bag = "pulumi.Config(\"\(namespace)\")"
                    case .go: bag = "config.New(ctx, \"\(namespace)\")"
                    }
                    message += "; read it with \(bag).\(read.method)(\"\(name)\")"
                case nil: break
                }
                findings.report(message, in: read.file, at: read.keyLiteral, severity: read.isRequired ? .error : .warning,
                                fix: facts.fix(for: read, intent: intent, graph: graph))
            }
        })
}

/// The program's config reads with a literal key, for config-key-unreadable
/// (those whose full key no stack can hold) and config-namespace (whose
/// stack keys such a read meant are not "never read").
enum ProgramConfigReads: ProjectFact {
    struct Value {
        var project: String?
        var all: [ProgramConfigRead]
        var unreadable: [ProgramConfigRead]
        /// The stack files by config key as written, for "Pulumi.dev.yaml sets it".
        var stackKeys: [String: [String]]

        /// The stack files that set a key as written, said briefly.
        func stackSetting(_ key: String) -> String? {
            guard let files = stackKeys[key], let first = files.first else { return nil }
            return files.count == 1 ? first : "\(first) (and \(files.count - 1) more)"
        }

        /// The unsafe fix the intent allows: the prefix dropped from this key,
        /// or the bag named after the provider when every key it reads starts with it.
        func fix(for read: ProgramConfigRead, intent: ProgramConfigReads.Intent?, graph: ProjectGraph) -> Fix? {
            switch intent {
            case .dropPrefix(let name):
                return Fix(.unsafe, "Read '\(name)'", [.edit(TextEdit(path: read.file.path, span: read.keyLiteral, replacement: read.quote + name + read.quote))])
            case .namespace(let namespace, _):
                guard let arguments = read.bagArguments, ProviderNamespaces.isProvidedByDirectDependency(namespace, in: graph) else { return nil }
                let bagReads = all.filter { $0.bagOrigin == read.bagOrigin }
                var edits = [TextEdit(path: read.bagFile.path, span: arguments, replacement: "\"\(namespace)\"")]
                for other in bagReads {
                    guard case .namespace(namespace, let name)? = ProgramConfigReads.intent(of: other, project: project ?? "") else { return nil }
                    edits.append(TextEdit(path: other.file.path, span: other.keyLiteral, replacement: other.quote + name + other.quote))
                }
                return Fix(.unsafe, "Name the bag '\(namespace)' and read its keys without the prefix", edits.map { .edit($0) })
            case nil:
                return nil
            }
        }
    }

    /// What an unreadable key most likely meant.
    enum Intent: Equatable {
        /// The prefix repeats the project's name: the key without it.
        case dropPrefix(String)
        /// The stack key `namespace:name`, read through a bag of that namespace.
        case namespace(String, String)
    }

    static func compute(for graph: ProjectGraph) -> Value {
        guard let project = graph.project.name, !project.isEmpty, !graph.project.isTemplate else {
            return Value(project: nil, all: [], unreadable: [], stackKeys: [:])
        }
        var reads: [ProgramConfigRead] = []
        if graph.isPythonRuntime {
            let entries = graph.pythonEntryFiles
            if !entries.isEmpty {
                reads = PythonConfigReads.reads(in: graph.pythonSources.reachable(from: entries), programDirectory: graph.programDirectory, tree: graph.tree)
            }
        } else if graph.isNodeRuntime {
            let entries = graph.programSourceFiles
            if !entries.isEmpty { reads = JSConfigReads.reads(in: graph.programSources.reachable(from: entries), tree: graph.tree) }
        } else if graph.runtime == "go" {
            // The program's package: the Go files of its directory, tests left out.
            let files = (graph.tree.list(graph.programDirectory) ?? []).compactMap { entry -> SourceFile? in
                guard entry.kind == .file, entry.name.hasByteSuffix(".go"), !entry.name.hasByteSuffix("_test.go") else { return nil }
                let path = Path.join(graph.programDirectory, entry.name)
                return graph.tree.read(path).map { SourceFile(path: path, bytes: $0) }
            }
            reads = GoConfigReads.reads(in: files)
        }
        let unreadable = reads.filter { ConfigKey(fullKey(of: $0, project: project)) == nil }
        var stackKeys: [String: [String]] = [:]
        if !unreadable.isEmpty {
            for stack in graph.stacks where stack.document.parsed {
                for entry in stack.config {
                    guard let name = entry.name else { continue }
                    stackKeys[name, default: []].append(graph.describe(stack.file.path))
                }
            }
        }
        return Value(project: project, all: reads, unreadable: unreadable, stackKeys: stackKeys)
    }

    /// The key Pulumi looks up: the bag's name (the project's when none is given), a colon, the key.
    static func fullKey(of read: ProgramConfigRead, project: String) -> String {
        "\(read.bagName ?? project):\(read.key)"
    }

    /// The likely intent of a key with a prefix: nil when it has no colon or more than one.
    static func intent(of read: ProgramConfigRead, project: String) -> Intent? {
        let parts = read.key.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        if parts[0] == project, (read.bagName ?? project) == project { return .dropPrefix(parts[1]) }
        return .namespace(parts[0], parts[1])
    }
}
