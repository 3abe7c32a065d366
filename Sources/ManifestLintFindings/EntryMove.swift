import ManifestLintCore

extension Fix {
    /// Moves top-level entries of a YAML block mapping under its key `section`
    /// (`aws:region: x` at the top of a stack file into `config:`): each
    /// entry's whole lines, comments on them included, are cut and written
    /// again, in their order, indented as the section's entries are (two
    /// spaces when it has none): after the section's last entry; after
    /// `section:` when it is empty (`section:` alone or `section: {}`); or
    /// as a new `section:` where the first entry was, when there is none.
    /// nil where this cannot be done in place: JSON, a flow mapping, an
    /// entry that does not own its lines, a section that is no block mapping,
    /// or a key the section holds already (the move would duplicate it).
    public static func movingEntries(_ entries: [MappingEntry], under section: String, in root: Node, file: SourceFile,
                                     _ applicability: Applicability, _ title: String) -> Fix? {
        let moved = entries.compactMap { ownLines(of: $0, in: file) }
        guard !entries.isEmpty, moved.count == entries.count else { return nil }
        let target = root.entry(section)
        var indent = "  "
        var insertion: Span
        var prefix = ""
        /// `section: {}`: the moved lines take the braces' place, after the colon, with no line break of their own at the end.
        var replacesBraces = false
        if let target {
            guard columnZeroLineStart(of: target.key, in: file) != nil else { return nil }
            switch target.value.value {
            case .mapping(let existing) where !existing.isEmpty:
                // A block mapping: its first key on a line of its own, after the section's key, indented by spaces.
                guard let first = existing.first, file.bytes[target.value.span.start] != UInt8(ascii: "{"),
                      file.line(of: first.key.span.start) > file.line(of: target.key.span.start) else { return nil }
                let keyLineStart = file.lineSpan(file.line(of: first.key.span.start)).start
                guard file.bytes[keyLineStart..<first.key.span.start].allSatisfy({ $0 == UInt8(ascii: " ") }) else { return nil }
                let names = Set(existing.compactMap(\.name))
                guard !entries.contains(where: { $0.name.map(names.contains) ?? true }) else { return nil }
                indent = String(repeating: " ", count: first.key.span.start - keyLineStart)
                let end = endOfLines(through: contentEnd(of: target.value), in: file)
                insertion = Span(end, end)
            case .mapping:
                // `section: {}`: the braces go, the entries follow on lines of their own.
                guard file.text(target.value.span) == "{}", target.key.span.end < file.bytes.count,
                      file.bytes[target.key.span.end] == UInt8(ascii: ":"),
                      restOfLineIsBlank(after: target.value.span.end, in: file) else { return nil }
                insertion = Span(target.key.span.end + 1, file.lineSpan(file.line(of: target.value.span.end)).end)
                prefix = "\n"
                replacesBraces = true
            case .scalar(let scalar) where scalar.kind == .null && target.value.span.length == 0:
                let end = endOfLines(through: target.key.span.end, in: file)
                insertion = Span(end, end)
            default:
                return nil
            }
        } else {
            // The new section takes the place of the first entry's lines.
            insertion = moved[0]
            prefix = section + ":\n"
        }
        var text = prefix
        for span in moved {
            var lines = file.text(span).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            text += lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n") + "\n"
        }
        if replacesBraces { text.removeLast() }
        var edits = [TextEdit(path: file.path, span: insertion, replacement: text)]
        for span in moved where span != insertion {
            edits.append(TextEdit(path: file.path, span: span, replacement: ""))
        }
        return Fix(applicability, title, edits.map { .edit($0) })
    }

    /// The lines an entry of a top-level block mapping owns: from its line's
    /// start (the key at column 0) to the end of the line its value ends on,
    /// line break included; nil when something else shares them.
    private static func ownLines(of entry: MappingEntry, in file: SourceFile) -> Span? {
        guard let start = columnZeroLineStart(of: entry.key, in: file) else { return nil }
        let valueEnd = max(contentEnd(of: entry.value), entry.key.span.end)
        guard endsLine(valueEnd, in: file) || restOfLineIsBlank(after: valueEnd, in: file, allowingComment: true) else { return nil }
        return Span(start, endOfLines(through: valueEnd, in: file))
    }

    /// Where a node's last scalar ends: a block collection's own span may
    /// reach past the comment lines that follow it, up to the next key.
    private static func contentEnd(of node: Node) -> Int {
        switch node.value {
        case .scalar: return node.span.end
        case .mapping(let entries):
            guard let last = entries.last else { return node.span.end }
            return max(contentEnd(of: last.value), last.key.span.end)
        case .sequence(let elements):
            return elements.last.map(contentEnd(of:)) ?? node.span.end
        }
    }

    /// The start of the key's line when the key starts it (column 0).
    private static func columnZeroLineStart(of key: Node, in file: SourceFile) -> Int? {
        let start = file.lineSpan(file.line(of: key.span.start)).start
        return start == key.span.start ? start : nil
    }

    /// The offset after the line break that ends the text up to `offset`:
    /// `offset` itself when a line break ends there already (a block scalar's
    /// span takes in its last line break), else after the break that ends
    /// its line (the file's end on the last line).
    private static func endOfLines(through offset: Int, in file: SourceFile) -> Int {
        if endsLine(offset, in: file) { return offset }
        var index = offset
        while index < file.bytes.count, file.bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return min(index + 1, file.bytes.count)
    }

    private static func endsLine(_ offset: Int, in file: SourceFile) -> Bool {
        offset > 0 && offset <= file.bytes.count && file.bytes[offset - 1] == UInt8(ascii: "\n")
    }

    /// Whether only spaces (and, when allowed, a `#` comment) follow `offset` on its line.
    private static func restOfLineIsBlank(after offset: Int, in file: SourceFile, allowingComment: Bool = false) -> Bool {
        var index = offset
        while index < file.bytes.count, file.bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index >= file.bytes.count || file.bytes[index] == UInt8(ascii: "\n") || file.bytes[index] == UInt8(ascii: "\r")
            || allowingComment && file.bytes[index] == UInt8(ascii: "#")
    }
}
