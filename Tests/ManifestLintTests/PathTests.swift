import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The lexical path operations, which work on UTF-8 bytes.
struct PathTests {
    @Test func extensionsAreTheLastDotOfTheNameUnlessItStartsIt() {
        #expect(Path.pathExtension("src/index.test.ts") == ".ts")
        #expect(Path.pathExtension("/a/.eslintrc") == "")
        #expect(Path.pathExtension(".eslintrc.js") == ".js")
        #expect(Path.pathExtension("a.b/c") == "")
        #expect(Path.pathExtension("caf\u{E9}.mjs") == ".mjs")
        #expect(Path.removingExtension("a.b/c.d.ts") == "a.b/c.d")
        #expect(Path.removingExtension("a.b/c") == "a.b/c")
        #expect(Path.removingExtension("/x/.env") == "/x/.env")
    }

    @Test func parentAndBasename() {
        #expect(Path.parent("/a/b") == "/a")
        #expect(Path.parent("/a") == "/")
        #expect(Path.parent("a") == "")
        #expect(Path.parent("") == nil)
        #expect(Path.parent("/") == nil)
        #expect(Path.basename("/a/b\u{E9}.ts") == "b\u{E9}.ts")
        #expect(Path.basename("name") == "name")
    }

    @Test func insideMeansTheSameDirectoryOrBelowIt() {
        #expect(Path.relative("/a/b/c", inside: "/a/b") == "c")
        #expect(Path.relative("/a/b", inside: "/a/b") == "")
        #expect(Path.relative("/a/bc", inside: "/a/b") == nil)
        #expect(Path.relative("/a", inside: "/a/b") == nil)
        #expect(Path.relative("/a/b", inside: "/") == "a/b")
        #expect(Path.relative("a/b", inside: "") == "a/b")
        #expect(Path.relative("/a/b", inside: "") == nil)
        #expect(Path.isInside("/a/b/c", "/a/b"))
        #expect(!Path.isInside("/a/b2/c", "/a/b"))
    }

    @Test func joinNormalizesOnlyWhatNeedsIt() {
        #expect(Path.join("/a", "b/c.ts") == "/a/b/c.ts")
        #expect(Path.join("/a/", "b") == "/a/b")
        #expect(Path.join("/a/b", "../c/./d") == "/a/c/d")
        #expect(Path.join("/a", "/x//y") == "/x/y")
        #expect(Path.join("", "./x") == "x")
        #expect(Path.join("a", "../../x") == "../x")
        #expect(Path.join("/a", "..b/.c") == "/a/..b/.c")
        // A leading "./" is dropped on a normalized base; an unnormalized base is still normalized.
        #expect(Path.join("/a", "./b/c") == "/a/b/c")
        #expect(Path.join("a", "././b") == "a/b")
        #expect(Path.join("/", "./b") == "/b")
        #expect(Path.join("a/../c", "./b") == "c/b")
        #expect(Path.join("a/", "./b") == "a/b")
        #expect(Path.join("a", "./") == "a")
        #expect(Path.join("a", ".//b") == "a/b")
        #expect(Path.join("a", "./../b") == "b")
        #expect(Path.normalize("a/../..") == "..")
        #expect(Path.normalize("../a/../b") == "../b")
        #expect(Path.normalize("/../a") == "/a")
        #expect(Path.normalize("/a/b/../../..") == "/")
        #expect(Path.normalize("a/..") == "")
        #expect(Path.normalize("./") == "")
        #expect(Path.normalize("a/./b/") == "a/b")
        #expect(Path.normalize("/caf\u{E9}//./x/../y") == "/caf\u{E9}/y")
    }

    @Test func commonDirectoriesEndAtAComponent() {
        #expect(Path.commonDirectory("/a/b/c", "/a/bd") == "/a")
        #expect(Path.commonDirectory("/a/b", "/a/b") == "/a/b")
        #expect(Path.commonDirectory("/a/b", "/a/b/c") == "/a/b")
        #expect(Path.commonDirectory("/a", "/b") == "")
        #expect(Path.commonDirectory("src", "src/x") == "src")
        #expect(Path.commonDirectory("ab", "ac") == "")
        #expect(Path.commonDirectory("", "src") == "")
    }

    @Test func byteSearches() {
        #expect("${PROJECT}".containsBytes(of: "${"))
        #expect(!"$PROJECT".containsBytes(of: "${"))
        #expect("abc".containsBytes(of: ""))
        #expect(!"ab".containsBytes(of: "abc"))
        #expect("my-PuLuMi-thing".containsASCIICaseInsensitive("pulumi"))
        #expect("pulumi".containsASCIICaseInsensitive("pulumi"))
        #expect(!"pulum".containsASCIICaseInsensitive("pulumi"))
        #expect(!"typescript".containsASCIICaseInsensitive("pulumi"))
        #expect("xxabab".containsBytes(of: "abab"))
        #expect(Array("a\u{0}b".utf8).containsNUL)
        #expect(!Array("ab".utf8).containsNUL)
    }

    /// The byte comparisons agree with the standard library's on the ASCII affixes they are asked about.
    @Test(arguments: ["", "t", "test.", "test.ts", "a.test", "@pulumi/aws", "@pulumiverse/x", "Pulumi.dev.yaml", "é.test", "x.d.ts"])
    func byteAffixes(text: String) {
        for prefix in ["", "test.", "@pulumi/", "Pulumi.", "./"] {
            #expect(text.hasBytePrefix(prefix) == text.hasPrefix(prefix), "'\(text)' starts with '\(prefix)'")
        }
        #expect(text.hasBytePrefix("test.") == text.hasPrefix("test."))
        #expect(text.hasByteSuffix(".test") == text.hasSuffix(".test"))
        #expect(text.hasByteSuffix(".d.ts") == text.hasSuffix(".d.ts"))
        #expect(text.hasByteSuffix("") == text.hasSuffix(""))
        #expect(text.hasBytes(UnsafeBufferPointer(start: nil, count: 0)) == text.isEmpty)
        #expect(Array(text.utf8).withUnsafeBufferPointer { text.hasBytes($0) })
    }

    @Test func joinAndNormalize() {
        #expect(Path.join("/a/b", "../c/./d") == "/a/c/d")
        #expect(Path.join("", "x/../y") == "y")
        #expect(Path.join("a", "/abs") == "/abs")
        #expect(Path.parent("/a") == "/")
        #expect(Path.parent("a") == "")
        #expect(Path.parent("") == nil)
        #expect(Path.relative("/w/x/y", from: "/w/z") == "../x/y")
        #expect(Path.nameSameProgram("bin/tap.js", "bin/tap.mjs"))
        #expect(!Path.nameSameProgram("bin/tap.js", "lib/tap.mjs"))
        #expect(!Path.nameSameProgram("bin/tap.js", "bin/tap.js"))
    }

    /// An extension test on the bytes answers as the extension string does.
    @Test func hasExtensionAgreesWithPathExtension() {
        let extensions = [".ts", ".js", ".mjs"]
        for path in ["a.ts", "src/a.d.ts", "a", ".ts", "dir.ts/a", "a.TS", "é/ü.mjs", "a.", "/x/.js", "a.tsx", "b.js.map", ""] {
            #expect(Path.hasExtension(path, among: extensions) == extensions.contains(Path.pathExtension(path)), "\(path)")
        }
        #expect(Path.hasExtension("Makefile", among: [""]))
        #expect(ModuleExtensions.isModule("src/index.tsx") && !ModuleExtensions.isModule("src/index.json"))
    }

    /// ASCII paths are worked out on their bytes, others on their characters: both give these.
    @Test(arguments: [
        ("/w/x/y", "/w/z", "../x/y"), ("/w/x", "/w/x", "."), ("/w/x/y", "/w/x", "y"), ("/w", "/w/x/y", "../.."),
        ("/a/b", "/c", "/a/b"), ("/a", "/", "a"), ("a/b", "c", "../a/b"), ("a", "", "a"), ("a/b", "/a", "a/b"),
        ("/w/é/y", "/w/z", "../é/y"), ("/w/x", "/w/é", "../x"), ("/é/b", "/c", "/é/b"), ("/w/é", "/w/é", "."),
    ])
    func relativeFrom(path: String, base: String, expected: String) {
        #expect(Path.relative(path, from: base) == expected)
    }

    /// Script glob patterns (prettier, eslint) against one name: ASCII on
    /// the bytes, anything else on the scalars, with the same answers; a
    /// range written backwards matches nothing (it used to stop the process).
    @Test(arguments: [
        ("*.ts", "index.ts", true), ("*.ts", "index.js", false), ("?.ts", "a.ts", true), ("?.ts", "ab.ts", false),
        ("[abc].ts", "b.ts", true), ("[a-c].ts", "d.ts", false), ("[!a].ts", "a.ts", false), ("[^a].ts", "b.ts", true),
        ("\\*.ts", "*.ts", true), ("\\*.ts", "a.ts", false), ("[ab", "[ab", true), ("*", "", true), ("", "", true),
        ("*.tś", "índex.tś", true), ("?ndex.ts", "índex.ts", true), ("[í]*", "índex", true), ("[a-z]*", "índex", false),
        ("*.ts", "índex.js", false), ("[z-a].ts", "m.ts", false), ("[ó-í]x", "éx", false),
    ])
    func scriptGlobsMatchNames(pattern: String, name: String, expected: Bool) {
        #expect(FastGlob.matches(pattern, name) == expected)
    }

    @Test func globsMatchLikeTsconfig() {
        #expect(Glob.matches("/p/src/**/*", "/p/src/a/b.ts"))
        #expect(Glob.matches("/p/src/**/*", "/p/src/b.ts"))
        #expect(Glob.matches("/p/*.ts", "/p/index.ts"))
        #expect(!Glob.matches("/p/*.ts", "/p/src/index.ts"))
        #expect(Glob.matches("/p/src/**/*.test.ts", "/p/src/x/a.test.ts"))
    }
}
