#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level string helpers for the hot paths: the standard library's
/// generic `contains`, `hasPrefix` and `starts(with:)` work on characters or
/// iterators and cost tens of times more than comparing bytes.
extension String {
    /// Runs `body` over the string's UTF-8 bytes, without a copy for the native strings used here.
    @inline(__always)
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Whether `needle` (lower-case ASCII) occurs in this string, ASCII letters compared without case.
    public func containsASCIICaseInsensitive(_ needle: StaticString) -> Bool {
        withBytes { haystack in
            needle.withUTF8Buffer { needle in
                guard needle.count <= haystack.count else { return needle.isEmpty }
                for start in 0...(haystack.count - needle.count) {
                    var offset = 0
                    while offset < needle.count {
                        let byte = haystack[start + offset]
                        let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                        guard folded == needle[offset] else { break }
                        offset += 1
                    }
                    if offset == needle.count { return true }
                }
                return false
            }
        }
    }

    /// Whether the UTF-8 bytes of `needle` occur in this string's.
    public func containsBytes(of needle: String) -> Bool {
        withBytes { haystack in needle.withBytes { occurs($0, in: haystack) } }
    }

    /// Whether this string's UTF-8 bytes begin with `prefix`'s. Bytes, not
    /// characters: for the ASCII prefixes asked here the answer is the same
    /// as `hasPrefix`, at a fraction of its cost.
    public func hasBytePrefix(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in withBytes { own in own.starts(withBytes: prefix) } }
    }

    public func hasBytePrefix(_ prefix: String) -> Bool {
        prefix.withBytes { prefix in withBytes { own in own.starts(withBytes: prefix) } }
    }

    /// Whether this string's UTF-8 bytes end with `suffix`'s (see hasBytePrefix).
    public func hasByteSuffix(_ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { suffix in
            withBytes { own in
                own.count >= suffix.count && UnsafeBufferPointer(rebasing: own[(own.count - suffix.count)...]).starts(withBytes: suffix)
            }
        }
    }

    /// Whether this string's UTF-8 bytes are exactly `bytes` (lengths first, then memcmp).
    public func hasBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == bytes.count else { return false }
        return withBytes { own in
            guard let ownStart = own.baseAddress, let start = bytes.baseAddress else { return own.isEmpty }
            return memcmp(ownStart, start, own.count) == 0
        }
    }
}

extension [UInt8] {
    /// Whether `needle` occurs somewhere in these bytes.
    public func contains(bytesOf needle: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeBufferPointer { occurs(needle, in: $0) }
    }

    /// Whether `byte` occurs in these bytes (memchr).
    public func containsByte(_ byte: UInt8) -> Bool {
        withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the text `needle` occurs in these bytes.
    public func contains(text needle: StaticString) -> Bool {
        needle.withUTF8Buffer { contains(bytesOf: $0) }
    }

    /// Whether a colon stands between two word characters (letters, digits,
    /// `_`, `-`) somewhere, as in `aws:region`: memchr finds each colon.
    public var hasColonBetweenWordCharacters: Bool {
        withUnsafeBufferPointer { bytes in
            guard bytes.count > 2, let start = bytes.baseAddress else { return false }
            func isWord(_ byte: UInt8) -> Bool {
                (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
            var cursor = start + 1
            let last = start + bytes.count - 1
            while cursor < last, let found = memchr(cursor, Int32(UInt8(ascii: ":")), last - cursor) {
                let colon = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if isWord(colon[-1]) && isWord(colon[1]) { return true }
                cursor = colon + 1
            }
            return false
        }
    }

    /// Whether a NUL byte occurs (the mark of a binary file).
    public var containsNUL: Bool {
        withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 0, bytes.count) != nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// A cheap fingerprint of these bytes: their count and their first,
    /// middle and last eight bytes, mixed (SipHash over every byte costs more
    /// than the lookups it serves). Byte strings that share one must still be
    /// compared in full.
    public var fingerprint: UInt64 {
        guard let start = baseAddress, count >= 8 else {
            return reduce(UInt64(count) &+ 0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        let raw = UnsafeRawPointer(start)
        let head = raw.loadUnaligned(as: UInt64.self)
        let middle = raw.loadUnaligned(fromByteOffset: (count - 8) / 2, as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        return (head &* 0x9E37_79B9_7F4A_7C15) ^ (middle &* 0xBF58_476D_1CE4_E5B9) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
    }

    /// Whether these bytes begin with `prefix` (memcmp).
    public func starts(withBytes prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count >= prefix.count else { return false }
        guard let start = baseAddress, let prefixStart = prefix.baseAddress else { return true }
        return memcmp(start, prefixStart, prefix.count) == 0
    }
}

private func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !needle.isEmpty else { return true }
    guard let haystackStart = haystack.baseAddress, let needleStart = needle.baseAddress, haystack.count >= needle.count else { return false }
    // memchr finds each candidate first byte; memcmp checks the rest (memmem is a GNU extension Swift cannot see).
    let last = haystackStart + (haystack.count - needle.count)
    var cursor = haystackStart
    while cursor <= last, let found = memchr(cursor, Int32(needle[0]), last - cursor + 1) {
        let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
        if memcmp(candidate, needleStart, needle.count) == 0 { return true }
        cursor = candidate + 1
    }
    return false
}
