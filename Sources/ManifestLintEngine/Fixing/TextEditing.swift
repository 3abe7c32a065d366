import ManifestLintRules

/// Applying byte-range edits to one file's bytes.
enum TextEditing {
    /// The bytes with every edit applied; edits must not overlap. From the
    /// end backwards, and of two edits that start at one offset, the one that
    /// reaches further first: an insertion at the start of a deleted range
    /// then lands before it instead of being deleted with it.
    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { ($0.span.start, $0.span.end) > ($1.span.start, $1.span.end) }) {
            let start = min(max(edit.span.start, 0), result.count)
            let end = min(max(edit.span.end, start), result.count)
            result.replaceSubrange(start..<end, with: Array(edit.replacement.utf8))
        }
        return result
    }

    static func overlaps(_ first: Span, _ second: Span) -> Bool {
        first.start < second.end && second.start < first.end || first == second
    }
}
