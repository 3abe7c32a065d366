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
        // The colons' byte offsets (a colon never occurs inside a multi-byte character).
        let colons = key.withBytes { bytes in bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") } }
        let utf8 = key.utf8
        func part(_ start: Int, _ end: Int) -> String {
            String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]))
        }
        switch colons.count {
        case 1:
            namespace = part(0, colons[0])
            name = part(colons[0] + 1, utf8.count)
        case 2 where part(colons[0] + 1, colons[1]) == "config":
            namespace = part(0, colons[0])
            name = part(colons[1] + 1, utf8.count)
        default:
            return nil
        }
    }
}
