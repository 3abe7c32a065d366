/// Reads blobs from one long-running `git cat-file --batch` process: one
/// request per file, never one process per file.
final class BlobReader {
    private let process: ChildProcess
    private var reader: PipeReader

    init(repository: String) throws(ChildProcess.SpawnError) {
        process = try ChildProcess(["git", "-C", repository, "cat-file", "--batch"])
        reader = PipeReader(process.output)
    }

    /// The blob's bytes, at most `limit` of them (the rest is skipped); nil
    /// when git does not have it.
    func read(_ objectID: String, limit: Int) -> [UInt8]? {
        guard process.write(Array((objectID + "\n").utf8)), let header = reader.line() else { return nil }
        let fields = header.split(separator: " ")
        guard fields.count == 3, let size = Int(fields[2]) else { return nil }
        let kept = min(size, limit)
        guard let bytes = reader.bytes(kept) else { return nil }
        var remaining = size - kept + 1 // the rest, then the newline after the contents
        while remaining > 0 {
            let chunk = min(remaining, 1 << 20)
            guard reader.bytes(chunk) != nil else { return nil }
            remaining -= chunk
        }
        return bytes
    }
}
