import ManifestLintFindings

/// A typed view of a project file (Pulumi.yaml, Pulumi.yml or Pulumi.json).
/// A class: rules ask the graph for it often, and a copy is then one reference.
public final class PulumiProject: Sendable {
    public let document: LoadedDocument
    /// The project root: the directory holding the project file.
    public let directory: String
    /// The project name, when it is a non-empty string.
    public let name: String?
    /// A template (`name: ${PROJECT}`) is filled in by `pulumi new`: its
    /// placeholders are not mistakes, and name-dependent rules stay silent.
    public let isTemplate: Bool
    /// The runtime's name, from `runtime: nodejs` or `runtime: {name: nodejs}`.
    public let runtimeName: String?

    /// Name, template flag and runtime are read once here: most rules ask for them.
    public init(document: LoadedDocument, directory: String) {
        self.document = document
        self.directory = directory
        fileExtension = Path.pathExtension(document.file.path).lowercased()
        let root = document.mappingRoot
        let nameNode = root?["name"]
        name = nameNode?.string.flatMap { $0.isEmpty ? nil : $0 }
        isTemplate = nameNode?.scalar?.text.containsBytes(of: "${") ?? false
        let runtime = root?["runtime"]
        runtimeName = runtime?.string ?? runtime?["name"]?.string
    }

    public var file: SourceFile { document.file }
    /// ".yaml", ".yml" or ".json": stack files must use the same one (in
    /// lower case, whatever the case of the project file's name).
    public let fileExtension: String
    /// The top-level mapping (nil when the file is empty, not a mapping or unparsable).
    public var root: Node? { document.mappingRoot }

    public var nameNode: Node? { root?["name"] }

    public var runtimeNode: Node? { root?["runtime"] }

    /// `runtime.options` when it is a mapping.
    public var runtimeOptions: Node? {
        guard let options = runtimeNode?["options"], options.entries != nil else { return nil }
        return options
    }

    public func runtimeOption(_ key: String) -> MappingEntry? { runtimeOptions?.entry(key) }

    /// `main` when it is a string.
    public var main: Node? {
        guard let main = root?["main"], main.string != nil else { return nil }
        return main
    }

    /// Where stack files live: `stackConfigDir`, the deprecated `config: <dir>`
    /// form, or the project root. Pulumi joins it to the root even when absolute.
    public var stackConfigDirectory: String {
        let configured = root?["stackConfigDir"]?.string ?? root?["config"]?.string
        guard let configured, !configured.isEmpty else { return directory }
        let relative = configured.hasPrefix("/") ? String(configured.drop { $0 == "/" }) : configured
        return Path.join(directory, relative)
    }

    /// Whether the Node.js host registers ts-node (`typescript` defaults to true).
    public var typeScriptEnabled: Bool {
        runtimeOption("typescript")?.value.bool ?? true
    }
}
