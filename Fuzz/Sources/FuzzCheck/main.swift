import FuzzSupport
import ManifestLint

/// The whole check, and the fixer, on a small project made from the input
/// (`--- path` lines start files; the first part is Pulumi.yaml), in a virtual
/// tree: no trap, no hang, every finding's span within its file, and what the
/// text report shows of it bounded and free of control characters.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let files = Fuzz.files(Fuzz.bytes(data, count))
    let tree = VirtualFileTree(files)
    let result = Linter().check(paths: [""], in: tree)
    for diagnostic in result.diagnostics {
        // As the tree holds it: `a//b` in the input is the file `a/b`.
        let length = tree.read(diagnostic.path)?.count ?? 0
        precondition(diagnostic.span.start >= 0 && diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= length,
                     "\(diagnostic.ruleID) reports outside \(diagnostic.path)")
        let isVisible = { (text: String) in !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
        precondition(isVisible(diagnostic.message) && diagnostic.message.unicodeScalars.count <= DisplayText.messageLimit + 1)
        if let snippet = diagnostic.snippet {
            let width = snippet.line.unicodeScalars.count
            precondition(isVisible(snippet.line) && width <= Snippet.width + 2, "snippet of \(width) columns")
            precondition(snippet.caretColumn >= 1 && snippet.caretColumn <= width + 1 && snippet.caretWidth >= 1)
        }
        _ = TextReporter(color: false).render(diagnostic)
    }
    _ = Fixer(unsafe: true).fix(paths: [""], in: tree)
    return 0
}

Fuzz.run(fuzzCheck)
