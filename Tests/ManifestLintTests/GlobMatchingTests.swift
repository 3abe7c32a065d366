import Testing
@testable import ManifestLintCore
@testable import ManifestLintManifests

/// The glob matchers against plain recursive references that try every
/// split (exponential, so on small inputs only), and on the inputs that made
/// them exponential: found by the FuzzGlobs target.
struct GlobMatchingTests {
    /// One component: `*`, `?`, `[...]` (`!`/`^`, ranges; unclosed is literal), `\x`, literals.
    static func referenceComponent(_ pattern: [Character], _ text: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = Array(pattern.dropFirst())
        switch first {
        case "*": return (0...text.count).contains { referenceComponent(rest, Array(text.dropFirst($0))) }
        case "?": return !text.isEmpty && referenceComponent(rest, Array(text.dropFirst()))
        case "[":
            guard let current = text.first, let close = rest.firstIndex(of: "]") else {
                return text.first == "[" && referenceComponent(rest, Array(text.dropFirst()))
            }
            var set = Array(rest[..<close])
            let negated = set.first == "!" || set.first == "^"
            if negated { set.removeFirst() }
            var found = false
            var index = 0
            while index < set.count {
                if index + 2 < set.count, set[index + 1] == "-" {
                    if set[index] <= current && current <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if set[index] == current { found = true }
                    index += 1
                }
            }
            return found != negated && referenceComponent(Array(rest[(close + 1)...]), Array(text.dropFirst()))
        case "\\":
            guard let literal = rest.first else { return false }
            return text.first == literal && referenceComponent(Array(rest.dropFirst()), Array(text.dropFirst()))
        default:
            return text.first == first && referenceComponent(rest, Array(text.dropFirst()))
        }
    }

    @Test func fastGlobComponentsMatchAsTheReferenceDoes() {
        var random = SplitMix(seed: 70)
        let patternAlphabet: [Character] = ["a", "b", "*", "*", "?", "[", "]", "!", "-", "\\", "é"]
        let textAlphabet: [Character] = ["a", "b", "[", "]", "-", "\\", "!", "é"]
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let pattern = (0..<random.next(below: 8)).map { _ in random.pick(patternAlphabet) }
            let text = (0..<random.next(below: 7)).map { _ in random.pick(textAlphabet) }
            let expected = Self.referenceComponent(pattern, text)
            if FastGlob.matches(String(pattern), String(text)) != expected {
                disagreements.append("'\(String(pattern))' ~ '\(String(text))': expected \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(10))")
    }

    /// The FuzzGlobs input that ran for minutes, and the classic worst cases: each answers at once.
    @Test func manyStarsDoNotBacktrackExponentially() {
        #expect(!FastGlob.matches("***?****/?)n*", "z(./*ib*/GGGGGGGGG+\u{0}*\u{CC}*"))
        #expect(!FastGlob.matches(String(repeating: "*a", count: 30) + "b", String(repeating: "a", count: 60)))
        #expect(FastGlob.matches(String(repeating: "*a", count: 30), String(repeating: "a", count: 60)))
        #expect(!Glob.matches(String(repeating: "**/*a/", count: 12) + "b", String(repeating: "aa/", count: 40) + "c"))
        #expect(Glob.matches(String(repeating: "**/*a/", count: 12) + "c", String(repeating: "aa/", count: 40) + "c"))
    }

    @Test func bracesExpandAsFastGlobDoesUpToABound() throws {
        #expect(FastGlob.expandBraces("lib/*.{ts,tsx}") == ["lib/*.ts", "lib/*.tsx"])
        #expect(FastGlob.expandBraces("{a,{b,c}}/x") == ["a/x", "b/x", "c/x"])
        #expect(FastGlob.expandBraces("{a}/{b,c}") == ["{a}/b", "{a}/c"])
        #expect(FastGlob.expandBraces("x{a,b") == ["x{a,b"])
        #expect(FastGlob.expandBraces(String(repeating: "{a,b}", count: 10))?.count == 1_024)
        // Twenty groups are a million alternatives: refused at once (the FuzzGlobs input had about forty).
        #expect(FastGlob.expandBraces(String(repeating: "{a,/a}", count: 20)) == nil)
        let tree = VirtualFileTree(["src/a.ts": ""])
        #expect(FastGlob.matchesAnyFile(String(repeating: "{a,b}", count: 20) + "/*.ts", base: "", tree: tree) == nil,
                "too many alternatives to tell: no verdict, so no finding")
        #expect(FastGlob.matchesAnyFile("{src,lib}/*.{ts,js}", base: "", tree: tree) == true)
    }

    /// tsconfig globs with several `**` (remembering failures) against trying every split.
    @Test func globsWithSeveralGlobstarsMatchAsTheReferenceDoes() {
        func reference(_ segments: [String], _ parts: [String]) -> Bool {
            guard let first = segments.first else { return parts.isEmpty }
            let rest = Array(segments.dropFirst())
            if first == "**" { return (0...parts.count).contains { reference(rest, Array(parts.dropFirst($0))) } }
            guard let part = parts.first else { return false }
            return Glob.matches(first, part) && reference(rest, Array(parts.dropFirst()))
        }
        var random = SplitMix(seed: 71)
        var disagreements: [String] = []
        for _ in 0..<5_000 {
            // A leading literal directory is matched as a prefix of the path (a shortcut the reference leaves out).
            let segments = [random.pick(["**", "*", "a*", "?"])]
                + (0..<random.next(below: 5)).map { _ in random.pick(["**", "**", "*", "a", "b", "a*", "?"]) }
            let parts = (0..<random.next(below: 6)).map { _ in random.pick(["a", "b", "ab", "ba"]) }
            let pattern = segments.joined(separator: "/"), path = parts.joined(separator: "/")
            if Glob.matches(pattern, path) != reference(segments, parts) {
                disagreements.append("\(pattern) ~ \(path)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(10))")
    }
}
