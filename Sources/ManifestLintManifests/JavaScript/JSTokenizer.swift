import ManifestLintFindings

/// Splits JavaScript and TypeScript source into tokens, never fooled by
/// comments, strings, template literals (substitutions nested to any depth)
/// or regular expression literals. It needs no grammar: a `/` starts a
/// regular expression exactly where an expression may start, which the
/// previous significant token tells. Unterminated constructs end the scan
/// with an error at their start; the scan always moves forward.
struct JSTokenizer {
    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [JSToken] = []
    /// One entry per open `{`: for a template substitution, where its template starts.
    private var braces: [Int?] = []

    static func tokenize(_ file: SourceFile) -> JSTokens {
        var tokenizer = JSTokenizer(bytes: file.bytes)
        let error = tokenizer.run()
        return JSTokens(tokens: tokenizer.tokens, error: error)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        // About one token per four bytes in typical code: growing the array one reallocation at a time costs more.
        tokens.reserveCapacity(bytes.count / 4 + 8)
    }

    private struct Unterminated: Error {
        var message: String
        var offset: Int
    }

    private mutating func run() -> (message: String, offset: Int)? {
        // A byte-order mark and a hashbang line are not code.
        if byte() == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF { position = 3 }
        if byte() == UInt8(ascii: "#") && byte(1) == UInt8(ascii: "!") {
            let start = position
            skipToLineEnd()
            tokens.append(JSToken(kind: .lineComment, span: Span(start, position)))
        }
        do {
            while position < bytes.count { try next() }
            if let open = braces.compactMap({ $0 }).last { return ("unterminated template literal", open) }
            return nil
        } catch let error as Unterminated {
            return (error.message, error.offset)
        } catch {
            return ("cannot tokenize", position)
        }
    }

    private func byte(_ offset: Int = 0) -> UInt8 {
        position + offset < bytes.count ? bytes[position + offset] : 0
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func append(_ kind: JSToken.Kind, from start: Int) {
        tokens.append(JSToken(kind: kind, span: Span(start, position)))
    }

    private mutating func skipToLineEnd() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") { position += 1 }
    }

    private mutating func next() throws {
        let start = position
        let current = byte()
        switch current {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
            position += 1
        case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "/"):
            skipToLineEnd()
            append(.lineComment, from: start)
        case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "*"):
            position += 2
            while position < bytes.count, !(byte() == UInt8(ascii: "*") && byte(1) == UInt8(ascii: "/")) { position += 1 }
            guard position < bytes.count else { throw Unterminated(message: "unterminated comment", offset: start) }
            position += 2
            append(.blockComment, from: start)
        case UInt8(ascii: "/") where regularExpressionAllowed:
            try scanRegularExpression(from: start)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            try scanString(quote: current, from: start)
        case UInt8(ascii: "`"):
            position += 1
            try scanTemplate(from: start, opening: true)
        case UInt8(ascii: "}") where braces.last.map({ $0 != nil }) == true:
            braces.removeLast()
            position += 1
            try scanTemplate(from: start, opening: false)
        case UInt8(ascii: "#") where Self.isIdentifierStart(byte(1)):
            position += 1
            while position < bytes.count, Self.isIdentifierPart(bytes[position]) { position += 1 }
            append(.privateName, from: start)
        case UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if current == UInt8(ascii: ".") && !Self.isDigit(byte(1)) {
                scanPunctuator(from: start)
            } else {
                scanNumber(from: start)
            }
        case UInt8(ascii: "\\"):
            // An escaped identifier start (\u0041bc).
            position += 1
            while position < bytes.count, Self.isIdentifierPart(bytes[position]) || bytes[position] == UInt8(ascii: "\\") { position += 1 }
            append(.identifier, from: start)
        default:
            if Self.isIdentifierStart(current) {
                while position < bytes.count, Self.isIdentifierPart(bytes[position]) || bytes[position] == UInt8(ascii: "\\") { position += 1 }
                append(.identifier, from: start)
            } else {
                scanPunctuator(from: start)
            }
        }
    }

    // MARK: Literals

    private mutating func scanString(quote: UInt8, from start: Int) throws {
        position += 1
        while position < bytes.count {
            let current = bytes[position]
            if current == quote {
                position += 1
                append(.string, from: start)
                return
            }
            if current == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") { break }
            position += 1
        }
        throw Unterminated(message: "unterminated string", offset: start)
    }

    /// From after `` ` `` or a substitution's `}` to the closing `` ` `` or the next `${`.
    private mutating func scanTemplate(from start: Int, opening: Bool) throws {
        while position < bytes.count {
            let current = bytes[position]
            if current == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if current == UInt8(ascii: "`") {
                position += 1
                append(opening ? .template : .templateTail, from: start)
                return
            }
            if current == UInt8(ascii: "$") && byte(1) == UInt8(ascii: "{") {
                position += 2
                braces.append(start)
                append(opening ? .templateHead : .templateMiddle, from: start)
                return
            }
            position += 1
        }
        throw Unterminated(message: "unterminated template literal", offset: start)
    }

    private mutating func scanRegularExpression(from start: Int) throws {
        position += 1
        var inClass = false
        while position < bytes.count {
            let current = bytes[position]
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") { break }
            if current == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if current == UInt8(ascii: "[") { inClass = true }
            if current == UInt8(ascii: "]") { inClass = false }
            position += 1
            if current == UInt8(ascii: "/") && !inClass {
                while position < bytes.count, Self.isIdentifierPart(bytes[position]) { position += 1 } // flags
                append(.regularExpression, from: start)
                return
            }
        }
        throw Unterminated(message: "unterminated regular expression", offset: start)
    }

    private mutating func scanNumber(from start: Int) {
        let radix = byte(1) | 0x20
        if byte() == UInt8(ascii: "0"), radix == UInt8(ascii: "x") || radix == UInt8(ascii: "o") || radix == UInt8(ascii: "b") {
            position += 2
            while position < bytes.count, Self.isIdentifierPart(bytes[position]) { position += 1 }
        } else {
            while position < bytes.count, Self.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") { position += 1 }
            if byte() == UInt8(ascii: "."), Self.isDigit(byte(1)) || !Self.isIdentifierStart(byte(1)) {
                position += 1
                while position < bytes.count, Self.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") { position += 1 }
            }
            if byte() | 0x20 == UInt8(ascii: "e"), Self.isDigit(byte(1)) || ((byte(1) == UInt8(ascii: "+") || byte(1) == UInt8(ascii: "-")) && Self.isDigit(byte(2))) {
                position += 2
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
            if byte() == UInt8(ascii: "n") { position += 1 } // BigInt
        }
        append(.number, from: start)
    }

    // MARK: Punctuators

    private mutating func scanPunctuator(from start: Int) {
        let length = punctuatorLength()
        if length == 1 {
            if byte() == UInt8(ascii: "{") { braces.append(nil) }
            if byte() == UInt8(ascii: "}"), !braces.isEmpty { braces.removeLast() }
        }
        position += length
        append(.punctuator, from: start)
    }

    /// The length of the longest punctuator here (`>>>=`, `...`, `===`, `=>`,
    /// `?.`, `**=` and the rest of ECMAScript's), 1 for any other byte.
    private func punctuatorLength() -> Int {
        let first = byte(), second = byte(1), third = byte(2)
        let equals = UInt8(ascii: "=")
        switch first {
        case UInt8(ascii: ">"):
            if second == first {
                if third == first { return byte(3) == equals ? 4 : 3 }
                return third == equals ? 3 : 2
            }
            return second == equals ? 2 : 1
        case UInt8(ascii: "."):
            return second == first && third == first ? 3 : 1
        case UInt8(ascii: "="):
            if second == equals { return third == equals ? 3 : 2 }
            return second == UInt8(ascii: ">") ? 2 : 1
        case UInt8(ascii: "!"):
            if second == equals { return third == equals ? 3 : 2 }
            return 1
        case UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "|"):
            if second == first { return third == equals ? 3 : 2 }
            return second == equals ? 2 : 1
        case UInt8(ascii: "?"):
            if second == first { return third == equals ? 3 : 2 }
            // `?.5` is a conditional and a number, not optional chaining.
            return second == UInt8(ascii: ".") && !Self.isDigit(third) ? 2 : 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return second == first || second == equals ? 2 : 1
        case UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "^"):
            return second == equals ? 2 : 1
        default:
            return 1
        }
    }

    /// Whether a `/` here starts a regular expression: at the start, after an
    /// operator or opening bracket, or after a keyword that an expression follows.
    private var regularExpressionAllowed: Bool {
        guard let previous = tokens.last(where: { !$0.isComment }) else { return true }
        switch previous.kind {
        case .number, .string, .template, .templateTail, .regularExpression, .privateName:
            return false
        case .templateHead, .templateMiddle:
            return true
        case .identifier:
            let word = bytes[previous.span.start..<previous.span.end]
            return Self.expressionKeywords.contains { $0.elementsEqual(word) }
        case .punctuator:
            // Not after `)`, `]`, `++` or `--`.
            let first = bytes[previous.span.start]
            switch previous.span.end - previous.span.start {
            case 1: return first != UInt8(ascii: ")") && first != UInt8(ascii: "]")
            case 2: return !((first == UInt8(ascii: "+") || first == UInt8(ascii: "-")) && bytes[previous.span.start + 1] == first)
            default: return true
            }
        case .lineComment, .blockComment:
            return true
        }
    }

    private static let expressionKeywords: [[UInt8]] = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
    ].map { Array($0.utf8) }
}
