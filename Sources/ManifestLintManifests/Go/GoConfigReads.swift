import ManifestLintFindings

/// The config reads of a Go program whose key is a string literal, through
/// a bag of the Pulumi SDK's config package: `config.New(ctx, "")` (the
/// project's bag) or `config.New(ctx, "aws")`, read on the call itself or on
/// the name it is assigned to (`cfg := config.New(ctx, "")`, `var cfg =`),
/// within one file. The package's own functions (`config.Require(ctx,
/// "aws:region")`) take the full key and are not bags.
public enum GoConfigReads {
    /// The methods of `*config.Config` that read one key.
    static let methodPrefixes = ["Get", "Require", "Try"]

    public static func reads(in files: [SourceFile]) -> [ProgramConfigRead] {
        guard mayHoldUnreadableKey(files) else { return [] }
        return files.flatMap { file -> [ProgramConfigRead] in
            guard file.bytes.contains(text: "/go/pulumi/config\"") else { return [] }
            return reads(in: GoTokens(file: file))
        }
    }

    private static func reads(in source: GoTokens) -> [ProgramConfigRead] {
        guard let package = source.configPackageName() else { return [] }
        var creations: [Int: (creation: BagCreation, close: Int)] = [:]
        var variables: [String: BagCreation?] = [:]
        for index in source.tokens.indices where source.isIdentifier(index, package) && source.isPunctuator(index + 1, ".")
            && source.isIdentifier(index + 2, "New") && source.isPunctuator(index + 3, "(") {
            guard let close = source.closing(index + 3), close == index + 7, source.isPunctuator(index + 5, ","),
                  let name = source.stringValue(index + 6) else { continue }
            let origin = "\(source.file.path)#\(source.tokens[index].span.start)"
            let creation = name.isEmpty
                ? BagCreation(bag: .project, origin: origin, arguments: source.tokens[index + 6].span, file: source.file)
                : BagCreation(bag: .named(name), origin: origin, arguments: nil, file: source.file)
            creations[index] = (creation, close)
            // `cfg := config.New(...)`, `cfg = ...`, `var cfg = ...`, `var cfg *config.Config = ...`
            guard source.isPunctuator(index - 1, ":=") || source.isPunctuator(index - 1, "=") else { continue }
            var nameIndex = index - 2
            if !source.tokens.indices.contains(nameIndex) || source.tokens[nameIndex].kind != .identifier
                || source.isPunctuator(nameIndex - 1, ".") || source.isPunctuator(nameIndex - 1, "*") {
                // A declared type before the `=`: the name follows `var`.
                guard let declaration = (max(0, index - 8)..<max(0, index - 2)).last(where: { source.isIdentifier($0, "var") }) else { continue }
                nameIndex = declaration + 1
            }
            guard source.tokens.indices.contains(nameIndex), source.tokens[nameIndex].kind == .identifier else { continue }
            BagCreation.bind(source.text(nameIndex), to: creation, in: &variables)
        }
        guard !creations.isEmpty else { return [] }
        let names: [(String, BagCreation)] = variables.compactMap { name, creation in creation.map { (name, $0) } }
        var result: [ProgramConfigRead] = []
        for index in source.tokens.indices {
            if let (creation, close) = creations[index], source.isPunctuator(close + 1, ".") {
                let receiver = source.file.text(Span(source.tokens[index].span.start, source.tokens[close].span.end))
                if let read = read(in: source, methodAt: close + 2, receiver: receiver, creation: creation) { result.append(read) }
                continue
            }
            guard source.tokens[index].kind == .identifier, source.isPunctuator(index + 1, "."), !source.isPunctuator(index - 1, "."),
                  let (name, creation) = names.first(where: { source.isIdentifier(index, $0.0) }),
                  let read = read(in: source, methodAt: index + 2, receiver: name, creation: creation) else { continue }
            result.append(read)
        }
        return result
    }

    private static func read(in source: GoTokens, methodAt index: Int, receiver: String, creation: BagCreation) -> ProgramConfigRead? {
        guard source.tokens.indices.contains(index), source.tokens[index].kind == .identifier else { return nil }
        let method = source.text(index)
        guard methodPrefixes.contains(where: { method.hasPrefix($0) }), source.isPunctuator(index + 1, "("),
              let key = source.stringValue(index + 2), !key.isEmpty,
              source.isPunctuator(index + 3, ")") || source.isPunctuator(index + 3, ",") else { return nil }
        let literal = source.tokens[index + 2].span
        return ProgramConfigRead(language: .go, file: source.file, method: method, receiver: receiver, bag: creation.bag,
                                 bagOrigin: creation.origin, bagArguments: creation.arguments, bagFile: creation.file, key: key,
                                 keyLiteral: literal, quote: source.file.text(Span(literal.start, literal.start + 1)), defaultValue: nil)
    }
}

/// A Go file's tokens, as far as config reads need them: identifiers,
/// string literals (interpreted and raw), and punctuation; comments and
/// rune literals skipped. Numbers come out as identifiers, which is harmless here.
struct GoTokens {
    enum Kind { case identifier, string, punctuator }
    struct Token {
        var kind: Kind
        var span: Span
    }

    let file: SourceFile
    let tokens: [Token]

    init(file: SourceFile) {
        self.file = file
        var tokens: [Token] = []
        let bytes = file.bytes
        var index = 0
        func isWord(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index = min(index + 2, bytes.count)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // An interpreted string or a rune: up to the unescaped quote, or the line's end.
                var end = index + 1
                while end < bytes.count, bytes[end] != byte, bytes[end] != UInt8(ascii: "\n") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                end = min(end + 1, bytes.count)
                if byte == UInt8(ascii: "\"") { tokens.append(Token(kind: .string, span: Span(index, end))) }
                index = end
            case UInt8(ascii: "`"):
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "`") { end += 1 }
                end = min(end + 1, bytes.count)
                tokens.append(Token(kind: .string, span: Span(index, end)))
                index = end
            case UInt8(ascii: ":") where next == UInt8(ascii: "="):
                tokens.append(Token(kind: .punctuator, span: Span(index, index + 2)))
                index += 2
            default:
                if isWord(byte) {
                    var end = index + 1
                    while end < bytes.count, isWord(bytes[end]) { end += 1 }
                    tokens.append(Token(kind: .identifier, span: Span(index, end)))
                    index = end
                } else {
                    tokens.append(Token(kind: .punctuator, span: Span(index, index + 1)))
                    index += 1
                }
            }
        }
        self.tokens = tokens
    }

    func text(_ index: Int) -> String {
        tokens.indices.contains(index) ? file.text(tokens[index].span) : ""
    }

    func isIdentifier(_ index: Int, _ name: String) -> Bool {
        guard tokens.indices.contains(index), tokens[index].kind == .identifier else { return false }
        let span = tokens[index].span
        return span.length == name.utf8.count && file.bytes[span.start..<span.end].elementsEqual(name.utf8)
    }

    func isPunctuator(_ index: Int, _ text: String) -> Bool {
        guard tokens.indices.contains(index), tokens[index].kind == .punctuator else { return false }
        let span = tokens[index].span
        return span.length == text.utf8.count && file.bytes[span.start..<span.end].elementsEqual(text.utf8)
    }

    /// The text of a string literal without escapes (an interpreted one with a backslash is not read).
    func stringValue(_ index: Int) -> String? {
        guard tokens.indices.contains(index), tokens[index].kind == .string, tokens[index].span.length >= 2 else { return nil }
        let span = tokens[index].span
        let body = file.text(Span(span.start + 1, span.end - 1))
        return body.contains("\\") && file.bytes[span.start] == UInt8(ascii: "\"") ? nil : body
    }

    /// The index of the `)` that closes the `(` at `open`.
    func closing(_ open: Int) -> Int? {
        var depth = 0
        for index in open..<tokens.count where tokens[index].kind == .punctuator {
            if isPunctuator(index, "(") { depth += 1 }
            if isPunctuator(index, ")") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The name the file gives the Pulumi SDK's config package: its alias, or `config`.
    func configPackageName() -> String? {
        for index in tokens.indices where tokens[index].kind == .string {
            guard let path = stringValue(index), path.hasPrefix("github.com/pulumi/pulumi/sdk/"), path.hasSuffix("/go/pulumi/config") else { continue }
            if tokens.indices.contains(index - 1), tokens[index - 1].kind == .identifier, !isIdentifier(index - 1, "import") {
                return text(index - 1)
            }
            return "config"
        }
        return nil
    }
}
