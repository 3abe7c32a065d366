import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// A fix changes its edited range and not one byte more, whatever the
/// file's formatting.
struct FixFormattingTests {
    static let seedPackage = """
        {
          "name": "tap",
          "version": "0.1.0",
          "bin": {
            "tap": "bin/tap.js"
          },
          "scripts": {
            "test": "jest --coverage"
          },
          "dependencies": {
            "@pulumi/pulumi": "^3.130.0"
          }
        }

        """

    /// Fixes a tree and returns the new text of one file.
    static func fixed(_ files: [String: String], unsafe: Bool = false, file: String) -> String? {
        let outcome = Fixer(unsafe: unsafe).fix(paths: [""], in: VirtualFileTree(files))
        return outcome.files.first { $0.path == file }.map { String(decoding: $0.updated, as: UTF8.self) }
    }

    static func replacingOnce(_ text: String, _ old: String, _ new: String) -> String? {
        guard let range = text.range(of: old), text.range(of: old, range: range.upperBound..<text.endIndex) == nil else { return nil }
        return text.replacingCharacters(in: range, with: new)
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let packageVariants: [Variant] = [
        Variant(name: "CRLF", text: seedPackage.replacingAll("\n", with: "\r\n")),
        Variant(name: "byte-order mark", text: "\u{FEFF}" + seedPackage),
        Variant(name: "tab-indented", text: seedPackage.replacingAll("  ", with: "\t")),
        Variant(name: "minified", text: #"{"name":"tap","version":"0.1.0","bin":{"tap":"bin/tap.js"},"scripts":{"test":"jest --coverage"}}"#),
        Variant(name: "no final newline", text: String(seedPackage.dropLast())),
    ]

    @Test(arguments: packageVariants)
    func seedPackageJSON(_ variant: Variant) throws {
        let files = ["Pulumi.yaml": "name: TapStack\nruntime:\n  name: nodejs\nmain: bin/tap.mjs\n",
                     "package.json": variant.text, "bin/tap.mjs": ""]
        let result = try #require(Self.fixed(files, file: "package.json"))
        let expected = try #require(Self.replacingOnce(variant.text, "\"bin/tap.js\"", "\"bin/tap.mjs\""))
        #expect(Array(result.utf8) == Array(expected.utf8))
    }

    static let mainVariants: [Variant] = [
        Variant(name: "plain", text: "name: demo\nruntime: nodejs\nmain: Bin/Tap.mjs\n"),
        Variant(name: "single-quoted", text: "name: demo\nruntime: nodejs\nmain: 'Bin/Tap.mjs'\n"),
        Variant(name: "double-quoted with escapes", text: "name: demo\nruntime: nodejs\nmain: \"Bin/T\\x61p.mjs\"\n"),
        Variant(name: "comment on the line", text: "name: demo\nruntime: nodejs\nmain: Bin/Tap.mjs   # the entry\ndescription: x\n"),
        Variant(name: "flow mapping", text: "{name: demo, runtime: nodejs, main: Bin/Tap.mjs, description: x}\n"),
        Variant(name: "CRLF", text: "name: demo\r\nruntime: nodejs\r\nmain: Bin/Tap.mjs\r\n# end\r\n"),
    ]

    /// path-case-mismatch (safe) rewrites main in the value's own style.
    @Test(arguments: mainVariants)
    func pulumiYAMLMain(_ variant: Variant) throws {
        let files = ["Pulumi.yaml": variant.text, "bin/tap.mjs": ""]
        let result = try #require(Self.fixed(files, file: "Pulumi.yaml"))
        let written: (old: String, new: String)
        switch variant.name {
        case "single-quoted": written = ("'Bin/Tap.mjs'", "'bin/tap.mjs'")
        case "double-quoted with escapes": written = ("\"Bin/T\\x61p.mjs\"", "\"bin/tap.mjs\"")
        default: written = ("Bin/Tap.mjs", "bin/tap.mjs")
        }
        let expected = try #require(Self.replacingOnce(variant.text, written.old, written.new))
        #expect(Array(result.utf8) == Array(expected.utf8))
    }

    /// main-missing (unsafe) too, on the same variants.
    @Test(arguments: mainVariants)
    func pulumiYAMLMainMissing(_ variant: Variant) throws {
        let text = variant.text.replacingAll("Bin/Tap.mjs", with: "bin/tap.js").replacingAll("T\\x61p.mjs", with: "tap.js")
            .replacingAll("\"Bin/tap.js\"", with: "\"bin/tap.js\"")
        let files = ["Pulumi.yaml": text, "bin/tap.mjs": ""]
        #expect(Self.fixed(files, unsafe: false, file: "Pulumi.yaml") == nil, "an unsafe fix applied without --unsafe-fixes")
        let result = try #require(Self.fixed(files, unsafe: true, file: "Pulumi.yaml"))
        let expected = try #require(Self.replacingOnce(text, "tap.js", "tap.mjs"))
        #expect(Array(result.utf8) == Array(expected.utf8))
    }

    @Test func aPlainValueThatNeedsQuotesGetsThem() {
        #expect(ScalarWriter.isSafePlainYAML("bin/tap.mjs"))
        #expect(!ScalarWriter.isSafePlainYAML("true"))
        #expect(!ScalarWriter.isSafePlainYAML("a: b"))
        #expect(!ScalarWriter.isSafePlainYAML("#x"))
        #expect(!ScalarWriter.isSafePlainYAML("x,y"))
        for safe in ["a:b", "a#b", "é/ü", "tap-stack:dbPassword", "x y"] { #expect(ScalarWriter.isSafePlainYAML(safe), "\(safe)") }
        for unsafe in ["", " x", "x ", "a:", "a #b", "a\tb", "{x}", "[", "12", "null", "-x", "@x"] {
            #expect(!ScalarWriter.isSafePlainYAML(unsafe), "\(unsafe)")
        }
        #expect(ScalarWriter.doubleQuotedYAML("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
    }

    @Test func theUnifiedDiffShowsRenamesAndMissingNewlines() {
        let file = Fixer.ChangedFile(path: "Pulumi.dev.yml", originalPath: "Pulumi.dev.yaml",
                                     original: Array("a\nb".utf8), updated: Array("a\nc".utf8))
        let diff = UnifiedDiff.render(file) { $0 }
        #expect(diff == """
            diff --git a/Pulumi.dev.yaml b/Pulumi.dev.yml
            rename from Pulumi.dev.yaml
            rename to Pulumi.dev.yml
            --- a/Pulumi.dev.yaml
            +++ b/Pulumi.dev.yml
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +c
            \\ No newline at end of file

            """)
    }
}
