// The library: every stage, from reading files to reporting findings
// (see docs/ARCHITECTURE.md).
@_exported import ManifestLintReporting
