/// A YAML parser event with byte offsets: what libyaml reports, or what
/// `SimpleBlockYAML` reports for the plain documents it reads itself.
struct YAMLEvent: Equatable {
    enum Kind: Equatable {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(text: String, style: ScalarStyle, plainImplicit: Bool, tag: String?, anchor: String?)
        case sequenceStart(anchor: String?)
        case mappingStart(anchor: String?)
        case sequenceEnd, mappingEnd
    }

    var kind: Kind
    var start: Int
    var end: Int
}
