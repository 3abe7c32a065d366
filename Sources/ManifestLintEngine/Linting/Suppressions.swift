import ManifestLintRules

/// Inline suppressions. In YAML files: `# manifest-lint: ignore[rule-id, ...]`
/// at the end of a line (that line), alone on a line (the next line), and
/// `# manifest-lint: ignore-file[rule-id]` (the whole file). In JavaScript and
/// TypeScript: `// manifest-lint-ignore rule-id, ...` (or in a block comment),
/// at the end of a line or alone on the line before.
struct Suppression {
    var file: SourceFile
    /// The line it covers; nil for the whole file.
    var line: Int?
    var ruleIDs: [String]
    /// The comment, for reporting it when it suppresses nothing.
    var span: Span

    static let marker = "manifest-lint:"

    /// The suppressions written in a YAML file's comments.
    static func scan(_ file: SourceFile) -> [Suppression] {
        // Most files have none: look for the marker before reading comments line by line.
        guard marker.withBytes(file.bytes.contains(bytesOf:)) else { return [] }
        var result: [Suppression] = []
        var lineStart = 0
        var lineNumber = 1
        let bytes = file.bytes
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let hash = commentStart(bytes[lineStart..<lineEnd]) {
                let comment = String(decoding: bytes[(hash + 1)..<lineEnd], as: UTF8.self).trimmingBlanks()
                if comment.hasPrefix(marker) {
                    let directive = String(comment.dropFirst(marker.count)).trimmingBlanks()
                    let alone = bytes[lineStart..<hash].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                    let span = Span(hash, lineEnd > hash && bytes[lineEnd - 1] == UInt8(ascii: "\r") ? lineEnd - 1 : lineEnd)
                    for (kind, ids) in parse(directive) {
                        let line: Int? = kind == "ignore-file" ? nil : (alone ? lineNumber + 1 : lineNumber)
                        result.append(Suppression(file: file, line: line, ruleIDs: ids, span: span))
                    }
                }
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return result
    }

    static let sourceMarker = "manifest-lint-ignore"
    private static let sourceMarkerBytes = Array(sourceMarker.utf8)

    /// The suppressions written in a JavaScript or TypeScript module's comments;
    /// text after ` -- ` is a reason.
    static func scan(_ module: JSModule) -> [Suppression] {
        let file = module.file
        let marker = sourceMarkerBytes
        return module.comments.compactMap { comment -> Suppression? in
            // Most comments are not suppressions: look for the marker before making strings.
            var textStart = comment.span.start + 2
            while textStart < comment.span.end, file.bytes[textStart] == UInt8(ascii: " ") || file.bytes[textStart] == UInt8(ascii: "\t") {
                textStart += 1
            }
            guard file.bytes[textStart..<min(comment.span.end, textStart + marker.count)].elementsEqual(marker) else { return nil }
            let isLine = file.bytes[comment.span.start + 1] == UInt8(ascii: "/")
            let bodyEnd = isLine ? comment.span.end : max(comment.span.start + 2, comment.span.end - 2)
            var body = String(decoding: file.bytes[(textStart + marker.count)..<max(textStart + marker.count, bodyEnd)], as: UTF8.self)
            guard body.isEmpty || body.first == " " || body.first == "\t" else { return nil }
            if let reason = body.firstRange(of: " -- ") { body = String(body[..<reason.lowerBound]) }
            let ids = body.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map(String.init)
            guard !ids.isEmpty else { return nil }
            let line = file.position(of: comment.span.start).line
            let lineStart = file.offset(of: LineColumn(line: line, column: 1))
            let alone = file.bytes[lineStart..<comment.span.start].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let span = Span(comment.span.start, isLine && file.bytes[comment.span.end - 1] == UInt8(ascii: "\r") ? comment.span.end - 1 : comment.span.end)
            return Suppression(file: file, line: alone ? file.position(of: comment.span.end).line + 1 : line, ruleIDs: ids, span: span)
        }
    }

    /// The offset of the `#` that starts a comment on a line, outside quotes.
    private static func commentStart(_ line: ArraySlice<UInt8>) -> Int? {
        var quote: UInt8?
        var previous: UInt8 = UInt8(ascii: " ")
        for index in line.indices {
            let byte = line[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) {
                return index
            }
            previous = byte
        }
        return nil
    }

    /// `ignore[a, b]` and `ignore-file[c]`.
    private static func parse(_ directive: String) -> [(String, [String])] {
        guard let open = directive.firstIndex(of: "["), let close = directive.firstIndex(of: "]"), open < close else { return [] }
        let kind = String(directive[..<open]).trimmingBlanks()
        guard kind == "ignore" || kind == "ignore-file" else { return [] }
        let ids = directive[directive.index(after: open)..<close].split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
        return ids.isEmpty ? [] : [(kind, ids)]
    }

    func covers(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.path == file.path && ruleIDs.contains(diagnostic.ruleID) && (line == nil || line == diagnostic.start.line)
    }
}

extension Linter {
    /// Drops the findings that a suppression covers, and reports each
    /// suppression of a rule that ran that covered nothing (or names no rule).
    func applySuppressions(_ diagnostics: [Diagnostic], graph: ProjectGraph) -> [Diagnostic] {
        // Findings in source files not yet read (bin-shebang) read them, so their suppressions count.
        for diagnostic in diagnostics where ModuleExtensions.isModule(diagnostic.path) {
            _ = graph.programSources.module(diagnostic.path)
        }
        let suppressions = graph.documents.filter { $0.format == .yaml }.flatMap { Suppression.scan($0.document.file) }
            + graph.programSources.loadedModules.flatMap { Suppression.scan($0) }
        guard !suppressions.isEmpty else { return diagnostics }
        var used = Array(repeating: Set<String>(), count: suppressions.count)
        let kept = diagnostics.filter { diagnostic in
            var suppressed = false
            for (index, suppression) in suppressions.enumerated() where suppression.covers(diagnostic) {
                used[index].insert(diagnostic.ruleID)
                suppressed = true
            }
            return !suppressed
        }
        guard let unusedRule = rules.first(where: { $0.id == Rule.unusedSuppression.id }) else { return kept }
        let ran = Set(rules.map(\.id))
        var findings = Findings(tree: graph.tree)
        findings.reporting(as: unusedRule)
        for (index, suppression) in suppressions.enumerated() {
            for id in suppression.ruleIDs where !used[index].contains(id) {
                if Rule.named(id) == nil {
                    findings.report("this suppression names no rule: '\(id)' (manifest-lint rules lists them)", in: suppression.file, at: suppression.span)
                } else if ran.contains(id) {
                    findings.report("this suppression of '\(id)' suppresses nothing; remove it", in: suppression.file, at: suppression.span)
                }
            }
        }
        return kept + findings.diagnostics
    }
}

private extension String {
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars.drop { $0 == " " || $0 == "\t" }
        return String(String.UnicodeScalarView(scalars.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()))
    }
}
