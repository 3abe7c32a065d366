import Synchronization
import ManifestLintFindings

/// What a script literal gives, wherever it stands in a package.json: its
/// parse error, if any, and for each command the words it finally runs (wrappers removed),
/// where it runs and the script it calls through a runner, if any.
public struct ScriptAnalysis: Sendable {
    /// A class: every package whose script it is holds it (an invocation of
    /// it retains one reference instead of each of its arrays and strings).
    public final class Command: Sendable {
        /// The command name first; never empty.
        public let words: [ShellWord]
        /// Relative to the package directory; nil when a `cd` made it unknown.
        public let directory: String?
        public let call: PackageScripts.ScriptCall?
        /// The local files the command runs or loads.
        public let fileArguments: [FileArgument]
        /// The command is one every system has (node, npm, rm...), not a
        /// package's binary: worked out here, once per distinct script.
        public let isWellKnownGlobal: Bool
        /// The patterns it gives prettier or eslint (GlobArguments).
        public let globPatterns: [ShellWord]
        /// The command's name: the first word's last path component.
        public let name: String
        /// It runs through npx (or `npm exec`, pnpx, bunx), which installs the
        /// package for the moment when no dependency provides the command.
        public let installsOnDemand: Bool
        /// It is `tsc` compiling the project of the nearest tsconfig.json (no input file, no `-p`).
        public let readsNearestTSConfig: Bool

        /// The analysis of the words a command finally runs (wrappers removed; not empty).
        public init(words: [ShellWord], directory: String?, installsOnDemand: Bool = false) {
            let name = Path.basename(words[0].text)
            self.words = words
            self.directory = directory
            self.name = name
            self.installsOnDemand = installsOnDemand
            call = PackageScripts.scriptCall(words, named: name)
            fileArguments = FileArgument.arguments(of: words, named: name)
            isWellKnownGlobal = WellKnownCommands.globals.contains(words[0].text)
            globPatterns = GlobArguments.patterns(of: words, named: name)
            readsNearestTSConfig = name == "tsc" && TypeScriptCompilerArguments.usesNearestTSConfig(words.dropFirst())
        }

        private init(words: [ShellWord], directory: String?, call: PackageScripts.ScriptCall?, fileArguments: [FileArgument],
                     isWellKnownGlobal: Bool, globPatterns: [ShellWord], name: String, installsOnDemand: Bool, readsNearestTSConfig: Bool) {
            self.installsOnDemand = installsOnDemand
            self.readsNearestTSConfig = readsNearestTSConfig
            self.words = words
            self.directory = directory
            self.call = call
            self.fileArguments = fileArguments
            self.isWellKnownGlobal = isWellKnownGlobal
            self.globPatterns = globPatterns
            self.name = name
        }

        /// The same command with every position moved by `delta` bytes.
        func shifted(by delta: Int) -> Command {
            var call = call
            if let target = call?.target { call?.target = target.shifted(by: delta) }
            if let option = call?.packageOption { call?.packageOption = option.shifted(by: delta) }
            return Command(words: words.map { $0.shifted(by: delta) }, directory: directory, call: call,
                           fileArguments: fileArguments.map { FileArgument(word: $0.word.shifted(by: delta), kind: $0.kind) },
                           isWellKnownGlobal: isWellKnownGlobal, globPatterns: globPatterns.map { $0.shifted(by: delta) }, name: name,
                           installsOnDemand: installsOnDemand, readsNearestTSConfig: readsNearestTSConfig)
        }
    }

    /// Why the script could not be parsed, and where.
    public var error: ShellParseError?
    public var commands: [Command]

    public init(_ parsed: ShellScript) {
        error = parsed.error
        commands = parsed.commands.compactMap { command in
            let unwrapped = PackageScripts.unwrap(command.words)
            return unwrapped.words.isEmpty ? nil
                : Command(words: unwrapped.words, directory: command.directory, installsOnDemand: unwrapped.installsOnDemand)
        }
    }

    private init(error: ShellParseError?, commands: [Command]) {
        self.error = error
        self.commands = commands
    }

    /// The same analysis with every position moved by `delta` bytes.
    func shifted(by delta: Int) -> ScriptAnalysis {
        guard delta != 0 else { return self }
        return ScriptAnalysis(error: error.map { ShellParseError(message: $0.message, offset: $0.offset + delta, isLimit: $0.isLimit) }, commands: commands.map { $0.shifted(by: delta) })
    }
}

/// Script analyses shared by the projects that one worker checks in a run:
/// the packages of a monorepo repeat the same scripts ("build": "tsc -p ."),
/// so each distinct script literal is parsed and analysed once (per worker), and later copies are that
/// analysis moved to where they stand in their file. Bounded, so that a run
/// over many distinct scripts holds no more than `capacity` of them.
public final class ScriptCache: Sendable {
    static let capacity = 4_096

    private struct Entry {
        /// The literal's bytes, to tell literals whose fingerprints collide apart.
        var literal: [UInt8]
        var fingerprint: UInt64
        /// Where the literal started in the file it was first analysed in.
        var literalStart: Int
        var analysis: ScriptAnalysis
    }

    /// The entries, found by the fingerprint of their literal's bytes in an
    /// open-addressing table of indexes (-1: empty), at most half full: a
    /// lookup takes the fingerprint of the bytes where they stand in the file
    /// and compares them there, without copying them into a key or hashing a
    /// key again, and copies nothing of an entry but its analysis.
    private struct Table {
        var list: [Entry] = []
        var slots = [Int32](repeating: -1, count: 64)

        func index(of literal: UnsafeBufferPointer<UInt8>, fingerprint: UInt64) -> Int? {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: fingerprint) & mask
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                if list[index].fingerprint == fingerprint, list[index].literal.count == literal.count,
                   list[index].literal.withUnsafeBufferPointer({ $0.starts(withBytes: literal) }) {
                    return index
                }
                slot = (slot + 1) & mask
            }
            return nil
        }

        mutating func insert(_ entry: Entry) {
            list.append(entry)
            if list.count * 2 > slots.count {
                slots = [Int32](repeating: -1, count: slots.count * 2)
                for index in list.indices { place(index) }
            } else {
                place(list.count - 1)
            }
        }

        private mutating func place(_ index: Int) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: list[index].fingerprint) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    private let table = Mutex(Table())

    public init() {}

    /// How many literals the cache holds.
    public var count: Int { table.withLock { $0.list.count } }

    /// The analysis of the JSON string literal at `span` of `file`, or nil when it is not a string.
    public func analysis(in file: SourceFile, span: Span) -> ScriptAnalysis? {
        guard span.start >= 0, span.end <= file.bytes.count, span.start < span.end else { return nil }
        let (fingerprint, cached) = file.bytes.withUnsafeBufferPointer { bytes in
            let literal = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
            let fingerprint = literal.fingerprint
            return (fingerprint, table.withLock { table -> (analysis: ScriptAnalysis, start: Int)? in
                table.index(of: literal, fingerprint: fingerprint).map { (table.list[$0].analysis, table.list[$0].literalStart) }
            })
        }
        if let cached {
            return cached.analysis.shifted(by: span.start - cached.start)
        }
        guard let text = SourceText.jsonString(in: file, span: span) else { return nil }
        let analysis = ScriptAnalysis(ShellParser.parse(text))
        table.withLock { table in
            guard table.list.count < Self.capacity else { return }
            table.insert(Entry(literal: Array(file.bytes[span.start..<span.end]), fingerprint: fingerprint,
                               literalStart: span.start, analysis: analysis))
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
