import ManifestLintCore

extension Fix {
    /// Renames a misspelled key in its own quoting style, unless the mapping
    /// already has the right one.
    public static func renamingKey(_ entry: MappingEntry, to key: String, in mapping: Node, file: SourceFile,
                            _ applicability: Applicability = .unsafe) -> Fix? {
        guard mapping.entry(key) == nil, let old = entry.name,
              let replacement = ScalarWriter.replacement(for: entry.key, with: key) else { return nil }
        return .replacing(entry.key, in: file, with: replacement, applicability, "Rename '\(old)' to '\(key)'")
    }
}

extension Node {
    /// "a string", "an integer": for messages.
    public static func article(_ typeName: String) -> String {
        ["a", "e", "i", "o", "u"].contains(typeName.prefix(1)) ? "an \(typeName)" : "a \(typeName)"
    }
}
