import ManifestLintRules

/// `--diff`: what the fixes would change, as a git-style unified diff.
public enum UnifiedDiff {
    /// The diff of one changed file; a renamed file is shown as a rename
    /// (with its content changes, if any).
    public static func render(_ file: Fixer.ChangedFile, displayPath: (String) -> String) -> String {
        let old = displayPath(file.originalPath)
        let new = displayPath(file.path)
        var output = "diff --git a/\(old) b/\(new)\n"
        if file.isRename {
            output += "rename from \(old)\nrename to \(new)\n"
        }
        let hunks = self.hunks(lines(file.original), lines(file.updated))
        guard !hunks.isEmpty else { return output }
        output += "--- a/\(old)\n+++ b/\(new)\n"
        for hunk in hunks { output += hunk }
        return output
    }

    /// Lines with their line ends, so that CRLF and a missing final newline show.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    private enum Operation: Equatable { case same, removed, added }

    /// Hunks with three lines of context, from a longest-common-subsequence
    /// alignment (manifests are small; past a size it aligns only the common
    /// prefix and suffix).
    static func hunks(_ old: [String], _ new: [String], context: Int = 3) -> [String] {
        let script = editScript(old, new)
        guard script.contains(where: { $0.operation != .same }) else { return [] }
        // Changes closer than 2 * context lines share a hunk.
        let changes = script.indices.filter { script[$0].operation != .same }
        var groups: [(first: Int, last: Int)] = []
        for change in changes {
            if let last = groups.last, change - last.last <= 2 * context {
                groups[groups.count - 1].last = change
            } else {
                groups.append((change, change))
            }
        }
        return groups.map { group in
            let slice = script[max(0, group.first - context)..<min(script.count, group.last + context + 1)]
            let oldStart = slice.first?.oldLine ?? 0
            let newStart = slice.first?.newLine ?? 0
            let oldCount = slice.filter { $0.operation != .added }.count
            let newCount = slice.filter { $0.operation != .removed }.count
            var hunk = "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for step in slice {
                let prefix = step.operation == .same ? " " : step.operation == .removed ? "-" : "+"
                hunk += prefix + step.text
                if !step.text.hasSuffix("\n") { hunk += "\n\\ No newline at end of file\n" }
            }
            return hunk
        }
    }

    private struct Step {
        var operation: Operation
        var text: String
        /// 0-based positions in the old and new files where this step stands.
        var oldLine: Int
        var newLine: Int
    }

    private static func editScript(_ old: [String], _ new: [String]) -> [Step] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        var steps: [Step] = []
        for index in 0..<prefix { steps.append(Step(operation: .same, text: old[index], oldLine: index, newLine: index)) }
        var oldLine = prefix
        var newLine = prefix
        if oldMiddle.count * newMiddle.count <= 4_000_000 {
            // Longest common subsequence table over the middle.
            var table = [[Int]](repeating: [Int](repeating: 0, count: newMiddle.count + 1), count: oldMiddle.count + 1)
            for i in stride(from: oldMiddle.count - 1, through: 0, by: -1) {
                for j in stride(from: newMiddle.count - 1, through: 0, by: -1) {
                    table[i][j] = oldMiddle[i] == newMiddle[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < oldMiddle.count || j < newMiddle.count {
                if i < oldMiddle.count, j < newMiddle.count, oldMiddle[i] == newMiddle[j] {
                    steps.append(Step(operation: .same, text: oldMiddle[i], oldLine: oldLine, newLine: newLine))
                    i += 1; j += 1; oldLine += 1; newLine += 1
                } else if i < oldMiddle.count, j == newMiddle.count || table[i + 1][j] >= table[i][j + 1] {
                    steps.append(Step(operation: .removed, text: oldMiddle[i], oldLine: oldLine, newLine: newLine))
                    i += 1; oldLine += 1
                } else {
                    steps.append(Step(operation: .added, text: newMiddle[j], oldLine: oldLine, newLine: newLine))
                    j += 1; newLine += 1
                }
            }
        } else {
            for text in oldMiddle { steps.append(Step(operation: .removed, text: text, oldLine: oldLine, newLine: newLine)); oldLine += 1 }
            for text in newMiddle { steps.append(Step(operation: .added, text: text, oldLine: oldLine, newLine: newLine)); newLine += 1 }
        }
        for offset in 0..<suffix {
            steps.append(Step(operation: .same, text: old[old.count - suffix + offset], oldLine: oldLine + offset, newLine: newLine + offset))
        }
        return steps
    }
}
