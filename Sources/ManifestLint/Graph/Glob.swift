/// tsconfig-style globs over `/`-separated paths: `**` spans any number of
/// directories, `*` and `?` stay within one path component. Compiled once
/// into byte segments, since tsc's include and exclude are matched against
/// every file of a project.
struct Glob: Sendable {
    private let absolute: Bool
    private let segments: [[UInt8]]
    /// The leading components without wildcards, as a path prefix: a path
    /// that does not start with it cannot match (most do not).
    private let literalPrefix: [UInt8]

    init(_ pattern: String) {
        let bytes = Array(pattern.utf8)
        absolute = bytes.first == UInt8(ascii: "/")
        segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Array.init)
        // Up to the last "/" before the first wildcard (the pattern is normalized: no "//").
        let wildcard = bytes.firstIndex { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } ?? bytes.count
        let slash = bytes[..<wildcard].lastIndex(of: UInt8(ascii: "/"))
        literalPrefix = slash.map { Array(bytes[...$0]) } ?? []
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        Glob(pattern).matches(path)
    }

    func matches(_ path: String) -> Bool {
        guard path.hasPrefix("/") == absolute, path.utf8.starts(with: literalPrefix) else { return false }
        let bytes = Array(path.utf8)
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        return match(segments[...], parts[...])
    }

    private static let globstar: [UInt8] = Array("**".utf8)

    private func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<ArraySlice<UInt8>>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == Self.globstar {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let component = path.first, Self.matchComponent(first[...], component) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` within one component, iteratively (backtracking to the last `*`).
    private static func matchComponent(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        if !pattern.contains(UInt8(ascii: "*")) && !pattern.contains(UInt8(ascii: "?")) { return pattern.elementsEqual(text) }
        var p = pattern.startIndex
        var t = text.startIndex
        var star: Int?
        var resume = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") {
                star = p
                p += 1
                resume = t
            } else if let starAt = star {
                p = starAt + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
