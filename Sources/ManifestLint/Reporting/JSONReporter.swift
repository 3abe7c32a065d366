/// `--format json`: an array with one object per finding.
public struct JSONReporter: Sendable {
    /// How a tree path is shown (relative to the current directory on disk).
    let displayPath: @Sendable (String) -> String

    public init(displayPath: @escaping @Sendable (String) -> String = { $0 }) {
        self.displayPath = displayPath
    }

    public func render(_ result: LintResult) -> String {
        render(result.diagnostics)
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        let objects = diagnostics.map { diagnostic in
            let fields: [(String, String)] = [
                ("rule", JSONText.quote(diagnostic.ruleID)),
                ("severity", JSONText.quote(diagnostic.severity.rawValue)),
                ("message", JSONText.quote(diagnostic.message)),
                ("path", JSONText.quote(diagnostic.displayPath)),
                ("line", String(diagnostic.start.line)),
                ("column", String(diagnostic.start.column)),
                ("endLine", String(diagnostic.end.line)),
                ("endColumn", String(diagnostic.end.column)),
                ("offset", String(diagnostic.span.start)),
                ("endOffset", String(diagnostic.span.end)),
                ("fix", diagnostic.fix.map(render) ?? "null"),
            ]
            return "  {" + fields.map { "\(JSONText.quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

extension JSONReporter {
    /// A fix as {applicability, title, edits}: replacements with byte offsets, and renames.
    func render(_ fix: Fix) -> String {
        let edits = fix.changes.map { change -> String in
            switch change {
            case .edit(let edit):
                return "{\"kind\": \"replace\", \"path\": \(JSONText.quote(displayPath(edit.path))), \"offset\": \(edit.span.start), "
                    + "\"endOffset\": \(edit.span.end), \"replacement\": \(JSONText.quote(edit.replacement))}"
            case .rename(let from, let to):
                return "{\"kind\": \"rename\", \"from\": \(JSONText.quote(displayPath(from))), \"to\": \(JSONText.quote(displayPath(to)))}"
            }
        }
        return "{\"applicability\": \(JSONText.quote(fix.applicability.rawValue)), \"title\": \(JSONText.quote(fix.title)), "
            + "\"edits\": [" + edits.joined(separator: ", ") + "]}"
    }
}

/// JSON string literals.
enum JSONText {
    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
