import ManifestLintFindings

/// The Node.js versions a project declares (package.json `engines.node`, a
/// semver range; `.nvmrc` and `.node-version`, a version, a major line or an
/// LTS codename), and whether they include versions without `require()` of
/// ES modules: before 20.19, 21.x, and 22 before 22.12.
public enum NodeVersions {
    /// The versions lacking require(esm) by default.
    static let withoutRequireESM: [NpmVersionRange.Interval] = [((0, 0, 0), (20, 19, 0)), ((21, 0, 0), (22, 12, 0))]

    /// Whether a semver range admits a version without require(esm); nil when it cannot be read.
    public static func rangeAdmitsNodeWithoutRequireESM(_ range: String) -> Bool? {
        guard let intervals = NpmVersionRange.intervals(of: range) else { return nil }
        return NpmVersionRange.overlap(intervals, withoutRequireESM)
    }

    /// Whether the version an .nvmrc or .node-version names (nvm and fnm take
    /// the newest release of a partial version) lacks require(esm); nil when it is not a version.
    public static func fileNamesNodeWithoutRequireESM(_ content: String) -> Bool? {
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
    public static func versionLine(of content: String) -> String {
        let line = content.split(whereSeparator: \.isNewline).first.map { String($0) } ?? ""
        return String(line.unicodeScalars.filter { $0 != " " && $0 != "\t" })
    }
}
