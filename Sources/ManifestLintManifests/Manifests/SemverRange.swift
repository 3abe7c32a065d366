import ManifestLintFindings

/// Whether a string parses as a range the way blang/semver's ParseRange
/// (what Pulumi uses for requiredPulumiVersion) parses it: comparisons
/// (`>=1.2.3`, `<2.0.0`, `!=1.5.0`, `=1.0.0` or a bare version) joined by
/// spaces (and) and `||` (or); versions are full X.Y.Z, with `x` wildcards
/// (`3.x`, `3.100.x`). npm's `^` and `~` are not part of it.
public enum SemverRange {
    public static func isValid(_ range: String) -> Bool {
        let alternatives = range.split(separator: "||", omittingEmptySubsequences: false)
        return alternatives.allSatisfy { alternative in
            let parts = alternative.split(separator: " ", omittingEmptySubsequences: true)
            return !parts.isEmpty && parts.allSatisfy { isComparison(String($0)) }
        }
    }

    private static func isComparison(_ text: String) -> Bool {
        var version = Substring(text)
        for op in [">=", "<=", "!=", "==", ">", "<", "="] where version.hasPrefix(op) {
            version = version.dropFirst(op.count)
            break
        }
        return isVersion(String(version))
    }

    private static func isVersion(_ text: String) -> Bool {
        // Pre-release and build metadata after the core.
        let core = text.split(separator: "-", maxSplits: 1).first.map { $0.split(separator: "+", maxSplits: 1).first ?? $0 } ?? ""
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard !core.isEmpty, (1...3).contains(numbers.count) else { return false }
        let isNumber = { (part: Substring) in !part.isEmpty && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) }
        let isWildcard = { (part: Substring) in part == "x" || part == "X" || part == "*" }
        guard isNumber(numbers[0]) else { return false }
        if numbers.count < 3 {
            // Short forms are accepted only with a wildcard: `3.x`, `3.x.x`.
            return numbers.count == 2 && isWildcard(numbers[1])
        }
        if isWildcard(numbers[1]) { return isWildcard(numbers[2]) }
        return isNumber(numbers[1]) && (isNumber(numbers[2]) || isWildcard(numbers[2]))
    }
}
