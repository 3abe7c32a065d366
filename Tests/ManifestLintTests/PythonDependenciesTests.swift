import Testing
@testable import ManifestLintCore
@testable import ManifestLintManifests

/// What requirements.txt, pyproject.toml and Pipfile declare, named as pip compares names.
struct PythonDependenciesTests {
    static func read(_ files: [String: String]) -> PythonDependencies {
        PythonDependencies.read(in: [""], tree: VirtualFileTree(files))
    }

    @Test func requirementsWithIncludesExtrasMarkersAndOptions() {
        let declared = Self.read([
            "requirements.txt": """
                # infrastructure
                Pulumi>=3.0.0,<4.0.0
                pulumi_aws[extra] ~= 6.0  # the provider
                pulumi-random==4.*; python_version >= "3.9"
                --index-url https://pypi.org/simple
                -c constraints.txt
                -r requirements-dev.txt

                """,
            "requirements-dev.txt": "Pulumi.Kubernetes @ https://example.com/k8s.whl\n",
        ])
        #expect(declared.names == ["pulumi", "pulumi-aws", "pulumi-random", "pulumi-kubernetes"])
        #expect(!declared.hasOpaqueEntries)
        #expect(declared.manifests == ["requirements.txt"])
    }

    @Test(arguments: ["-e ./sdk/python\n", "git+https://github.com/pulumi/pulumi-aws#subdirectory=sdk/python\n", "./dist/pulumi_x.whl\n", "-r missing.txt\n"])
    func whatCannotBeNamedIsOpaque(_ line: String) {
        #expect(Self.read(["requirements.txt": line]).hasOpaqueEntries)
    }

    @Test func pyprojectInEachOfItsForms() {
        let declared = Self.read([
            "pyproject.toml": """
                [project]
                name = "infra"
                requires-python = ">=3.9"
                dependencies = [
                    "pulumi>=3",  # the SDK
                    'pulumi-gcp[beta]>=7',
                ]

                [project.optional-dependencies]
                test = ["pytest"]

                [dependency-groups]
                dev = ["ruff>=0.4"]

                [tool.uv]
                dev-dependencies = ["mypy"]

                [tool.poetry.dependencies]
                python = "^3.11"
                "pulumi-azure-native" = "^2"

                [tool.poetry.group.lint.dependencies]
                black = "*"

                [tool.black]
                line-length = 100

                """,
        ])
        #expect(declared.names == ["pulumi", "pulumi-gcp", "pytest", "ruff", "mypy", "pulumi-azure-native", "black"])
    }

    @Test func pipfilePackagesAndSetupPy() {
        #expect(Self.read(["Pipfile": "[[source]]\nurl = \"https://pypi.org/simple\"\n[packages]\npulumi = \"*\"\n[dev-packages]\npytest = \"*\"\n[requires]\npython_version = \"3.11\"\n"]).names
                == ["pulumi", "pytest"])
        #expect(Self.read(["setup.py": "setup(install_requires=['pulumi'])\n"]).hasOpaqueEntries)
    }

    @Test(arguments: [("Pulumi_AWS", "pulumi-aws"), ("pulumi.kubernetes", "pulumi-kubernetes"), ("a--b__c", "a-b-c")])
    func namesAreNormalizedAsPipDoes(_ name: String, _ normal: String) {
        #expect(PythonDependencies.normalize(name) == normal)
    }
}
