import ManifestLintFindings

/// The patterns a command hands a tool that fails when a pattern matches no
/// file (prettier, eslint), unless --no-error-on-unmatched-pattern is given.
/// Worked out once per distinct script, with its analysis; the matching
/// itself, which depends on where the script runs, is the rule's.
enum GlobArguments {
    /// The options of the tools that take globs whose next word is a value, not a pattern.
    static let prettierValueOptions: Set<String> = [
        "--config", "--ignore-path", "--plugin", "--parser", "--log-level", "--cache-location", "--stdin-filepath",
        "--cache-strategy", "--config-precedence", "--cursor-offset", "--end-of-line", "--print-width", "--tab-width",
        "--trailing-comma", "--quote-props", "--arrow-parens", "--prose-wrap", "--html-whitespace-sensitivity",
        "--embedded-language-formatting", "--experimental-operator-position", "--object-wrap", "--range-start", "--range-end",
    ]
    static let eslintValueOptions: Set<String> = [
        "-c", "--config", "--ext", "--ignore-path", "--ignore-pattern", "-f", "--format", "-o", "--output-file",
        "--rule", "--rulesdir", "--parser", "--parser-options", "--plugin", "--resolve-plugins-relative-to",
        "--max-warnings", "--cache-location", "--env", "--global", "--report-unused-disable-directives-severity",
        "--cache-strategy", "--flag", "--stats", "--inspect-config",
    ]

    static func valueOptions(of tool: String) -> Set<String>? {
        switch tool {
        case "prettier": prettierValueOptions
        case "eslint": eslintValueOptions
        default: nil
        }
    }

    /// The glob patterns among a command's words (the command first; `name`,
    /// its last path component): the words with glob syntax that are neither
    /// options, option values, negations nor absolute, for prettier and eslint only.
    static func patterns(of words: [ShellWord], named name: String) -> [ShellWord] {
        guard !words.isEmpty, let options = valueOptions(of: name),
              !words.contains(where: { $0.text == "--no-error-on-unmatched-pattern" }) else { return [] }
        var patterns: [ShellWord] = []
        var index = 1
        while index < words.count {
            let word = words[index]
            index += 1
            if word.text.utf8.first == UInt8(ascii: "-") {
                if options.contains(word.text) { index += 1 }
                continue
            }
            guard !word.isDynamic, FastGlob.hasMagic(word.text), !word.text.hasPrefix("!"), !word.text.hasPrefix("/") else { continue }
            patterns.append(word)
        }
        return patterns
    }
}
