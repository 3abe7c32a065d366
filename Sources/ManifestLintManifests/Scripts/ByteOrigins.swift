import ManifestLintFindings

/// Where each byte of a text comes from in a file. Most script text is
/// copied byte for byte (byte i stands at base + i), so that case keeps no
/// table; only text that went through escapes or quote removal maps each
/// byte to the offsets where its source starts and ends.
public struct ByteOrigins: Sendable, Equatable {
    private var base: Int
    private var starts: [Int]?
    private var ends: [Int]?
    /// Where the text ends in the file (after its last byte's source).
    private var terminal: Int?
    public private(set) var count = 0

    /// Bytes that stand at `base`, `base + 1`, ... in the file.
    static func contiguous(at base: Int, count: Int) -> ByteOrigins {
        var origins = ByteOrigins(base: base)
        origins.count = count
        return origins
    }

    public init(base: Int) {
        self.base = base
    }

    /// Where byte `index` starts in the file; at `count`, where the text ends.
    public func start(_ index: Int) -> Int {
        if index >= count { return terminal ?? (count > 0 ? end(count - 1) : base) }
        if let starts { return starts[max(index, 0)] }
        return base + max(index, 0)
    }

    /// Where byte `index` ends in the file.
    public func end(_ index: Int) -> Int {
        guard count > 0 else { return terminal ?? base }
        let clamped = min(max(index, 0), count - 1)
        if let ends { return ends[clamped] }
        return base + clamped + 1
    }

    /// Adds a byte that came from `start..<end` in the file.
    public mutating func append(start: Int, end: Int) {
        if starts == nil {
            if count == 0 { base = start }
            if start == base + count && end == start + 1 {
                count += 1
                return
            }
            starts = (0..<count).map { base + $0 }
            ends = (0..<count).map { base + $0 + 1 }
        }
        starts?.append(start)
        ends?.append(end)
        count += 1
    }

    /// Sets where the text ends (past a closing quote, say).
    mutating func finish(at terminal: Int) {
        self.terminal = terminal
    }

    /// The same origins, `delta` bytes further into the file.
    func shifted(by delta: Int) -> ByteOrigins {
        var result = self
        result.base += delta
        result.starts = starts?.map { $0 + delta }
        result.ends = ends?.map { $0 + delta }
        result.terminal = terminal.map { $0 + delta }
        return result
    }

    /// The origins of bytes `range` of the text.
    public func slice(_ range: Range<Int>) -> ByteOrigins {
        var result = ByteOrigins(base: start(range.lowerBound))
        if let starts, let ends {
            result.starts = Array(starts[range])
            result.ends = Array(ends[range])
        }
        result.count = range.count
        result.terminal = range.upperBound < count ? start(range.upperBound) : start(count)
        return result
    }
}
