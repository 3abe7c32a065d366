/// `--format json`: an array with one object per finding.
public struct JSONReporter: Sendable {
    public init() {}

    public func render(_ result: LintResult) -> String {
        guard !result.diagnostics.isEmpty else { return "[]\n" }
        let objects = result.diagnostics.map { diagnostic in
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
            ]
            return "  {" + fields.map { "\(JSONText.quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
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
