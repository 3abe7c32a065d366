import ManifestLintFindings

/// The words of a command that name a local file it runs or loads: the
/// program of `node X`, `ts-node X`, `tsx X`, `bash X`, a command written
/// as a path (`./X.sh`), and the `-c`/`--config`/`-p` file of well-known tools.
public struct FileArgument: Sendable {
    public enum Kind: Sendable {
        /// The program of node, ts-node, tsx: Node probes extensions; the
        /// TypeScript runners load .ts files.
        case program(typeScriptLoads: Bool)
        /// A shell script or an executable: the path as written.
        case executable
        /// A configuration file (for `tsc -p` a directory holding tsconfig.json too).
        case configuration(directoryAllowed: Bool)
    }

    public var word: ShellWord
    public var kind: Kind

    /// The paths that satisfy the reference, the literal one first.
    public func candidates(_ path: String) -> [String] {
        switch kind {
        case .program(let typeScriptLoads):
            var paths = [path, path + ".js", path + ".json", path + ".node", Path.join(path, "index.js")]
            if typeScriptLoads { paths += [path + ".ts", path + ".tsx", path + ".mts", path + ".cts", Path.join(path, "index.ts")] }
            return paths
        case .executable:
            return [path]
        case .configuration(let directoryAllowed):
            return directoryAllowed ? [path, Path.join(path, "tsconfig.json")] : [path]
        }
    }

    static let nodeValueOptions: Set<String> = [
        "-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--input-type",
        "--inspect-port", "--title", "--env-file", "--stack-size", "--max-old-space-size", "--redirect-warnings",
        "--diagnostic-dir", "--report-dir", "--watch-path", "--cpu-prof-dir", "--heap-prof-dir",
    ]
    static let typeScriptRunnerValueOptions: Set<String> = [
        "-r", "--require", "-P", "--project", "-O", "--compiler-options", "-C", "--compiler", "-I", "--ignore",
        "--cwd", "--tsconfig", "--loader", "--import",
    ]
    /// Tools whose `-c`/`--config` (or the like) names a file.
    static let configurationOptions: [String: Set<String>] = [
        "jest": ["-c", "--config"], "eslint": ["-c", "--config", "--ignore-path"], "prettier": ["--config", "--ignore-path"],
        "mocha": ["--config"], "webpack": ["-c", "--config"], "webpack-cli": ["-c", "--config"], "rollup": ["-c", "--config"],
        "vite": ["-c", "--config"], "vitest": ["-c", "--config"], "nodemon": ["--config"], "babel": ["--config-file"],
        "tsc": ["-p", "--project"], "ts-node": ["-P", "--project"], "c8": ["--config"], "nyc": ["--nycrc-path"],
    ]

    /// Options after which node and the TypeScript runners run no program file.
    static let nodeInlineOptions: Set<String> = ["-e", "--eval", "-p", "--print", "--test", "-i", "--interactive"]
    static let typeScriptRunnerInlineOptions: Set<String> = ["-e", "--eval", "-p", "--print", "-i", "--interactive"]
    static let shellValueOptions: Set<String> = ["-o", "+o"]

    /// The files a command (`words`, the command first; `name`, its last path component) runs or loads.
    public static func arguments(of words: [ShellWord], named name: String) -> [FileArgument] {
        guard let command = words.first, !command.isDynamic else { return [] }
        var result: [FileArgument] = []
        let arguments = words.dropFirst()
        if command.text.containsBytes(of: "/") && !command.text.hasPrefix("/") && !command.text.containsBytes(of: "node_modules/") {
            result.append(FileArgument(word: command, kind: .executable))
        }
        switch name {
        case "node":
            if arguments.contains(where: { nodeInlineOptions.contains($0.text) }) { break }
            if let program = firstPositional(arguments, valueOptions: nodeValueOptions) {
                result.append(FileArgument(word: program, kind: .program(typeScriptLoads: false)))
            }
        case "ts-node", "ts-node-esm", "ts-node-script", "tsx", "babel-node":
            if arguments.contains(where: { typeScriptRunnerInlineOptions.contains($0.text) }) { break }
            let rest = name == "tsx" && arguments.first?.text == "watch" ? arguments.dropFirst() : arguments
            if let program = firstPositional(rest, valueOptions: typeScriptRunnerValueOptions) {
                result.append(FileArgument(word: program, kind: .program(typeScriptLoads: name != "babel-node")))
            }
        case "bash", "sh", "zsh", "dash":
            guard !arguments.contains(where: { $0.text.hasPrefix("-") && !$0.text.hasPrefix("--") && $0.text.containsBytes(of: "c") }) else { break }
            if let script = firstPositional(arguments, valueOptions: shellValueOptions) {
                result.append(FileArgument(word: script, kind: .executable))
            }
        default:
            break
        }
        if let options = configurationOptions[name] {
            for index in arguments.indices {
                let word = arguments[index]
                var value: ShellWord?
                if options.contains(word.text), index + 1 < arguments.endIndex, !arguments[index + 1].text.hasPrefix("-") {
                    value = arguments[index + 1]
                } else if let equals = word.assignmentEquals ?? word.text.utf8.firstIndex(of: UInt8(ascii: "=")).map({ word.text.utf8.distance(from: word.text.utf8.startIndex, to: $0) }),
                          options.contains(String(decoding: word.text.utf8.prefix(equals), as: UTF8.self)) {
                    value = word.suffix(after: equals + 1)
                }
                guard let value, !value.isDynamic, !value.text.isEmpty, !value.text.hasPrefix("{") else { continue }
                result.append(FileArgument(word: value, kind: .configuration(directoryAllowed: name == "tsc" || name == "ts-node")))
            }
        }
        return result.filter { !$0.word.isDynamic && !$0.word.text.isEmpty && !$0.word.text.hasPrefix("/") }
    }

    /// The first word that is not an option or an option's value.
    static func firstPositional(_ words: ArraySlice<ShellWord>, valueOptions: Set<String>) -> ShellWord? {
        var index = words.startIndex
        while index < words.endIndex {
            let text = words[index].text
            if text == "--" { return index + 1 < words.endIndex ? words[index + 1] : nil }
            if text.hasPrefix("-") {
                index += valueOptions.contains(text) ? 2 : 1
                continue
            }
            return words[index]
        }
        return nil
    }
}

extension ShellWord {
    /// The part of the word after its first `count` bytes (`--config=x` gives `x`), with its positions.
    public func suffix(after count: Int) -> ShellWord {
        let bytes = Array(text.utf8)
        guard count <= bytes.count else { return self }
        var word = self
        word.text = String(decoding: bytes[count...], as: UTF8.self)
        word.origins = origins.slice(count..<bytes.count)
        word.span = Span(origins.start(count), span.end)
        word.assignmentEquals = nil
        return word
    }

    /// Whether the word's source in the file is its text (no quotes, no
    /// escapes, no JSON escapes), so that an edit may replace it as is.
    public func isVerbatim(in file: SourceFile) -> Bool {
        isPlain && !isDynamic && file.text(span) == text
    }
}
