import Synchronization

/// What a script literal gives, wherever it stands in a package.json: its
/// parse error, if any, and for each command the words it finally runs (wrappers removed),
/// where it runs and the script it calls through a runner, if any.
struct ScriptAnalysis: Sendable {
    struct Command: Sendable {
        /// The command name first; never empty.
        var words: [ShellWord]
        /// Relative to the package directory; nil when a `cd` made it unknown.
        var directory: String?
        var call: PackageScripts.ScriptCall?
        /// The local files the command runs or loads.
        var fileArguments: [FileArgument]
        /// The command is one every system has (node, npm, rm...), not a
        /// package's binary: worked out here, once per distinct script.
        var isWellKnownGlobal: Bool
        /// The patterns it gives prettier or eslint (GlobArguments).
        var globPatterns: [ShellWord]
    }

    /// Why the script could not be parsed, and where.
    var error: (message: String, offset: Int)?
    var commands: [Command]

    init(_ parsed: ShellScript) {
        error = parsed.error
        commands = parsed.commands.compactMap { command in
            let words = PackageScripts.unwrap(command.words)
            guard !words.isEmpty else { return nil }
            return Command(words: words, directory: command.directory, call: PackageScripts.scriptCall(words),
                           fileArguments: FileArgument.arguments(of: words), isWellKnownGlobal: WellKnownCommands.globals.contains(words[0].text),
                           globPatterns: GlobArguments.patterns(of: words))
        }
    }

    private init(error: (message: String, offset: Int)?, commands: [Command]) {
        self.error = error
        self.commands = commands
    }

    /// The same analysis with every position moved by `delta` bytes.
    func shifted(by delta: Int) -> ScriptAnalysis {
        guard delta != 0 else { return self }
        return ScriptAnalysis(error: error.map { ($0.message, $0.offset + delta) }, commands: commands.map { command in
            var moved = command
            moved.words = command.words.map { $0.shifted(by: delta) }
            if let call = command.call { moved.call?.target = call.target.shifted(by: delta) }
            moved.fileArguments = command.fileArguments.map { FileArgument(word: $0.word.shifted(by: delta), kind: $0.kind) }
            moved.globPatterns = command.globPatterns.map { $0.shifted(by: delta) }
            return moved
        })
    }
}

/// Script analyses shared by the projects that one worker checks in a run:
/// the packages of a monorepo repeat the same scripts ("build": "tsc -p ."),
/// so each distinct script literal is parsed and analysed once (per worker), and later copies are that
/// analysis moved to where they stand in their file. Bounded, so that a run
/// over many distinct scripts holds no more than `capacity` of them.
final class ScriptCache: Sendable {
    static let capacity = 4_096

    private struct Entry {
        /// The literal's bytes, to tell literals whose hashes collide apart.
        var literal: [UInt8]
        /// Where the literal started in the file it was first analysed in.
        var literalStart: Int
        var analysis: ScriptAnalysis
        /// The next entry whose literal has the same fingerprint.
        var next: Int?
    }

    /// The entries, and by the fingerprint of their literal's bytes the first
    /// of those that share it: a lookup takes the fingerprint of the bytes
    /// where they stand in the file and compares them there, without copying
    /// them into a key first, and copies nothing of an entry but its analysis.
    private let entries = Mutex<(list: [Entry], firstByHash: [UInt64: Int])>(([], [:]))

    init() {}

    /// The analysis of the JSON string literal at `span` of `file`, or nil when it is not a string.
    func analysis(in file: SourceFile, span: Span) -> ScriptAnalysis? {
        guard span.start >= 0, span.end <= file.bytes.count, span.start < span.end else { return nil }
        let (hash, cached) = file.bytes.withUnsafeBufferPointer { bytes in
            let literal = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
            let hash = literal.fingerprint
            return (hash, entries.withLock { entries -> (analysis: ScriptAnalysis, start: Int)? in
                var index = entries.firstByHash[hash]
                while let current = index {
                    if entries.list[current].literal.count == literal.count,
                       entries.list[current].literal.withUnsafeBufferPointer({ $0.starts(withBytes: literal) }) {
                        return (entries.list[current].analysis, entries.list[current].literalStart)
                    }
                    index = entries.list[current].next
                }
                return nil
            })
        }
        if let cached {
            return cached.analysis.shifted(by: span.start - cached.start)
        }
        guard let text = SourceText.jsonString(in: file, span: span) else { return nil }
        let analysis = ScriptAnalysis(ShellParser.parse(text))
        entries.withLock { entries in
            guard entries.list.count < Self.capacity else { return }
            entries.list.append(Entry(literal: Array(file.bytes[span.start..<span.end]), literalStart: span.start, analysis: analysis,
                                      next: entries.firstByHash[hash]))
            entries.firstByHash[hash] = entries.list.count - 1
        }
        return analysis
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
