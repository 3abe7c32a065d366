#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexical path operations on `/`-separated strings. Paths in a file tree are
/// absolute ("/a/b") on disk and relative ("a/b", "" for the root) in a
/// virtual tree; both are kept normalized (no ".", no "..", no trailing "/").
public enum Path {
    public static func isAbsolute(_ path: String) -> Bool { path.utf8.first == slash }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `base` joined with `relative` (an absolute `relative` wins), normalized.
    public static func join(_ base: String, _ relative: String) -> String {
        if isAbsolute(relative) || base.isEmpty { return normalize(relative) }
        if relative.isEmpty { return normalize(base) }
        // A relative path without ".", ".." or empty components (the common case) needs no normalizing,
        // nor does one that only starts with "./" (an import's usual form) on a normalized base.
        let leadingDots = relative.withBytes { bytes -> Int? in
            var start = 0
            while start + 1 < bytes.count, bytes[start] == dot, bytes[start + 1] == slash { start += 2 }
            return isPlainRelative(UnsafeBufferPointer(rebasing: bytes[start...])) ? start : nil
        }
        if let leadingDots, leadingDots == 0 || base.withBytes(isNormalized) {
            return joined(base, relative, droppingFirst: leadingDots)
        }
        return normalize(base + "/" + relative)
    }

    /// Whether a path is already in normal form ("/" and "" included).
    private static func isNormalized(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let relative = path.first == slash ? UnsafeBufferPointer(rebasing: path.dropFirst()) : path
        return relative.isEmpty || isPlainRelative(relative)
    }

    /// `base` + "/" + `relative` without its first `dropped` bytes (no second "/"
    /// after a base that ends with one), built in one allocation.
    private static func joined(_ base: String, _ relative: String, droppingFirst dropped: Int = 0) -> String {
        base.withBytes { head in
            relative.withBytes { whole in
                let tail = UnsafeBufferPointer(rebasing: whole[dropped...])
                let separator = head.last == slash ? 0 : 1
                return String(unsafeUninitializedCapacity: head.count + separator + tail.count) { buffer in
                    var index = buffer.initialize(from: head).1
                    if separator == 1 {
                        buffer[index] = slash
                        index += 1
                    }
                    return UnsafeMutableBufferPointer(rebasing: buffer[index...]).initialize(from: tail).1 + index
                }
            }
        }
    }

    /// Whether every component of a relative path is a name (not empty, ".", or "..").
    private static func isPlainRelative(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var componentLength = 0
        var dots = 0
        for byte in path {
            if byte == slash {
                if componentLength == 0 || componentLength == dots && dots <= 2 { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == dot { dots += 1 }
            }
        }
        return componentLength > 0 && !(componentLength == dots && dots <= 2)
    }

    /// Removes ".", empty components and resolves ".." lexically. A ".." that
    /// climbs above a relative root is kept.
    public static func normalize(_ path: String) -> String {
        // Most paths are normalized already.
        if path.withBytes(isNormalized) { return path }
        let absolute = isAbsolute(path)
        return path.withBytes { bytes in
            // The output so far, and where each of its components starts (to drop one for "..").
            var output: [UInt8] = absolute ? [slash] : []
            output.reserveCapacity(bytes.count)
            var starts: [Int] = []
            var index = 0
            while index < bytes.count {
                var end = index
                while end < bytes.count, bytes[end] != slash { end += 1 }
                let length = end - index
                let isDot = length == 1 && bytes[index] == dot
                let isDotDot = length == 2 && bytes[index] == dot && bytes[index + 1] == dot
                if length == 0 || isDot {
                    // An empty or "." component adds nothing.
                } else if isDotDot, let last = starts.last, !(output.count - last == 2 && output[last] == dot && output[last + 1] == dot) {
                    // ".." removes the component before it (and its separator).
                    starts.removeLast()
                    output.removeSubrange((last == 0 || absolute && last == 1 ? last : last - 1)...)
                } else if !isDotDot || !absolute {
                    // A ".." above a relative root is kept; above "/" it is dropped.
                    if let lastByte = output.last, lastByte != slash { output.append(slash) }
                    starts.append(output.count)
                    output.append(contentsOf: bytes[index..<end])
                }
                index = end + 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The UTF-8 offset of the last "/", if any.
    private static func lastSlash(_ path: String) -> Int? {
        path.withBytes { $0.lastIndex(of: slash) }
    }

    /// `path` from UTF-8 offset `start` up to `end`.
    private static func slice(_ path: String, from start: Int, to end: Int? = nil) -> String {
        path.withBytes { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(end ?? bytes.count)]), as: UTF8.self)
        }
    }

    /// The containing directory, or nil at the root ("/" or "").
    public static func parent(_ path: String) -> String? {
        if path.isEmpty || path == "/" { return nil }
        guard let slash = lastSlash(path) else { return "" }
        if slash == 0 { return "/" }
        return slice(path, from: 0, to: slash)
    }

    public static func basename(_ path: String) -> String {
        guard let slash = lastSlash(path) else { return path }
        return slice(path, from: slash + 1)
    }

    /// The extension with its dot (".ts"), or "" when there is none.
    public static func pathExtension(_ path: String) -> String {
        guard let dot = extensionDot(path) else { return "" }
        return slice(path, from: dot)
    }

    /// Whether the path's extension (what `pathExtension` gives) is one of
    /// `extensions`, compared as bytes: no string is made or hashed.
    public static func hasExtension(_ path: String, among extensions: [String]) -> Bool {
        guard let dot = extensionDot(path) else { return extensions.contains("") }
        return path.withBytes { bytes in
            let found = bytes[dot...]
            return extensions.contains { $0.utf8.count == found.count && $0.utf8.elementsEqual(found) }
        }
    }

    /// The path without its extension.
    public static func removingExtension(_ path: String) -> String {
        guard let dot = extensionDot(path) else { return path }
        return slice(path, from: 0, to: dot)
    }

    /// The UTF-8 offset of the extension's dot: the last "." of the basename, unless it starts the name.
    private static func extensionDot(_ path: String) -> Int? {
        path.withBytes { bytes in
            var index = bytes.count - 1
            while index >= 0 {
                switch bytes[index] {
                case slash: return nil
                case dot: return index == 0 || bytes[index - 1] == slash ? nil : index
                default: index -= 1
                }
            }
            return nil
        }
    }

    /// `path` relative to `base` when it lies inside it (nil otherwise).
    public static func relative(_ path: String, inside base: String) -> String? {
        guard let start = startOfRelative(path, inside: base) else { return nil }
        return start == 0 ? path : slice(path, from: start)
    }

    /// Whether `path` is `base` or lies below it.
    public static func isInside(_ path: String, _ base: String) -> Bool {
        startOfRelative(path, inside: base) != nil
    }

    /// The UTF-8 offset where `path` relative to `base` starts, when `path`
    /// lies inside `base`. Compares bytes: this runs for every file-tree question.
    public static func startOfRelative(_ path: String, inside base: String) -> Int? {
        if base.isEmpty { return isAbsolute(path) ? nil : 0 }
        return path.withBytes { pathBytes in
            base.withBytes { baseBytes -> Int? in
                guard pathBytes.count >= baseBytes.count, let pathStart = pathBytes.baseAddress, let baseStart = baseBytes.baseAddress,
                      memcmp(pathStart, baseStart, baseBytes.count) == 0 else { return nil }
                if pathBytes.count == baseBytes.count || baseBytes.count == 1 && baseBytes[0] == slash { return baseBytes.count }
                return pathBytes[baseBytes.count] == slash ? baseBytes.count + 1 : nil
            }
        }
    }

    /// The longest run of leading directories two paths share ("/a/b/c" and "/a/bd" give "/a").
    public static func commonDirectory(_ first: String, _ second: String) -> String {
        first.withBytes { a in
            second.withBytes { b in
                var boundary = 0
                var index = 0
                while index < a.count, index < b.count, a[index] == b[index] {
                    if a[index] == slash { boundary = index }
                    index += 1
                }
                if (index == a.count || a[index] == slash) && (index == b.count || b[index] == slash) { boundary = index }
                return String(decoding: UnsafeBufferPointer(rebasing: a[..<boundary]), as: UTF8.self)
            }
        }
    }

    /// `path` written relative to `base`, climbing with ".." where needed.
    public static func relative(_ path: String, from base: String) -> String {
        if isAbsolute(path) != isAbsolute(base) { return path }
        if let relative = asciiRelative(path, from: base) { return relative }
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

    /// `relative(_:from:)` worked out on the bytes, for ASCII paths (every
    /// finding's path is shown this way): the same components as splitting
    /// the characters at "/", without breaking the paths into characters.
    /// Nil when either path holds a non-ASCII byte.
    private static func asciiRelative(_ path: String, from base: String) -> String? {
        path.withBytes { target in
            base.withBytes { origin -> String? in
                guard target.allSatisfy({ $0 < 0x80 }), origin.allSatisfy({ $0 < 0x80 }) else { return nil }
                let targetComponents = target.split(separator: slash)
                let originComponents = origin.split(separator: slash)
                var common = 0
                while common < targetComponents.count, common < originComponents.count,
                      targetComponents[common].elementsEqual(originComponents[common]) {
                    common += 1
                }
                if common == 0, target.first == slash, origin.first == slash, !originComponents.isEmpty {
                    return String(decoding: target, as: UTF8.self)
                }
                var result: [UInt8] = []
                for _ in common..<originComponents.count { result += result.isEmpty ? [dot, dot] : [slash, dot, dot] }
                for component in targetComponents[common...] {
                    if !result.isEmpty { result.append(slash) }
                    result += component
                }
                return result.isEmpty ? "." : String(decoding: result, as: UTF8.self)
            }
        }
    }

    /// Whether two paths share directory and stem and differ in a module
    /// extension (ModuleExtensions): they name the same program.
    public static func nameSameProgram(_ first: String, _ second: String) -> Bool {
        first != second && ModuleExtensions.isModule(first) && ModuleExtensions.isModule(second)
            && removingExtension(first) == removingExtension(second)
    }
}
