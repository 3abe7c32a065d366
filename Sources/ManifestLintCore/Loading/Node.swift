/// A value read from a YAML or JSON file, with the byte span it was read from.
public struct Node: Sendable {
    public enum Value: Sendable {
        case scalar(Scalar)
        case mapping([MappingEntry])
        case sequence([Node])
    }

    public var value: Value
    /// The bytes of the value in its file (for a quoted string, the quotes included).
    public var span: Span

    public init(_ value: Value, span: Span) {
        self.value = value
        self.span = span
    }
}

public struct MappingEntry: Sendable {
    public var key: Node
    public var value: Node

    /// The key's text when the key is a scalar.
    public var name: String? { key.scalar?.text }
}

extension [MappingEntry] {
    /// Each entry whose name an earlier entry already has (names for which
    /// `ignoring` is true aside), with the first entry of that name.
    /// Names are compared by a cheap fingerprint first, pairwise in the
    /// small mappings of manifests, through a table in large ones.
    func repeatedNames(ignoring ignored: (String) -> Bool = { _ in false }) -> [(repeated: MappingEntry, first: MappingEntry)] {
        guard count > 1 else { return [] }
        var result: [(MappingEntry, MappingEntry)] = []
        if count <= 32 {
            // Fingerprints on the stack; names are compared only where fingerprints agree.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { fingerprints in
                for index in indices { fingerprints[index] = self[index].name.map(Self.fingerprint) ?? 0 }
                for index in indices.dropFirst() where fingerprints[index] != 0 {
                    let fingerprint = fingerprints[index]
                    guard let first = (0..<index).first(where: { fingerprints[$0] == fingerprint && self[$0].name == self[index].name }),
                          let name = self[index].name, !ignored(name) else { continue }
                    result.append((self[index], self[first]))
                }
            }
            return result
        }
        var firstSeen: [String: Int] = [:]
        for (index, entry) in enumerated() {
            guard let name = entry.name, !ignored(name) else { continue }
            if let first = firstSeen[name] {
                result.append((self[index], self[first]))
            } else {
                firstSeen[name] = index
            }
        }
        return result
    }

    /// The name's byte fingerprint, never 0 (which stands for a key that is not a scalar).
    private static func fingerprint(_ name: String) -> UInt64 {
        name.withBytes(\.fingerprint) | 1
    }
}

/// What a scalar resolves to under the YAML 1.2 core schema (as Go's yaml.v3
/// resolves it), or the JSON type of a JSON value.
public enum ScalarKind: Sendable, Equatable {
    case string, integer, float, boolean, null

    public var isNumber: Bool { self == .integer || self == .float }
}

public enum ScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
    /// A JSON string, number or literal.
    case json
}

public struct Scalar: Sendable {
    /// The decoded text (escapes resolved, quotes removed).
    public var text: String
    public var kind: ScalarKind
    public var style: ScalarStyle

    public init(text: String, kind: ScalarKind, style: ScalarStyle) {
        self.text = text
        self.kind = kind
        self.style = style
    }
}

extension Node {
    public var scalar: Scalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }

    /// The text of a string scalar; nil for every other kind of node.
    public var string: String? {
        guard let scalar, scalar.kind == .string else { return nil }
        return scalar.text
    }

    /// Whether the node is a string scalar; unlike `string`, it copies no text.
    public var isString: Bool {
        guard case .scalar(let scalar) = value else { return false }
        return scalar.kind == .string
    }

    public var bool: Bool? {
        guard let scalar, scalar.kind == .boolean else { return nil }
        return scalar.text.lowercased() == "true"
    }

    public var isNull: Bool { scalar?.kind == .null }

    public var entries: [MappingEntry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    public var elements: [Node]? {
        if case .sequence(let elements) = value { return elements }
        return nil
    }

    /// The entry for `key` in a mapping; the last one wins, as in JSON.parse.
    public func entry(_ key: String) -> MappingEntry? {
        // Lengths first: they settle most mismatches without a string comparison.
        let length = key.utf8.count
        return entries?.last { entry in
            guard case .scalar(let scalar) = entry.key.value else { return false }
            return scalar.text.utf8.count == length && scalar.text == key
        }
    }

    public subscript(key: String) -> Node? { entry(key)?.value }

    /// Whether JSON.parse gives both nodes the same value: equal scalars (numbers
    /// by value), arrays element by element, objects key by key (the last of a
    /// repeated key, in any order).
    public func isSameJSONValue(as other: Node) -> Bool {
        switch (value, other.value) {
        case (.scalar(let a), .scalar(let b)):
            guard a.kind == b.kind || a.kind.isNumber && b.kind.isNumber else { return false }
            if a.kind.isNumber, let x = Double(a.text), let y = Double(b.text) { return x == y && x.sign == y.sign }
            return a.text == b.text
        case (.sequence(let a), .sequence(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSameJSONValue(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            let names = Set(a.compactMap(\.name))
            guard names == Set(b.compactMap(\.name)) else { return false }
            return names.allSatisfy { name in
                guard let x = self[name], let y = other[name] else { return false }
                return x.isSameJSONValue(as: y)
            }
        default:
            return false
        }
    }

    /// A short name for the node's type, for messages.
    public var typeName: String {
        switch value {
        case .mapping: return "object"
        case .sequence: return "array"
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: return "string"
            case .integer: return "integer"
            case .float: return "number"
            case .boolean: return "boolean"
            case .null: return "null"
            }
        }
    }
}

extension Node {
    /// The span of the bytes `range` of this scalar's text (UTF-8 offsets),
    /// where the source holds the text as it is: a plain scalar, or a quoted
    /// one without escapes on one line. Nil otherwise (escapes, folded lines),
    /// when the caller points at the whole scalar instead.
    public func span(ofTextBytes range: Range<Int>, in file: SourceFile) -> Span? {
        guard let scalar else { return nil }
        let quote: Int
        switch scalar.style {
        case .plain: quote = 0
        case .singleQuoted, .doubleQuoted, .json: quote = 1
        case .literal, .folded: return nil
        }
        let start = span.start + quote, end = span.end - quote
        guard start <= end, end <= file.bytes.count, end - start == scalar.text.utf8.count,
              file.bytes[start..<end].elementsEqual(scalar.text.utf8), range.upperBound <= end - start else { return nil }
        return Span(start + range.lowerBound, start + range.upperBound)
    }
}
