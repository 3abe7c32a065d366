/// A strict JSON parser with byte spans, accepting exactly what npm accepts in
/// a package.json (a leading BOM dropped, then JSON.parse), or, in JSONC mode,
/// what TypeScript accepts in a tsconfig.json (comments and trailing commas).
///
/// It keeps an explicit stack instead of recursing, so deep input cannot
/// overflow a thread's stack; nesting beyond `maximumDepth` is a syntax error.
public enum JSONLoader {
    public enum Dialect: Sendable {
        case json
        case jsonc
    }

    public static let maximumDepth = 1_000

    public static func load(_ file: SourceFile, dialect: Dialect = .json) -> LoadedDocument {
        if let refusal = InputGuard.refusal(for: file) {
            return LoadedDocument(file: file, root: nil, problems: [refusal])
        }
        // The parse reads the bytes through a pointer: every read is after a check
        // of the position against the count (the JSON conformance suite runs in the tests).
        return file.bytes.withUnsafeBufferPointer { bytes in
            var parser = JSONParser(file: file, bytes: bytes, dialect: dialect)
            let root = parser.parseDocument()
            return LoadedDocument(file: file, root: root, problems: parser.problems)
        }
    }
}

private struct JSONSyntaxError: Error {
    var message: String
    var offset: Int
}

private struct JSONParser {
    /// An open array or object; a struct, so that the top of the stack is
    /// extended in place.
    private struct Frame {
        var isObject: Bool
        var start: Int
        var elements: [Node] = []
        var entries: [MappingEntry] = []
        /// In an object, the key whose value is being read.
        var key: Node?
    }

    let file: SourceFile
    /// The file's bytes, valid while the parser runs.
    let bytes: UnsafeBufferPointer<UInt8>
    let dialect: JSONLoader.Dialect
    var position = 0
    var problems: [LoadProblem] = []
    private var stack: [Frame] = []

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, dialect: JSONLoader.Dialect) {
        self.file = file
        self.bytes = bytes
        self.dialect = dialect
        // Room for a few levels at once: growing one by one reallocates.
        stack.reserveCapacity(8)
        if file.hasByteOrderMark { position = 3 }
    }

    mutating func parseDocument() -> Node? {
        do {
            let root = try parseValues()
            try skipWhitespace()
            if position < bytes.count {
                throw unexpected(at: position, "after the end of the JSON value")
            }
            return root
        } catch let error as JSONSyntaxError {
            problems.append(LoadProblem(kind: .syntax, message: error.message,
                                        span: Span(error.offset, min(error.offset + 1, bytes.count))))
            return nil
        } catch {
            return nil
        }
    }

    // MARK: Structure

    /// Parses one value and everything nested in it, without recursion.
    private mutating func parseValues() throws -> Node {
        while true {
            try skipWhitespace()
            guard position < bytes.count else { throw endOfInput() }
            var completed: Node
            let start = position
            switch bytes[position] {
            case UInt8(ascii: "{"):
                try pushFrame(isObject: true, start: start)
                position += 1
                try skipWhitespace()
                if peek(UInt8(ascii: "}")) {
                    position += 1
                    stack.removeLast()
                    completed = Node(.mapping([]), span: Span(start, position))
                } else {
                    try readKey()
                    continue
                }
            case UInt8(ascii: "["):
                try pushFrame(isObject: false, start: start)
                position += 1
                try skipWhitespace()
                if peek(UInt8(ascii: "]")) {
                    position += 1
                    stack.removeLast()
                    completed = Node(.sequence([]), span: Span(start, position))
                } else {
                    continue
                }
            case UInt8(ascii: "\""):
                completed = try parseString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                completed = try parseNumber()
            case UInt8(ascii: "t"):
                completed = try parseLiteral("true", kind: .boolean)
            case UInt8(ascii: "f"):
                completed = try parseLiteral("false", kind: .boolean)
            case UInt8(ascii: "n"):
                completed = try parseLiteral("null", kind: .null)
            default:
                throw unexpected(at: position, "where a value was expected")
            }
            // Hand the value to its container; close containers that end here.
            while true {
                guard let top = stack.indices.last else { return completed }
                if stack[top].isObject {
                    // The key is moved out of the frame (take), not copied and then cleared.
                    if let key = stack[top].key.take() {
                        stack[top].entries.append(MappingEntry(key: key, value: completed))
                    }
                    try skipWhitespace()
                    if try consumeSeparator(closing: UInt8(ascii: "}")) {
                        try readKey()
                        break
                    }
                    let frame = stack.removeLast()
                    reportDuplicateKeys(frame.entries)
                    completed = Node(.mapping(frame.entries), span: Span(frame.start, position))
                } else {
                    stack[top].elements.append(completed)
                    try skipWhitespace()
                    if try consumeSeparator(closing: UInt8(ascii: "]")) { break }
                    let frame = stack.removeLast()
                    completed = Node(.sequence(frame.elements), span: Span(frame.start, position))
                }
            }
        }
    }

    /// After a value in a container: consumes `,` (returning true: more follows)
    /// or the closing bracket (returning false). In JSONC a `,` before the
    /// closing bracket is allowed and consumed with it.
    private mutating func consumeSeparator(closing: UInt8) throws -> Bool {
        guard position < bytes.count else { throw endOfInput() }
        if bytes[position] == UInt8(ascii: ",") {
            position += 1
            if dialect == .jsonc {
                try skipWhitespace()
                if peek(closing) {
                    position += 1
                    return false
                }
            }
            return true
        }
        if bytes[position] == closing {
            position += 1
            return false
        }
        throw unexpected(at: position, "where `,` or `\(Character(Unicode.Scalar(closing)))` was expected")
    }

    /// Reads `"key" :` into the object on top of the stack.
    private mutating func readKey() throws {
        try skipWhitespace()
        guard position < bytes.count else { throw endOfInput() }
        guard bytes[position] == UInt8(ascii: "\"") else {
            throw unexpected(at: position, "where a property name in double quotes was expected")
        }
        let key = try parseString()
        try skipWhitespace()
        guard position < bytes.count else { throw endOfInput() }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw unexpected(at: position, "where `:` was expected")
        }
        position += 1
        if let top = stack.indices.last { stack[top].key = key }
    }

    /// Opens an array or object. The frame is built on the stack, not copied
    /// there: a copy would share the entries' buffer with the original, and
    /// the first entry would then copy the buffer again.
    private mutating func pushFrame(isObject: Bool, start: Int) throws {
        guard stack.count < JSONLoader.maximumDepth else {
            throw JSONSyntaxError(message: "nesting is deeper than \(JSONLoader.maximumDepth) levels", offset: position)
        }
        stack.append(Frame(isObject: isObject, start: start))
        // Room for a few entries at once: growing one by one reallocates.
        if isObject { stack[stack.count - 1].entries.reserveCapacity(8) }
    }

    /// JSON.parse keeps the last of two equal keys; npm never says so. A key
    /// repeated with the same value loses nothing, and is not a problem.
    private mutating func reportDuplicateKeys(_ entries: [MappingEntry]) {
        guard entries.count > 1 else { return }
        for (entry, first) in entries.repeatedNames() where !entry.value.isSameJSONValue(as: first.value) {
            let line = file.position(of: first.key.span.start).line
            problems.append(LoadProblem(
                kind: .duplicateKey,
                message: "key '\(entry.name ?? "")' is already defined at line \(line); JSON.parse keeps only this last one",
                span: entry.key.span))
        }
    }

    // MARK: Scalars

    private mutating func parseLiteral(_ word: String, kind: ScalarKind) throws -> Node {
        let start = position
        for expected in word.utf8 {
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == expected else { throw unexpected(at: position, "in the literal `\(word)`") }
            position += 1
        }
        return Node(.scalar(Scalar(text: word, kind: kind, style: .json)), span: Span(start, position))
    }

    private mutating func parseNumber() throws -> Node {
        let start = position
        var isInteger = true
        if peek(UInt8(ascii: "-")) { position += 1 }
        guard position < bytes.count else { throw endOfInput() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(bytes[position]) {
            skipDigits()
        } else {
            throw unexpected(at: position, "where a digit was expected")
        }
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw unexpected(at: position, "where a digit was expected after `.`") }
            skipDigits()
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw unexpected(at: position, "where a digit of the exponent was expected") }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return Node(.scalar(Scalar(text: text, kind: isInteger ? .integer : .float, style: .json)), span: Span(start, position))
    }

    private mutating func parseString() throws -> Node {
        let start = position
        position += 1
        // Most strings are plain ASCII without escapes: find their end in one tight pass.
        let stop = plainStringStop(from: position)
        if stop < bytes.count, bytes[stop] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<stop]), as: UTF8.self)
            position = stop + 1
            return Node(.scalar(Scalar(text: text, kind: .string, style: .json)), span: Span(start, position))
        }
        var decoded: [UInt8] = []
        var needsDecoding = false
        var reportedRepair = false
        var segmentStart = position
        while true {
            guard position < bytes.count else { throw endOfInput(inString: start) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                if !needsDecoding { decoded.append(contentsOf: bytes[segmentStart..<position]); needsDecoding = true }
                try decodeEscape(into: &decoded, reported: &reportedRepair)
                segmentStart = position
            } else if byte < 0x20 {
                throw JSONSyntaxError(message: "control character U+\(hex(UInt32(byte), width: 4)) must be escaped in a string", offset: position)
            } else if byte < 0x80 {
                if needsDecoding { decoded.append(byte) }
                position += 1
            } else {
                let length = utf8SequenceLength(at: position)
                if length > 0 {
                    if needsDecoding { decoded.append(contentsOf: bytes[position..<position + length]) }
                    position += length
                } else {
                    if !reportedRepair {
                        reportedRepair = true
                        problems.append(LoadProblem(kind: .tolerated,
                                                    message: "invalid UTF-8 in a string; npm reads it as U+FFFD",
                                                    span: Span(position, position + 1)))
                    }
                    // Kept as it is: decoding the string replaces each maximal invalid sequence with one
                    // U+FFFD, as Node's UTF-8 decoder does (not one per byte).
                    if needsDecoding { decoded.append(byte) }
                    position += 1
                }
            }
        }
        let text = needsDecoding
            ? String(decoding: decoded, as: UTF8.self)
            : String(decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<position]), as: UTF8.self)
        position += 1
        return Node(.scalar(Scalar(text: text, kind: .string, style: .json)), span: Span(start, position))
    }

    /// The offset of the first byte from `start` that a plain string cannot
    /// hold as it is (a quote, a backslash, a control or a non-ASCII byte), or
    /// the count. Eight bytes are tested at a time, as one word: a byte of
    /// the word is marked (its high bit set) when it is one of those; a borrow
    /// can mark bytes above a marked one, never below, so the lowest mark is
    /// the first such byte.
    private func plainStringStop(from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
                let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
                let marked = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word)
                    & (ones &* 0x80)
                if marked != 0 { return index + marked.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return index }
            index += 1
        }
        return index
    }

    /// Decodes the escape at `position` (a backslash) and moves past it.
    private mutating func decodeEscape(into decoded: inout [UInt8], reported: inout Bool) throws {
        position += 1
        guard position < bytes.count else { throw endOfInput() }
        let code = bytes[position]
        position += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(code)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = position - 2
            var value = try readHexQuad()
            if (0xD800...0xDBFF).contains(value), bytes.count >= position + 6,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let save = position
                position += 2
                let low = try readHexQuad()
                if (0xDC00...0xDFFF).contains(low) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    position = save
                }
            }
            if let scalar = Unicode.Scalar(value) {
                decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                if !reported {
                    reported = true
                    problems.append(LoadProblem(kind: .tolerated,
                                                message: "lone UTF-16 surrogate \\u\(hex(value, width: 4)) in a string; it cannot be written as UTF-8",
                                                span: Span(escapeStart, position)))
                }
                decoded.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
        default:
            throw JSONSyntaxError(message: "invalid escape `\\\(Character(Unicode.Scalar(code)))` in a string", offset: position - 1)
        }
    }

    private mutating func readHexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw endOfInput() }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw unexpected(at: position, "where a hexadecimal digit of a \\u escape was expected")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0.
    private func utf8SequenceLength(at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }

    // MARK: Whitespace and comments

    private mutating func skipWhitespace() throws {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "/") where dialect == .jsonc && position + 1 < bytes.count:
                if bytes[position + 1] == UInt8(ascii: "/") {
                    while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                } else if bytes[position + 1] == UInt8(ascii: "*") {
                    let start = position
                    position += 2
                    while position + 1 < bytes.count,
                          !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/")) {
                        position += 1
                    }
                    guard position + 1 < bytes.count else {
                        throw JSONSyntaxError(message: "unterminated comment", offset: start)
                    }
                    position += 2
                } else {
                    return
                }
            default:
                return
            }
        }
    }

    // MARK: Helpers

    private func peek(_ byte: UInt8) -> Bool {
        position < bytes.count && bytes[position] == byte
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    private func endOfInput(inString start: Int? = nil) -> JSONSyntaxError {
        if let start {
            return JSONSyntaxError(message: "unterminated string (it starts at line \(file.position(of: start).line))", offset: bytes.count)
        }
        return JSONSyntaxError(message: "unexpected end of input", offset: bytes.count)
    }

    private func unexpected(at offset: Int, _ context: String) -> JSONSyntaxError {
        let byte = bytes[offset]
        let shown: String
        if byte < 0x20 || byte == 0x7F {
            shown = "U+\(hex(UInt32(byte), width: 4))"
        } else if byte >= 0x80 {
            let length = utf8SequenceLength(at: offset)
            shown = length > 0 ? "`\(file.text(Span(offset, offset + length)))`" : "invalid UTF-8 byte 0x\(hex(UInt32(byte), width: 2))"
        } else {
            shown = "`\(Character(Unicode.Scalar(byte)))`"
        }
        return JSONSyntaxError(message: "unexpected \(shown) \(context)", offset: offset)
    }
}

private func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
