/// The Node.js versions a project declares (package.json `engines.node`, a
/// semver range; `.nvmrc` and `.node-version`, a version, a major line or an
/// LTS codename), and whether they include versions without `require()` of
/// ES modules: before 20.19, 21.x, and 22 before 22.12.
enum NodeVersions {
    typealias Version = (major: Int, minor: Int, patch: Int)

    /// Half-open intervals [low, high) of versions; `high` nil is unbounded.
    typealias Interval = (low: Version, high: Version?)

    /// The versions lacking require(esm) by default.
    static let withoutRequireESM: [Interval] = [((0, 0, 0), (20, 19, 0)), ((21, 0, 0), (22, 12, 0))]

    /// Whether a semver range admits a version without require(esm); nil when it cannot be read.
    static func rangeAdmitsNodeWithoutRequireESM(_ range: String) -> Bool? {
        guard let intervals = intervals(ofRange: range) else { return nil }
        return intervals.contains { interval in
            withoutRequireESM.contains { bad in
                less(interval.low, bad.high ?? (Int.max, 0, 0)) && (interval.high.map { less(bad.low, $0) } ?? true)
            }
        }
    }

    /// Whether the version an .nvmrc or .node-version names (nvm and fnm take
    /// the newest release of a partial version) lacks require(esm); nil when it is not a version.
    static func fileNamesNodeWithoutRequireESM(_ content: String) -> Bool? {
        var text = versionLine(of: content)
        let codenames = ["argon": 4, "boron": 6, "carbon": 8, "dubnium": 10, "erbium": 12, "fermium": 14,
                         "gallium": 16, "hydrogen": 18, "iron": 20, "jod": 22, "krypton": 24]
        if text.lowercased().hasPrefix("lts/") {
            guard let major = codenames[String(text.dropFirst(4)).lowercased()] else { return nil }
            return major < 20
        }
        if text.hasPrefix("v") { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.count <= 3, let major = parts[0], !parts.dropFirst().contains(where: { $0 == nil }) else { return nil }
        let minor = parts.count > 1 ? parts[1] : nil
        switch major {
        case ..<20: return true
        case 20: return minor.map { $0 < 19 } ?? false
        case 21: return true
        case 22: return minor.map { $0 < 12 } ?? false
        default: return false
        }
    }

    /// What an .nvmrc or .node-version says: its first line, blanks removed.
    static func versionLine(of content: String) -> String {
        let line = content.split(whereSeparator: \.isNewline).first.map { String($0) } ?? ""
        return String(line.unicodeScalars.filter { $0 != " " && $0 != "\t" })
    }

    // MARK: Ranges

    private static func less(_ a: Version, _ b: Version) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }

    /// node-semver's grammar: `||`-separated sets of space-separated comparators, or `A - B`.
    static func intervals(ofRange range: String) -> [Interval]? {
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
