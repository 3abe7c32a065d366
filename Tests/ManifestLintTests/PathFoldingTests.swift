import Foundation
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests

/// The path expressions asset-path-missing follows, folded without running
/// them: checked against Node evaluating the same expressions, with
/// `__dirname` the running file's directory and `process.cwd()` the
/// directory Pulumi runs the program in.
struct PathFoldingTests {
    static let runningFile = "/proj/src/index.js"
    static let workingDirectory = "/proj/lib"
    static let prelude = "const path = require('path');\nconst { join, resolve } = require('node:path');\nconst base = 'assets';\n"

    /// The tree path an expression folds to, or nil when it is dynamic.
    static func folded(_ expression: String) -> String? {
        let module = JSModule(file: SourceFile(path: runningFile, text: prelude + "const value = " + expression + ";\n"))
        guard let range = module.declarations["value"] else { return nil }
        let folder = PathFolder(module: module, runningFile: runningFile, workingDirectory: workingDirectory)
        guard let path = folder.fold(range) else { return nil }
        return path.isResolved ? path.path : Path.join(workingDirectory, path.path)
    }

    /// A path expression of the kinds programs write, from a seeded generator.
    static func expression(_ random: inout SplitMix, depth: Int = 0) -> String {
        let segments = ["'lambda'", "'./app'", "'../shared'", "'a/b'", "'.'", "'..'", "'dist/lambda/'", "\"x.json\"", "`tpl`", "base"]
        if depth > 2 || random.chance(35) { return random.pick(segments) }
        let count = 1 + random.next(below: 3)
        let arguments = (0..<count).map { _ in random.chance(25) ? random.pick(segments) : expression(&random, depth: depth + 1) }
        switch random.next(below: 8) {
        case 0: return "path.join(__dirname, \(arguments.joined(separator: ", ")))"
        case 1: return "path.join(\(arguments.joined(separator: ", ")))"
        case 2: return "path.resolve(\(arguments.joined(separator: ", ")))"
        case 3: return "resolve(__dirname, \(arguments[0]))"
        case 4: return "join(process.cwd(), \(arguments[0]))"
        case 5: return "__dirname + '/' + \(random.pick(segments))"
        case 6: return "`${__dirname}/${\(random.pick(segments))}/x`"
        default: return "path.dirname(\(arguments[0]))"
        }
    }

    @Test func foldedPathsAreWhereNodeFindsThem() throws {
        var random = SplitMix(seed: 20_261_207)
        var expressions: [String] = []
        for _ in 0..<600 { expressions.append(Self.expression(&random)) }
        // Node resolves each value from the working directory, as the engine does a relative asset path.
        let script = """
            const path = require('path');
            process.cwd = () => '\(Self.workingDirectory)';
            const __dirname = '\(Path.parent(Self.runningFile) ?? "")';
            const { join, resolve } = path;
            const base = 'assets';
            const expressions = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            console.log(JSON.stringify(expressions.map((e) => {
              try { const value = eval(e); return typeof value === 'string' ? path.resolve(value) : null; } catch { return null; }
            })));
            """
        let input = String(decoding: try JSONSerialization.data(withJSONObject: expressions), as: UTF8.self)
        let output = try NodeProcess.run(script, input: input)
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Any])
        try #require(answers.count == expressions.count)
        var folded = 0
        for (expression, answer) in zip(expressions, answers) {
            guard let ours = Self.folded(expression) else { continue }
            folded += 1
            #expect(ours == answer as? String, "\(expression)")
        }
        // The forms it leaves are joins with a tree path after the first argument
        // (`path.join(process.cwd(), __dirname)`), a mistake of their own: about one in seven here.
        #expect(folded > expressions.count * 8 / 10, "\(folded) of \(expressions.count) folded")
    }

    @Test(arguments: [
        ("fileURLToPath(new URL('./lambda', import.meta.url))", "/proj/src/lambda"),
        ("new URL('../app', import.meta.url).pathname", "/proj/app"),
        ("path.join(path.dirname(fileURLToPath(import.meta.url)), 'fn')", "/proj/src/fn"),
        ("import.meta.dirname + '/x'", "/proj/src/x"),
        ("(`./www` as string)", "/proj/lib/www"),
    ])
    func moduleURLsFoldToTheRunningFile(_ expression: String, _ expected: String) {
        let prelude = "import { fileURLToPath } from 'node:url';\n"
        let module = JSModule(file: SourceFile(path: Self.runningFile, text: Self.prelude + prelude + "const value = " + expression + ";\n"))
        let folder = PathFolder(module: module, runningFile: Self.runningFile, workingDirectory: Self.workingDirectory)
        let folded = module.declarations["value"].flatMap(folder.fold)
        #expect(folded.map { $0.isResolved ? $0.path : Path.join(Self.workingDirectory, $0.path) } == expected)
    }

    @Test(arguments: [
        "config.require('sitePath')", "process.env.SITE_DIR", "path.join(dir, 'x')", "`${stack}/lambda`", "'/etc/app/config.json'",
        "'~/.pulumi/credentials.json'", "'a\\\\b'", "pickPath()", "path.join(__dirname, name)", "'https://example.com/x'",
    ])
    func dynamicPathsAreNotFolded(_ expression: String) {
        #expect(Self.folded(expression) == nil)
    }

    @Test func aLiteralIsTheFixableToken() throws {
        let module = JSModule(file: SourceFile(path: Self.runningFile, text: "const a = './x';\nconst b = path.join('x');\n"))
        let folder = PathFolder(module: module, runningFile: Self.runningFile, workingDirectory: Self.workingDirectory)
        let literal = try #require(module.declarations["a"].flatMap(folder.fold))
        #expect(literal.literal.map { module.file.text($0) } == "'./x'")
        #expect(module.declarations["b"].flatMap(folder.fold)?.literal == nil)
    }
}
