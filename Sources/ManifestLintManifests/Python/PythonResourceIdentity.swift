import ManifestLintFindings

extension PythonResourceConstruction: ResourceCall {
    public var file: SourceFile { module.file }

    /// `x = aws.s3.Bucket(…)` (`var:x`) or `self.x = …` (`self.x`), the call starting the value.
    public var bindingKey: String? {
        guard module.isOp(start - 1, "="), module.tokens.indices.contains(start - 2), module.tokens[start - 2].kind == .name else { return nil }
        let name = module.text(start - 2)
        if module.isOp(start - 3, ".") { return module.isName(start - 4, "self") ? "self.\(name)" : nil }
        return "var:\(name)"
    }

    /// A string literal, an f-string, or a concatenation with `+`: its literal pieces and placeholders.
    public var nameShape: ResourceNameShape? {
        guard let range = nameArgument, !range.isEmpty else { return nil }
        var builder = ResourceNameShape.Builder()
        for index in range {
            let kind = module.tokens[index].kind
            let text = module.text(index)
            switch kind {
            case .string:
                builder.literal(StringLiteral.parts(text)?.body ?? text)
            case .fstringHead, .fstringMiddle, .fstringTail:
                // The literal text only: the prefix, the quotes and the braces are how it is written.
                var piece = Substring(text)
                if kind == .fstringHead {
                    piece = piece.drop { $0 != "'" && $0 != "\"" }.drop { $0 == "'" || $0 == "\"" }
                } else if piece.first == "}" {
                    piece = piece.dropFirst()
                }
                if kind == .fstringTail {
                    while let last = piece.last, last == "'" || last == "\"" { piece = piece.dropLast() }
                } else if piece.last == "{" {
                    piece = piece.dropLast()
                }
                builder.literal(String(piece))
            case .op where module.isOp(index, "+"):
                builder.separator()
            default:
                builder.code(text)
            }
        }
        return builder.shape(source: module.file.text(nameSpan))
    }

    public var nameSpan: Span {
        guard let range = nameArgument, !range.isEmpty else { return module.tokens[start].span }
        return Span(module.tokens[range.lowerBound].span.start, module.tokens[range.upperBound - 1].span.end)
    }

    public var otherArguments: [String] {
        arguments.filter { $0 != nameArgument && !(module.isName($0.lowerBound, "resource_name") && module.isOp($0.lowerBound + 1, "=")) }
            .map { range in range.map { module.text($0) }.joined(separator: " ") }
    }

    public var propertyKeys: Set<String> { Set(keywords.map(\.key).filter { $0 != "opts" }) }

    /// The `opts=` keyword: a `ResourceOptions(…)` call written there, or a name of this module assigned one.
    private var optionsCall: (open: Int, close: Int, written: Bool)?? {
        guard let value = keywords.first(where: { $0.key == "opts" })?.value else { return .some(nil) }
        var range = value
        var written = true
        if range.count == 1, module.tokens[range.lowerBound].kind == .name, let assigned = module.assignments[module.text(range.lowerBound)] {
            range = assigned
            written = false
        }
        // `pulumi.ResourceOptions(` or `ResourceOptions(`
        var index = range.lowerBound
        while index + 1 < range.upperBound, module.isOp(index + 1, ".") { index += 2 }
        guard module.isName(index, "ResourceOptions"), module.isOp(index + 1, "("), let close = module.closing(index + 1),
              close + 1 == range.upperBound else { return nil }
        return .some((index + 1, close, written))
    }

    public var options: ResourceOptionsReading {
        guard let call = optionsCall else {
            // `ResourceOptions.merge(…)` and the like: aliases named in it count; otherwise not known.
            let value = keywords.first { $0.key == "opts" }?.value
            return value.map { range in range.contains { module.isName($0, "aliases") } } == true
                ? .known(hasAliases: true, isProtected: false, closingBrace: nil) : .unknown
        }
        guard let (open, close, written) = call else { return ResourceOptionsReading.none }
        var hasAliases = false
        var isProtected = false
        for argument in module.topLevelSplit(from: open + 1, to: close) where !argument.isEmpty {
            if module.isOp(argument.lowerBound, "**") { return hasAliases ? .known(hasAliases: true, isProtected: isProtected, closingBrace: nil) : .unknown }
            if module.isName(argument.lowerBound, "aliases") { hasAliases = true }
            if module.isName(argument.lowerBound, "protect"), module.isName(argument.lowerBound + 2, "True") { isProtected = true }
        }
        return .known(hasAliases: hasAliases, isProtected: isProtected, closingBrace: written ? close : nil)
    }

    public var parent: ParentReading? {
        guard let call = optionsCall else { return nil }
        guard let (open, close, _) = call else { return ParentReading.none }
        for argument in module.topLevelSplit(from: open + 1, to: close) where !argument.isEmpty {
            if module.isOp(argument.lowerBound, "**") { return nil }
            if module.isName(argument.lowerBound, "parent"), module.isOp(argument.lowerBound + 1, "=") {
                return .expression(((argument.lowerBound + 2)..<argument.upperBound).map { module.text($0) }.joined())
            }
        }
        return ParentReading.none
    }

    /// The name this module gives the `pulumi` package (`import pulumi`), for writing `pulumi.Alias`.
    public var pulumiName: String? {
        module.bindings.first { $0.value.module == "pulumi" && $0.value.level == 0 && $0.value.path.isEmpty }?.key
    }
}
