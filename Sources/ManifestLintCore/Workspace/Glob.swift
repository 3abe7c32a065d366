/// tsconfig-style globs over `/`-separated paths: `**` spans any number of
/// directories, `*` and `?` stay within one path component. Compiled once
/// into byte segments, since tsc's include and exclude are matched against
/// every file of a project.
public struct Glob: Sendable {
    private let pattern: [UInt8]
    private let absolute: Bool
    /// How many leading bytes are components without wildcards, up to a
    /// "/": a path that does not start with them cannot match (most do not).
    private let literalPrefixLength: Int
    /// The components after the literal prefix, as ranges of `pattern`.
    private let segments: [Range<Int>]
    /// Two `**` or more: trying every split at each is exponential, so the
    /// match remembers what failed (see `match`).
    private let hasSeveralGlobstars: Bool

    public init(_ pattern: String) {
        let bytes = Array(pattern.utf8)
        self.pattern = bytes
        absolute = bytes.first == UInt8(ascii: "/")
        // Up to the last "/" before the first wildcard (the pattern is normalized: no "//").
        let wildcard = bytes.firstIndex { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } ?? bytes.count
        literalPrefixLength = bytes[..<wildcard].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        segments = Self.components(of: bytes[...], from: literalPrefixLength)
        hasSeveralGlobstars = segments.count { $0.count == 2 && bytes[$0.lowerBound] == UInt8(ascii: "*")
            && bytes[$0.lowerBound + 1] == UInt8(ascii: "*") } > 1
    }

    /// The ranges of the non-empty `/`-separated components of `bytes` from `start`.
    private static func components(of bytes: some RandomAccessCollection<UInt8>, from start: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var componentStart = start
        var index = start
        while index <= bytes.count {
            if index == bytes.count || bytes[bytes.index(bytes.startIndex, offsetBy: index)] == UInt8(ascii: "/") {
                if index > componentStart { result.append(componentStart..<index) }
                componentStart = index + 1
            }
            index += 1
        }
        return result
    }

    public static func matches(_ pattern: String, _ path: String) -> Bool {
        Glob(pattern).matches(path)
    }

    public func matches(_ path: String) -> Bool {
        path.withBytes { bytes in
            guard (bytes.first == UInt8(ascii: "/")) == absolute, bytes.count >= literalPrefixLength,
                  bytes[..<literalPrefixLength].elementsEqual(pattern[..<literalPrefixLength]) else { return false }
            let parts = Self.components(of: bytes, from: literalPrefixLength)
            guard hasSeveralGlobstars else { return match(0, bytes, parts, 0, failed: nil) }
            return withUnsafeTemporaryAllocation(of: Bool.self, capacity: (segments.count + 1) * (parts.count + 1)) { failed in
                failed.initialize(repeating: false)
                return match(0, bytes, parts, 0, failed: failed)
            }
        }
    }

    private func isGlobstar(_ segment: Range<Int>) -> Bool {
        segment.count == 2 && pattern[segment.lowerBound] == UInt8(ascii: "*") && pattern[segment.lowerBound + 1] == UInt8(ascii: "*")
    }

    /// Whether the pattern's segments from `segment` match the path's
    /// components from `part`. With `failed` (a table of segment × part), a
    /// pair found not to match is not tried again: polynomial however many `**`.
    private func match(_ segment: Int, _ path: UnsafeBufferPointer<UInt8>, _ parts: [Range<Int>], _ part: Int,
                       failed: UnsafeMutableBufferPointer<Bool>?) -> Bool {
        guard segment < segments.count else { return part == parts.count }
        let key = segment * (parts.count + 1) + part
        if let failed, failed[key] { return false }
        let matched: Bool
        if isGlobstar(segments[segment]) {
            matched = (part...parts.count).contains { match(segment + 1, path, parts, $0, failed: failed) }
        } else {
            matched = part < parts.count && Self.matchComponent(pattern[segments[segment]], path[parts[part]])
                && match(segment + 1, path, parts, part + 1, failed: failed)
        }
        if !matched { failed?[key] = true }
        return matched
    }

    /// `*` and `?` within one component, iteratively (backtracking to the last `*`).
    private static func matchComponent(_ pattern: ArraySlice<UInt8>, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
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
