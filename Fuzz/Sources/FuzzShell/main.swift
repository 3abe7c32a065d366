import FuzzSupport
import ManifestLint

/// The shell parser: any script gives commands or an error with a position
/// inside it, and every word's span lies within the script.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzShell(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    let script = ShellParser.parse(SourceText(bytes: bytes))
    if let error = script.error { precondition(error.offset >= 0 && error.offset <= bytes.count) }
    for command in script.commands {
        for word in command.words {
            precondition(word.span.start >= 0 && word.span.start <= word.span.end && word.span.end <= bytes.count)
        }
    }
    return 0
}

Fuzz.run(fuzzShell)
