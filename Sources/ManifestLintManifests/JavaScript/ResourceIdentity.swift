import ManifestLintFindings

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
