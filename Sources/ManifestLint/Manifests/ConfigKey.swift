/// A stack config key split as Pulumi's config.ParseKey splits it.
struct ConfigKey {
    let namespace: String?
    let name: String

    /// nil when Pulumi cannot parse the key: more than one colon outside the
    /// legacy `<ns>:config:<name>` form.
    init?(_ key: String) {
        guard key.utf8.contains(UInt8(ascii: ":")) else {
            namespace = nil
            name = key
            return
        }
        // Split on the bytes (a colon never occurs inside a multi-byte character), in one pass.
        let split = key.withBytes { bytes -> (namespace: String, name: String)? in
            var first = -1
            var second = -1
            for index in bytes.indices where bytes[index] == UInt8(ascii: ":") {
                if first < 0 { first = index } else if second < 0 { second = index } else { return nil }
            }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            if second < 0 { return (text(0..<first), text((first + 1)..<bytes.count)) }
            guard text((first + 1)..<second) == "config" else { return nil }
            return (text(0..<first), text((second + 1)..<bytes.count))
        }
        guard let split else { return nil }
        namespace = split.namespace
        name = split.name
    }
}
