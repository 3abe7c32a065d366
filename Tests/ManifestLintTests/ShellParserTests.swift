import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

struct ShellParserTests {
    /// A script whose offsets are its own byte offsets.
    static func parse(_ script: String) -> ShellScript {
        ShellParser.parse(SourceText(bytes: Array(script.utf8)))
    }

    static func words(_ script: String) -> [[String]] {
        parse(script).commands.map { $0.assignments.map(\.text) + $0.words.map(\.text) }
    }

    @Test func quotingAndEscapes() {
        #expect(Self.words(#"prettier --write 'lib/*.{ts,tsx}' "a b" c\ d"#) == [["prettier", "--write", "lib/*.{ts,tsx}", "a b", "c d"]])
        #expect(Self.words(#"echo "say \"hi\" \$HOME \\ \n" 'it''s'"#) == [["echo", #"say "hi" $HOME \ \n"#, "its"]])
        #expect(Self.words("jest --testPathPattern=\\.unit\\.test\\.mjs$") == [["jest", "--testPathPattern=.unit.test.mjs$"]])
    }

    @Test func operatorsSubshellsAndGroups() {
        #expect(Self.words("a && b || c; d | e & f") == [["a"], ["b"], ["c"], ["d"], ["e"], ["f"]])
        #expect(Self.words("(cd x && y) && z") == [["cd", "x"], ["y"], ["z"]])
        #expect(Self.words("{ a; b; } > log 2>&1") == [["a"], ["b"]])
        #expect(Self.words("a>out.txt b <in c") == [["a", "b", "c"]])
    }

    @Test func directoriesFollowCdButNotOutOfSubshells() {
        let commands = Self.parse("cd lib && node a.js; (cd ../x && node b.js) && node c.js && cd $DIR && node d.js").commands
        #expect(commands.map(\.directory) == ["", "lib", "lib", "x", "lib", "lib", nil])
    }

    @Test func environmentPrefixesAndExpansions() throws {
        let command = try #require(Self.parse("NODE_ENV=test FOO=\"a b\" jest --env=${ENV:-dev} $(npm bin)/x").commands.last)
        #expect(command.assignments.map(\.text) == ["NODE_ENV=test", "FOO=a b"])
        #expect(command.words.map(\.text) == ["jest", "--env=${ENV:-dev}", "$(npm bin)/x"])
        #expect(command.words.map(\.isDynamic) == [false, true, true])
        // The command substitution is parsed too.
        #expect(Self.words("echo $(npm bin)").first == ["npm", "bin"])
    }

    @Test func nestedShellStringsAreParsedWithTheirPositions() throws {
        let script = #"bash -c 'cd app && sh -c "node  server.js"'"#
        let commands = Self.parse(script).commands
        #expect(commands.map { $0.words.map(\.text) } == [["bash", "-c", #"cd app && sh -c "node  server.js""#], ["cd", "app"],
                                                           ["sh", "-c", "node  server.js"], ["node", "server.js"]])
        let server = try #require(commands.last?.words.last)
        let start = script.utf8.distance(from: script.utf8.startIndex, to: try #require(script.range(of: "server.js")).lowerBound)
        #expect(server.span == Span(start, start + 9))
        #expect(commands.last?.directory == "app")
    }

    @Test func positionsCountJSONEscapes() throws {
        let json = #"{"scripts": {"x": "echo \"\u00e9\" && node \tbin/t\u0061p.js"}}"#
        let file = SourceFile(path: "package.json", text: json)
        let node = try #require(JSONLoader.load(file).root?["scripts"]?["x"])
        let text = try #require(SourceText.jsonString(in: file, span: node.span))
        let commands = ShellParser.parse(text).commands
        let word = try #require(commands.last?.words.last)
        #expect(word.text == "bin/tap.js")
        #expect(file.text(word.span) == #"bin/t\u0061p.js"#)
        #expect(file.position(of: word.span.start) == LineColumn(line: 1, column: json.distance(from: json.startIndex, to: try #require(json.range(of: "bin/t")).lowerBound) + 1))
    }

    @Test(arguments: [
        ("echo 'open", "unterminated single quote"),
        ("a && (b", "missing `)`"),
        ("a )", "unexpected `)`"),
        ("echo \"x", "unterminated double quote"),
        ("cat <<EOF", "here-documents are not supported"),
        ("&& a", "unexpected `&&`"),
    ])
    func errorsHaveAPosition(_ script: String, _ message: String) {
        let parsed = Self.parse(script)
        #expect(parsed.error?.message == message)
    }

    // MARK: Against /bin/sh

    /// Splits each command the way /bin/sh does, by running `printf '%s\0'` over its source.
    /// Found by the FuzzShell target: invalid UTF-8 in a `bash -c` script made
    /// a word's text (a Swift string, repaired) longer than its origins, and
    /// slicing them for a `$(...)` inside trapped. Every position stays in the script.
    @Test(arguments: [
        [0x62, 0x61, 0x73, 0x68, 0x20, 0x2D, 0xF6, 0x2C, 0x63, 0x20, 0x27, 0x6E, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xA2,
         0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0xB2, 0x88, 0x88, 0x88, 0x88, 0x88, 0xB2, 0xB2, 0xB2, 0xB2, 0x4E, 0x4D, 0xB2, 0x20, 0x35,
         0x26, 0x26, 0x20, 0x6E, 0x6F, 0x64, 0x70, 0x72, 0x60, 0x65, 0x74, 0x74, 0x69, 0x65, 0x20, 0x35, 0x26, 0x26, 0x20, 0x6E, 0x6F,
         0x64, 0x70, 0x72, 0x60, 0x65, 0x74, 0x74, 0x69, 0x65, 0x72, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x20, 0x2D, 0x6D, 0x77, 0x72,
         0x69, 0x74, 0x65, 0x20, 0x27, 0x62, 0x6C, 0x2F, 0x69, 0x2A, 0x2E, 0xB2, 0x6D, 0x6A] as [UInt8],
        Array("sh -c 'a".utf8) + [0xB2, 0xB2, 0xE2, 0x82] + Array(" $(tsc -p x)'".utf8),
    ])
    func invalidUTF8KeepsEveryPositionInTheScript(_ bytes: [UInt8]) {
        let script = ShellParser.parse(SourceText(bytes: bytes))
        if let error = script.error { #expect(error.offset >= 0 && error.offset <= bytes.count) }
        for word in script.commands.flatMap(\.words) {
            #expect(word.span.start >= 0 && word.span.start <= word.span.end && word.span.end <= bytes.count, "\(word.text)")
        }
    }

    @Test func aWordAfterInvalidUTF8StillPointsAtItsSource() throws {
        let bytes = Array("sh -c 'a".utf8) + [0xB2, 0xB2, 0xE2, 0x82] + Array(" $(tsc -p x)'".utf8)
        let tsc = try #require(ShellParser.parse(SourceText(bytes: bytes)).commands.first { $0.words.first?.text == "tsc" })
        let word = try #require(tsc.words.last)
        #expect(word.text == "x")
        #expect(Array(bytes[word.span.start..<word.span.end]) == Array("x".utf8))
    }

    /// Found by the FuzzShell target: ten thousand `(` overflowed the stack
    /// (a call per level). Groups are followed 100 deep; past that the script
    /// is not checked, and says so as a limit, not as a syntax error.
    @Test func deeplyNestedGroupsStopAtALimit() throws {
        for (open, close) in [("(", ")"), ("{ ", "; }")] {
            let shallow = String(repeating: open, count: 99) + "tsc" + String(repeating: close, count: 99)
            let parsed = ShellParser.parse(SourceText(bytes: Array(shallow.utf8)))
            #expect(parsed.error == nil && parsed.commands.map { $0.words.first?.text } == ["tsc"], "\(open) 99 deep")
            for depth in [101, 10_000] {
                let deep = String(repeating: open, count: depth) + "tsc" + String(repeating: close, count: depth)
                let error = try #require(ShellParser.parse(SourceText(bytes: Array(deep.utf8))).error)
                #expect(error.isLimit && error.message == "groups nested more than 100 deep", "\(open) \(depth) deep")
            }
        }
        let unbalanced = ShellParser.parse(SourceText(bytes: Array(">&+1".utf8) + Array(repeating: UInt8(ascii: "("), count: 16_000)))
        #expect(unbalanced.error?.isLimit == true)
    }

    @Test func aScriptPastTheLimitIsAWarningNotASyntaxError() {
        let script = String(repeating: "(", count: 200) + "tsc" + String(repeating: ")", count: 200)
        let tree = VirtualFileTree([
            "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "index.js": "",
            "package.json": #"{"dependencies": {"@pulumi/pulumi": "^3"}, "scripts": {"build": "\#(script)"}}"#,
        ])
        let found = Linter().check(paths: [""], in: tree).diagnostics.filter { $0.ruleID == "script-syntax" }
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "the script 'build' has groups nested more than 100 deep; manifest-lint does not check it past here")
    }

    static func shellWords(_ source: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s\\0' " + source]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    static let scratch: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-lint-sh-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let realWorld: [String] = [
        "tsc --skipLibCheck", "jest --coverage", #"jest --coverage --testPathPattern=\.unit\.test\.mjs$"#,
        "prettier --write 'lib/*.{ts,tsx}' 'bin/*.{ts,tsx}'", "eslint .", "pulumi up --cwd lib --stack dev --yes",
        "./scripts/localstack-start.sh", "NODE_ENV=production node dist/index.js", "cross-env NODE_ENV=test jest --runInBand",
        "rimraf dist && tsc -p tsconfig.build.json", "npm run build && npm run test", "ts-node -r tsconfig-paths/register src/index.ts",
        "node --loader ts-node/esm ./bin/tap.mjs", "eslint 'src/**/*.ts' --max-warnings=0", "prettier --check \"**/*.{js,json,md}\"",
        "mocha --config .mocharc.json 'test/**/*.spec.js'", "tsx watch src/server.ts", "npx prisma generate",
        "dotenv -e .env.test -- jest", "bash -c 'echo hi && exit 0'", "sh -c \"cd infra && pulumi preview\"",
        "concurrently \"npm:watch-*\"", "echo 'done' > build.log 2>&1", "cp -r assets dist/assets && touch dist/.ready",
        "pulumi stack select dev && pulumi config set aws:region us-west-2", "node -e \"console.log('x')\"",
        "jest --config '{\"testMatch\": [\"**/*.test.js\"]}'", "git diff --quiet || (echo dirty && exit 1)",
        "vitest run --reporter=verbose", "webpack --config webpack.prod.js --mode=production",
    ]

    /// Generated strings: quoted and escaped pieces in random combinations
    /// (no unquoted globs, tildes or expansions, which /bin/sh would expand).
    static let generated: [String] = {
        var generator = SplitMix(seed: 2_026)
        let plain = ["a", "src/index.ts", "--flag=1", "x.y-z_w", "lib/", "@scope/pkg", "100%", "k=v", "a#b", "é", "a:b"]
        let singleQuoted = ["'a b'", "'$HOME'", "'\\n'", "'*.{ts,js}'", "'\"'", "''", "'a  b'", "'#x'", "'é ü'"]
        let doubleQuoted = ["\"a b\"", "\"\\\"q\\\"\"", "\"\\\\\"", "\"\\$x\"", "\"it's\"", "\"\"", "\"*\"", "\"a\\nb\"", "\"\\`\""]
        let escaped = ["\\ ", "\\'", "\\\"", "\\\\", "\\*", "\\a", "\\$", "\\#", "\\;"]
        let separators = [" ", "  ", "\t", " \t "]
        var cases: [String] = []
        for _ in 0..<240 {
            var script = ""
            for index in 0..<Int(generator.next() % 5 + 1) {
                if index > 0 { script += separators[Int(generator.next() % UInt64(separators.count))] }
                for _ in 0..<Int(generator.next() % 3 + 1) {
                    let pools = [plain, singleQuoted, doubleQuoted, escaped]
                    let pool = pools[Int(generator.next() % 4)]
                    script += pool[Int(generator.next() % UInt64(pool.count))]
                }
            }
            cases.append(script)
        }
        return cases
    }()

    @Test func atLeastTwoHundredStringsAreCompared() {
        #expect(Self.realWorld.count + Self.generated.count >= 200)
    }

    @Test(arguments: realWorld + generated)
    func wordSplittingMatchesBinSh(_ script: String) throws {
        let parsed = Self.parse(script)
        try #require(parsed.error == nil, "\(parsed.error?.message ?? "")")
        let bytes = Array(script.utf8)
        for command in parsed.commands {
            let words = command.assignments + command.words
            guard let first = words.first, let last = words.last, !words.contains(where: \.isDynamic) else { continue }
            let source = String(decoding: bytes[first.span.start..<last.span.end], as: UTF8.self)
            #expect(try Self.shellWords(source) == words.map(\.text), "source: \(source)")
        }
    }
}
