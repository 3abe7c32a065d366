import ManifestLintRules

/// Which loader reads a file, by its name: what the fixer re-parses after an edit.
enum ManifestFormat {
    case yaml, json, jsonc

    init?(path: String) {
        let name = Path.basename(path)
        switch Path.pathExtension(name) {
        case ".yaml", ".yml": self = .yaml
        case ".jsonc": self = .jsonc
        case ".json": self = name.hasPrefix("tsconfig") || name.hasPrefix("jsconfig") ? .jsonc : .json
        default: return nil
        }
    }

    /// Whether the bytes parse in this format.
    func parses(_ bytes: [UInt8], path: String) -> Bool {
        let file = SourceFile(path: path, bytes: bytes)
        switch self {
        case .yaml: return YAMLLoader.load(file).parsed
        case .json: return JSONLoader.load(file, dialect: .json).parsed
        case .jsonc: return JSONLoader.load(file, dialect: .jsonc).parsed
        }
    }
}
