import ManifestLintManifests

/// What the rules read from the configuration file (.manifest-lint.yaml):
/// what the linter cannot know by itself.
public struct RuleSettings: Sendable {
    /// Config namespaces read although no manifest says so.
    public var knownNamespaces: Set<String> = []
    /// Commands scripts may run without a dependency.
    public var globalBinaries: Set<String> = []
    public init() {}
}
