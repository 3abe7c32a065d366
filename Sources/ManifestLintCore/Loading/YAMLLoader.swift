/// Loads YAML through libyaml's event API (or, for the plainest files,
/// `SimpleBlockYAML`) into a `Node` tree with byte spans.
///
/// Scalars resolve as gopkg.in/yaml.v3 (which Pulumi uses) resolves them:
/// the YAML 1.2 core schema, so `yes`/`no`/`on`/`off` stay strings. Only the
/// first document is read; a second one is reported, since Pulumi ignores it.
public enum YAMLLoader {
    /// Nesting deeper than this stops the parse (libyaml's cost grows with depth).
    public static let maximumDepth = 256
    /// Nodes that alias expansion may produce before the file is refused.
    public static let maximumExpandedNodes = 100_000

    public static func load(_ file: SourceFile) -> LoadedDocument {
        if file.bytes.starts(with: [0xFF, 0xFE]) || file.bytes.starts(with: [0xFE, 0xFF]) {
            let problem = LoadProblem(kind: .syntax, message: "the file is UTF-16 encoded; save it as UTF-8", span: Span(0, 2))
            return LoadedDocument(file: file, root: nil, problems: [problem])
        }
        if let refusal = InputGuard.refusal(for: file) {
            return LoadedDocument(file: file, root: nil, problems: [refusal])
        }
        return file.bytes.withUnsafeBufferPointer { buffer in
            // Most manifests are plain block mappings, read without libyaml (to the same events);
            // when the reader declines, what it built is dropped and libyaml reads the file.
            var plain = TreeBuilder(file: file)
            if SimpleBlockYAML.read(buffer, { plain.handle($0) }) {
                return LoadedDocument(file: file, root: plain.root, problems: plain.problems)
            }
            var builder = TreeBuilder(file: file)
            if let problem = LibYAMLEvents.parse(buffer, offsets: CodePointOffsets(file.bytes), { builder.handle($0) }) {
                builder.problems.append(problem)
            }
            return LoadedDocument(file: file, root: builder.root, problems: builder.problems)
        }
    }
}

/// Maps libyaml's mark indexes (code points after an optional BOM) to byte offsets.
struct CodePointOffsets {
    private let byteOrderMarkLength: Int
    /// Byte offset of each code point; empty when the text is ASCII, where the
    /// index is the offset.
    private let starts: [Int32]
    private let byteCount: Int

    init(_ bytes: [UInt8]) {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        byteOrderMarkLength = bom
        byteCount = bytes.count
        if bytes[bom...].allSatisfy({ $0 < 0x80 }) {
            starts = []
        } else {
            var starts: [Int32] = []
            starts.reserveCapacity(bytes.count - bom + 1)
            for index in bom..<bytes.count where bytes[index] & 0xC0 != 0x80 {
                starts.append(Int32(index))
            }
            self.starts = starts
        }
    }

    func byteOffset(_ index: Int) -> Int {
        if starts.isEmpty { return min(index + byteOrderMarkLength, byteCount) }
        if index < starts.count { return Int(starts[index]) }
        return byteCount
    }
}

/// Turns parser events into nodes, tracking anchors, depth and duplicate keys.
private struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var start: Int
        var anchor: String?
        /// A sequence's elements so far.
        var elements: [Node] = []
        /// A mapping's entries so far, and the key whose value comes next.
        var entries: [MappingEntry] = []
        var pendingKey: Node?
        /// Nodes in this subtree counting alias expansions.
        var weight = 1
    }

    let file: SourceFile
    var root: Node?
    var problems: [LoadProblem] = []
    private var stack: [Frame] = []
    private var anchors: [String: (node: Node, weight: Int)] = [:]
    private var expandedNodes = 0
    private var documentsSeen = 0

    init(file: SourceFile) {
        self.file = file
        // Room for a few levels at once: growing one by one reallocates.
        stack.reserveCapacity(8)
    }

    /// Handles one event; returns false to stop parsing. The event is taken
    /// over and ended before its kind is matched, so that the scalar's text
    /// moves into the tree instead of being retained once more and released
    /// with the event.
    mutating func handle(_ event: consuming YAMLEvent) -> Bool {
        let start = event.start
        let end = event.end
        let kind = event.kind
        _ = consume event
        switch consume kind {
        case .documentStart:
            documentsSeen += 1
            if documentsSeen > 1 {
                problems.append(LoadProblem(
                    kind: .tolerated,
                    message: "a second YAML document starts here; Pulumi reads only the first one",
                    span: Span(start, max(end, start + 1))))
                return false
            }
        case let .scalar(text, style, plainImplicit, tag, anchor):
            let kind = style == .plain && plainImplicit
                ? ScalarResolver.resolve(text, tag: tag)
                : ScalarResolver.resolveQuoted(tag: tag)
            let node = Node(.scalar(Scalar(text: text, kind: kind, style: style)), span: Span(start, end))
            return add(node, weight: 1, anchor: anchor)
        case let .alias(name):
            guard let anchored = anchors[name] else {
                problems.append(LoadProblem(kind: .syntax, message: "unknown anchor '\(name)' referenced", span: Span(start, end)))
                return false
            }
            expandedNodes += anchored.weight
            if expandedNodes > YAMLLoader.maximumExpandedNodes {
                problems.append(LoadProblem(
                    kind: .syntax,
                    message: "aliases expand to more than \(YAMLLoader.maximumExpandedNodes) nodes (an alias bomb?); not loaded",
                    span: Span(start, end)))
                return false
            }
            var node = anchored.node
            node.span = Span(start, end)
            return add(node, weight: anchored.weight, anchor: nil)
        case let .sequenceStart(anchor):
            return push(isMapping: false, anchor: anchor, at: Span(start, end))
        case let .mappingStart(anchor):
            return push(isMapping: true, anchor: anchor, at: Span(start, end))
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return false }
            let span = Span(frame.start, end)
            let node: Node
            if frame.isMapping {
                reportDuplicateKeys(frame.entries)
                node = Node(.mapping(frame.entries), span: span)
            } else {
                node = Node(.sequence(frame.elements), span: span)
            }
            return add(node, weight: frame.weight, anchor: frame.anchor)
        case .streamStart, .streamEnd, .documentEnd:
            break
        }
        return true
    }

    /// Opens a collection that starts at `span`; its frame is built on the stack, not copied there.
    private mutating func push(isMapping: Bool, anchor: String?, at span: Span) -> Bool {
        guard stack.count < YAMLLoader.maximumDepth else {
            problems.append(LoadProblem(
                kind: .syntax,
                message: "nesting is deeper than \(YAMLLoader.maximumDepth) levels; not loaded",
                span: span))
            return false
        }
        stack.append(Frame(isMapping: isMapping, start: span.start, anchor: anchor))
        // Room for a few entries at once: most manifest mappings are small, and growing one by one reallocates.
        if isMapping { stack[stack.count - 1].entries.reserveCapacity(8) } else { stack[stack.count - 1].elements.reserveCapacity(8) }
        return true
    }

    private mutating func add(_ node: consuming Node, weight: Int, anchor: String?) -> Bool {
        if let anchor { anchors[anchor] = (node, weight) }
        if stack.isEmpty {
            if root == nil { root = node }
        } else {
            let top = stack.count - 1
            if !stack[top].isMapping {
                stack[top].elements.append(node)
            } else if let key = stack[top].pendingKey.take() {
                // A mapping's events come in pairs: this node is the value of the key before it.
                stack[top].entries.append(MappingEntry(key: key, value: node))
            } else {
                stack[top].pendingKey = node
            }
            stack[top].weight += weight
        }
        return true
    }

    /// yaml.v3 rejects a mapping whose scalar keys repeat (compared by text).
    private mutating func reportDuplicateKeys(_ entries: [MappingEntry]) {
        guard entries.count > 1 else { return }
        for (entry, first) in entries.repeatedNames(ignoring: { $0 == "<<" }) {
            problems.append(LoadProblem(
                kind: .duplicateKey,
                message: "mapping key '\(entry.name ?? "")' is already defined at line \(file.position(of: first.key.span.start).line)",
                span: entry.key.span))
        }
    }
}
