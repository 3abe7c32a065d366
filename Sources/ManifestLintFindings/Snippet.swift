import ManifestLintCore

/// The source line a finding is shown on, as the text report prints it:
/// at most about `width` columns around the finding, with `…` where the
/// line is cut, every character visible (see `DisplayText`), and where the
/// caret goes. A minified file's one line, or a device's megabytes of NUL,
/// print as one short line.
public struct Snippet: Sendable, Hashable {
    /// The columns shown at most, besides the `…` marks.
    public static let width = 200
    /// How many columns before the finding a cut line keeps.
    static let leadingContext = 60

    public var line: String
    /// The 1-based column of `line` where the caret starts, and how many columns it covers (at least 1).
    public var caretColumn: Int
    public var caretWidth: Int

    /// The snippet of `span` (which starts on line `start.line`); a span over
    /// several lines is marked to the end of its first line.
    public init(file: SourceFile, span: Span, start: LineColumn, end: LineColumn) {
        let lineSpan = file.lineSpan(start.line)
        let bytes = file.bytes
        let first = min(max(span.start, lineSpan.start), lineSpan.end)
        let last = end.line == start.line ? min(max(span.end, first), lineSpan.end) : lineSpan.end
        // The window: `leadingContext` columns before the finding, and up to `width` in all;
        // near the end of the line, `width` columns back from there.
        var windowStart = Self.back(from: first, columns: Self.leadingContext, floor: lineSpan.start, in: bytes)
        let windowEnd = Self.forward(from: windowStart, columns: Self.width, ceiling: lineSpan.end, in: bytes)
        if windowEnd == lineSpan.end {
            windowStart = min(windowStart, Self.back(from: lineSpan.end, columns: Self.width, floor: lineSpan.start, in: bytes))
        }
        let cutBefore = windowStart > lineSpan.start
        let cutAfter = windowEnd < lineSpan.end
        let window = file.text(Span(windowStart, windowEnd))
        let shown: String
        if window.withBytes(DisplayText.needsEscape) {
            var text = String.UnicodeScalarView()
            for scalar in window.unicodeScalars { text.append(DisplayText.visible(scalar)) }
            shown = String(text)
        } else {
            shown = window
        }
        line = (cutBefore ? "…" : "") + shown + (cutAfter ? "…" : "")
        caretColumn = Self.columns(from: windowStart, to: first, in: bytes) + 1 + (cutBefore ? 1 : 0)
        caretWidth = max(1, Self.columns(from: first, to: min(last, windowEnd), in: bytes))
    }

    /// Whether a byte starts a column (is not a UTF-8 continuation byte).
    @inline(__always)
    private static func startsColumn(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// The offset `columns` columns before `offset`, not before `floor`.
    private static func back(from offset: Int, columns: Int, floor: Int, in bytes: [UInt8]) -> Int {
        var index = offset
        var counted = 0
        while index > floor, counted < columns {
            index -= 1
            while index > floor, !startsColumn(bytes[index]) { index -= 1 }
            counted += 1
        }
        return index
    }

    /// The offset `columns` columns after `offset`, not past `ceiling`.
    private static func forward(from offset: Int, columns: Int, ceiling: Int, in bytes: [UInt8]) -> Int {
        var index = offset
        var counted = 0
        while index < ceiling, counted < columns {
            index += 1
            while index < ceiling, !startsColumn(bytes[index]) { index += 1 }
            counted += 1
        }
        return index
    }

    private static func columns(from start: Int, to end: Int, in bytes: [UInt8]) -> Int {
        var count = 0
        var index = start
        while index < end {
            if startsColumn(bytes[index]) { count += 1 }
            index += 1
        }
        return count
    }
}
