import ManifestLintRules

/// Applies fixes round after round in memory: lint, apply every fix that
/// does not overlap another, lint again, until nothing is left to fix. An
/// edit after which its file no longer parses is refused.
public struct Fixer: Sendable {
    public static let maximumRounds = 10

    public var linter: Linter
    /// Apply unsafe fixes too.
    public var unsafe: Bool

    public init(linter: Linter = Linter(), unsafe: Bool = false) {
        self.linter = linter
        self.unsafe = unsafe
    }

    /// A fix that was not applied, and why.
    public struct Refusal: Sendable {
        public var diagnostic: Diagnostic
        public var reason: String
    }

    public struct Outcome: Sendable {
        /// What is left after fixing (as if the fixes were written).
        public var result: LintResult
        /// The findings whose fixes were applied.
        public var fixed: [Diagnostic]
        public var refused: [Refusal]
        /// The new bytes of every file that changed, by its final path, with
        /// the path it was read from (different for a renamed file).
        public var files: [ChangedFile]
        /// False when fixes kept coming after `maximumRounds` rounds.
        public var converged: Bool
    }

    public struct ChangedFile: Sendable {
        public var path: String
        public var originalPath: String
        public var original: [UInt8]
        public var updated: [UInt8]
        public var isRename: Bool { path != originalPath }
        public init(path: String, originalPath: String, original: [UInt8], updated: [UInt8]) {
            self.path = path
            self.originalPath = originalPath
            self.original = original
            self.updated = updated

        }
    }

    /// Whether a fix's applicability lets --fix (and --unsafe-fixes) apply it.
    public func applies(_ fix: Fix) -> Bool {
        fix.applicability == .safe || (unsafe && fix.applicability == .unsafe)
    }

    /// - Parameter editable: nil when a file may be changed, else the reason
    ///   it may not (staged mode: it has unstaged changes).
    public func fix(paths: [String], in tree: any FileTree, touching changed: Set<String>? = nil,
                    editable: @escaping @Sendable (String) -> String? = { _ in nil }) -> Outcome {
        let overlay = OverlayFileTree(tree)
        var fixed: [Diagnostic] = []
        var refused: [Refusal] = []
        var refusedKeys = Set<String>()
        var renamedFrom: [String: String] = [:]
        var converged = false
        // A path given on the command line that a fix renames is checked under its new name.
        var paths = paths
        var result = linter.check(paths: paths, in: overlay, touching: changed)
        for _ in 0..<Self.maximumRounds {
            let candidates = result.diagnostics.filter { diagnostic in
                guard let fix = diagnostic.fix, applies(fix) else { return false }
                return !refusedKeys.contains(Self.key(diagnostic))
            }
            if candidates.isEmpty {
                converged = true
                break
            }
            // Edits chosen this round, per file: their spans refer to the round's starting bytes.
            var chosen: [String: [(diagnostic: Diagnostic, edits: [TextEdit])]] = [:]
            var renames: [(from: String, to: String)] = []
            var renamedThisRound = Set<String>()
            for diagnostic in candidates {
                guard let fix = diagnostic.fix else { continue }
                // Overlapping edits, and files renamed or edited by another fix, wait for the next round.
                let clashes = fix.changes.contains { change in
                    switch change {
                    case .edit(let edit):
                        return renamedThisRound.contains(edit.path)
                            || (chosen[edit.path] ?? []).contains { $0.edits.contains { TextEditing.overlaps($0.span, edit.span) } }
                    case .rename(let from, let to):
                        return chosen[from] != nil || chosen[to] != nil || renamedThisRound.contains(from) || renamedThisRound.contains(to)
                    }
                }
                if clashes { continue }
                if let reason = refusal(of: fix, in: overlay, editable: editable) {
                    refused.append(Refusal(diagnostic: diagnostic, reason: reason))
                    refusedKeys.insert(Self.key(diagnostic))
                    continue
                }
                var editsByFile: [String: [TextEdit]] = [:]
                for change in fix.changes {
                    switch change {
                    case .edit(let edit): editsByFile[edit.path, default: []].append(edit)
                    case .rename(let from, let to):
                        renamedThisRound.formUnion([from, to])
                        renames.append((from, to))
                    }
                }
                for (path, edits) in editsByFile { chosen[path, default: []].append((diagnostic, edits)) }
                fixed.append(diagnostic)
            }
            if chosen.isEmpty && renames.isEmpty {
                converged = true
                break
            }
            for (path, fixes) in chosen {
                guard let bytes = overlay.read(path) else { continue }
                var updated = TextEditing.apply(fixes.flatMap(\.edits), to: bytes)
                // Each fix parsed alone; should the combination not, keep only the first this round.
                if let format = ManifestFormat(path: path), !format.parses(updated, path: path), fixes.count > 1 {
                    updated = TextEditing.apply(fixes[0].edits, to: bytes)
                    let postponed = Set(fixes.dropFirst().map { Self.key($0.diagnostic) })
                    fixed.removeAll { postponed.contains(Self.key($0)) }
                }
                overlay.write(updated, to: path)
            }
            for rename in renames {
                renamedFrom[rename.to] = renamedFrom[rename.from] ?? rename.from
                overlay.rename(rename.from, to: rename.to)
                paths = paths.map { $0 == rename.from ? rename.to : $0 }
            }
            result = linter.check(paths: paths, in: overlay, touching: changed)
        }
        let (contents, _) = overlay.changes
        var files: [ChangedFile] = []
        for (path, bytes) in contents.sorted(by: { $0.key < $1.key }) {
            let originalPath = renamedFrom[path] ?? path
            // As first read: the writer compares the disk with these bytes, to leave alone a file saved meanwhile.
            let original = overlay.original(originalPath) ?? []
            if bytes != original || originalPath != path {
                files.append(ChangedFile(path: path, originalPath: originalPath, original: original, updated: bytes))
            }
        }
        return Outcome(result: result, fixed: fixed, refused: refused, files: files, converged: converged)
    }

    private static func key(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.ruleID)\u{0}\(diagnostic.path)\u{0}\(diagnostic.message)\u{0}\(diagnostic.fix?.title ?? "")"
    }

    /// Why a fix cannot be applied (nil when it can): a file it may not edit,
    /// a rename onto an existing file, or an edit of a manifest that does not
    /// parse before it, or would not after.
    private func refusal(of fix: Fix, in overlay: OverlayFileTree, editable: (String) -> String?) -> String? {
        var edited: [String: [TextEdit]] = [:]
        for change in fix.changes {
            for path in change.paths {
                if let reason = editable(path) { return "\(overlay.displayPath(path)) \(reason)" }
            }
            switch change {
            case .edit(let edit): edited[edit.path, default: []].append(edit)
            case .rename(let from, let to):
                if overlay.exists(to) { return "\(overlay.displayPath(to)) already exists" }
                if !overlay.isFile(from) { return "\(overlay.displayPath(from)) is not there" }
            }
        }
        for (path, edits) in edited {
            guard let bytes = overlay.read(path) else { return "\(overlay.displayPath(path)) cannot be read" }
            guard let format = ManifestFormat(path: path) else { continue }
            // A file the loader cannot parse is not understood well enough to edit.
            if !format.parses(bytes, path: path) { return "\(overlay.displayPath(path)) does not parse, so it is not edited" }
            if !format.parses(TextEditing.apply(edits, to: bytes), path: path) {
                return "the edit would leave \(overlay.displayPath(path)) unparsable"
            }
        }
        return nil
    }

}
