import ManifestLintEngine

/// The version the tool reports (`--version`, SARIF).
public enum ManifestLintVersion {
    public static let current = "0.1.0"
}
