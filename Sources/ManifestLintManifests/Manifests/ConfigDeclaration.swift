import ManifestLintFindings

/// A key of the `config:` block of Pulumi.yaml, as Pulumi reads it (reference §7).
public struct ConfigDeclaration {
    /// The properties a declaration object may have.
    public static let properties: Set<String> = ["type", "items", "description", "secret", "default", "value"]

    public var entry: MappingEntry
    /// The key as written, and with its namespace ("<project>:name" for a project key).
    public var key: String
    public var fullKey: String
    /// The key belongs to the project (no namespace, or the project's).
    public var isProjectKey: Bool
    /// The declaration object, when the value is one rather than a shorthand.
    public var declaration: Node?

    public var value: Node { entry.value }
    public var type: Node? { declaration?["type"] }
    public var items: Node? { declaration?["items"] }
    public var isSecret: Bool { declaration?["secret"]?.bool == true }
    /// A shorthand primitive or array of a project key is its default.
    public var hasDefault: Bool { declaration == nil ? isProjectKey : declaration?.entry("default") != nil }
    public var hasValue: Bool { declaration == nil ? !isProjectKey : declaration?.entry("value") != nil }

    public static let types: Set<String> = ["string", "integer", "boolean", "array", "object"]

    /// The declared type when it is one Pulumi knows.
    public var validType: String? {
        guard let type = type?.string, Self.types.contains(type) else { return nil }
        return type
    }
}

extension PulumiProject {
    /// The entries of `config:` (when it is a mapping and the project name is known).
    public var configDeclarations: [ConfigDeclaration] {
        guard let project = name, !isTemplate, let entries = root?["config"]?.entries else { return [] }
        return entries.compactMap { entry in
            guard let key = entry.name, let parsed = ConfigKey(key) else { return nil }
            let isProjectKey = parsed.namespace == nil || parsed.namespace == project
            return ConfigDeclaration(entry: entry, key: key, fullKey: "\(parsed.namespace ?? project):\(parsed.name)",
                                     isProjectKey: isProjectKey, declaration: entry.value.entries != nil ? entry.value : nil)
        }
    }
}

extension StackConfig {
    /// The stack's config entries by full key ("<project>:name" for a key
    /// without namespace), the last of equal keys winning, as Pulumi reads them.
    /// A search, not a table: a stack has a few keys, and comparing a key's
    /// parts with the full key costs less than building every full key to hash it.
    public struct EntriesByFullKey {
        public let config: [ConfigEntry]
        public let project: String

        public subscript(fullKey: String) -> MappingEntry? {
            config.last { entry in
                guard let key = entry.key else { return false }
                return Self.fullKey(fullKey, joins: key.namespace ?? project, key.name)
            }?.entry
        }

        /// Whether `fullKey` is `namespace`, a colon, then `name` (compared as bytes).
        public static func fullKey(_ fullKey: String, joins namespace: String, _ name: String) -> Bool {
            let split = namespace.utf8.count
            guard fullKey.utf8.count == split + 1 + name.utf8.count else { return false }
            return fullKey.withBytes { bytes in
                bytes[split] == UInt8(ascii: ":") && namespace.hasBytes(UnsafeBufferPointer(rebasing: bytes[..<split]))
                    && name.hasBytes(UnsafeBufferPointer(rebasing: bytes[(split + 1)...]))
            }
        }
    }

    public func entriesByFullKey(project: String) -> EntriesByFullKey {
        EntriesByFullKey(config: config, project: project)
    }

    /// `{secure: <ciphertext>}`: an encrypted value.
    public static func isSecure(_ value: Node) -> Bool {
        guard let entries = value.entries, entries.count == 1, entries[0].name == "secure" else { return false }
        return entries[0].value.string != nil
    }

    public var hasEnvironment: Bool { document.root?["environment"].map { !$0.isNull } ?? false }
}

/// Pulumi's own type check of a stack value against a declared type
/// (ValidateConfigValue): every scalar is a string to Pulumi.
public enum ConfigValueCheck {
    public static func satisfies(_ value: Node, type: String, items: Node?) -> Bool {
        switch type {
        case "string":
            return value.scalar != nil
        case "integer":
            guard let scalar = value.scalar else { return false }
            switch scalar.kind {
            case .integer: return true
            case .float: return Double(scalar.text).map { $0 == $0.rounded() } ?? false
            case .string: return Int(scalar.text) != nil || (scalar.text.hasPrefix("+") && Int(scalar.text.dropFirst()) != nil)
            default: return false
            }
        case "boolean":
            guard let scalar = value.scalar else { return false }
            if scalar.kind == .boolean { return true }
            return scalar.kind == .string && (scalar.text == "true" || scalar.text == "false")
        case "object":
            return value.entries != nil
        case "array":
            guard let elements = value.elements else { return false }
            guard let itemType = items?["type"]?.string else { return true }
            return elements.allSatisfy { satisfies($0, type: itemType, items: items?["items"]) }
        default:
            return true
        }
    }

    /// Whether a Pulumi.yaml default is of the declared type (its YAML type, as InferFullTypeName sees it).
    public static func defaultMatches(_ value: Node, type: String, items: Node?) -> Bool {
        switch type {
        case "string": return value.scalar?.kind == .string
        case "integer": return value.scalar?.kind == .integer
        case "boolean": return value.scalar?.kind == .boolean
        case "object": return value.entries != nil
        case "array":
            guard let elements = value.elements else { return false }
            guard let itemType = items?["type"]?.string else { return true }
            return elements.allSatisfy { defaultMatches($0, type: itemType, items: items?["items"]) }
        default: return true
        }
    }

    /// "array<string>" and the like, as Pulumi names full types.
    public static func fullTypeName(_ type: String, items: Node?) -> String {
        guard type == "array", let itemType = items?["type"]?.string else { return type }
        return "array<\(fullTypeName(itemType, items: items?["items"]))>"
    }
}
