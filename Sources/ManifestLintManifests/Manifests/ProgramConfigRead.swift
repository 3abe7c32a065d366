import ManifestLintFindings

/// A read of one configuration key through a config bag, with the key
/// written as a string literal: `new pulumi.Config().require("region")` in
/// Node, `pulumi.Config("aws").get("region")` in Python.
public struct ProgramConfigRead: Sendable {
    public enum Language: Sendable, Equatable {
        case javaScript, python, go
    }

    /// The bag read from: the project's (no name given), or one named.
    public enum Bag: Sendable, Hashable {
        case project
        case named(String)
    }

    public var language: Language
    public var file: SourceFile
    /// The method as written: `require`, `getNumber`, `get_int`.
    public var method: String
    /// The receiver as written: `config`, `this.config`, `new pulumi.Config()`.
    public var receiver: String
    public var bag: Bag
    /// Where the bag is created (its file and the offset of the creation),
    /// so that the reads of one bag can be told apart from another's.
    public var bagOrigin: String
    /// The empty `()` of a creation without a name (`new pulumi.Config()`):
    /// where a name would go; nil when a name is given.
    public var bagArguments: Span?
    /// The file the bag is created in (it may be another module than the read's).
    public var bagFile: SourceFile
    public var key: String
    /// The key's string literal, quotes included.
    public var keyLiteral: Span
    /// The literal's quote character.
    public var quote: String
    /// The default that applies when the key is unset, when it is a literal:
    /// `?? 2` or `|| "x"` after the call in Node; the second argument, or
    /// `or 2`, in Python.
    public var defaultValue: String?

    /// `require*` (Go: `Require*`): the read fails when the key is unset; `get*` gives nothing (or its default).
    public var isRequired: Bool { method.hasPrefix("require") || method.hasPrefix("Require") }

    /// The call as the user wrote it, for messages: `config.require("aws:region")`.
    public var call: String { "\(receiver).\(method)(\(quote)\(key)\(quote))" }

    /// The bag's name, when given (Node drops a trailing `:config`).
    public var bagName: String? {
        if case .named(let name) = bag { return name }
        return nil
    }
}

/// Whether some module's text holds a colon between two word characters
/// (`aws:region`): a key no stack can hold has one, in the key or in the
/// bag's name, so a program without any is not read for config at all.
func mayHoldUnreadableKey(_ files: some Sequence<SourceFile>) -> Bool {
    files.contains { $0.bytes.hasColonBetweenWordCharacters }
}

/// The method names of a config bag that read one key by its name.
enum ConfigMethods {
    static let javaScript: Set<String> = [
        "get", "getBoolean", "getNumber", "getObject", "getSecret", "getSecretBoolean", "getSecretNumber", "getSecretObject",
        "require", "requireBoolean", "requireNumber", "requireObject", "requireSecret", "requireSecretBoolean",
        "requireSecretNumber", "requireSecretObject",
    ]
    static let python: Set<String> = [
        "get", "get_bool", "get_float", "get_int", "get_object", "get_secret", "get_secret_bool", "get_secret_float",
        "get_secret_int", "get_secret_object", "require", "require_bool", "require_float", "require_int", "require_object",
        "require_secret", "require_secret_bool", "require_secret_float", "require_secret_int", "require_secret_object",
    ]
}
