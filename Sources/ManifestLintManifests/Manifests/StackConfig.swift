import ManifestLintFindings

/// A typed view of a stack file, Pulumi.<stack>.<ext>.
/// A class: rules walk the stacks often, and a copy is then one reference.
public final class StackConfig: Sendable {
    /// The settings a stack file may hold at its top level.
    public static let topLevelKeys: Set<String> = ["secretsprovider", "encryptedkey", "encryptionsalt", "config", "environment"]

    /// An entry of the `config:` mapping, with its key as Pulumi splits it.
    public struct ConfigEntry: Sendable {
        public let entry: MappingEntry
        /// The key's text; nil when the key is not a scalar.
        public var name: String? { entry.name }
        /// nil when Pulumi cannot parse the key (or it is not a scalar).
        public let key: ConfigKey?
    }

    public let document: LoadedDocument
    /// The stack's short name, from the file name.
    public let stackName: String
    /// The entries of the `config:` mapping, in file order, each key split
    /// once here rather than by every rule that reads it.
    public let config: [ConfigEntry]

    public var file: SourceFile { document.file }

    public init(document: LoadedDocument, stackName: String) {
        self.document = document
        self.stackName = stackName
        config = (document.root?["config"]?.entries ?? []).map { entry in
            ConfigEntry(entry: entry, key: entry.name.flatMap(ConfigKey.init))
        }
    }

    /// Whether the file is a template to copy rather than a stack anyone
    /// selects: Pulumi.README.yaml, Pulumi.example.yaml, Pulumi.sample.yaml,
    /// Pulumi.template.yaml (also `dev.example` and the like).
    public var isTemplate: Bool {
        let name = stackName.lowercased()
        return Self.templateNames.contains { name == $0 || name.hasSuffix("." + $0) || name.hasSuffix("-" + $0) }
    }

    private static let templateNames = ["readme", "example", "sample", "template"]

    /// The stack name of a file named Pulumi.<stack>.<ext> with a stack-file extension.
    public static func stackName(fromFileName name: String) -> (stack: String, fileExtension: String)? {
        guard name.hasBytePrefix("Pulumi.") else { return nil }
        let ext = Path.pathExtension(name)
        guard [".yaml", ".yml", ".json"].contains(ext) else { return nil }
        // Cut by bytes: cutting characters would break the name into graphemes first.
        let utf8 = name.utf8
        let stack = String(decoding: utf8.dropFirst("Pulumi.".utf8.count).dropLast(ext.utf8.count), as: UTF8.self)
        guard !stack.isEmpty else { return nil }
        return (stack, ext)
    }
}
