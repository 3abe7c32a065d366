import ManifestLintFindings

/// A stack config key split as Pulumi's config.ParseKey splits it.
public struct ConfigKey: Sendable {
    public let namespace: String?
    public let name: String

    /// nil when Pulumi cannot parse the key: more than one colon outside the
    /// legacy `<ns>:config:<name>` form.
    public init?(_ key: String) {
        switch Self.split(key) {
        case .plain:
            namespace = nil
            name = key
        case .namespaced(let namespace, let name):
            self.namespace = namespace
            self.name = name
        case .invalid:
            return nil
        }
    }

    private enum Split {
        /// No colon: a name without a namespace.
        case plain
        case namespaced(String, String)
        case invalid
    }

    /// Splits on the bytes (a colon never occurs inside a multi-byte character), in one pass.
    private static func split(_ key: String) -> Split {
        key.withBytes { bytes in
            var first = -1
            var second = -1
            for index in bytes.indices where bytes[index] == UInt8(ascii: ":") {
                if first < 0 { first = index } else if second < 0 { second = index } else { return .invalid }
            }
            guard first >= 0 else { return .plain }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            if second < 0 { return .namespaced(text(0..<first), text((first + 1)..<bytes.count)) }
            guard text((first + 1)..<second) == "config" else { return .invalid }
            return .namespaced(text(0..<first), text((second + 1)..<bytes.count))
        }
    }
}
