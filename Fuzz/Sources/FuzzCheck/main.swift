import FuzzSupport
import ManifestLint

/// The whole check, and the fixer, on a small project made from the input
/// (`--- path` lines start files; the first part is Pulumi.yaml), in a virtual
/// tree: no trap, no hang, every finding's span within its file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let files = Fuzz.files(Fuzz.bytes(data, count))
    let tree = VirtualFileTree(files)
    let result = Linter().check(paths: [""], in: tree)
    for diagnostic in result.diagnostics {
        let length = files[diagnostic.path]?.utf8.count ?? 0
        precondition(diagnostic.span.start >= 0 && diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= length,
                     "\(diagnostic.ruleID) reports outside \(diagnostic.path)")
    }
    _ = Fixer(unsafe: true).fix(paths: [""], in: tree)
    return 0
}

Fuzz.run(fuzzCheck)
