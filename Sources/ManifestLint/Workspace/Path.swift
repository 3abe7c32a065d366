/// Lexical path operations on `/`-separated strings. Paths in a file tree are
/// absolute ("/a/b") on disk and relative ("a/b", "" for the root) in a
/// virtual tree; both are kept normalized (no ".", no "..", no trailing "/").
public enum Path {
    public static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// `base` joined with `relative` (an absolute `relative` wins), normalized.
    public static func join(_ base: String, _ relative: String) -> String {
        if isAbsolute(relative) || base.isEmpty { return normalize(relative) }
        if relative.isEmpty { return normalize(base) }
        // A relative path without ".", ".." or empty components (the common case) needs no normalizing.
        if isPlainRelative(relative) {
            return base.utf8.last == UInt8(ascii: "/") ? base + relative : base + "/" + relative
        }
        return normalize(base + "/" + relative)
    }

    /// Whether every component of a relative path is a name (not empty, ".", or "..").
    private static func isPlainRelative(_ path: String) -> Bool {
        var componentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if componentLength == 0 || componentLength == dots && dots <= 2 { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return componentLength > 0 && !(componentLength == dots && dots <= 2)
    }

    /// Removes ".", empty components and resolves ".." lexically. A ".." that
    /// climbs above a relative root is kept.
    public static func normalize(_ path: String) -> String {
        let absolute = isAbsolute(path)
        // Most paths are normalized already.
        if path.isEmpty || path == "/" || isPlainRelative(absolute ? String(path.dropFirst()) : path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// The containing directory, or nil at the root ("/" or "").
    public static func parent(_ path: String) -> String? {
        if path.isEmpty || path == "/" { return nil }
        // Searching the UTF-8 view avoids grapheme breaking (this runs for every index entry).
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func basename(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The extension with its dot (".ts"), or "" when there is none.
    public static func pathExtension(_ path: String) -> String {
        let name = basename(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[dot...])
    }

    /// The path without its extension.
    public static func removingExtension(_ path: String) -> String {
        let ext = pathExtension(path)
        return ext.isEmpty ? path : String(path.dropLast(ext.count))
    }

    /// `path` relative to `base` when it lies inside it (nil otherwise).
    public static func relative(_ path: String, inside base: String) -> String? {
        if base.isEmpty { return isAbsolute(path) ? nil : path }
        if path == base { return "" }
        let prefix = base == "/" ? "/" : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// `path` written relative to `base`, climbing with ".." where needed.
    public static func relative(_ path: String, from base: String) -> String {
        if isAbsolute(path) != isAbsolute(base) { return path }
        let target = path.split(separator: "/")
        let origin = base.split(separator: "/")
        var common = 0
        while common < target.count, common < origin.count, target[common] == origin[common] { common += 1 }
        if common == 0, isAbsolute(path), isAbsolute(base), !origin.isEmpty { return path }
        let ups = Array(repeating: "..", count: origin.count - common)
        let rest = target[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// The JavaScript and TypeScript module extensions; two paths that differ
    /// only in one of these name the same program.
    public static let moduleExtensions: Set<String> = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]

    public static let typeScriptExtensions: Set<String> = [".ts", ".mts", ".cts", ".tsx"]

    /// Whether two paths share directory and stem and differ in a module extension.
    public static func nameSameProgram(_ first: String, _ second: String) -> Bool {
        let firstExtension = pathExtension(first)
        let secondExtension = pathExtension(second)
        return first != second
            && moduleExtensions.contains(firstExtension) && moduleExtensions.contains(secondExtension)
            && removingExtension(first) == removingExtension(second)
    }
}
