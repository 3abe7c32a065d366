import ArgumentParser
import ManifestLint
#if canImport(Glibc)
import Glibc
#endif

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case full, json
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the Pulumi projects below the given paths (default: the current directory).")

    @Argument(help: "Files or directories; a path inside a project checks that project.")
    var paths: [String] = []

    @Option(name: [.long, .customLong("output-format")], help: "Output format: full or json.")
    var format: OutputFormat = .full

    @Flag(help: "Check the snapshot in the git index (what the commit will contain), not the working tree.")
    var staged = false

    @Flag(help: "With --staged: check every project of the repository, not only those the staged change touches (also what happens when nothing is staged).")
    var all = false

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

    func validate() throws {
        if all && !staged { throw ValidationError("--all goes with --staged") }
        if stageFixed && !(staged && (fix || fixOnly)) { throw ValidationError("--stage-fixed goes with --staged --fix") }
        if diff && (fix || fixOnly) { throw ValidationError("--diff writes nothing; it does not go with --fix") }
    }

    func run() throws {
        let disk = DiskFileTree()
        let tree: any FileTree
        let scope: [String]
        var touching: Set<String>?
        var index: GitIndexFileTree?
        if staged {
            do {
                index = try GitIndexFileTree(at: disk.currentDirectory, disk: disk)
            } catch {
                Output.standardError("manifest-lint: --staged needs a git work tree: \(error)\n")
                throw ExitCode(2)
            }
            guard let index else { throw ExitCode(2) }
            tree = index
            scope = paths.isEmpty ? [index.topLevel] : paths.map(disk.absolute)
            // Nothing staged (`pre-commit run --all-files`, an empty commit): the snapshot is HEAD, check it all.
            touching = all || index.changedPaths.isEmpty ? nil : index.changedPaths
        } else {
            tree = disk
            scope = (paths.isEmpty ? ["."] : paths).map(disk.absolute)
        }
        if fix || fixOnly || diff {
            try runFixes(scope: scope, tree: tree, touching: touching, index: index, disk: disk)
        }
        let result = Linter().check(paths: scope, in: tree, touching: touching)
        reportUnreadable(result, disk: disk)
        if staged && result.projectCount == 0 && result.unreadablePaths.isEmpty && format == .full {
            Output.standardOutput(touching == nil ? "No Pulumi project in the staged snapshot.\n"
                                                  : "No Pulumi project is touched by the staged change.\n")
            Glibc.exit(0)
        }
        switch format {
        case .full:
            Output.standardOutput(TextReporter(color: useColor).render(result))
        case .json:
            Output.standardOutput(JSONReporter(displayPath: disk.displayPath).render(result))
        }
        // Exit here: tearing down the graph and the index of a large repository is wasted time.
        if !result.unreadablePaths.isEmpty { Glibc.exit(2) }
        Glibc.exit(result.errorCount > 0 ? 1 : 0)
    }

    private var useColor: Bool {
        isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
    }

    private func reportUnreadable(_ result: LintResult, disk: DiskFileTree) {
        for path in result.unreadablePaths {
            Output.standardError("manifest-lint: \(disk.displayPath(path)): no such file or directory\n")
        }
    }

    /// --fix, --fix-only and --diff. Exits.
    private func runFixes(scope: [String], tree: any FileTree, touching: Set<String>?, index: GitIndexFileTree?,
                          disk: DiskFileTree) throws -> Never {
        // In the hook, a fix may only touch a file whose working copy is what is staged.
        let editable: @Sendable (String) -> String? = { path in
            guard let index, !index.workingTreeMatchesIndex(path) else { return nil }
            return "has unstaged changes, so its staged content cannot be fixed in place (stage or stash them first)"
        }
        let roots = index.map { [$0.topLevel] } ?? scope.map { disk.isDirectory($0) ? $0 : (ManifestLint.Path.parent($0) ?? $0) }
        let run = FixRun.run(paths: scope, in: tree, touching: touching, unsafe: unsafeFixes, write: !diff,
                             allowedRoots: roots, editable: editable)
        if !run.outcome.result.unreadablePaths.isEmpty {
            reportUnreadable(run.outcome.result, disk: disk)
            Glibc.exit(2)
        }
        if diff {
            for file in run.outcome.files {
                Output.standardOutput(UnifiedDiff.render(file, displayPath: disk.displayPath))
            }
            if run.outcome.files.isEmpty { Output.standardError("No fixes to apply.\n") }
            Glibc.exit(run.outcome.files.isEmpty ? 0 : 1)
        }
        if stageFixed, let index {
            do {
                try index.stage(run.writtenPaths)
            } catch {
                Output.standardError("manifest-lint: \(error)\n")
            }
        }
        let remaining = run.remaining
        switch format {
        case .full:
            let text = TextReporter(color: useColor).render(run, projectCount: run.outcome.result.projectCount,
                                                            showFixes: showFixes || fixOnly, reportRemaining: !fixOnly)
            Output.standardOutput(text)
            if staged && !run.fixed.isEmpty && !stageFixed {
                Output.standardOutput("The fixes are in the working tree: review and stage them (git add), then commit again.\n")
            }
        case .json:
            Output.standardOutput(JSONReporter(displayPath: disk.displayPath).render(fixOnly ? [] : remaining))
        }
        let changedSomething = !run.fixed.isEmpty
        let failed = !run.failures.isEmpty || !run.outcome.converged
        let errorsRemain = remaining.contains { $0.severity == .error }
        if failed { Glibc.exit(1) }
        // A hook that changed files fails (pre-commit's convention), so that the fixed content is reviewed.
        if changedSomething && (exitNonZeroOnFix || staged) { Glibc.exit(1) }
        if fixOnly { Glibc.exit(0) }
        Glibc.exit(errorsRemain ? 1 : 0)
    }
}
