import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests

/// Which Python values change on every run, once they reach a resource's name.
struct PythonResourceNamesTests {
    /// What changes in the logical name of the last construction of `source`; nil when nothing does.
    static func changing(_ source: String) -> String? {
        let module = PythonModule(file: SourceFile(path: "__main__.py", text: source))
        let names = PythonResourceNames(modules: [module], programDirectory: "", tree: VirtualFileTree(["__main__.py": source]))
        let constructions = names.constructions()
        guard let range = constructions.last?.nameArgument else { return "constructions: \(constructions.map(\.callee))" }
        return names.changingValue(in: range, of: module)
    }

    @Test(arguments: [
        ("import pulumi_aws as aws\nimport uuid\naws.s3.BucketV2(str(uuid.uuid4()))\n", "uuid.uuid4()"),
        ("from pulumi_aws.s3 import BucketV2\nfrom uuid import uuid1\nBucketV2('b-' + uuid1().hex)\n", "uuid1()"),
        ("import pulumi_aws as aws\nimport secrets\naws.s3.BucketV2('b-{}'.format(secrets.token_hex(4)))\n", "secrets.token_hex()"),
        ("import pulumi_aws as aws\nimport os\naws.s3.BucketV2(os.urandom(4).hex())\n", "os.urandom()"),
        ("import pulumi_aws as aws\nimport random\nn = random.randint(0, 99)\naws.s3.BucketV2(f'b{n}')\n", "n = … random.randint()"),
        ("import pulumi_aws as aws\nimport time\naws.s3.BucketV2(f'b{time.time_ns()}')\n", "time.time_ns()"),
        ("import pulumi_aws as aws\nimport datetime\naws.s3.BucketV2(f'b{datetime.datetime.utcnow():%H%M}')\n", "datetime.datetime.utcnow()"),
        ("import pulumi\nimport time\nclass Web(pulumi.ComponentResource):\n    pass\nWeb(f'web-{time.time()}')\n", "time.time()"),
    ])
    func changingValuesAreFound(_ source: String, _ expected: String) {
        #expect(Self.changing(source) == expected)
    }

    @Test(arguments: [
        // pulumi_random's classes are resources whose values are stable once created.
        "import pulumi_aws as aws\nimport pulumi_random as random\nsuffix = random.RandomId('s', byte_length=4)\naws.s3.BucketV2(f'b-{suffix.hex}')\n",
        // A date's year, month or day changes once a year, a month, a day: on purpose.
        "import pulumi_aws as aws\nfrom datetime import date\naws.s3.BucketV2(f\"b-{date.today().strftime('%Y-%m')}\")\n",
        "import pulumi_aws as aws\nfrom datetime import datetime\naws.s3.BucketV2(f'b-{datetime.now().year}')\n",
        // A parameter shadows the module's value of the same name.
        "import pulumi_aws as aws\nimport uuid\nname = str(uuid.uuid4())\ndef make(name):\n    return name\naws.s3.BucketV2(make('fixed'))\n",
        // random.seed makes nothing, and a config value is stable.
        "import pulumi\nimport pulumi_aws as aws\nimport random\nrandom.seed(1)\naws.s3.BucketV2(pulumi.Config().require('name'))\n",
    ])
    func stableValuesAreNot(_ source: String) {
        #expect(Self.changing(source) == nil)
    }

    @Test func inputTypesAndFunctionsAreNoResources() {
        let source = "import pulumi_aws as aws\nimport uuid\naws.ec2.SecurityGroupIngressArgs(name=str(uuid.uuid4()))\naws.get_caller_identity()\npulumi.ResourceOptions(protect=True)\n"
        let module = PythonModule(file: SourceFile(path: "__main__.py", text: source))
        #expect(PythonResourceNames(modules: [module], programDirectory: "", tree: VirtualFileTree()).constructions().isEmpty)
    }
}
