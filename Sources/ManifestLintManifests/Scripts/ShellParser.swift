import ManifestLintFindings

/// Parses a script as a POSIX shell reads it, far enough to know every
/// simple command, its words (after quote removal) and the directory it runs
/// in: quotes, backslashes, `&&` `||` `;` `|` `&`, `( )` subshells, `{ }`
/// groups, `$(...)` and backquotes, redirections, `NAME=value` prefixes,
/// `cd dir && ...`, and `sh -c '...'` (parsed again, recursively).
/// Expansions are kept as written and mark their word as dynamic.
public struct ShellParser {
    static let maximumNesting = 8
    /// `( )` and `{ }` groups are followed this deep: each level is a call,
    /// and ten thousand `(` overflowed the stack (found by the FuzzShell target).
    static let maximumGroupDepth = 100
    /// The shells whose `-c` string is parsed as a script.
    static let shells: Set<String> = ["sh", "bash", "zsh", "dash"]

    private enum Token {
        case word(ShellWord)
        /// `&&`, `||`, `;`, `|`, `|&`, `&`, `(`, `)`, or a newline (as ";").
        case control(String, offset: Int)
        /// `>`, `>>`, `<`, `2>&1`, `&>` ...: the next word is its target.
        case redirection(offset: Int)
    }


    private let bytes: [UInt8]
    private let origins: ByteOrigins
    private let nesting: Int
    private var groupDepth = 0
    private var position = 0
    private var tokens: [Token] = []
    private var tokenIndex = 0
    /// Commands found inside command substitutions while reading words.
    private var substituted: [ShellCommand] = []
    private var commands: [ShellCommand] = []

    /// Parses `text`; commands start in `directory` (relative to the script's own start).
    public static func parse(_ text: SourceText, directory: String? = "", nesting: Int = 0) -> ShellScript {
        // Words become Swift strings: from invalid UTF-8 they would hold more bytes than origins.
        let text = text.repairingInvalidUTF8()
        var parser = ShellParser(bytes: text.bytes, origins: text.origins, nesting: nesting)
        do {
            try parser.tokenize()
            var cwd = directory
            try parser.parseList(until: nil, directory: &cwd)
            return ShellScript(commands: parser.commands, error: nil)
        } catch let error as ShellParseError {
            return ShellScript(commands: parser.commands, error: error)
        } catch {
            return ShellScript(commands: parser.commands, error: ShellParseError(message: "cannot parse", offset: text.origins.start(0)))
        }
    }

    private init(bytes: [UInt8], origins: ByteOrigins, nesting: Int) {
        self.bytes = bytes
        self.origins = origins
        self.nesting = nesting
    }

    /// Where the byte at `index` starts in the file.
    private func offset(_ index: Int) -> Int {
        origins.start(min(max(index, 0), bytes.count))
    }

    /// Where the byte at `index` ends in the file.
    private func endOffset(_ index: Int) -> Int {
        origins.end(index)
    }

    // MARK: Lexing

    private mutating func tokenize() throws {
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                tokens.append(.control(";", offset: offset(position)))
                position += 1
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "\\") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n"):
                position += 2
            case UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"):
                let start = position
                let next = position + 1 < bytes.count ? bytes[position + 1] : 0
                if byte == UInt8(ascii: "&") && next == UInt8(ascii: ">") {
                    position += 2
                    if position < bytes.count, bytes[position] == UInt8(ascii: ">") { position += 1 }
                    tokens.append(.redirection(offset: offset(start)))
                    continue
                }
                var text = String(UnicodeScalar(byte))
                if (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ";")) && next == byte {
                    text += text
                } else if byte == UInt8(ascii: "|") && next == UInt8(ascii: "&") {
                    text = "|"
                    position += 1
                }
                position += text.utf8.count
                if text == ";;" { throw ShellParseError(message: "`case` statements are not supported", offset: offset(start)) }
                tokens.append(.control(text, offset: offset(start)))
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                try lexRedirection(from: position)
            case UInt8(ascii: "0")...UInt8(ascii: "9") where isRedirectionAhead(position):
                try lexRedirection(from: position)
            default:
                tokens.append(.word(try lexWord()))
            }
        }
    }

    /// A run of digits directly followed by `<` or `>` (`2>&1`).
    private func isRedirectionAhead(_ start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index < bytes.count && (bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: ">"))
    }

    private mutating func lexRedirection(from start: Int) throws {
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
        let first = bytes[position]
        position += 1
        if position < bytes.count {
            let next = bytes[position]
            if first == UInt8(ascii: "<") && next == UInt8(ascii: "<") {
                throw ShellParseError(message: "here-documents are not supported", offset: offset(start))
            }
            if next == first || next == UInt8(ascii: "|") || next == UInt8(ascii: "&") { position += 1 }
        }
        tokens.append(.redirection(offset: offset(start)))
        // `>&2` and `2>&1` name a descriptor, not a file.
        if position < bytes.count, bytes[position - 1] == UInt8(ascii: "&") {
            while position < bytes.count, (bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")) || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            tokens.append(.word(ShellWord(text: "", origins: ByteOrigins(base: offset(position)), span: Span(offset(position), offset(position)))))
        }
    }

    private static func isWordEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    private mutating func lexWord() throws -> ShellWord {
        let start = position
        // Most words are plain: no quotes, escapes or expansions. Their text is their bytes.
        if let plain = lexPlainWord() { return plain }
        var word = ShellWord(text: "", origins: ByteOrigins(base: offset(start)), span: Span(offset(start), offset(start)))
        var text: [UInt8] = []
        func append(_ byte: UInt8, from index: Int) {
            text.append(byte)
            word.origins.append(start: offset(index), end: endOffset(index))
        }
        while position < bytes.count, !Self.isWordEnd(bytes[position]) {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\\"):
                word.isPlain = false
                if position + 1 < bytes.count {
                    if bytes[position + 1] != UInt8(ascii: "\n") { append(bytes[position + 1], from: position + 1) }
                    position += 2
                } else {
                    position += 1
                }
            case UInt8(ascii: "'"):
                word.isPlain = false
                let quote = position
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "'") {
                    append(bytes[position], from: position)
                    position += 1
                }
                guard position < bytes.count else { throw ShellParseError(message: "unterminated single quote", offset: offset(quote)) }
                position += 1
            case UInt8(ascii: "\""):
                word.isPlain = false
                let quote = position
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                    let inner = bytes[position]
                    if inner == UInt8(ascii: "\\"), position + 1 < bytes.count,
                       [UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\n")].contains(bytes[position + 1]) {
                        if bytes[position + 1] != UInt8(ascii: "\n") { append(bytes[position + 1], from: position + 1) }
                        position += 2
                    } else if inner == UInt8(ascii: "$") || inner == UInt8(ascii: "`") {
                        try lexExpansion(into: &word, text: &text)
                    } else {
                        append(inner, from: position)
                        position += 1
                    }
                }
                guard position < bytes.count else { throw ShellParseError(message: "unterminated double quote", offset: offset(quote)) }
                position += 1
            case UInt8(ascii: "$"), UInt8(ascii: "`"):
                word.isPlain = false
                try lexExpansion(into: &word, text: &text)
            default:
                Self.note(unquoted: byte, startsWord: position == start, textOffset: text.count, in: &word)
                append(byte, from: position)
                position += 1
            }
        }
        word.origins.finish(at: endOffset(position - 1))
        word.text = String(decoding: text, as: UTF8.self)
        word.span = Span(offset(start), endOffset(position - 1))
        return word
    }

    /// What an unquoted byte says about its word: a glob character, a tilde
    /// that starts it, the first `=` (at `textOffset` of the word's text).
    private static func note(unquoted byte: UInt8, startsWord: Bool, textOffset: Int, in word: inout ShellWord) {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["): word.hasUnquotedGlob = true
        case UInt8(ascii: "~") where startsWord: word.isDynamic = true
        case UInt8(ascii: "=") where word.assignmentEquals == nil: word.assignmentEquals = textOffset
        default: break
        }
    }

    /// The word at `position` when it is plain (no quote, backslash, `$` or
    /// backquote), read in one pass; nil, with `position` unchanged, otherwise.
    private mutating func lexPlainWord() -> ShellWord? {
        let start = position
        var word = ShellWord(text: "", origins: ByteOrigins(base: offset(start)), span: Span(offset(start), offset(start)))
        var end = start
        while end < bytes.count, !Self.isWordEnd(bytes[end]) {
            switch bytes[end] {
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "`"): return nil
            default: Self.note(unquoted: bytes[end], startsWord: end == start, textOffset: end - start, in: &word)
            }
            end += 1
        }
        for index in start..<end { word.origins.append(start: offset(index), end: endOffset(index)) }
        word.origins.finish(at: endOffset(end - 1))
        word.text = String(decoding: bytes[start..<end], as: UTF8.self)
        word.span = Span(offset(start), endOffset(end - 1))
        position = end
        return word
    }

    /// `$name`, `${...}`, `$(...)`, `$((...))` or a backquoted command: kept
    /// as written; a command substitution is parsed for its commands.
    private mutating func lexExpansion(into word: inout ShellWord, text: inout [UInt8]) throws {
        word.isDynamic = true
        let start = position
        if bytes[position] == UInt8(ascii: "`") {
            position += 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "`") {
                position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard position < bytes.count else { throw ShellParseError(message: "unterminated backquote", offset: offset(start)) }
            position += 1
            try parseSubstitution(from: start + 1, to: position - 1)
        } else if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "(") {
            let close = try matchingParenthesis(openAt: position + 1)
            let arithmetic = position + 2 < bytes.count && bytes[position + 2] == UInt8(ascii: "(")
            if !arithmetic { try parseSubstitution(from: position + 2, to: close) }
            position = close + 1
        } else if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "{") {
            position += 2
            while position < bytes.count, bytes[position] != UInt8(ascii: "}") { position += 1 }
            guard position < bytes.count else { throw ShellParseError(message: "unterminated ${", offset: offset(start)) }
            position += 1
        } else {
            position += 1
            if position < bytes.count, "?#@*!$-0123456789".utf8.contains(bytes[position]) {
                position += 1
            } else {
                while position < bytes.count, bytes[position] == UInt8(ascii: "_") || (bytes[position] | 0x20 >= UInt8(ascii: "a") && bytes[position] | 0x20 <= UInt8(ascii: "z"))
                    || (bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")) {
                    position += 1
                }
            }
        }
        for index in start..<position {
            text.append(bytes[index])
            word.origins.append(start: offset(index), end: endOffset(index))
        }
    }

    /// The index of the `)` that closes the `(` at `open`, past quotes and nesting.
    private func matchingParenthesis(openAt open: Int) throws -> Int {
        var depth = 0
        var index = open
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "'"):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "'") { index += 1 }
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        throw ShellParseError(message: "unterminated $(", offset: offset(open - 1))
    }

    private mutating func parseSubstitution(from start: Int, to end: Int) throws {
        guard nesting < Self.maximumNesting else { return }
        let inner = SourceText(bytes: Array(bytes[start..<end]), origins: origins.slice(start..<end))
        let script = Self.parse(inner, directory: nil, nesting: nesting + 1)
        if let error = script.error { throw error }
        substituted.append(contentsOf: script.commands)
    }

    // MARK: Parsing

    private var current: Token? { tokenIndex < tokens.count ? tokens[tokenIndex] : nil }

    private mutating func parseList(until closer: String?, directory: inout String?) throws {
        while let token = current {
            switch token {
            case .control(let text, let at):
                if text == ")" {
                    guard closer == ")" else { throw ShellParseError(message: "unexpected `)`", offset: at) }
                    return
                }
                if text == "(" {
                    try parsePipeline(directory: &directory)
                } else if text == ";" || text == "&" {
                    tokenIndex += 1
                } else {
                    throw ShellParseError(message: "unexpected `\(text)`", offset: at)
                }
            case .word(let word) where closer == "}" && word.text == "}" && word.isPlain:
                return
            default:
                try parsePipeline(directory: &directory)
            }
            // After a pipeline: an operator, or the end.
            if case .control(let text, _) = current, text == "&&" || text == "||" || text == ";" || text == "&" {
                tokenIndex += 1
            }
        }
        if let closer { throw ShellParseError(message: "missing `\(closer)`", offset: origins.start(bytes.count)) }
    }

    private mutating func enterGroup(at offset: Int) throws {
        guard groupDepth < Self.maximumGroupDepth else {
            throw ShellParseError(message: "groups nested more than \(Self.maximumGroupDepth) deep", offset: offset, isLimit: true)
        }
        groupDepth += 1
    }

    private mutating func parsePipeline(directory: inout String?) throws {
        try parseCommand(directory: &directory)
        while case .control("|", _) = current {
            tokenIndex += 1
            try parseCommand(directory: &directory)
        }
    }

    private mutating func parseCommand(directory: inout String?) throws {
        if case .control("(", let at) = current {
            try enterGroup(at: at)
            defer { groupDepth -= 1 }
            tokenIndex += 1
            var inner = directory // a subshell's cd stays inside it
            try parseList(until: ")", directory: &inner)
            guard case .control(")", _) = current else { throw ShellParseError(message: "missing `)`", offset: at) }
            tokenIndex += 1
            return
        }
        if case .word(let word) = current, word.text == "{", word.isPlain {
            try enterGroup(at: word.span.start)
            defer { groupDepth -= 1 }
            tokenIndex += 1
            try parseList(until: "}", directory: &directory)
            tokenIndex += 1
            return
        }
        var assignments: [ShellWord] = []
        var words: [ShellWord] = []
        loop: while let token = current {
            switch token {
            case .word(let word):
                tokenIndex += 1
                if words.isEmpty && word.isAssignment { assignments.append(word) } else { words.append(word) }
            case .redirection(let at):
                tokenIndex += 1
                guard case .word = current else { throw ShellParseError(message: "a redirection needs a target", offset: at) }
                tokenIndex += 1
            case .control:
                break loop
            }
        }
        // Reserved words that open or continue a compound command are not commands.
        while let first = words.first, first.isPlain, Self.isReservedOpener(first.text) {
            words.removeFirst()
        }
        if let first = words.first, first.isPlain, Self.isReservedCompound(first.text) {
            words = []
        }
        commands.append(contentsOf: substituted)
        substituted.removeAll()
        guard !words.isEmpty || !assignments.isEmpty else { return }
        commands.append(ShellCommand(assignments: assignments, words: words, directory: directory))
        if let first = words.first, first.text == "cd" {
            directory = Self.changeDirectory(directory, words.dropFirst().first)
        }
        try parseShellString(words, directory: directory)
    }

    /// A reserved word that opens or continues a compound command before a simple one (`if cmd`, `then cmd`).
    private static func isReservedOpener(_ word: String) -> Bool {
        switch word {
        case "if", "then", "else", "elif", "do", "while", "until", "!": true
        default: false
        }
    }

    /// A reserved word whose command is no simple command (`fi`, `for x in ...`).
    private static func isReservedCompound(_ word: String) -> Bool {
        switch word {
        case "fi", "done", "for", "case", "esac", "select", "function": true
        default: false
        }
    }

    /// `cd X`: the directory the next commands of this list run in.
    private static func changeDirectory(_ directory: String?, _ target: ShellWord?) -> String? {
        guard let directory, let target, !target.isDynamic, target.text != "-", !target.text.hasPrefix("/") else { return nil }
        return Path.join(directory, target.text)
    }

    /// `sh -c '...'` and its kin: the string is a script of its own.
    private mutating func parseShellString(_ words: [ShellWord], directory: String?) throws {
        guard let name = words.first?.text, Self.shells.contains(Path.basename(name)),
              let flag = words.dropFirst().firstIndex(where: { $0.text == "-c" || ($0.text.hasPrefix("-") && !$0.text.hasPrefix("--") && $0.text.hasSuffix("c")) }),
              flag + 1 < words.count, nesting < Self.maximumNesting else { return }
        let script = words[flag + 1]
        guard !script.isDynamic || script.text.containsBytes(of: "$(") else { return }
        let inner = Self.parse(script.source, directory: directory, nesting: nesting + 1)
        if let error = inner.error { throw error }
        commands.append(contentsOf: inner.commands)
    }
}
