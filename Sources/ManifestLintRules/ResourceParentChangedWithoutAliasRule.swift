import ManifestLintGraph

extension Rule {
    static let resourceParentChangedWithoutAlias = Rule(
        id: "resource-parent-changed-without-alias",
        severity: .warning,
        summary: "A change gives a resource a parent, takes it away, or points it at a resource of another type, without an alias: `pulumi up` creates a new one and deletes the old one.",
        rationale: """
            A resource's URN holds its parent's type chain (sdk/go/common/resource/urn/urn.go), so a `parent` \
            added, removed, or pointing at a resource of another type gives it a new URN: `pulumi up` creates a \
            resource and deletes the old one when the program finishes (pkg/resource/deploy/step_generator.go), \
            or fails on a protected old one (an error). An alias of the old parent keeps it: \
            `aliases: [{ parent: pulumi.rootStackResource }]` for a resource that had none, \
            `aliases: [{ parent: <old parent> }]` otherwise. The change is read as resource-renamed-without-alias \
            reads it; the resource is the one of its class and name in the file on both sides, and a parent \
            counts as another type only when both are variables of the file bound to constructions of different \
            classes. Options that cannot be read keep the rule silent.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "creates the resource under its new parent, then deletes the old one and what it held"),
        fixSafety: "The old parent may no longer exist in the program (a removed component): the alias is a suggestion, never applied.",
        displayOnlyFix: true,
        examples: [
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });
                    export const subnet = new aws.ec2.Subnet(↓"a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" }, { parent: vpc });

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });
                    export const subnet = new aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });

                    """#,
            ], findings: [
                #"aws.ec2.Subnet "a" now has the parent vpc, which it had not: its URN changes, so `pulumi up` creates the new resource, then deletes the old one and what it holds; add aliases: [{ parent: pulumi.rootStackResource }] to its options"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });
                    export const zone = new aws.route53.Zone("internal", {});
                    export const record = new aws.route53.Record(↓"api", { zoneId: zone.id, name: "api", type: "A" }, { parent: zone });

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16" });
                    export const zone = new aws.route53.Zone("internal", {});
                    export const record = new aws.route53.Record("api", { zoneId: zone.id, name: "api", type: "A" }, { parent: vpc });

                    """#,
            ], findings: [
                #"aws.route53.Record "api" now has the parent zone instead of vpc, a resource of another type: its URN changes, so `pulumi up` creates the new resource, then deletes the old one and what it holds; add aliases: [{ parent: vpc }] to its options"#,
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
                    export const blue = new aws.ec2.Vpc("blue", { cidrBlock: "10.0.0.0/16" });
                    export const green = new aws.ec2.Vpc("green", { cidrBlock: "10.1.0.0/16" });
                    export const subnet = new aws.ec2.Subnet("a", { vpcId: green.id, cidrBlock: "10.1.1.0/24" }, { parent: green });
                    export const other = new aws.ec2.Subnet("b", { vpcId: green.id, cidrBlock: "10.1.2.0/24" }, { parent: green, aliases: [{ parent: pulumi.rootStackResource }] });

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as pulumi from "@pulumi/pulumi";
                    import * as aws from "@pulumi/aws";
                    export const blue = new aws.ec2.Vpc("blue", { cidrBlock: "10.0.0.0/16" });
                    export const green = new aws.ec2.Vpc("green", { cidrBlock: "10.1.0.0/16" });
                    export const subnet = new aws.ec2.Subnet("a", { vpcId: blue.id, cidrBlock: "10.0.1.0/24" }, { parent: blue });
                    export const other = new aws.ec2.Subnet("b", { vpcId: green.id, cidrBlock: "10.1.2.0/24" });

                    """#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    import { defaults } from "./defaults";
                    export const subnet = new aws.ec2.Subnet("a", { vpcId: "vpc-1", cidrBlock: "10.1.1.0/24" }, { ...defaults });

                    """#,
                "defaults.ts": "export const defaults = {};\n",
            ], base: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const subnet = new aws.ec2.Subnet("a", { vpcId: "vpc-1", cidrBlock: "10.1.1.0/24" });

                    """#,
            ]),
        ],
        check: { graph, findings in
            for pair in graph.fact(ResourceChanges.self).reparented {
                guard let name = pair.old.nameShape?.source, let before = pair.old.parent, let after = pair.new.parent else { continue }
                guard !pair.newHasAliases else { continue }
                let what: String
                let oldParent: String
                switch (before, after) {
                case (.none, .expression(let new)):
                    what = "now has the parent \(new), which it had not"
                    oldParent = "pulumi.rootStackResource"
                case (.expression(let old), .none):
                    what = "no longer has the parent \(old)"
                    oldParent = old
                case (.expression(let old), .expression(let new)):
                    what = "now has the parent \(new) instead of \(old), a resource of another type"
                    oldParent = old
                case (.none, .none):
                    continue
                }
                let alias = "aliases: [{ parent: \(oldParent) }]"
                var message = "\(pair.new.callee) \(name) \(what): its URN changes, so \(pair.outcome)"
                message += (pair.oldIsProtected ? ", which is protected" : "") + "; add \(alias) to its options"
                findings.report(message, in: pair.new.file, at: pair.new.nameSpan, severity: pair.oldIsProtected ? .error : nil,
                                fix: Fix(.displayOnly, "Add \(alias) to its options", []))
            }
        })
}
