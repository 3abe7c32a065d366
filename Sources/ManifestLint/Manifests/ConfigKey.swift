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
        // Split on the bytes: a colon never occurs inside a multi-byte character.
        let parts = key.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        switch parts.count {
        case 2:
            namespace = parts[0]
            name = parts[1]
        case 3 where parts[1] == "config":
            namespace = parts[0]
            name = parts[2]
        default:
            return nil
        }
    }
}
