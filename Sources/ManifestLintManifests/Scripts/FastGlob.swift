import ManifestLintFindings

/// Globs as fast-glob reads them (what prettier and eslint use): `*`, `?`,
/// `[...]` classes, `**` across directories, and `{a,b}` alternatives.
/// Dotfiles match; node_modules is never entered.
public enum FastGlob {
    static func hasMagic(_ pattern: String) -> Bool {
        pattern.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }
    }

    /// The most alternatives a pattern expands to: each brace group
    /// multiplies them, and twenty `{a,b}` make a million (found by the
    /// FuzzGlobs target).
    static let maximumExpansions = 1_024

    /// `lib/*.{ts,tsx}` gives `lib/*.ts` and `lib/*.tsx` (nested braces too);
    /// nil past `maximumExpansions`.
    public static func expandBraces(_ pattern: String) -> [String]? {
        var results: [String] = []
        var steps = maximumExpansions * 16
        return expand(pattern, after: "", into: &results, steps: &steps) ? results : nil
    }

    /// Appends `head` followed by each expansion of `pattern`; false when the expansions grow past the bounds.
    private static func expand(_ pattern: String, after head: String, into results: inout [String], steps: inout Int) -> Bool {
        steps -= 1
        guard steps >= 0, results.count < maximumExpansions else { return false }
        guard pattern.utf8.contains(UInt8(ascii: "{")) else {
            results.append(head + pattern)
            return true
        }
        let characters = Array(pattern)
        guard let open = characters.firstIndex(of: "{") else {
            results.append(head + pattern)
            return true
        }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for index in open..<characters.count {
            switch characters[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { close = index }
            case "," where depth == 1: commas.append(index)
            default: break
            }
            if close != nil { break }
        }
        guard let close, !commas.isEmpty else {
            // A brace without alternatives is literal.
            guard let close else {
                results.append(head + pattern)
                return true
            }
            return expand(String(characters[(close + 1)...]), after: head + String(characters[...close]), into: &results, steps: &steps)
        }
        let prefix = head + String(characters[..<open])
        let suffix = String(characters[(close + 1)...])
        let bounds = [open] + commas + [close]
        for index in 0..<(bounds.count - 1) {
            let alternative = String(characters[(bounds[index] + 1)..<bounds[index + 1]])
            guard expand(alternative + suffix, after: prefix, into: &results, steps: &steps) else { return false }
        }
        return true
    }

    /// Whether some file below `base` matches `pattern` (relative to it); nil
    /// when the pattern or the walk grew too large to tell.
    public static func matchesAnyFile(_ pattern: String, base: String, tree: some FileTree, limit: Int = 20_000) -> Bool? {
        var budget = limit
        guard let expansions = expandBraces(pattern) else { return nil }
        for expanded in expansions {
            var segments = expanded.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { String(Substring($0)) }
            var directory = base
            while let first = segments.first, first == "." || first == ".." || (!hasMagic(first) && segments.count > 1) {
                directory = Path.join(directory, first)
                segments.removeFirst()
            }
            guard !segments.isEmpty else { continue }
            switch search(segments[...], in: directory, tree: tree, budget: &budget) {
            case .some(true): return true
            case .none: return nil
            case .some(false): continue
            }
        }
        return false
    }

    private static func search(_ segments: ArraySlice<String>, in directory: String, tree: some FileTree, budget: inout Int) -> Bool? {
        guard let segment = segments.first else { return false }
        guard let entries = tree.list(directory) else { return false }
        budget -= entries.count
        guard budget > 0 else { return nil }
        let rest = segments.dropFirst()
        if segment == "**" {
            if let found = search(rest, in: directory, tree: tree, budget: &budget), found { return true }
            for entry in entries where entry.kind == .directory && entry.name != "node_modules" && entry.name != ".git" && !entry.isSymbolicLink {
                switch search(segments, in: Path.join(directory, entry.name), tree: tree, budget: &budget) {
                case .some(true): return true
                case .none: return nil
                case .some(false): continue
                }
            }
            return false
        }
        for entry in entries where matches(segment, entry.name) {
            if rest.isEmpty {
                if entry.kind == .file { return true }
                continue
            }
            guard entry.kind == .directory, entry.name != "node_modules" else { continue }
            switch search(rest, in: Path.join(directory, entry.name), tree: tree, budget: &budget) {
            case .some(true): return true
            case .none: return nil
            case .some(false): continue
            }
        }
        return false
    }

    /// One path component against one pattern segment: `*`, `?`, `[abc]`, `[!a-z]`.
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        // ASCII names and patterns (nearly all) are matched on their bytes, which are their scalars.
        let ascii = pattern.withBytes { pattern in
            name.withBytes { name -> Bool? in
                guard pattern.allSatisfy({ $0 < 0x80 }), name.allSatisfy({ $0 < 0x80 }) else { return nil }
                return match(pattern[...], name[...])
            }
        }
        if let ascii { return ascii }
        let patternScalars = pattern.unicodeScalars.map(\.value)
        let nameScalars = name.unicodeScalars.map(\.value)
        return patternScalars.withUnsafeBufferPointer { pattern in nameScalars.withUnsafeBufferPointer { match(pattern[...], $0[...]) } }
    }

    /// Matches Unicode scalar values (or, for ASCII, bytes), left to right,
    /// going back only to the last `*` seen: every other element takes exactly
    /// one character, so this is the leftmost-shortest match and costs at most
    /// pattern × text steps (trying every split at every `*` is exponential:
    /// the FuzzGlobs target found `***?****/?)n*` taking minutes).
    private static func match<Scalar: FixedWidthInteger>(_ pattern: Slice<UnsafeBufferPointer<Scalar>>,
                                                         _ text: Slice<UnsafeBufferPointer<Scalar>>) -> Bool {
        let star = Scalar(UInt8(ascii: "*"))
        var p = pattern.startIndex
        var t = text.startIndex
        var lastStar: Int?
        var resume = t
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == star {
                lastStar = p
                p += 1
                resume = t
            } else if p < pattern.endIndex, let next = matchOne(pattern, at: p, text[t]) {
                p = next
                t += 1
            } else if let lastStar {
                // The last `*` takes one more character.
                p = lastStar + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == star { p += 1 }
        return p == pattern.endIndex
    }

    /// Where the pattern continues when its element at `index` (not `*`)
    /// matches `character`: `?`, a `[...]` class (`!` or `^` negates, `a-z`
    /// ranges; an unclosed `[` is literal), `\x`, or a literal; nil when it does not.
    private static func matchOne<Scalar: FixedWidthInteger>(_ pattern: Slice<UnsafeBufferPointer<Scalar>>, at index: Int,
                                                            _ current: Scalar) -> Int? {
        func character(_ ascii: Unicode.Scalar) -> Scalar { Scalar(ascii.value) }
        let element = pattern[index]
        switch element {
        case character("?"):
            return index + 1
        case character("["):
            guard let close = pattern[(index + 1)...].firstIndex(of: character("]")) else {
                return current == element ? index + 1 : nil
            }
            var set = pattern[(index + 1)..<close]
            let negated = set.first == character("!") || set.first == character("^")
            if negated { set = set.dropFirst() }
            var found = false
            var member = set.startIndex
            while member < set.endIndex {
                if member + 2 < set.endIndex, set[member + 1] == character("-") {
                    if set[member] <= current && current <= set[member + 2] { found = true }
                    member += 3
                } else {
                    if set[member] == current { found = true }
                    member += 1
                }
            }
            return found != negated ? close + 1 : nil
        case character("\\"):
            guard index + 1 < pattern.endIndex else { return nil }
            return pattern[index + 1] == current ? index + 2 : nil
        default:
            return current == element ? index + 1 : nil
        }
    }
}
