import ManifestLintFindings

/// Globs as fast-glob reads them (what prettier and eslint use): `*`, `?`,
/// `[...]` classes, `**` across directories, and `{a,b}` alternatives.
/// Dotfiles match; node_modules is never entered.
public enum FastGlob {
    static func hasMagic(_ pattern: String) -> Bool {
        pattern.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }
    }

    /// `lib/*.{ts,tsx}` gives `lib/*.ts` and `lib/*.tsx` (nested braces too).
    public static func expandBraces(_ pattern: String) -> [String] {
        guard pattern.utf8.contains(UInt8(ascii: "{")) else { return [pattern] }
        let characters = Array(pattern)
        guard let open = characters.firstIndex(of: "{") else { return [pattern] }
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
            guard let close else { return [pattern] }
            let head = String(characters[...close])
            return expandBraces(String(characters[(close + 1)...])).map { head + $0 }
        }
        let prefix = String(characters[..<open])
        let suffix = String(characters[(close + 1)...])
        let bounds = [open] + commas + [close]
        var results: [String] = []
        for index in 0..<(bounds.count - 1) {
            let alternative = String(characters[(bounds[index] + 1)..<bounds[index + 1]])
            results.append(contentsOf: expandBraces(prefix + alternative + suffix))
        }
        return results
    }

    /// Whether some file below `base` matches `pattern` (relative to it); nil
    /// when the walk grew too large to tell.
    public static func matchesAnyFile(_ pattern: String, base: String, tree: some FileTree, limit: Int = 20_000) -> Bool? {
        var budget = limit
        for expanded in expandBraces(pattern) {
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

    /// Matches Unicode scalar values (or, for ASCII, bytes).
    private static func match<Scalar: FixedWidthInteger>(_ pattern: Slice<UnsafeBufferPointer<Scalar>>,
                                                         _ text: Slice<UnsafeBufferPointer<Scalar>>) -> Bool {
        func character(_ ascii: Unicode.Scalar) -> Scalar { Scalar(ascii.value) }
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case character("*"):
            var remaining = text
            while true {
                if match(pattern.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case character("?"):
            return !text.isEmpty && match(pattern.dropFirst(), text.dropFirst())
        case character("["):
            guard let current = text.first, let close = pattern.dropFirst().firstIndex(of: character("]")) else {
                return text.first == character("[") && match(pattern.dropFirst(), text.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == character("!") || set.first == character("^")
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == character("-") {
                    if set[index] <= current && current <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if set[index] == current { found = true }
                    index += 1
                }
            }
            return found != negated && match(pattern[(close + 1)...], text.dropFirst())
        case character("\\"):
            let escaped = pattern.dropFirst()
            guard let literal = escaped.first else { return false }
            return text.first == literal && match(escaped.dropFirst(), text.dropFirst())
        default:
            return text.first == first && match(pattern.dropFirst(), text.dropFirst())
        }
    }
}
