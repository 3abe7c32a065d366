/// Pulumi's packages on npm.
enum PulumiPackages {
    /// The npm scopes of Pulumi's own and its community's provider packages.
    static let scopes = ["@pulumi/", "@pulumiverse/"]

    /// Whether a package is in one of those scopes.
    static func isPulumiScoped(_ name: String) -> Bool {
        scopes.contains { name.hasBytePrefix($0) }
    }
}
