// What this stage builds on, passed on to the stages after it.
@_exported import ManifestLintFindings
