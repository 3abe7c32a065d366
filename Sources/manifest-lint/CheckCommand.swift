import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case full, concise, json, jsonLines = "json-lines", sarif, github

    // ArgumentParser's defaults reach these strings through the interpolation of a
    // generic value, case by case, on every run (a tenth of a one-project check's
    // instructions); the raw values are the same strings.
    static var allValueStrings: [String] { allCases.map(\.rawValue) }
    static var allValueDescriptions: [String: String] { [:] }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { rawValue }
}

struct Check: ParsableCommand {
    // The name given, not derived: deriving it from the type name costs a demangling on every run.
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the Pulumi projects below the given paths (default: the current directory).")

    @Argument(help: "Files or directories; a path inside a project checks that project.")
    var paths: [String] = []

    @Option(name: [.long, .customLong("output-format")], help: "full, concise, json, json-lines, sarif or github.")
    var format: OutputFormat = .full

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "The configuration file (default: .manifest-lint.yaml at the repository root).")
    var config: String?

    @Flag(help: "Check the snapshot in the git index (what the commit will contain), not the working tree.")
    var staged = false

    @Flag(help: "With --staged: check every project of the repository, not only those the staged change touches (also what happens when nothing is staged).")
    var all = false

    @Option(help: ArgumentHelp("Compare the program with this git revision, for the rules about what a change does (renamed resources): the working tree with it, or the index with --staged. --staged alone compares with HEAD.", valueName: "ref"))
    var base: String?

    @Flag(help: "Apply the safe fixes.")
    var fix = false

    @Flag(help: "With --fix or --diff: apply the unsafe fixes too.")
    var unsafeFixes = false

    @Flag(help: "Print a unified diff of what the fixes would change; write nothing. Exits 1 when there is a diff.")
    var diff = false

    @Flag(help: "With --fix: list what was fixed.")
    var showFixes = false

    @Flag(help: "With --fix: exit 1 when anything was fixed, even if nothing remains.")
    var exitNonZeroOnFix = false

    @Flag(help: "Apply the fixes and report nothing else.")
    var fixOnly = false

    @Flag(help: "With --staged --fix: stage the files that were fixed (git add).")
    var stageFixed = false

    @Flag(help: "Show how many findings each rule has, instead of the findings.")
    var statistics = false

    @Flag(name: [.short, .long], help: "Print the findings only: no summary.")
    var quiet = false

    @Flag(help: "Exit 0 even when errors are found (usage and configuration errors still exit 2).")
    var exitZero = false

    @Flag(help: "Warnings fail too (exit 1).")
    var strict = false

    @Option(help: "Report only the findings this baseline file does not record.")
    var baseline: String?

    @Option(help: "Record today's findings in this baseline file, and exit 0.")
    var writeBaseline: String?

    /// The values given, as plain fields.
    var options: CheckOptions {
        CheckOptions(paths: paths, format: format, output: output, config: config, staged: staged, all: all, fix: fix,
                     unsafeFixes: unsafeFixes, diff: diff, showFixes: showFixes, exitNonZeroOnFix: exitNonZeroOnFix, fixOnly: fixOnly,
                     stageFixed: stageFixed, statistics: statistics, quiet: quiet, exitZero: exitZero, strict: strict,
                     baseline: baseline, writeBaseline: writeBaseline, base: base)
    }

    func validate() throws {
        try options.validate()
    }

    func run() throws {
        try options.run()
    }
}
