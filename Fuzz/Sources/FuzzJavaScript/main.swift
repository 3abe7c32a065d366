import FuzzSupport
import ManifestLint

/// The JavaScript/TypeScript tokenizer and what reads its tokens (imports,
/// declarations, type positions, code regions, the paths a program opens and
/// their folding): no trap, no hang, every token within the file, every
/// token in one region, every path use within the tokens.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJavaScript(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    for path in ["index.ts", "index.js"] {
        let module = JSModule(file: SourceFile(path: path, bytes: bytes))
        for token in module.tokens {
            precondition(token.span.start >= 0 && token.span.start < token.span.end && token.span.end <= bytes.count)
        }
        _ = module.declarations
        let types = TypePositions.of(module)
        let regions = CodeRegions(module, types: types)
        precondition(regions.regionOfToken.count == module.tokens.count)
        for region in regions.regions { precondition(region.tokens.lowerBound <= region.tokens.upperBound) }
        let folder = PathFolder(module: module, runningFile: "/p/src/" + path, workingDirectory: "/p/lib")
        for use in ProgramPaths.uses(in: module) {
            precondition(!use.argument.isEmpty && use.argument.upperBound <= module.tokens.count)
            _ = use.written
            _ = folder.fold(use.argument)
        }
        for range in module.declarations.values where !range.isEmpty { _ = folder.fold(range) }
    }
    return 0
}

Fuzz.run(fuzzJavaScript)
