/// Reads the plainest YAML documents without libyaml, giving exactly the
/// events libyaml gives for them, and declines everything else.
///
/// Pulumi.yaml and stack files are mostly a block mapping of one-line keys
/// and values, and libyaml spends about 30,000 instructions on each such
/// small file, a tenth of a whole project's check; this reads one in a few
/// thousand. Accepted: printable ASCII and line feeds (no tab, no carriage
/// return); blank and comment lines anywhere; lines `key: value` and `key:`
/// (then null, or a more indented mapping), the first at column 0; keys and
/// values that are one-line plain scalars or quoted scalars without escapes,
/// a value followed by an optional ` # comment`. Declined: sequences, flow
/// collections, anchors, aliases, tags, block and multi-line scalars,
/// document markers, directives, escapes and anything malformed. The tests
/// compare its events with libyaml's on every YAML text they hold and on
/// thousands of generated documents.
enum SimpleBlockYAML {
    /// Hands the document's events to `body` in order; false when the text is
    /// not one this reader takes, or `body` refused an event, and then the
    /// events handed so far are to be dropped.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (YAMLEvent) -> Bool) -> Bool {
        guard bytes.allSatisfy({ ($0 >= space && $0 <= 0x7E) || $0 == newline }) else { return false }
        var accepted = true
        func emit(_ event: YAMLEvent) {
            if accepted { accepted = body(event) }
        }
        emit(YAMLEvent(kind: .streamStart, start: 0, end: 0))
        /// The indentation of each open mapping, outermost first.
        var indents: [Int] = []
        indents.reserveCapacity(8)
        /// Where the `:` of the last key ends while its value is not known yet (null or a nested mapping).
        var valuePending: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            let index = afterSpaces(bytes, from: lineStart, to: lineEnd)
            // Blank and comment lines shape nothing.
            if index == lineEnd || bytes[index] == hash { continue }
            let indent = index - lineStart
            // `...` at column 0 before a space or the line end ends the document (`---` starts no plain key).
            if indent == 0 && isDocumentEndMarker(bytes, at: index, lineEnd: lineEnd) { return false }
            if indents.isEmpty {
                guard indent == 0 else { return false }
                emit(YAMLEvent(kind: .documentStart, start: index, end: index))
                emit(YAMLEvent(kind: .mappingStart(anchor: nil), start: index, end: index))
                indents.append(indent)
            } else if let colonEnd = valuePending {
                valuePending = nil
                if let current = indents.last, indent > current {
                    emit(YAMLEvent(kind: .mappingStart(anchor: nil), start: index, end: index))
                    indents.append(indent)
                } else {
                    emit(nullScalar(at: colonEnd))
                }
            }
            while let current = indents.last, indent < current {
                emit(YAMLEvent(kind: .mappingEnd, start: index, end: index))
                indents.removeLast()
            }
            // A line more indented than its mapping, or between two levels, is not a key here.
            guard indents.last == indent, let key = keyScalar(bytes, from: index, to: lineEnd) else { return false }
            emit(key.event)
            let valueStart = afterSpaces(bytes, from: key.end, to: lineEnd)
            if valueStart == lineEnd || bytes[valueStart] == hash {
                valuePending = key.end
            } else {
                guard let value = valueScalar(bytes, from: valueStart, to: lineEnd) else { return false }
                emit(value)
            }
            guard accepted else { return false }
        }
        guard !indents.isEmpty else { return false }
        if let colonEnd = valuePending { emit(nullScalar(at: colonEnd)) }
        let end = bytes.count
        for _ in indents { emit(YAMLEvent(kind: .mappingEnd, start: end, end: end)) }
        emit(YAMLEvent(kind: .documentEnd, start: end, end: end))
        emit(YAMLEvent(kind: .streamEnd, start: end, end: end))
        return accepted
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":")
    private static let singleQuote = UInt8(ascii: "'")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// The first offset from `start` that is not a space (`end` at most).
    private static func afterSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == space { index += 1 }
        return index
    }

    /// The empty plain scalar libyaml gives a key without a value, where its `:` ends.
    private static func nullScalar(at offset: Int) -> YAMLEvent {
        YAMLEvent(kind: .scalar(text: "", style: .plain, plainImplicit: true, tag: nil, anchor: nil), start: offset, end: offset)
    }

    /// Whether a plain scalar may start with this byte without it being an
    /// indicator (`-`, `?` and `:` may, before some bytes; they are declined).
    private static func startsPlainScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"), UInt8(ascii: "("),
             UInt8(ascii: "+"), UInt8(ascii: "^"):
            return true
        default:
            return false
        }
    }

    /// Whether the `:` at `index` is a mapping value indicator (a space or the line end follows).
    private static func isIndicator(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, lineEnd: Int) -> Bool {
        bytes[index] == colon && (index + 1 == lineEnd || bytes[index + 1] == space)
    }

    /// Whether the line from `index` is `...` alone or before a space: a document end marker, not a key.
    private static func isDocumentEndMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lineEnd: Int) -> Bool {
        let dot = UInt8(ascii: ".")
        guard lineEnd - index >= 3, bytes[index] == dot, bytes[index + 1] == dot, bytes[index + 2] == dot else { return false }
        return index + 3 == lineEnd || bytes[index + 3] == space
    }

    /// A scalar's event and the offset after it (for a key, after its `:`).
    /// A struct, not a tuple: an optional tuple holding an event is destroyed
    /// through the runtime's generic tuple code, an order of magnitude slower.
    private struct ScannedScalar {
        var event: YAMLEvent
        var end: Int
    }

    /// A key at `start` and where its `:` ends.
    private static func keyScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to lineEnd: Int) -> ScannedScalar? {
        if bytes[start] == singleQuote || bytes[start] == doubleQuote {
            guard let quoted = quotedScalar(bytes, from: start, to: lineEnd), quoted.end < lineEnd,
                  isIndicator(bytes, quoted.end, lineEnd: lineEnd) else { return nil }
            return ScannedScalar(event: quoted.event, end: quoted.end + 1)
        }
        guard startsPlainScalar(bytes[start]) else { return nil }
        var index = start + 1
        // libyaml refuses a simple key longer than 1,024 characters; long keys are declined.
        while index < lineEnd, index - start < 1_000 {
            if bytes[index] == hash && bytes[index - 1] == space { return nil }
            if isIndicator(bytes, index, lineEnd: lineEnd) {
                guard bytes[index - 1] != space else { return nil }
                return ScannedScalar(event: plainScalar(bytes, from: start, to: index), end: index + 1)
            }
            index += 1
        }
        return nil
    }

    /// A value at `start`, alone on the rest of its line but for a comment.
    private static func valueScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to lineEnd: Int) -> YAMLEvent? {
        if bytes[start] == singleQuote || bytes[start] == doubleQuote {
            guard let quoted = quotedScalar(bytes, from: start, to: lineEnd) else { return nil }
            let index = afterSpaces(bytes, from: quoted.end, to: lineEnd)
            // Only spaces, or a comment after at least one of them.
            guard index == lineEnd || (bytes[index] == hash && index > quoted.end) else { return nil }
            return quoted.event
        }
        guard startsPlainScalar(bytes[start]) else { return nil }
        var end = start + 1
        var index = start + 1
        while index < lineEnd {
            let byte = bytes[index]
            if byte == hash && bytes[index - 1] == space { break }
            // `a: b: c` is an error, and `a: b:` too.
            if isIndicator(bytes, index, lineEnd: lineEnd) { return nil }
            index += 1
            if byte != space { end = index }
        }
        return plainScalar(bytes, from: start, to: end)
    }

    private static func plainScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> YAMLEvent {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return YAMLEvent(kind: .scalar(text: text, style: .plain, plainImplicit: true, tag: nil, anchor: nil), start: start, end: end)
    }

    /// A quoted scalar without escapes on one line, and the offset after its closing quote.
    private static func quotedScalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to lineEnd: Int) -> ScannedScalar? {
        let quote = bytes[start]
        var index = start + 1
        while index < lineEnd, bytes[index] != quote {
            if bytes[index] == backslash && quote == doubleQuote { return nil }
            index += 1
        }
        guard index < lineEnd else { return nil }
        let end = index + 1
        // `''` inside single quotes is an escaped quote.
        if quote == singleQuote, end < lineEnd, bytes[end] == singleQuote { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]), as: UTF8.self)
        let style: ScalarStyle = quote == singleQuote ? .singleQuoted : .doubleQuoted
        return ScannedScalar(event: YAMLEvent(kind: .scalar(text: text, style: style, plainImplicit: false, tag: nil, anchor: nil), start: start, end: end), end: end)
    }
}
