import FuzzSupport
import ManifestLint

/// The JSON and JSONC loaders: any bytes give a document or problems, never a
/// trap, and every span lies within the file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    for dialect in [JSONLoader.Dialect.json, .jsonc] {
        let document = JSONLoader.load(SourceFile(path: "package.json", bytes: bytes), dialect: dialect)
        for problem in document.problems {
            precondition(problem.span.start >= 0 && problem.span.start <= problem.span.end && problem.span.end <= bytes.count)
        }
        var pending = document.root.map { [$0] } ?? []
        while let node = pending.popLast() {
            precondition(node.span.start >= 0 && node.span.start <= node.span.end && node.span.end <= bytes.count)
            if let entries = node.entries { pending += entries.flatMap { [$0.key, $0.value] } }
            if let elements = node.elements { pending += elements }
        }
    }
    return 0
}

Fuzz.run(fuzzJSON)
