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
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            namespace = nil
            name = key
        case 2:
            namespace = String(parts[0])
            name = String(parts[1])
        case 3 where parts[1] == "config":
            namespace = String(parts[0])
            name = String(parts[2])
        default:
            return nil
        }
    }
}
