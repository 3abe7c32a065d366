import ManifestLintRules

extension RuleExample {
    /// The linter that checks the example: with its base revision, when it has one.
    public func linter(rules: [Rule] = Rule.all) -> Linter {
        var linter = Linter(rules: rules)
        linter.base = baseRevision
        return linter
    }
}
