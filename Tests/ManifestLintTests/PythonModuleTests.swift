import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph

/// What a Python module imports, what its imports bind, and the program's
/// modules as Python finds them from the entry point.
struct PythonModuleTests {
    static func module(_ source: String, path: String = "app/__main__.py") -> PythonModule {
        PythonModule(file: SourceFile(path: path, text: source))
    }

    @Test func importsAndTheirBindings() {
        let module = Self.module("""
            import pulumi
            import pulumi_aws as aws, os.path
            from pulumi_gcp import storage, compute as gce
            from .util import (name_for,
                               Stack as Base,)
            from .. import settings
            from ... import far
            from lib.helpers import *
            if True: import json
            x = 1; import sys
            def f():
                import random
            # import commented
            text = "import quoted"
            importlib.import_module("dynamic")

            """)
        #expect(module.imports.map { "\(String(repeating: ".", count: $0.level))\($0.module) \($0.names)" } == [
            "pulumi []", "pulumi_aws []", "os.path []", "pulumi_gcp [\"storage\", \"compute\"]", ".util [\"name_for\", \"Stack\"]",
            ".. [\"settings\"]", "... [\"far\"]", "lib.helpers [\"*\"]", "json []", "sys []", "random []",
        ])
        #expect(module.bindings["aws"] == PythonModule.Binding(module: "pulumi_aws", level: 0, path: []))
        #expect(module.bindings["os"] == PythonModule.Binding(module: "os", level: 0, path: []))
        #expect(module.bindings["gce"] == PythonModule.Binding(module: "pulumi_gcp", level: 0, path: ["compute"]))
        #expect(module.bindings["Base"] == PythonModule.Binding(module: "util", level: 1, path: ["Stack"]))
        #expect(module.bindings["settings"] == PythonModule.Binding(module: "", level: 2, path: ["settings"]))
        #expect(module.bindings["importlib"] == nil)
    }

    static let tree = VirtualFileTree([
        "Pulumi.yaml": "name: py\nruntime: python\n",
        "__main__.py": "import pulumi\nfrom infra import network\nimport infra.storage as storage\nfrom components.web import Web\n",
        "infra/__init__.py": "from .shared import tags\n",
        "infra/network.py": "from . import shared\nfrom ..outside import nothing\n",
        "infra/storage.py": "import json\n",
        "infra/shared.py": "tags = {}\n",
        "components/web.py": "from infra.shared import tags\n",
        "components/unused.py": "x = 1\n",
        "scripts/tool.py": "import infra\n",
    ])

    @Test func theProgramIsWhatTheEntryImportsOfItsOwnFiles() throws {
        let sources = PythonSources(tree: Self.tree, programDirectory: "")
        let modules = sources.reachable(from: ["__main__.py"]).map(\.file.path)
        #expect(modules == ["__main__.py", "infra/__init__.py", "infra/shared.py", "infra/network.py", "infra/storage.py", "components/web.py"])
    }

    @Test func theEntryIsMainOrMainPyInTheProgramDirectory() throws {
        var files = Self.tree
        files.add("Pulumi.yaml", "name: py\nruntime: python\nmain: src/\n")
        files.add("src/__main__.py", "import app\n")
        files.add("src/app.py", "x = 1\n")
        let graph = ProjectGraph(location: ProjectLocation(directory: "", projectFile: "Pulumi.yaml"), tree: files)
        #expect(graph.pythonEntryFiles == ["src/__main__.py"])
        // The program directory is on sys.path: `import app` is src/app.py.
        #expect(graph.pythonSources.reachable(from: graph.pythonEntryFiles).map(\.file.path) == ["src/__main__.py", "src/app.py"])
        let plain = ProjectGraph(location: ProjectLocation(directory: "", projectFile: "Pulumi.yaml"), tree: Self.tree)
        #expect(plain.pythonEntryFiles == ["__main__.py"])
    }

    @Test func anUnterminatedModuleIsReadAsFarAsItGoes() {
        let module = Self.module("import pulumi\nx = f'{open\n")
        #expect(module.error != nil)
        #expect(module.imports.map(\.module) == ["pulumi"])
    }
}
