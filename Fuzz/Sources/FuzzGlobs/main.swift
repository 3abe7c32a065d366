import FuzzSupport
import ManifestLint

/// The glob matchers (tsconfig's, fast-glob's for scripts, jest's): the
/// first line is the pattern, the second the path; nothing traps or hangs.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzGlobs(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: Fuzz.bytes(data, count), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let pattern = lines.first ?? "", path = lines.count > 1 ? lines[1] : ""
    _ = Glob.matches(pattern, path)
    _ = FastGlob.matches(pattern, path)
    for expanded in (FastGlob.expandBraces(pattern) ?? []).prefix(64) { _ = FastGlob.matches(expanded, path) }
    _ = JestGlob.regex(pattern)
    return 0
}

Fuzz.run(fuzzGlobs)
