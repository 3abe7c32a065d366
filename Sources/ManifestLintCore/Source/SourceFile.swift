import Synchronization

/// The bytes of one file as read, with its path and a line index for turning
/// byte offsets into lines and columns.
public final class SourceFile: Sendable {
    /// The path inside the file tree (absolute on disk, relative in a virtual tree).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts (line 1 starts at 0), found on
    /// the first question: most files read are never reported on.
    private let lineIndex = Mutex<[Int]?>(nil)

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    private var lineStarts: [Int] {
        lineIndex.withLock { index in
            if let index { return index }
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                starts.append(offset + 1)
            }
            index = starts
            return starts
        }
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 1-based line holding `offset` (offsets past the end map to the last line).
    public func line(of offset: Int) -> Int {
        let lineStarts = lineStarts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and column of a byte offset; the column counts Unicode scalars
    /// (UTF-8 continuation bytes do not start a new column).
    public func position(of offset: Int) -> LineColumn {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(of: clamped)
        var column = 1
        var index = lineStarts[line - 1]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return LineColumn(line: line, column: column)
    }

    /// The byte offset of a line and column (the inverse of `position(of:)`).
    public func offset(of position: LineColumn) -> Int {
        let lineStarts = lineStarts
        guard position.line >= 1, position.line <= lineStarts.count else { return bytes.count }
        var index = lineStarts[position.line - 1]
        var column = 1
        while column < position.column, index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }

    /// The bytes of a 1-based line without its line break (`\n` or `\r\n`).
    public func lineSpan(_ line: Int) -> Span {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else { return Span(bytes.count, bytes.count) }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Span(start, max(start, end))
    }

    /// The text of a 1-based line without its line break.
    public func lineText(_ line: Int) -> String {
        text(lineSpan(line))
    }

    /// The source text of a span, decoded as UTF-8 (invalid bytes become U+FFFD).
    public func text(_ span: Span) -> String {
        let start = min(max(span.start, 0), bytes.count)
        let end = min(max(span.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether the file starts with a UTF-8 byte-order mark.
    public var hasByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
