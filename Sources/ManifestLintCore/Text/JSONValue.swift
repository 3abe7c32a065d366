/// A JSON document to print: the machine-readable outputs build one.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys keep their order.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// On one line, or indented by two spaces.
    public func rendered(pretty: Bool = false, indent: String = "") -> String {
        switch self {
        case .string(let text): return JSONText.quote(text)
        case .number(let number): return String(number)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let elements):
            guard !elements.isEmpty else { return "[]" }
            if !pretty { return "[" + elements.map { $0.rendered() }.joined(separator: ", ") + "]" }
            let inner = indent + "  "
            return "[\n" + elements.map { inner + $0.rendered(pretty: true, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            if !pretty { return "{" + members.map { JSONText.quote($0.0) + ": " + $0.1.rendered() }.joined(separator: ", ") + "}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + JSONText.quote($0.0) + ": " + $0.1.rendered(pretty: true, indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }
}
