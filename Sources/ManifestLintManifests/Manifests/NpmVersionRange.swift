import ManifestLintFindings

/// npm's version ranges (node-semver's grammar), as sets of half-open
/// intervals of versions: enough to tell whether two ranges share a version,
/// or whether a range admits some versions. Prerelease tags are ignored.
public enum NpmVersionRange {
    typealias Version = (major: Int, minor: Int, patch: Int)

    /// Half-open intervals [low, high) of versions; `high` nil is unbounded.
    typealias Interval = (low: Version, high: Version?)

    /// Whether two ranges share a version; nil when either cannot be read
    /// (a tag such as `latest`, a URL, `file:`, `workspace:`...).
    public static func intersect(_ a: String, _ b: String) -> Bool? {
        guard let first = intervals(of: a), let second = intervals(of: b) else { return nil }
        return overlap(first, second)
    }

    /// Whether some interval of one list meets some interval of the other.
    static func overlap(_ first: [Interval], _ second: [Interval]) -> Bool {
        first.contains { a in
            second.contains { b in
                less(a.low, b.high ?? (Int.max, 0, 0)) && less(b.low, a.high ?? (Int.max, 0, 0))
            }
        }
    }

    static func less(_ a: Version, _ b: Version) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }

    /// node-semver's grammar: `||`-separated sets of space-separated comparators, or `A - B`.
    static func intervals(of range: String) -> [Interval]? {
        var result: [Interval] = []
        for alternative in range.split(separator: "||", omittingEmptySubsequences: false) {
            var words = alternative.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            // `>= 18` is `>=18`.
            var index = 0
            while index + 1 < words.count {
                if [">", ">=", "<", "<=", "=", "^", "~"].contains(words[index]) {
                    words[index] += words.remove(at: index + 1)
                }
                index += 1
            }
            var low: Version = (0, 0, 0)
            var high: Version?
            func narrow(_ interval: Interval) {
                if less(low, interval.low) { low = interval.low }
                if let limit = interval.high, high.map({ less(limit, $0) }) ?? true { high = limit }
            }
            if words.count == 3, words[1] == "-" {
                guard let from = partial(words[0]), let to = partial(words[2]) else { return nil }
                narrow((from.lower, to.upper))
            } else {
                for word in words {
                    guard let interval = comparator(word) else { return nil }
                    narrow(interval)
                }
            }
            if high.map({ less(low, $0) }) ?? true { result.append((low, high)) }
        }
        return result
    }

    /// One comparator as an interval.
    private static func comparator(_ word: String) -> Interval? {
        for op in [">=", "<=", ">", "<", "^", "~", "="] where word.hasPrefix(op) {
            guard let version = partial(String(word.dropFirst(op.count))) else { return nil }
            switch op {
            case ">=": return (version.lower, nil)
            case ">": return (version.upper ?? (Int.max, 0, 0), nil)
            case "<": return ((0, 0, 0), version.lower)
            case "<=": return ((0, 0, 0), version.upper)
            case "^" where version.fields == 0, "~" where version.fields == 0: return ((0, 0, 0), nil)
            case "^":
                let v = version.lower
                let high: Version = v.major > 0 || version.fields == 1 ? (v.major + 1, 0, 0)
                    : v.minor > 0 || version.fields == 2 ? (0, v.minor + 1, 0) : (0, 0, v.patch + 1)
                return (v, high)
            case "~":
                let v = version.lower
                return (v, version.fields == 1 ? (v.major + 1, 0, 0) : (v.major, v.minor + 1, 0))
            default: return (version.lower, version.upper)
            }
        }
        guard let version = partial(word) else { return nil }
        return (version.lower, version.upper)
    }

    /// `1.2.3`, `1.2`, `1`, `1.x`, `*`, with an optional `v` and prerelease or
    /// build suffix: the lowest version it names, the lowest above it (nil for
    /// `*`), and how many numeric fields it has.
    private static func partial(_ word: String) -> (lower: Version, upper: Version?, fields: Int)? {
        var text = Substring(word)
        if text.hasPrefix("v") || text.hasPrefix("=") { text = text.dropFirst() }
        if let suffix = text.firstIndex(where: { $0 == "-" || $0 == "+" }) { text = text[..<suffix] }
        if text.isEmpty || text == "*" || text == "x" || text == "X" { return ((0, 0, 0), nil, 0) }
        var numbers: [Int] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            if part == "x" || part == "X" || part == "*" { break }
            // Bounded so that the next version up cannot overflow.
            guard let number = Int(part), number >= 0, number < 1_000_000_000, numbers.count < 3 else { return nil }
            numbers.append(number)
        }
        guard !numbers.isEmpty else { return ((0, 0, 0), nil, 0) }
        let lower: Version = (numbers[0], numbers.count > 1 ? numbers[1] : 0, numbers.count > 2 ? numbers[2] : 0)
        let upper: Version = switch numbers.count {
        case 1: (numbers[0] + 1, 0, 0)
        case 2: (numbers[0], numbers[1] + 1, 0)
        default: (numbers[0], numbers[1], numbers[2] + 1)
        }
        return (lower, upper, numbers.count)
    }
}
