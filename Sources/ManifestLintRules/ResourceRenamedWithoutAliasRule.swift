import ManifestLintGraph

extension Rule {
    static let resourceRenamedWithoutAlias = Rule(
        id: "resource-renamed-without-alias",
        severity: .warning,
        summary: "A change renames a resource (its logical name) without an alias: `pulumi up` creates a new one and deletes the old one.",
        rationale: """
            Pulumi knows a resource by its URN: stack, project, the parent's type chain, its type and its logical \
            name, the first argument of its constructor (sdk/go/common/resource/urn/urn.go). With another name and \
            no `aliases` option, `pulumi up` finds no resource for the new URN and creates one; the old URN is \
            left without a resource in the program, so it is deleted when the program finishes \
            (pkg/resource/deploy/step_generator.go). This is no replace: `deleteBeforeReplace` does not apply. A \
            database, a bucket, a volume claim or a namespace loses what it holds; a Kubernetes object whose \
            `metadata.name` did not change is taken over by the create, then removed by the delete. When the old \
            resource has `protect: true`, the delete fails and the update with it, after the new copy exists \
            (pkg/resource/deploy/step.go): an error. The change is read between the base revision and what is \
            checked: HEAD and the index with --staged, or `--base REF`; without one, the rule is silent. A \
            removed and an added construction of the same class in the same file are paired when they are bound \
            to the same variable, class field or object key, or stand at the same place among the file's \
            constructions of that class with the same other arguments (certain); or when each is the only one of \
            its class removed or added and they have as many arguments, with at least half of their args \
            object's keys in common (likely). Names count when they are string literals, templates or \
            concatenations whose placeholders stayed the same; any other name, options that cannot be read (a \
            spread, a variable from another module), and `aliases` written anywhere in them keep the rule silent. \
            To allow a replacement on purpose, suppress the finding with a comment that says why \
            (`// manifest-lint-ignore resource-renamed-without-alias -- a fresh bucket is intended`); to block \
            commits on it, make it an error in .manifest-lint.yaml (`rules: {resource-renamed-without-alias: error}`).
            """,
        consequence: Consequence(command: "pulumi up", outcome: "creates the renamed resource, then deletes the old one and what it held"),
        fixSafety: "An alias keeps the old resource under its new name, which is what a rename nearly always means; but a new resource may have been the intent, so the fix is unsafe. Options held in a variable get a suggestion only.",
        examples: [
            .fix([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const logs = new aws.s3.Bucket(↓"app-logs", { forceDestroy: false });

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const logs = new aws.s3.Bucket("logs", { forceDestroy: false });

                    """#,
            ], .unsafe, becomes: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const logs = new aws.s3.Bucket("app-logs", { forceDestroy: false }, { aliases: [{ name: "logs" }] });

                    """#,
            ], findings: [
                #"aws.s3.Bucket "logs" is renamed to "app-logs" without an alias: `pulumi up` creates the new resource, then deletes the old one and what it holds; add aliases: [{ name: "logs" }] to its options to keep it"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";

                    export class Store extends pulumi.ComponentResource {
                        db: aws.rds.Instance;
                        constructor(name: string) {
                            super("app:Store", name);
                            this.db = new aws.rds.Instance(↓`${name}-database`, { instanceClass: "db.t3.micro" }, {
                                parent: this,
                            });
                        }
                    }

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";

                    export class Store extends pulumi.ComponentResource {
                        db: aws.rds.Instance;
                        constructor(name: string) {
                            super("app:Store", name);
                            this.db = new aws.rds.Instance(`${name}-db`, { instanceClass: "db.t3.micro" }, {
                                parent: this,
                            });
                        }
                    }

                    """#,
            ], .unsafe, becomes: [
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";

                    export class Store extends pulumi.ComponentResource {
                        db: aws.rds.Instance;
                        constructor(name: string) {
                            super("app:Store", name);
                            this.db = new aws.rds.Instance(`${name}-database`, { instanceClass: "db.t3.micro" }, {
                                parent: this,
                                aliases: [{ name: `${name}-db` }],
                            });
                        }
                    }

                    """#,
            ], findings: [
                #"aws.rds.Instance `${name}-db` is renamed to `${name}-database` without an alias: `pulumi up` creates the new resource, then deletes the old one and what it holds; add aliases: [{ name: `${name}-db` }] to its options to keep it"#,
            ]),
            .fix([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: python

                    """#,
                "requirements.txt": "pulumi>=3\npulumi-aws>=6\n",
                "__main__.py": #"""
                    import pulumi
                    import pulumi_aws as aws

                    logs = aws.s3.Bucket(resource_name=↓f"{pulumi.get_stack()}-app-logs", force_destroy=False)
                    queue = aws.sqs.Queue(↓"jobs-v2", opts=pulumi.ResourceOptions(protect=False))

                    """#,
            ], base: [
                "__main__.py": #"""
                    import pulumi
                    import pulumi_aws as aws

                    logs = aws.s3.Bucket(resource_name=f"{pulumi.get_stack()}-logs", force_destroy=False)
                    queue = aws.sqs.Queue("jobs", opts=pulumi.ResourceOptions(protect=False))

                    """#,
            ], .unsafe, becomes: [
                "__main__.py": #"""
                    import pulumi
                    import pulumi_aws as aws

                    logs = aws.s3.Bucket(resource_name=f"{pulumi.get_stack()}-app-logs", force_destroy=False, opts=pulumi.ResourceOptions(aliases=[pulumi.Alias(name=f"{pulumi.get_stack()}-logs")]))
                    queue = aws.sqs.Queue("jobs-v2", opts=pulumi.ResourceOptions(protect=False, aliases=[pulumi.Alias(name="jobs")]))

                    """#,
            ], findings: [
                #"aws.s3.Bucket f"{pulumi.get_stack()}-logs" is renamed to f"{pulumi.get_stack()}-app-logs" without an alias: `pulumi up` creates the new resource, then deletes the old one and what it holds; add aliases=[pulumi.Alias(name=f"{pulumi.get_stack()}-logs")] to its options to keep it"#,
                #"aws.sqs.Queue "jobs" is renamed to "jobs-v2" without an alias: `pulumi up` creates the new resource, then deletes the old one and what it holds; add aliases=[pulumi.Alias(name="jobs")] to its options to keep it"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/gcp": "^7"}}"#,
                "index.ts": #"""
                    import * as gcp from "@pulumi/gcp";
                    const opts = { protect: true };
                    export const sql = new gcp.sql.DatabaseInstance(↓"orders-db", { databaseVersion: "POSTGRES_15" }, opts);

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as gcp from "@pulumi/gcp";
                    const opts = { protect: true };
                    export const sql = new gcp.sql.DatabaseInstance("main-db", { databaseVersion: "POSTGRES_15" }, opts);

                    """#,
            ], findings: [
                #"gcp.sql.DatabaseInstance "main-db" is renamed to "orders-db" without an alias, and the old one is protected: `pulumi up` creates the new resource, then fails to delete the old one; add aliases: [{ name: "main-db" }] to its options to keep it"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";
                    const bucketName = pulumi.getStack() + "-logs";
                    export const logs = new aws.s3.Bucket("app-logs", {}, { aliases: [{ name: "logs" }] });
                    export const data = new aws.s3.Bucket(bucketName, {});
                    export const queue = new aws.sqs.Queue("jobs", { delaySeconds: 5 });

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";
                    const bucketName = "data";
                    export const logs = new aws.s3.Bucket("logs", {});
                    export const data = new aws.s3.Bucket(bucketName, {});
                    export const events = new aws.sqs.Queue("events", { fifoQueue: true, contentBasedDeduplication: true });

                    """#,
            ]),
            .clean([
                "infra/Pulumi.yaml": #"""
                    name: infra
                    runtime: nodejs

                    """#,
                "infra/package.json": #"{"name": "infra", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "infra/index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });

                    """#,
                "data/Pulumi.yaml": #"""
                    name: data
                    runtime: nodejs

                    """#,
                "data/package.json": #"{"name": "data", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "data/index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const bucket = new aws.s3.Bucket("archive", {});

                    """#,
            ], base: [
                "infra/index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });
                    export const bucket = new aws.s3.Bucket("archive-old", {});

                    """#,
            ]),
        ],
        check: { graph, findings in
            for pair in graph.fact(ResourceChanges.self).renamed {
                guard let oldName = pair.old.nameShape, let newName = pair.new.nameShape,
                      oldName.placeholders == newName.placeholders, oldName.literals != newName.literals else { continue }
                let options = pair.new.options
                if case .unknown = options { continue }
                guard !pair.newHasAliases else { continue }
                let python = pair.new is PythonResourceConstruction
                let alias = python ? "aliases=[pulumi.Alias(name=\(oldName.source))]" : "aliases: [{ name: \(oldName.source) }]"
                var message = "\(pair.new.callee) \(oldName.source) is renamed to \(newName.source) without an alias"
                message += (pair.oldIsProtected ? ", and the old one is protected: " : ": ") + pair.outcome
                message += "; add \(alias) to its options to keep it"
                let edit = Self.aliasEdit(for: pair.new, oldName: oldName.source, options: options)
                let fix = edit.map { Fix(.unsafe, "Add \(alias) to its options", [.edit($0)]) }
                    ?? Fix(.displayOnly, "Add \(alias) to its options", [])
                findings.report(message, in: pair.new.file, at: pair.new.nameSpan, severity: pair.oldIsProtected ? .error : nil, fix: fix)
            }
        })

    /// The edit that gives the new construction an alias of its old name, where
    /// its options can take one in place; nil otherwise (then a suggestion).
    private static func aliasEdit(for call: any ResourceCall, oldName: String, options: ResourceOptionsReading) -> TextEdit? {
        if let construction = call as? ResourceConstruction {
            let module = construction.module
            let alias = "aliases: [{ name: \(oldName) }]"
            switch options {
            case .none:
                let close = module.tokens[construction.close].span.start
                let args = construction.arguments.count == 1 ? ", {}" : ""
                return TextEdit(path: module.file.path, span: Span(close, close), replacement: "\(args), { \(alias) }")
            case .known(_, _, let brace?):
                return module.insertion(ofEntries: [alias], before: brace)
            default:
                return nil
            }
        }
        if let construction = call as? PythonResourceConstruction, let pulumi = construction.pulumiName {
            let module = construction.module
            let alias = "aliases=[\(pulumi).Alias(name=\(oldName))]"
            switch options {
            case .none:
                let close = module.tokens[construction.close].span.start
                return TextEdit(path: module.file.path, span: Span(close, close), replacement: ", opts=\(pulumi).ResourceOptions(\(alias))")
            case .known(_, _, let paren?):
                let at = module.tokens[paren].span.start
                let empty = module.isOp(paren - 1, "(")
                let comma = module.isOp(paren - 1, ",")
                return TextEdit(path: module.file.path, span: Span(at, at), replacement: (empty || comma ? "" : ", ") + alias)
            default:
                return nil
            }
        }
        return nil
    }
}
