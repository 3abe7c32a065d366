import ManifestLintFindings

/// A resource's logical name, as far as it is written out: the literal
/// pieces of a string, a template or a concatenation, and the source text
/// of what is put between them. Two names of this shape with the same
/// placeholders differ only in their literal text.
public struct ResourceNameShape: Equatable, Sendable {
    public var literals: [String]
    public var placeholders: [String]
    /// The name's source text.
    public var source: String
}

/// A construction's `parent` option: none, or its expression's source text.
public enum ParentReading: Equatable, Sendable {
    case none
    case expression(String)
}

extension ResourceNameShape {
    /// Assembles a shape from a name's pieces in order: literal text,
    /// separators (`+`), and the source text of what stands between.
    struct Builder {
        private var literals: [String] = []
        private var placeholders: [String] = []
        private var pending = ""

        mutating func literal(_ text: String) {
            separator()
            literals.append(text)
        }

        mutating func separator() {
            if !pending.isEmpty { placeholders.append(pending) }
            pending = ""
        }

        mutating func code(_ text: String) { pending += text }

        /// The shape; nil when the name has no literal text.
        mutating func shape(source: String) -> ResourceNameShape? {
            separator()
            return literals.isEmpty ? nil : ResourceNameShape(literals: literals, placeholders: placeholders, source: source)
        }
    }
}

/// What the options argument of a resource construction says, as far as it can be read.
public enum ResourceOptionsReading {
    /// No options argument: `)` is where one would go.
    case none
    /// An object literal (or a variable of this module holding one): whether it sets
    /// `aliases`, whether `protect: true`, and its `}` when it is written in the call.
    case known(hasAliases: Bool, isProtected: Bool, closingBrace: Int?)
    /// Anything else (a spread, a call, a variable from elsewhere): not known.
    case unknown
}

/// A resource construction in any language, as the rules about what a change
/// does compare them: JavaScript's ResourceConstruction, Python's PythonResourceConstruction.
public protocol ResourceCall {
    /// The callee as written (`aws.s3.Bucket`).
    var callee: String { get }
    /// The class it resolves to through the file's imports: the same whichever way it is imported.
    var resolvedClass: String { get }
    var file: SourceFile { get }
    /// What it is bound to (`var:x`, `this.x`, `self.x`, `key:x`); nil when nothing.
    var bindingKey: String? { get }
    var nameShape: ResourceNameShape? { get }
    var nameSpan: Span { get }
    /// The source text of each argument other than the name, for comparing two calls.
    var otherArguments: [String] { get }
    /// The names of the resource's own arguments (the args object's keys, Python's keywords).
    var propertyKeys: Set<String> { get }
    var options: ResourceOptionsReading { get }
    var parent: ParentReading? { get }
}

extension ResourceConstruction: ResourceCall {
    public var file: SourceFile { module.file }
}

extension ResourceConstruction {
    /// What the construction is bound to: `var:bucket` (`const bucket = new …`),
    /// `this.db` (`this.db = new …`), `key:logs` (an object literal's `logs: new …`); nil otherwise.
    public var bindingKey: String? {
        let before = newToken - 1
        if module.isPunctuator(before, "="), module.tokens.indices.contains(before - 1), module.tokens[before - 1].kind == .identifier {
            let name = module.text(before - 1)
            if module.isPunctuator(before - 2, ".") { return module.isIdentifier(before - 3, "this") ? "this.\(name)" : nil }
            return "var:\(name)"
        }
        if module.isPunctuator(before, ":"), module.tokens.indices.contains(before - 1),
           module.tokens[before - 1].kind == .identifier || module.tokens[before - 1].kind == .string,
           module.isPunctuator(before - 2, "{") || module.isPunctuator(before - 2, ",") {
            let key = module.tokens[before - 1].kind == .string ? (module.stringValue(before - 1) ?? "") : module.text(before - 1)
            return "key:\(key)"
        }
        return nil
    }

    /// The logical name's shape; nil when it has no literal text (a variable, a call).
    public var nameShape: ResourceNameShape? {
        guard let range = nameArgument, !range.isEmpty else { return nil }
        var builder = ResourceNameShape.Builder()
        for index in range {
            let text = module.text(index)
            switch module.tokens[index].kind {
            case .string, .template: builder.literal(module.stringValue(index) ?? "")
            case .templateHead, .templateMiddle: builder.literal(String(text.dropFirst().dropLast(2)))
            case .templateTail: builder.literal(String(text.dropFirst().dropLast()))
            case .punctuator where module.isPunctuator(index, "+"): builder.separator()
            default: builder.code(text)
            }
        }
        return builder.shape(source: module.file.text(nameSpan))
    }

    /// Where the logical name is written (the `new` token when there is none).
    public var nameSpan: Span {
        guard let range = nameArgument, !range.isEmpty else { return module.tokens[newToken].span }
        return Span(module.tokens[range.lowerBound].span.start, module.tokens[range.upperBound - 1].span.end)
    }

    /// The source text of each argument after the name, for comparing two calls.
    public var otherArguments: [String] {
        arguments.dropFirst().map { range in range.map { module.text($0) }.joined(separator: " ") }
    }

    /// The keys of the second argument's object literal.
    public var propertyKeys: Set<String> { Set(properties.map(\.key)) }

    /// The options argument (the third), read as far as it can be.
    public var options: ResourceOptionsReading {
        guard arguments.count > 2 else { return .none }
        let range = arguments[2]
        if module.isPunctuator(range.lowerBound, "{"), let close = module.closing(range.lowerBound), close + 1 == range.upperBound {
            return Self.reading(objectAt: range.lowerBound, close: close, in: module, written: true)
        }
        // A variable of this module holding an object literal.
        if range.count == 1, module.tokens[range.lowerBound].kind == .identifier,
           let initializer = module.declarations[module.text(range.lowerBound)], !initializer.isEmpty,
           module.isPunctuator(initializer.lowerBound, "{"), let close = module.closing(initializer.lowerBound) {
            return Self.reading(objectAt: initializer.lowerBound, close: close, in: module, written: false)
        }
        // `pulumi.mergeOptions(...)` and anything else: aliases named anywhere in it count; otherwise not known.
        if range.contains(where: { module.isIdentifier($0, "aliases") }) {
            return .known(hasAliases: true, isProtected: false, closingBrace: nil)
        }
        return .unknown
    }

    /// The options' `parent:`: absent, its expression's source text, or nil when the options cannot be read.
    public var parent: ParentReading? {
        guard arguments.count > 2 else { return ParentReading.none }
        var range = arguments[2]
        if range.count == 1, module.tokens[range.lowerBound].kind == .identifier,
           let initializer = module.declarations[module.text(range.lowerBound)], !initializer.isEmpty {
            range = initializer
        }
        guard module.isPunctuator(range.lowerBound, "{"), let close = module.closing(range.lowerBound) else { return nil }
        for member in ResourceNames.topLevelSplit(module, from: range.lowerBound + 1, to: close) {
            if module.isPunctuator(member.lowerBound, "...") { return nil }
            if module.isIdentifier(member.lowerBound, "parent") {
                // `parent,` (shorthand) or `parent: expression`
                guard module.isPunctuator(member.lowerBound + 1, ":") else { return .expression("parent") }
                return .expression(((member.lowerBound + 2)..<member.upperBound).map { module.text($0) }.joined())
            }
        }
        return ParentReading.none
    }

    private static func reading(objectAt open: Int, close: Int, in module: JSModule, written: Bool) -> ResourceOptionsReading {
        var hasAliases = false
        var isProtected = false
        for member in ResourceNames.topLevelSplit(module, from: open + 1, to: close) {
            // `...defaults`: what it holds is not known, unless aliases are set outright.
            if module.isPunctuator(member.lowerBound, "...") { return hasAliases ? .known(hasAliases: true, isProtected: isProtected, closingBrace: nil) : .unknown }
            let key = module.tokens[member.lowerBound].kind == .string ? (module.stringValue(member.lowerBound) ?? "") : module.text(member.lowerBound)
            if key == "aliases" { hasAliases = true }
            if key == "protect", module.isPunctuator(member.lowerBound + 1, ":"), module.isIdentifier(member.lowerBound + 2, "true") { isProtected = true }
        }
        return .known(hasAliases: hasAliases, isProtected: isProtected, closingBrace: written ? close : nil)
    }
}
