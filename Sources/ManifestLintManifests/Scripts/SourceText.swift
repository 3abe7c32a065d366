import ManifestLintFindings

/// Text together with where each of its bytes came from in a file: a JSON
/// string's decoded bytes mapped back through its escapes, so that a finding
/// inside a package.json script points at the right line and column.
public struct SourceText: Sendable {
    public var bytes: [UInt8]
    var origins: ByteOrigins

    /// Text whose bytes are their own source, at `base`.
    public init(bytes: [UInt8], base: Int = 0) {
        self.bytes = bytes
        origins = .contiguous(at: base, count: bytes.count)
    }

    public init(bytes: [UInt8], origins: ByteOrigins) {
        self.bytes = bytes
        self.origins = origins
    }

    /// The same text with each maximal invalid UTF-8 sequence replaced by
    /// U+FFFD, whose three bytes each come from where that sequence stood:
    /// what the shell parser reads, so that a word's text (a Swift string,
    /// always valid UTF-8) keeps one origin per byte. Valid text is returned as it is.
    func repairingInvalidUTF8() -> SourceText {
        guard bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil else { return self }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(bytes.count + 8)
        var repairedOrigins = ByteOrigins(base: origins.start(0))
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var index = 0
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                for offset in 0..<encoded.count {
                    repaired.append(bytes[index + offset])
                    repairedOrigins.append(start: origins.start(index + offset), end: origins.end(index + offset))
                }
                index += encoded.count
            case .error(let length):
                for byte in [0xEF, 0xBF, 0xBD] as [UInt8] {
                    repaired.append(byte)
                    repairedOrigins.append(start: origins.start(index), end: origins.end(index + length - 1))
                }
                index += length
            case .emptyInput:
                break decoding
            }
        }
        repairedOrigins.finish(at: origins.start(bytes.count))
        return SourceText(bytes: repaired, origins: repairedOrigins)
    }

    /// The decoded contents of the JSON string literal at `span` of `file`.
    public static func jsonString(in file: SourceFile, span: Span) -> SourceText? {
        let raw = file.bytes
        guard span.end - span.start >= 2, span.end <= raw.count, raw[span.start] == UInt8(ascii: "\"") else { return nil }
        let end = span.end - 1
        // Without escapes the script is the literal's bytes, where they stand.
        if !raw[(span.start + 1)..<end].contains(UInt8(ascii: "\\")) {
            return SourceText(bytes: Array(raw[(span.start + 1)..<end]), base: span.start + 1)
        }
        var bytes: [UInt8] = []
        var origins = ByteOrigins(base: span.start + 1)
        var index = span.start + 1
        func append(_ decoded: [UInt8], at offset: Int, length: Int = 2) {
            bytes.append(contentsOf: decoded)
            for _ in decoded { origins.append(start: offset, end: offset + length) }
        }
        while index < end {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < end else {
                append([byte], at: index, length: 1)
                index += 1
                continue
            }
            let code = raw[index + 1]
            switch code {
            case UInt8(ascii: "n"): append([0x0A], at: index); index += 2
            case UInt8(ascii: "t"): append([0x09], at: index); index += 2
            case UInt8(ascii: "r"): append([0x0D], at: index); index += 2
            case UInt8(ascii: "b"): append([0x08], at: index); index += 2
            case UInt8(ascii: "f"): append([0x0C], at: index); index += 2
            case UInt8(ascii: "u"):
                guard index + 6 <= end, var value = hexValue(raw[(index + 2)..<(index + 6)]) else { return nil }
                var length = 6
                if (0xD800...0xDBFF).contains(value), index + 12 <= end, raw[index + 6] == UInt8(ascii: "\\"),
                   raw[index + 7] == UInt8(ascii: "u"), let low = hexValue(raw[(index + 8)..<(index + 12)]), (0xDC00...0xDFFF).contains(low) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    length = 12
                }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                append(Array(String(Character(scalar)).utf8), at: index, length: length)
                index += length
            default: append([code], at: index); index += 2
            }
        }
        origins.finish(at: end)
        return SourceText(bytes: bytes, origins: origins)
    }

    private static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt32? {
        UInt32(String(decoding: digits, as: UTF8.self), radix: 16)
    }
}
