import ArgumentParser
import Testing
@testable import manifest_lint

/// The quick reader of `check` command lines and ArgumentParser agree: on
/// every command line the quick reader takes, it gives the options that
/// ArgumentParser's parse gives; everything else it leaves to ArgumentParser.
struct QuickArgumentsTests {
    /// The options ArgumentParser reads from a command line; nil for another command or a usage error.
    static func parsed(_ arguments: [String]) -> CheckOptions? {
        guard let command = try? ManifestLintCommand.parseAsRoot(arguments) else { return nil }
        return (command as? Check)?.options
    }

    /// Command lines the quick reader must take (hooks, scripts, CI).
    static let taken: [[String]] = [
        [], ["check"], ["check", "."], ["check", "--staged"], ["check", "--staged", "--fix"], ["--staged"], ["infra", "apps/web"],
        ["check", "--staged", "--all"], ["check", "--staged", "--fix", "--stage-fixed"], ["check", "--diff", "--unsafe-fixes"],
        ["check", "--fix", "--show-fixes", "--exit-non-zero-on-fix"], ["check", "--fix-only", "-q"],
        ["check", "--quiet", "--exit-zero", "--strict", "--statistics"], ["check", "--format", "json", "a"],
        ["check", "--format=sarif", "-o", "report.sarif"], ["check", "--output-format", "json-lines", "--output=out.txt"],
        ["check", "--config", "ci.yaml", "--baseline", "base.json"], ["check", "--write-baseline", "base.json", "."],
        ["check", "rules"], ["check", "check", "init"], ["check", "help"], ["check", "--staged", "rule"], ["check", ".", "--format", "github", "b"],
    ]

    /// Command lines it must leave to ArgumentParser: other commands, help, what it does not read exactly, usage errors.
    static let left: [[String]] = [
        ["rules"], ["rule", "main-missing"], ["init"], ["help"], ["--help"], ["-h"], ["check", "--help"], ["--version"],
        ["rules", "--format", "json"], ["--staged", "rules"], [".", "check"], ["check", "-qo", "x"], ["check", "-o=x"],
        ["check", "--format", "xml"], ["check", "--format"], ["check", "--format", "--quiet"], ["check", "--fix", "--fix"],
        ["check", "--format", "json", "--output-format", "sarif"], ["check", "--fix=true"], ["check", "--no-such-flag"],
        ["check", "--all"], ["check", "--stage-fixed"], ["check", "--diff", "--fix"], ["check", "--", "-dir"], ["check", ""],
        ["check", "-"], ["check", "--output", ""],
    ]

    @Test(arguments: taken)
    func takesTheUsualCommandLinesAsArgumentParserDoes(_ arguments: [String]) {
        let quick = QuickArguments.check(arguments)
        #expect(quick != nil)
        #expect(quick == Self.parsed(arguments))
    }

    @Test(arguments: left)
    func leavesTheRestToArgumentParser(_ arguments: [String]) {
        #expect(QuickArguments.check(arguments) == nil)
    }

    @Test func readsEveryFlagAndOptionOfCheck() {
        let options = QuickArguments.check(["check", "--staged", "--fix", "--unsafe-fixes", "--show-fixes", "--exit-non-zero-on-fix",
                                            "--stage-fixed", "--statistics", "--quiet", "--exit-zero", "--strict", "--format", "concise",
                                            "--output", "o", "--config", "c", "--baseline", "b", "--write-baseline", "w", "p"])
        #expect(options == CheckOptions(paths: ["p"], format: .concise, output: "o", config: "c", staged: true, fix: true,
                                        unsafeFixes: true, showFixes: true, exitNonZeroOnFix: true, stageFixed: true,
                                        statistics: true, quiet: true, exitZero: true, strict: true, baseline: "b", writeBaseline: "w"))
        #expect(options == Self.parsed(["check", "--staged", "--fix", "--unsafe-fixes", "--show-fixes", "--exit-non-zero-on-fix",
                                        "--stage-fixed", "--statistics", "--quiet", "--exit-zero", "--strict", "--format", "concise",
                                        "--output", "o", "--config", "c", "--baseline", "b", "--write-baseline", "w", "p"]))
    }
}
