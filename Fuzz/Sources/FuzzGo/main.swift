import FuzzSupport
import ManifestLint

/// The Go reader of config reads: no trap, no hang, and every read's key
/// literal within the file. The input follows a header that imports the
/// config package and makes a bag, so that the reader reads it at all.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzGo(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let header = Array("package main\nimport \"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config\"\nvar cfg = config.New(ctx, \"\")\nvar a:b\n".utf8)
    let bytes = header + Fuzz.bytes(data, count)
    let file = SourceFile(path: "/p/main.go", bytes: bytes)
    for read in GoConfigReads.reads(in: [file]) {
        precondition(read.keyLiteral.start >= header.count - 1 && read.keyLiteral.end <= bytes.count)
        precondition(!read.key.isEmpty)
    }
    return 0
}

Fuzz.run(fuzzGo)
