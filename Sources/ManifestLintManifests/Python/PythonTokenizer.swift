import ManifestLintFindings

/// Splits Python 3 source into tokens with their byte spans, as Python's own
/// tokenizer does: strings with every prefix and triple quotes, f-strings
/// with their replacement fields tokenized (nested to any depth, quotes
/// reused inside as Python 3.12 allows), comments, line continuations,
/// brackets across lines, and the indentation of each logical line. An
/// unterminated string or bracket, a stray character or an indentation that
/// matches no outer level is an error at its offset; the scan always moves
/// forward and goes on to the end.
public enum PythonTokenizer {
    public static func tokenize(_ bytes: [UInt8]) -> PythonTokens {
        var scanner = PythonScanner(bytes: bytes)
        scanner.run()
        return PythonTokens(tokens: scanner.tokens, error: scanner.error)
    }
}

private struct PythonScanner {
    let bytes: [UInt8]
    var position = 0
    var tokens: [PythonToken] = []
    var error: (message: String, offset: Int)?

    /// An f-string being read: where it starts, its quote, and where its current piece starts.
    struct FString {
        var start: Int
        var quote: UInt8
        var triple: Bool
        var raw: Bool
        var pieceStart: Int
        var hasField = false
    }

    /// A replacement field being read: its f-string, and the brackets open in its expression.
    struct Field {
        var fstring: Int
        var brackets: [Int] = []
    }

    enum Mode {
        /// The text of an f-string.
        case text(Int)
        /// A replacement field's expression.
        case field(Int)
        /// A replacement field's format spec (after `:`), which may hold fields of its own.
        case spec(Int)
    }

    var fstrings: [FString] = []
    var fields: [Field] = []
    var modes: [Mode] = []
    /// The brackets open in plain code, by offset.
    var brackets: [Int] = []
    var indents: [Int] = [0]
    var atLineStart = true
    var lineHasToken = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4 + 8)
    }

    func byte(_ offset: Int = 0) -> UInt8 {
        position + offset < bytes.count ? bytes[position + offset] : 0
    }

    mutating func fail(_ message: String, at offset: Int) {
        if error == nil { error = (message, offset) }
    }

    mutating func emit(_ kind: PythonToken.Kind, from start: Int) {
        tokens.append(PythonToken(kind: kind, span: Span(start, position)))
    }

    mutating func run() {
        if byte() == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF { position = 3 }
        while position < bytes.count {
            let before = position
            switch modes.last {
            case nil: codeStep()
            case .field(let field)?: fieldStep(field)
            case .text(let fstring)?: textStep(fstring)
            case .spec(let field)?: specStep(field)
            }
            // Every step consumes at least one byte or changes mode; never loop in place.
            if position == before, case nil = modes.last { position += 1 }
        }
        if !modes.isEmpty, let open = fstrings.first { fail("unterminated f-string", at: open.start) }
        if let open = brackets.last { fail("'\(Character(UnicodeScalar(bytes[open])))' was never closed", at: open) }
        if lineHasToken { tokens.append(PythonToken(kind: .newline, span: Span(bytes.count, bytes.count))) }
        for _ in indents.dropFirst() { tokens.append(PythonToken(kind: .dedent, span: Span(bytes.count, bytes.count))) }
    }

    // MARK: Plain code

    mutating func codeStep() {
        if atLineStart {
            atLineStart = false
            indentation()
            if position >= bytes.count { return }
        }
        let start = position
        let current = byte()
        switch current {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
            position += 1
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            skipLineBreak()
            guard brackets.isEmpty else { return }
            if lineHasToken { emit(.newline, from: start) }
            lineHasToken = false
            atLineStart = true
        case UInt8(ascii: "#"):
            while position < bytes.count, byte() != UInt8(ascii: "\n"), byte() != UInt8(ascii: "\r") { position += 1 }
            emit(.comment, from: start)
        case UInt8(ascii: "\\"):
            continuation()
        default:
            lineHasToken = true
            token(inField: nil)
        }
    }

    /// The indentation of a line that holds code: indent and dedent tokens.
    /// Blank and comment-only lines, and lines inside brackets, have none.
    mutating func indentation() {
        let lineStart = position
        var column = 0
        while position < bytes.count {
            switch byte() {
            case UInt8(ascii: " "): column += 1
            case UInt8(ascii: "\t"): column = (column / 8 + 1) * 8
            case 0x0C: column = 0
            default: break
            }
            guard byte() == UInt8(ascii: " ") || byte() == UInt8(ascii: "\t") || byte() == 0x0C else { break }
            position += 1
        }
        let next = byte()
        guard brackets.isEmpty, position < bytes.count, next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r"),
              next != UInt8(ascii: "#"), !(next == UInt8(ascii: "\\") && isLineBreak(at: position + 1)) else { return }
        if column > indents[indents.count - 1] {
            indents.append(column)
            tokens.append(PythonToken(kind: .indent, span: Span(lineStart, position)))
            return
        }
        while column < indents[indents.count - 1] {
            indents.removeLast()
            tokens.append(PythonToken(kind: .dedent, span: Span(position, position)))
        }
        if column != indents[indents.count - 1] {
            fail("unindent does not match any outer indentation level", at: position)
            indents.append(column)
        }
    }

    func isLineBreak(at offset: Int) -> Bool {
        offset < bytes.count && (bytes[offset] == UInt8(ascii: "\n") || bytes[offset] == UInt8(ascii: "\r"))
    }

    mutating func skipLineBreak() {
        if byte() == UInt8(ascii: "\r") && byte(1) == UInt8(ascii: "\n") { position += 2 } else { position += 1 }
    }

    /// `\` at the end of a line joins the next one to this logical line.
    mutating func continuation() {
        if isLineBreak(at: position + 1) {
            position += 1
            skipLineBreak()
        } else {
            fail("unexpected character after line continuation character", at: position)
            position += 1
        }
    }

    // MARK: Tokens

    /// One name, number, string or operator; `inField` is the replacement field being read, if any.
    mutating func token(inField field: Int?) {
        let start = position
        let current = byte()
        if Self.isNameStart(current) {
            while position < bytes.count, Self.isNamePart(byte()) { position += 1 }
            if byte() == UInt8(ascii: "'") || byte() == UInt8(ascii: "\""), let prefix = Self.stringPrefix(bytes[start..<position]) {
                string(from: start, prefix: prefix)
            } else {
                emit(.name, from: start)
            }
            return
        }
        if Self.isDigit(current) || current == UInt8(ascii: ".") && Self.isDigit(byte(1)) {
            number()
            emit(.number, from: start)
            return
        }
        if current == UInt8(ascii: "'") || current == UInt8(ascii: "\"") {
            string(from: start, prefix: (raw: false, format: false))
            return
        }
        operatorToken(inField: field)
    }

    mutating func number() {
        if byte() == UInt8(ascii: "0"), [UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b")].contains(byte(1) | 0x20) {
            position += 2
            while position < bytes.count, Self.isHexDigit(byte()) || byte() == UInt8(ascii: "_") { position += 1 }
            return
        }
        while position < bytes.count, Self.isDigit(byte()) || byte() == UInt8(ascii: "_") { position += 1 }
        if byte() == UInt8(ascii: ".") {
            position += 1
            while position < bytes.count, Self.isDigit(byte()) || byte() == UInt8(ascii: "_") { position += 1 }
        }
        if byte() | 0x20 == UInt8(ascii: "e"), Self.isDigit(byte(1)) || (byte(1) == UInt8(ascii: "+") || byte(1) == UInt8(ascii: "-")) && Self.isDigit(byte(2)) {
            position += 2
            while position < bytes.count, Self.isDigit(byte()) || byte() == UInt8(ascii: "_") { position += 1 }
        }
        if byte() | 0x20 == UInt8(ascii: "j") { position += 1 }
    }

    mutating func operatorToken(inField field: Int?) {
        let start = position
        let current = byte()
        if let length = Self.operatorLength(at: position, in: bytes) {
            position += length
            if length == 1 { bracket(current, at: start, inField: field) }
            emit(.op, from: start)
            return
        }
        fail("invalid character '\(current < 0x80 ? String(UnicodeScalar(current)) : "?")'", at: start)
        position += 1
        emit(.op, from: start)
    }

    /// Keeps the brackets of plain code or of a field's expression.
    mutating func bracket(_ byte: UInt8, at offset: Int, inField field: Int?) {
        let isOpen = byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
        let isClose = byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
        guard isOpen || isClose else { return }
        if let field {
            if isOpen { fields[field].brackets.append(offset) } else if fields[field].brackets.popLast() == nil { fail("unmatched '\(Character(UnicodeScalar(byte)))'", at: offset) }
            return
        }
        if isOpen { brackets.append(offset) } else if brackets.popLast() == nil { fail("unmatched '\(Character(UnicodeScalar(byte)))'", at: offset) }
    }

    // MARK: Strings

    /// A string from its prefix at `start`; the quote is at `position`. An
    /// f-string with fields is read piece by piece (modes); others at once.
    mutating func string(from start: Int, prefix: (raw: Bool, format: Bool)) {
        let quote = byte()
        let triple = byte(1) == quote && byte(2) == quote
        position += triple ? 3 : 1
        if prefix.format {
            fstrings.append(FString(start: start, quote: quote, triple: triple, raw: prefix.raw, pieceStart: start))
            modes.append(.text(fstrings.count - 1))
            return
        }
        while true {
            guard position < bytes.count else {
                fail("unterminated \(triple ? "triple-quoted " : "")string literal", at: start)
                emit(.string, from: start)
                return
            }
            let current = byte()
            if current == UInt8(ascii: "\\") {
                let escaped = byte(1) == UInt8(ascii: "\r") && byte(2) == UInt8(ascii: "\n") ? 3 : 2
                position = min(bytes.count, position + escaped)
                continue
            }
            if !triple, current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") {
                fail("unterminated string literal", at: start)
                emit(.string, from: start)
                return
            }
            if current == quote, !triple || byte(1) == quote && byte(2) == quote {
                position += triple ? 3 : 1
                emit(.string, from: start)
                return
            }
            position += 1
        }
    }

    /// The text of an f-string: up to a field's `{` or the closing quote (`{{` and `}}` are text).
    mutating func textStep(_ index: Int) {
        let fstring = fstrings[index]
        let current = byte()
        if current == UInt8(ascii: "\\") {
            skipEscape(in: fstring)
            return
        }
        if !fstring.triple, current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") {
            fail("unterminated f-string", at: fstring.start)
            endFString(index)
            return
        }
        if current == fstring.quote, !fstring.triple || byte(1) == fstring.quote && byte(2) == fstring.quote {
            position += fstring.triple ? 3 : 1
            endFString(index)
            return
        }
        if current == UInt8(ascii: "{") {
            if byte(1) == UInt8(ascii: "{") { position += 2; return }
            openField(in: index)
            return
        }
        if current == UInt8(ascii: "}") {
            if byte(1) == UInt8(ascii: "}") { position += 2; return }
            fail("f-string: single '}' is not allowed", at: position)
        }
        position += 1
    }

    /// A backslash in an f-string's text: `\N{NAME}` names a character (its
    /// braces are no field); a brace after a backslash still opens or closes
    /// one; in a raw f-string a backslash only keeps a quote from ending it.
    mutating func skipEscape(in fstring: FString) {
        let next = byte(1)
        if !fstring.raw, next == UInt8(ascii: "N"), byte(2) == UInt8(ascii: "{") {
            position += 3
            while position < bytes.count, byte() != UInt8(ascii: "}"), byte() != fstring.quote { position += 1 }
            if byte() == UInt8(ascii: "}") { position += 1 }
        } else if next == UInt8(ascii: "{") || next == UInt8(ascii: "}") || fstring.raw && next != fstring.quote && next != UInt8(ascii: "\\") {
            position += 1
        } else {
            position += min(2, bytes.count - position)
        }
    }

    /// Emits a piece up to and with the `{` at `position`, and starts reading the field.
    mutating func openField(in index: Int) {
        position += 1
        tokens.append(PythonToken(kind: fstrings[index].hasField ? .fstringMiddle : .fstringHead,
                                  span: Span(fstrings[index].pieceStart, position)))
        fstrings[index].hasField = true
        fields.append(Field(fstring: index))
        modes.append(.field(fields.count - 1))
    }

    mutating func endFString(_ index: Int) {
        let fstring = fstrings[index]
        tokens.append(PythonToken(kind: fstring.hasField ? .fstringTail : .string, span: Span(fstring.pieceStart, position)))
        modes.removeLast()
        fstrings.removeLast()
        // A string that ends a logical line's first token: plain code has a token on this line now.
        if modes.isEmpty { lineHasToken = true }
    }

    /// A replacement field's expression: tokens, until `}`, `!conversion` or `:spec` outside its brackets.
    mutating func fieldStep(_ index: Int) {
        let field = fields[index]
        let current = byte()
        let fstring = fstrings[field.fstring]
        if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r"), !fstring.triple, field.brackets.isEmpty {
            // Python 3.12 lets a field's brackets span lines; a single-quoted f-string itself ends on its line.
            abandonField()
            return
        }
        switch current {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C, UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            position += 1
            return
        case UInt8(ascii: "\\"):
            continuation()
            return
        case UInt8(ascii: "#") where field.brackets.isEmpty:
            fail("f-string expression part cannot include '#'", at: position)
            position += 1
            return
        case UInt8(ascii: "#"):
            // A comment inside the field's brackets, as Python 3.12 allows.
            let start = position
            while position < bytes.count, byte() != UInt8(ascii: "\n"), byte() != UInt8(ascii: "\r") { position += 1 }
            emit(.comment, from: start)
            return
        default:
            break
        }
        // The f-string's own closing quote, before the field closed (only a quote the field's brackets do not hold).
        if field.brackets.isEmpty, current == fstring.quote, !fstring.triple || byte(1) == fstring.quote && byte(2) == fstring.quote,
           !isReusedQuote() {
            abandonField()
            return
        }
        if field.brackets.isEmpty {
            if current == UInt8(ascii: "}") {
                fstrings[field.fstring].pieceStart = position
                position += 1
                closeField()
                return
            }
            if current == UInt8(ascii: "!"), byte(1) != UInt8(ascii: "=") {
                fstrings[field.fstring].pieceStart = position
                position += 1
                while position < bytes.count, Self.isNamePart(byte()) { position += 1 }
                if byte() == UInt8(ascii: ":") {
                    position += 1
                    modes[modes.count - 1] = .spec(index)
                } else if byte() == UInt8(ascii: "}") {
                    position += 1
                    closeField()
                } else {
                    fail("f-string: expecting '}'", at: position)
                }
                return
            }
            if current == UInt8(ascii: ":") {
                fstrings[field.fstring].pieceStart = position
                position += 1
                modes[modes.count - 1] = .spec(index)
                return
            }
        }
        token(inField: index)
    }

    /// Whether the quote at `position` opens a string inside the expression
    /// (Python 3.12 lets a field reuse its f-string's quote): a quote right
    /// after an operator, an opening bracket or the field's start does.
    func isReusedQuote() -> Bool {
        guard let last = tokens.last else { return false }
        return last.kind == .op || last.kind == .fstringHead || last.kind == .fstringMiddle
    }

    /// A format spec: text, with nested fields, up to the `}` that closes its field.
    mutating func specStep(_ index: Int) {
        let fstring = fstrings[fields[index].fstring]
        let current = byte()
        if current == UInt8(ascii: "{") {
            openField(in: fields[index].fstring)
            return
        }
        if current == UInt8(ascii: "}") {
            position += 1
            closeField()
            return
        }
        if current == fstring.quote || (!fstring.triple && (current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r"))) {
            abandonField()
            return
        }
        if current == UInt8(ascii: "\\") { skipEscape(in: fstring) } else { position += 1 }
    }

    /// A field that its f-string's end (or line end) cut short: an error, and
    /// the f-string's text goes on from here (its tail starts here, after the field's tokens).
    mutating func abandonField() {
        fail("f-string: expecting '}'", at: position)
        if let field = fields.last { fstrings[field.fstring].pieceStart = position }
        closeField()
    }

    /// The field on top ends; reading goes on in its f-string's text, or in the spec of the field around it.
    mutating func closeField() {
        modes.removeLast()
        fields.removeLast()
    }

    // MARK: Characters

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isNamePart(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// A string prefix (r, u, b, f, br, rb, fr, rf in any case): whether it is raw and whether it formats.
    static func stringPrefix(_ name: ArraySlice<UInt8>) -> (raw: Bool, format: Bool)? {
        guard name.count <= 2 else { return nil }
        var raw = false, format = false, bytesOrUnicode = 0
        for byte in name {
            switch byte | 0x20 {
            case UInt8(ascii: "r"): if raw { return nil }; raw = true
            case UInt8(ascii: "f"): if format { return nil }; format = true
            case UInt8(ascii: "b"), UInt8(ascii: "u"): bytesOrUnicode += 1
            default: return nil
            }
        }
        if bytesOrUnicode > 1 || format && bytesOrUnicode > 0 { return nil }
        if name.count == 2, bytesOrUnicode == 1, name.contains(where: { $0 | 0x20 == UInt8(ascii: "u") }) { return nil }
        return (raw, format)
    }

    /// The length of the operator at `offset`, longest first (`**=`, `->`,
    /// `...`); nil for a byte that starts none. Decided on the bytes.
    static func operatorLength(at offset: Int, in bytes: [UInt8]) -> Int? {
        let first = bytes[offset]
        let second: UInt8 = offset + 1 < bytes.count ? bytes[offset + 1] : 0
        let third: UInt8 = offset + 2 < bytes.count ? bytes[offset + 2] : 0
        let equals = UInt8(ascii: "=")
        switch first {
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"):
            // `**`, `//`, `>>`, `<<`, each also with `=`; `<=`, `>=`, `*=`, `/=`.
            if second == first { return third == equals ? 3 : 2 }
            return second == equals ? 2 : 1
        case UInt8(ascii: "."):
            return second == first && third == first ? 3 : 1
        case UInt8(ascii: "-"):
            return second == UInt8(ascii: ">") || second == equals ? 2 : 1
        case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "^"), UInt8(ascii: "@"):
            return second == equals ? 2 : 1
        case UInt8(ascii: "!"):
            return second == equals ? 2 : nil
        case UInt8(ascii: "~"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"):
            return 1
        default:
            return nil
        }
    }
}
