import ManifestLintRules

/// One `check --fix` (or `--diff`): fix in memory, then write (or not), and
/// say what was fixed, what could not be, and what remains.
public struct FixRun: Sendable {
    public var outcome: Fixer.Outcome
    /// Files that could not be written; their findings remain.
    public var failures: [FileWriter.Failure]

    /// The findings whose fixes reached the disk.
    public var fixed: [Diagnostic] {
        let failed = Set(failures.map(\.path))
        return outcome.fixed.filter { diagnostic in
            !(diagnostic.fix?.changes.flatMap(\.paths).contains { failed.contains($0) } ?? false)
        }
    }

    /// What is left: the findings after fixing, plus those whose files could not be written.
    public var remaining: [Diagnostic] {
        let written = Set(fixed.map { $0 })
        let unwritten = outcome.fixed.filter { !written.contains($0) }
        return (outcome.result.diagnostics + unwritten).sorted(by: Diagnostic.presentationOrder)
    }

    /// Fixes `paths` in `tree`; with `write`, the changed files go to disk.
    public static func run(paths: [String], in tree: any FileTree, linter: Linter = Linter(), touching changed: Set<String>?,
                           unsafe: Bool, write: Bool, allowedRoots: [String],
                           editable: @escaping @Sendable (String) -> String? = { _ in nil }) -> FixRun {
        let outcome = Fixer(linter: linter, unsafe: unsafe).fix(paths: paths, in: tree, touching: changed, editable: editable)
        let failures = write ? FileWriter.write(outcome.files, allowedRoots: allowedRoots) : []
        return FixRun(outcome: outcome, failures: failures)
    }

    /// The paths written (both names of a rename), for `--stage-fixed`.
    public var writtenPaths: [String] {
        let failed = Set(failures.map(\.path))
        return outcome.files.filter { !failed.contains($0.path) && !failed.contains($0.originalPath) }
            .flatMap { $0.isRename ? [$0.originalPath, $0.path] : [$0.path] }
    }
}
