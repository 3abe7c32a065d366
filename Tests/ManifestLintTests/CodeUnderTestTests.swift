import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The readings behind incomplete-pulumi-mock: which tokens are TypeScript
/// types, which functions a test runs.
struct CodeUnderTestTests {
    static func module(_ text: String, path: String = "m.ts") -> JSModule {
        JSModule(file: SourceFile(path: path, bytes: Array(text.utf8)))
    }

    /// The identifiers of a module that stand in type positions.
    static func typeNames(_ text: String) -> [String] {
        let module = module(text)
        let types = TypePositions.of(module)
        return module.tokens.indices.filter { types[$0] && module.tokens[$0].kind == .identifier }.map { module.text($0) }
    }

    @Test func typePositionsAreTheErasedOnes() {
        #expect(Self.typeNames("let a: A = b as B; f<C>(x satisfies D);") == ["A", "B", "C", "D"])
        #expect(Self.typeNames("function f<T extends U>(p: P, { q }: Q, ...r: R[]): S { return g ? h : i; }") == ["T", "extends", "U", "P", "Q", "R", "S"])
        #expect(Self.typeNames("class K implements I, J { x?: X; y!: Y = z; m(n: N) {} }") == ["I", "J", "X", "Y", "N"])
        #expect(Self.typeNames("interface I { a: A }\ntype T = { b: B } | C<D>;\nexport type { E };\ndeclare const v: V;") == ["interface", "I", "a", "A", "type", "T", "b", "B", "C", "D", "export", "type", "E", "declare", "const", "v", "V"])
        // Code, not types: object literal values, ternaries, comparisons, renaming imports.
        #expect(Self.typeNames("const o = { a: b, c: d ? e : f }; if (x < y && z > w) {}\nimport { p as q } from 'm';") == [])
        #expect(Self.typeNames("const o = { a: b };").isEmpty && TypePositions.of(Self.module("let a: A;", path: "m.js"))[3] == false)
    }

    /// Random token soups: the readings never trap or hang, whatever the input.
    @Test func anyTokensAreReadWithoutTrapping() {
        let pieces = ["(", ")", "{", "}", "[", "]", "<", ">", ">>", ":", "?", "!", ",", ";", "=", "=>", ".", "...", "|", "&",
                      "class", "function", "extends", "implements", "interface", "type", "declare", "as", "satisfies", "new",
                      "this", "super", "import", "export", "from", "const", "get", "async", "x", "y", "'s'", "`t${", "}`", "1", "\n"]
        var generator = SplitMix(seed: 18)
        for _ in 0..<3_000 {
            let text = (0..<generator.next(below: 40)).map { _ in pieces[generator.next(below: pieces.count)] }.joined(separator: " ")
            let module = Self.module(text)
            let types = TypePositions.of(module)
            let regions = CodeRegions(module, types: types)
            #expect(regions.regionOfToken.count == module.tokens.count)
            for region in regions.regions { #expect(region.tokens.lowerBound <= region.tokens.upperBound) }
        }
    }
}
