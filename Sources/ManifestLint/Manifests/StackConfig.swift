/// A typed view of a stack file, Pulumi.<stack>.<ext>.
public struct StackConfig: Sendable {
    /// The settings a stack file may hold at its top level.
    static let topLevelKeys: Set<String> = ["secretsprovider", "encryptedkey", "encryptionsalt", "config", "environment"]

    public let document: LoadedDocument
    /// The stack's short name, from the file name.
    public let stackName: String

    public var file: SourceFile { document.file }

    /// The entries of the `config:` mapping, in file order.
    public var configEntries: [MappingEntry] {
        document.root?["config"]?.entries ?? []
    }

    /// The stack name of a file named Pulumi.<stack>.<ext> with a stack-file extension.
    public static func stackName(fromFileName name: String) -> (stack: String, fileExtension: String)? {
        guard name.hasPrefix("Pulumi.") else { return nil }
        let ext = Path.pathExtension(name)
        guard [".yaml", ".yml", ".json"].contains(ext) else { return nil }
        let stack = String(name.dropFirst("Pulumi.".count).dropLast(ext.count))
        guard !stack.isEmpty else { return nil }
        return (stack, ext)
    }
}
