import FuzzSupport
import ManifestLint

/// .manifest-lint.yaml: any bytes give a configuration or a problem with a position, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    do {
        _ = try Configuration.parse(SourceFile(path: "/repo/.manifest-lint.yaml", bytes: bytes), displayPath: ".manifest-lint.yaml")
    } catch {
        precondition(error.position.line >= 1 && error.position.column >= 1)
    }
    return 0
}

Fuzz.run(fuzzConfiguration)
