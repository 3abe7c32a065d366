/// A YAML parser event with byte offsets: what libyaml reports, or what
/// `SimpleBlockYAML` reports for the plain documents it reads itself.
public struct YAMLEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
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

/// The two readers of YAML events, side by side: the plain block-mapping
/// reader must give libyaml's events for every text it accepts, and accept
/// none that libyaml rejects (the tests and the differential fuzz target ask this).
public enum YAMLEventReaders {
    /// libyaml's events for a text, up to the end of the stream or an error.
    public static func libyaml(_ bytes: [UInt8]) -> (events: [YAMLEvent], failed: Bool) {
        var events: [YAMLEvent] = []
        let problem = bytes.withUnsafeBufferPointer { buffer in
            LibYAMLEvents.parse(buffer, offsets: CodePointOffsets(bytes)) { event in
                events.append(event)
                return true
            }
        }
        return (events, problem != nil)
    }

    /// The plain block-mapping reader's events; nil when it declines the text (libyaml reads it then).
    public static func plainBlockMapping(_ bytes: [UInt8]) -> [YAMLEvent]? {
        var events: [YAMLEvent] = []
        let accepted = bytes.withUnsafeBufferPointer { buffer in
            SimpleBlockYAML.read(buffer) { event in
                events.append(event)
                return true
            }
        }
        return accepted ? events : nil
    }
}
