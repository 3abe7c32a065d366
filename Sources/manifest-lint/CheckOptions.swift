import ArgumentParser
import ManifestLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `manifest-lint check` was asked to do, as plain values: `Check`
/// fills it from ArgumentParser's parse, `QuickArguments` from the usual
/// command lines without it.
struct CheckOptions: Equatable {
    var paths: [String] = []
    var format: OutputFormat = .full
    var output: String?
    var config: String?
    var staged = false
    var all = false
    var fix = false
    var unsafeFixes = false
    var diff = false
    var showFixes = false
    var exitNonZeroOnFix = false
    var fixOnly = false
    var stageFixed = false
    var statistics = false
    var quiet = false
    var exitZero = false
    var strict = false
    var baseline: String?
    var writeBaseline: String?
    /// `--base REF`: the revision a change is compared with.
    var base: String?
}

extension CheckOptions {
    /// The flags that only go with others.
    func validate() throws {
        if all && !staged { throw ValidationError("--all goes with --staged") }
        if stageFixed && !(staged && (fix || fixOnly)) { throw ValidationError("--stage-fixed goes with --staged --fix") }
        if diff && (fix || fixOnly) { throw ValidationError("--diff writes nothing; it does not go with --fix") }
    }

    func run() throws {
        var disk = DiskFileTree()
        var scope = (paths.isEmpty ? ["."] : paths).map(disk.absolute)
        // One directory to check (the usual case): the files below it are opened relative to it.
        if scope.count == 1, disk.isDirectory(scope[0]) { disk = disk.anchored(at: scope[0]) }
        var tree: any FileTree = disk
        var touching: Set<String>?
        var index: GitIndexFileTree?
        if staged {
            do {
                index = try GitIndexFileTree(at: disk.currentDirectory, disk: disk)
            } catch {
                Output.standardError("manifest-lint: --staged needs a git work tree: \(error)\n")
                throw ExitCode(2)
            }
            if let index {
                tree = index
                if paths.isEmpty { scope = [index.topLevel] }
                // Nothing staged (`pre-commit run --all-files`, an empty commit): the snapshot is HEAD, check it all.
                touching = all || index.changedPaths.isEmpty ? nil : index.changedPaths
            }
        }
        let root = index?.topLevel ?? ReportContext.repositoryRoot(from: disk.currentDirectory, tree: disk)
        let context = ReportContext(root: root, displayPath: disk.displayPath)
        var linter = Linter(configuration: try loadConfiguration(tree: tree, root: root, disk: disk))
        if let base {
            do {
                linter.base = try GitRevision.resolve(base, at: disk.currentDirectory, comparedWith: staged ? .index : .workingTree)
            } catch {
                Output.standardError("manifest-lint: --base \(base): \(error)\n")
                throw ExitCode(2)
            }
        } else if let index {
            linter.base = GitRevision("HEAD", comparedWith: index)
        }

        if fix || fixOnly || diff {
            try runFixes(linter: linter, scope: scope, tree: tree, touching: touching, index: index, disk: disk, context: context)
        }
        let result = linter.check(paths: scope, in: tree, touching: touching)
        reportUnchecked(result.unchecked, disk: disk)
        if let writeBaseline {
            try write(Baseline.render(result.diagnostics, context: context), to: writeBaseline, disk: disk)
            Output.standardError("Wrote \(result.diagnostics.count) findings to \(writeBaseline).\n")
            systemExit(result.unchecked.isEmpty ? 0 : 2)
        }
        let diagnostics = try applyBaseline(result.diagnostics, disk: disk, context: context)
        if staged && result.projectCount == 0 && result.unchecked.isEmpty && (format == .full || format == .concise) {
            try emit(touching == nil ? "No Pulumi project in the staged snapshot.\n" : "No Pulumi project is touched by the staged change.\n", disk: disk)
            systemExit(0)
        }
        try emit(report(diagnostics, projectCount: result.projectCount, uncheckedCount: result.unchecked.count, linter: linter,
                        context: context), disk: disk)
        // Exit here: tearing down the graph and the index of a large repository is wasted time.
        systemExit(exitStatus(diagnostics, unchecked: !result.unchecked.isEmpty))
    }

    // MARK: Steps

    /// --config FILE, else .manifest-lint.yaml at the repository root (from the index in staged mode).
    private func loadConfiguration(tree: any FileTree, root: String, disk: DiskFileTree) throws -> Configuration? {
        let path = config.map(disk.absolute) ?? Path.join(root, Configuration.fileName)
        let source: any FileTree = config == nil ? tree : disk
        guard let bytes = source.read(path) else {
            if config != nil {
                Output.standardError("manifest-lint: \(disk.displayPath(path)): cannot read the configuration file\n")
                throw ExitCode(2)
            }
            return nil
        }
        do {
            return try Configuration.parse(SourceFile(path: path, bytes: bytes), displayPath: disk.displayPath(path))
        } catch {
            Output.standardError(DisplayText.message("\(error)") + "\n")
            throw ExitCode(2)
        }
    }

    private func applyBaseline(_ diagnostics: [Diagnostic], disk: DiskFileTree, context: ReportContext) throws -> [Diagnostic] {
        guard let baseline else { return diagnostics }
        let path = disk.absolute(baseline)
        guard let bytes = disk.read(path) else {
            Output.standardError("manifest-lint: \(baseline): cannot read the baseline\n")
            throw ExitCode(2)
        }
        do {
            return try Baseline(parsing: bytes, path: baseline).newFindings(diagnostics, context: context)
        } catch {
            Output.standardError("manifest-lint: " + DisplayText.message("\(error)") + "\n")
            throw ExitCode(2)
        }
    }

    private func report(_ diagnostics: [Diagnostic], projectCount: Int, uncheckedCount: Int, linter: Linter,
                        context: ReportContext) -> String {
        let text = TextReporter(color: output == nil && useColor)
        let summary = quiet ? "" : text.summary(diagnostics, projectCount: projectCount, uncheckedCount: uncheckedCount)
        if statistics { return StatisticsReporter.render(diagnostics) + summary }
        switch format {
        case .full:
            return diagnostics.map(text.render).joined() + summary
        case .concise:
            return ConciseReporter.render(diagnostics) + summary
        case .json:
            return JSONReporter(displayPath: context.displayPath).render(diagnostics)
        case .jsonLines:
            return JSONReporter(displayPath: context.displayPath).renderLines(diagnostics)
        case .sarif:
            return SARIFReporter.render(diagnostics, rules: linter.rules, context: context)
        case .github:
            return GitHubReporter.render(diagnostics, context: context)
        }
    }

    /// 2 when the run could not judge something (see `UncheckedPath`), else 1 when a finding fails the run.
    private func exitStatus(_ diagnostics: [Diagnostic], unchecked: Bool) -> Int32 {
        if unchecked { return 2 }
        if exitZero { return 0 }
        let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        return failing ? 1 : 0
    }

    private var useColor: Bool {
        isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true
    }

    private func reportUnchecked(_ unchecked: [UncheckedPath], disk: DiskFileTree) {
        for entry in unchecked {
            Output.standardError("manifest-lint: \(DisplayText.escaped(disk.displayPath(entry.path))): \(entry.problem)\n")
        }
    }

    /// The report goes to --output FILE, or to standard output.
    private func emit(_ text: String, disk: DiskFileTree) throws {
        guard let output else {
            Output.standardOutput(text)
            return
        }
        try write(text, to: output, disk: disk)
    }

    private func write(_ text: String, to path: String, disk: DiskFileTree) throws {
        do {
            try ReportFile.write(text, to: disk.absolute(path))
        } catch {
            Output.standardError("manifest-lint: \(path): \(error)\n")
            throw ExitCode(2)
        }
    }

    /// --fix, --fix-only and --diff. Exits.
    private func runFixes(linter: Linter, scope: [String], tree: any FileTree, touching: Set<String>?, index: GitIndexFileTree?,
                          disk: DiskFileTree, context: ReportContext) throws -> Never {
        // In the hook, a fix may only touch a file whose working copy is what is staged.
        let editable: @Sendable (String) -> String? = { path in
            guard let index, !index.workingTreeMatchesIndex(path) else { return nil }
            return "has unstaged changes, so its staged content cannot be fixed in place (stage or stash them first)"
        }
        // Fixes write only below these: the repository in the hook; else the paths given and the projects they lie in.
        let roots = index.map { [$0.topLevel] } ?? (scope.map { disk.isDirectory($0) ? $0 : (ManifestLint.Path.parent($0) ?? $0) }
            + Discovery.findProjects(from: scope, in: disk).projects.map(\.directory))
        let run = FixRun.run(paths: scope, in: tree, linter: linter, touching: touching, unsafe: unsafeFixes, write: !diff,
                             allowedRoots: roots, editable: editable)
        let unchecked = run.outcome.result.unchecked
        reportUnchecked(unchecked, disk: disk)
        if diff {
            try emit(run.outcome.files.map { UnifiedDiff.render($0, displayPath: disk.displayPath) }.joined(), disk: disk)
            if run.outcome.files.isEmpty { Output.standardError("No fixes to apply.\n") }
            systemExit(!unchecked.isEmpty ? 2 : run.outcome.files.isEmpty ? 0 : 1)
        }
        if stageFixed, let index {
            do {
                try index.stage(run.writtenPaths)
            } catch {
                Output.standardError("manifest-lint: \(error)\n")
            }
        }
        let remaining = try applyBaseline(run.remaining, disk: disk, context: context)
        let projectCount = run.outcome.result.projectCount
        var text = fixOnly ? "" : report(remaining, projectCount: projectCount, uncheckedCount: unchecked.count, linter: linter,
                                         context: context)
        if format == .full || format == .concise {
            if !quiet || fixOnly {
                // The summary of the fixes replaces the plain one.
                if !fixOnly && !statistics {
                    let plain = TextReporter(color: false).summary(remaining, projectCount: projectCount, uncheckedCount: unchecked.count)
                    if text.hasSuffix(plain) { text.removeLast(plain.count) }
                }
                text += TextReporter(color: output == nil && useColor).fixSummary(run, projectCount: projectCount, showFixes: showFixes || fixOnly)
            }
            if staged && !run.fixed.isEmpty && !stageFixed {
                text += "The fixes are in the working tree: review and stage them (git add), then commit again.\n"
            }
        }
        try emit(text, disk: disk)
        if !unchecked.isEmpty { systemExit(2) }
        if !run.failures.isEmpty || !run.outcome.converged { systemExit(1) }
        // A hook that changed files fails (pre-commit's convention), so that the fixed content is reviewed.
        if !run.fixed.isEmpty && (exitNonZeroOnFix || staged) { systemExit(1) }
        if fixOnly { systemExit(0) }
        systemExit(exitStatus(remaining, unchecked: false))
    }
}
