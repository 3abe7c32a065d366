import Synchronization

/// Parsed scripts shared by every project of a run: the packages of a
/// monorepo repeat the same scripts ("build": "tsc -p ."), so each distinct
/// script literal is parsed once and later copies are the parse moved to
/// where they stand in their file. Bounded, so that a run over many distinct
/// scripts holds no more than `capacity` of them.
final class ScriptParseCache: Sendable {
    static let capacity = 4_096

    private struct Entry {
        /// Where the literal started in the file it was parsed from.
        var literalStart: Int
        var script: ShellScript
    }

    private let entries = Mutex<[[UInt8]: Entry]>([:])

    init() {}

    /// The parse of the JSON string literal at `span` of `file`, or nil when it is not a string.
    func script(in file: SourceFile, span: Span) -> ShellScript? {
        guard span.start >= 0, span.end <= file.bytes.count, span.start < span.end else { return nil }
        let literal = Array(file.bytes[span.start..<span.end])
        if let entry = entries.withLock({ $0[literal] }) {
            return entry.script.shifted(by: span.start - entry.literalStart)
        }
        guard let text = SourceText.jsonString(in: file, span: span) else { return nil }
        let script = ShellParser.parse(text)
        entries.withLock { entries in
            if entries.count < Self.capacity { entries[literal] = Entry(literalStart: span.start, script: script) }
        }
        return script
    }
}

extension ShellScript {
    /// The same commands with every position moved by `delta` bytes.
    func shifted(by delta: Int) -> ShellScript {
        guard delta != 0 else { return self }
        return ShellScript(
            commands: commands.map { command in
                ShellCommand(assignments: command.assignments.map { $0.shifted(by: delta) },
                             words: command.words.map { $0.shifted(by: delta) },
                             directory: command.directory)
            },
            error: error.map { ($0.message, $0.offset + delta) })
    }
}

extension ShellWord {
    func shifted(by delta: Int) -> ShellWord {
        var word = self
        word.origins = origins.shifted(by: delta)
        word.span = Span(span.start + delta, span.end + delta)
        return word
    }
}
