import FuzzSupport
import ManifestLint

/// The Python tokenizer and the import reader: no trap, no hang, every token
/// within the input and in order, every f-string piece balanced (a head, then
/// middles, then its tail) unless the scan reports an error, every import
/// within the input.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPython(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    let result = PythonTokenizer.tokenize(bytes)
    var previousStart = 0
    var open = 0
    for token in result.tokens {
        precondition(token.span.start <= token.span.end && token.span.end <= bytes.count)
        precondition(token.span.start >= previousStart || token.kind == .dedent || token.kind == .newline)
        previousStart = token.span.start
        switch token.kind {
        case .fstringHead: open += 1
        case .fstringTail: open -= 1
        case .fstringMiddle: precondition(open > 0)
        default: break
        }
        precondition(open >= 0)
    }
    precondition(open == 0 || result.error != nil)
    let module = PythonModule(file: SourceFile(path: "/p/pkg/app.py", bytes: bytes))
    for anImport in module.imports { precondition(anImport.span.start <= anImport.span.end && anImport.span.end <= bytes.count) }
    return 0
}

Fuzz.run(fuzzPython)
