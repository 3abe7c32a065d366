import ManifestLintFindings

/// Pulumi's packages on npm.
public enum PulumiPackages {
    /// The npm scopes of Pulumi's own and its community's provider packages.
    public static let scopes = ["@pulumi/", "@pulumiverse/"]

    /// Whether a package is in one of those scopes.
    public static func isPulumiScoped(_ name: String) -> Bool {
        scopes.contains { name.hasBytePrefix($0) }
    }
}
