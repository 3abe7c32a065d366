import ManifestLintRules

extension Configuration {
    /// What `manifest-lint init` writes: every key, commented.
    public static let starterFile = """
        # manifest-lint configuration (https://github.com/OWNER/manifest-lint)
        # Every key is optional. `manifest-lint rules` lists the rule ids.

        # A rule's severity, or off.
        rules:
          # script-binary-undeclared: off
          # config-empty-value: error

        # Paths never checked (globs relative to this file).
        exclude:
          # - "legacy/**"

        # Rule levels for some paths only; package.json cannot hold comments, so
        # its findings are silenced here. The last matching glob wins.
        per-path:
          # "stacks/sandbox/**":
          #   config-missing-value: off

        # Config namespaces that the program or a provider reads although no
        # dependency manifest says so.
        known-namespaces:
          # - shared

        # Commands that scripts may run without a dependency providing them.
        global-binaries:
          # - firebase

        """
}
