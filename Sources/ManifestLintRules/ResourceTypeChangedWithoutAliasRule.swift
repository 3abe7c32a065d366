import ManifestLintGraph

extension Rule {
    static let resourceTypeChangedWithoutAlias = Rule(
        id: "resource-type-changed-without-alias",
        severity: .warning,
        summary: "A change builds a resource of the same name with another class (`aws.s3.Bucket` to `aws.s3.BucketV2`) without an alias: `pulumi up` creates a new one and deletes the old one.",
        rationale: """
            The type is part of a resource's URN (sdk/go/common/resource/urn/urn.go): under a new type, \
            `pulumi up` finds no resource, creates one, and deletes the old one when the program finishes \
            (pkg/resource/deploy/step_generator.go); with `protect: true` on the old one, the update fails after \
            the new copy exists (an error). An alias of the old type keeps the resource: \
            `aliases: [{ type: "<old type token>" }]`. Classes are compared as they resolve through the file's \
            imports, so the same class imported another way is no change. The change is read as \
            resource-renamed-without-alias reads it (HEAD with --staged, or --base REF), pairing a removed and an \
            added construction with the same name, as written, and the same binding.
            """,
        consequence: Consequence(command: "pulumi up", outcome: "creates the resource under its new type, then deletes the old one and what it held"),
        fixSafety: "The old type's token is derived from the class (aws.s3.Bucket: aws:s3/bucket:Bucket), which the provider may spell otherwise: a suggestion to check, never applied.",
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
                    export const logs = new aws.s3.BucketV2(↓"logs", {});

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const logs = new aws.s3.Bucket("logs", {});

                    """#,
            ], findings: [
                #"aws.s3.Bucket "logs" is now built as aws.s3.BucketV2 without an alias of its old type: `pulumi up` creates the new resource, then deletes the old one and what it holds; add aliases: [{ type: "aws:s3/bucket:Bucket" }] to its options (the type token `pulumi stack --show-urns` shows for it)"#,
            ]),
            .triggering([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/kubernetes": "^4"}}"#,
                "index.ts": #"""
                    import * as k8s from "@pulumi/kubernetes";
                    export const web = new k8s.apps.v1.StatefulSet(↓"web", { spec: {} }, { protect: false });

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as k8s from "@pulumi/kubernetes";
                    export const web = new k8s.apps.v1.Deployment("web", { spec: {} }, { protect: true });

                    """#,
            ], findings: [
                #"k8s.apps.v1.Deployment "web" is now built as k8s.apps.v1.StatefulSet without an alias of its old type, and the old one is protected: `pulumi up` creates the new resource, then fails to delete the old one; add aliases: [{ type: "kubernetes:apps/v1:Deployment" }] to its options (the type token `pulumi stack --show-urns` shows for it)"#,
            ]),
            .clean([
                "Pulumi.yaml": #"""
                    name: app
                    runtime: nodejs

                    """#,
                "package.json": #"{"name": "app", "dependencies": {"@pulumi/pulumi": "^3", "@pulumi/aws": "^6"}}"#,
                "index.ts": #"""
                    import { s3 } from "@pulumi/aws";
                    export const logs = new s3.Bucket("logs", {});

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const logs = new aws.s3.Bucket("logs", {});

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
                    export const logs = new aws.s3.BucketV2("logs", {}, { aliases: [{ type: "aws:s3/bucket:Bucket" }] });

                    """#,
            ], base: [
                "index.ts": #"""
                    import * as aws from "@pulumi/aws";
                    export const logs = new aws.s3.Bucket("logs", {});

                    """#,
            ]),
        ],
        check: { graph, findings in
            for pair in graph.fact(ResourceChanges.self).retyped {
                guard let name = pair.old.nameShape?.source else { continue }
                if case .unknown = pair.new.options { continue }
                guard !pair.newHasAliases else { continue }
                let alias = "aliases: [{ type: \"\(Self.typeToken(pair.old.resolvedClass))\" }]"
                var message = "\(pair.old.callee) \(name) is now built as \(pair.new.callee) without an alias of its old type"
                message += (pair.oldIsProtected ? ", and the old one is protected: " : ": ") + pair.outcome
                message += "; add \(alias) to its options (the type token `pulumi stack --show-urns` shows for it)"
                findings.report(message, in: pair.new.file, at: pair.new.nameSpan, severity: pair.oldIsProtected ? .error : nil,
                                fix: Fix(.displayOnly, "Add \(alias) to its options", []))
            }
        })

    /// The type token Pulumi gives a provider class, as the providers spell
    /// most: `@pulumi/aws:s3.Bucket` is `aws:s3/bucket:Bucket`; Kubernetes'
    /// `apps.v1.Deployment` is `kubernetes:apps/v1:Deployment`; a class at the
    /// package's top is in module `index`.
    static func typeToken(_ resolvedClass: String) -> String {
        guard let colon = resolvedClass.firstIndex(of: ":") else { return resolvedClass }
        let package = String(resolvedClass[..<colon]).replacingAll("@pulumi/", with: "")
        let members = resolvedClass[resolvedClass.index(after: colon)...].split(separator: ".").map(String.init)
        guard let last = members.last else { return resolvedClass }
        if package == "kubernetes" { return "kubernetes:\(members.dropLast().joined(separator: "/")):\(last)" }
        let module = members.count > 1 ? members.dropLast().joined(separator: "/") : "index"
        return "\(package):\(module)/\(last.prefix(1).lowercased() + last.dropFirst()):\(last)"
    }
}
