/// A YAML parser event with byte offsets: what libyaml reports, or what
/// `SimpleBlockYAML` reports for the plain documents it reads itself.
struct YAMLEvent: Equatable {
    public enum Kind: Equatable {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(text: String, style: ScalarStyle, plainImplicit: Bool, tag: String?, anchor: String?)
        case sequenceStart(anchor: String?)
        case mappingStart(anchor: String?)
        case sequenceEnd, mappingEnd
    }

    public var kind: Kind
    public var start: Int
    public var end: Int
}
