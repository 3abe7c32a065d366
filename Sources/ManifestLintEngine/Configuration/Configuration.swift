import ManifestLintRules

/// `.manifest-lint.yaml`: rule severities, excluded paths, per-path
/// overrides, and what the linter cannot know by itself (extra config
/// namespaces, globally installed commands).
public struct Configuration: Sendable {
    /// A severity, or off.
    public enum Level: String, Sendable {
        case error, warning, off
    }

    public struct PathOverride: Sendable {
        /// An absolute glob (joined to the configuration's directory).
        public var pattern: String
        public var levels: [String: Level]
        public init(pattern: String, levels: [String: Level]) {
            self.pattern = pattern
            self.levels = levels

        }
    }

    /// A problem in the configuration file: exit 2.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var position: LineColumn
        public var message: String
        public var description: String { "\(path):\(position): error: \(message)" }
    }

    public static let fileName = ".manifest-lint.yaml"

    /// The directory the file's relative globs start from.
    public var directory: String
    public var levels: [String: Level] = [:]
    public var exclude: [String] = []
    public var perPath: [PathOverride] = []
    public var settings = RuleSettings()

    public init(directory: String) {
        self.directory = directory
    }

    /// Parses the file; every problem has its position.
    public static func parse(_ file: SourceFile, displayPath: String) throws(Problem) -> Configuration {
        var configuration = Configuration(directory: Path.parent(file.path) ?? "")
        let document = YAMLLoader.load(file)
        func problem(_ message: String, _ span: Span) -> Problem {
            Problem(path: displayPath, position: file.position(of: span.start), message: message)
        }
        if let syntax = document.problems.first(where: { $0.kind != .tolerated }) {
            throw problem(syntax.message, syntax.span)
        }
        guard let root = document.root else { return configuration }
        guard let entries = root.entries else { throw problem("the configuration must be a mapping", root.span) }
        let knownKeys = ["rules", "exclude", "per-path", "known-namespaces", "global-binaries"]
        for entry in entries where !entry.value.isNull {
            switch entry.name {
            case "rules":
                configuration.levels = try levels(entry.value, problem: problem)
            case "exclude":
                configuration.exclude = try strings(entry.value, key: "exclude", problem: problem).map { Path.join(configuration.directory, $0) }
            case "per-path":
                guard let overrides = entry.value.entries else { throw problem("per-path must map globs to rule levels", entry.value.span) }
                for override in overrides {
                    guard let pattern = override.name else { throw problem("a per-path key must be a glob", override.key.span) }
                    configuration.perPath.append(PathOverride(pattern: Path.join(configuration.directory, pattern),
                                                              levels: try levels(override.value, problem: problem)))
                }
            case "known-namespaces":
                configuration.settings.knownNamespaces = Set(try strings(entry.value, key: "known-namespaces", problem: problem))
            case "global-binaries":
                configuration.settings.globalBinaries = Set(try strings(entry.value, key: "global-binaries", problem: problem))
            default:
                let name = entry.name ?? "?"
                let hint = Suggestion.closest(to: name, among: knownKeys).map { "; did you mean '\($0)'?" } ?? ""
                throw problem("unknown key '\(name)' (known: \(knownKeys.joined(separator: ", ")))\(hint)", entry.key.span)
            }
        }
        return configuration
    }

    private static func levels(_ node: Node, problem: (String, Span) -> Problem) throws(Problem) -> [String: Level] {
        guard let entries = node.entries else { throw problem("expected a mapping of rule ids to error, warning or off", node.span) }
        var result: [String: Level] = [:]
        for entry in entries {
            guard let id = entry.name, Rule.named(id) != nil else {
                let id = entry.name ?? "?"
                let hint = Suggestion.closest(to: id, among: Rule.all.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                throw problem("unknown rule '\(id)'\(hint)", entry.key.span)
            }
            guard let text = entry.value.scalar?.text, let level = Level(rawValue: text) else {
                throw problem("the level of '\(id)' must be error, warning or off", entry.value.span)
            }
            result[id] = level
        }
        return result
    }

    private static func strings(_ node: Node, key: String, problem: (String, Span) -> Problem) throws(Problem) -> [String] {
        guard let elements = node.elements else { throw problem("\(key) must be a list of strings", node.span) }
        var result: [String] = []
        for element in elements {
            guard let text = element.string else { throw problem("\(key) must be a list of strings", element.span) }
            result.append(text)
        }
        return result
    }

    // MARK: Applying

    /// Whether a path is excluded (a glob matches it or a directory above it).
    public func excludes(_ path: String) -> Bool {
        exclude.contains { Self.matches($0, path) }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        Glob.matches(pattern, path) || Glob.matches(pattern + "/**", path)
    }

    /// The level of a rule for a file: per-path overrides (the last matching wins), else `rules:`.
    public func level(of ruleID: String, in path: String) -> Level? {
        var level = levels[ruleID]
        for override in perPath where Self.matches(override.pattern, path) {
            if let overridden = override.levels[ruleID] { level = overridden }
        }
        return level
    }

    /// Whether a rule is off for every path, so it need not run at all.
    public func isOffEverywhere(_ ruleID: String) -> Bool {
        levels[ruleID] == .off && perPath.allSatisfy { ($0.levels[ruleID] ?? .off) == .off }
    }

    /// The findings as configured: off ones dropped, severities overridden, excluded files left out.
    public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            guard !excludes(diagnostic.path) else { return nil }
            var configured = diagnostic
            switch level(of: diagnostic.ruleID, in: diagnostic.path) {
            case .off?: return nil
            case .error?: configured.severity = .error
            case .warning?: configured.severity = .warning
            case nil: break
            }
            return configured
        }
    }
}
