import FuzzSupport
import ManifestLint

/// The plain block-mapping reader against libyaml: on every input it accepts
/// it gives libyaml's events and spans, and it accepts nothing libyaml rejects
/// (there it must hand over to libyaml). The whole loader never traps.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    if let events = YAMLEventReaders.plainBlockMapping(bytes) {
        let libyaml = YAMLEventReaders.libyaml(bytes)
        precondition(!libyaml.failed, "the plain reader accepted a text libyaml rejects")
        precondition(events == libyaml.events, "the plain reader's events differ from libyaml's")
    }
    _ = YAMLLoader.load(SourceFile(path: "Pulumi.yaml", bytes: bytes))
    return 0
}

Fuzz.run(fuzzYAML)
