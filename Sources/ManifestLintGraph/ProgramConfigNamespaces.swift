import ManifestLintManifests

/// The config namespaces a program reads explicitly: `Config("ns")` in any
/// Pulumi language, Go's `config.New(ctx, "ns")` and Java's `ctx.config("ns")`,
/// found by a plain text scan of the project's source files, comments removed.
public enum ProgramConfigNamespaces {
    static let sourceExtensions = Set(ModuleExtensions.all + [".py", ".go", ".cs", ".fs", ".vb", ".java", ".kt", ".scala"])
    static let maximumFiles = 5_000

    /// `loaded` gives the bytes of a file read already (the program's modules), which are not read again.
    public static func scan(_ directory: String, tree: some FileTree, loaded: (String) -> [UInt8]?) -> Set<String> {
        var namespaces = Set<String>()
        var pending = [directory]
        var files = 0
        while let current = pending.popLast(), files < maximumFiles {
            for entry in tree.list(current) ?? [] {
                let path = Path.join(current, entry.name)
                if entry.kind == .directory {
                    if entry.isWalkableDirectory { pending.append(path) }
                    continue
                }
                let ext = Path.pathExtension(entry.name)
                guard sourceExtensions.contains(ext), let bytes = loaded(path) ?? tree.read(path) else { continue }
                files += 1
                let text = stripComments(bytes, hashComments: ext == ".py")
                namespaces.formUnion(arguments(in: text))
            }
        }
        return namespaces
    }

    static let patterns: [[UInt8]] = ["Config(", "config.New(ctx,", "ctx.config("].map { Array($0.utf8) }

    /// The first string argument of each call in `patterns`.
    public static func arguments(in text: [UInt8]) -> Set<String> {
        var found = Set<String>()
        var index = 0
        while index < text.count {
            // The first byte decides for almost every position, before the slice is compared.
            for pattern in patterns where text[index] == pattern[0] && text.count - index >= pattern.count
                && text[index..<index + pattern.count].elementsEqual(pattern) {
                var position = index + pattern.count
                while position < text.count, text[position] == UInt8(ascii: " ") || text[position] == UInt8(ascii: "\n") { position += 1 }
                guard position < text.count, text[position] == UInt8(ascii: "\"") || text[position] == UInt8(ascii: "'") else { continue }
                let quote = text[position]
                var end = position + 1
                while end < text.count, text[end] != quote, text[end] != UInt8(ascii: "\n") { end += 1 }
                if end < text.count, text[end] == quote {
                    found.insert(ProviderNamespaces.normalize(String(decoding: text[position + 1..<end], as: UTF8.self)))
                }
            }
            index += 1
        }
        return found
    }

    /// Blanks out `//` and `/* */` comments (and `#` comments in Python),
    /// leaving strings alone.
    static func stripComments(_ bytes: [UInt8], hashComments: Bool) -> [UInt8] {
        var output = bytes
        var index = 0
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == open || byte == UInt8(ascii: "\n") && open != UInt8(ascii: "`") { quote = nil }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                quote = byte
                index += 1
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if (byte == UInt8(ascii: "/") && next == UInt8(ascii: "/")) || (hashComments && byte == UInt8(ascii: "#")) {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { output[index] = UInt8(ascii: " "); index += 1 }
                continue
            }
            if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")) {
                    output[index] = UInt8(ascii: " ")
                    index += 1
                }
                for _ in 0..<2 where index < bytes.count { output[index] = UInt8(ascii: " "); index += 1 }
                continue
            }
            index += 1
        }
        return output
    }
}
