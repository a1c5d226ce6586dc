import RemitCore

/// Where the XML stream's bytes come from: a file read through `SystemCalls`, or bytes in memory served in
/// chunks of a chosen size (tests feed 1, 2, 7, 64 bytes at a time).
final class ByteSource {
    private let pull: (UnsafeMutableRawPointer, Int) throws -> Int
    private let close: () -> Void
    /// The error that made the last read fail; libxml2 only sees -1.
    private(set) var failure: (any Error)?

    private init(pull: @escaping (UnsafeMutableRawPointer, Int) throws -> Int, close: @escaping () -> Void) {
        self.pull = pull
        self.close = close
    }

    deinit { close() }

    /// Reads `path` through `calls`.
    ///
    /// - Throws: `SystemCallError` from open.
    static func file(_ path: String, calls: SystemCalls) throws(SystemCallError) -> ByteSource {
        let fd = try calls.openForReading(path)
        return ByteSource(
            pull: { buffer, count in try calls.readSome(fd, into: buffer, count: count, path: path) },
            close: { try? calls.closeFile(fd, path: path) })
    }

    /// Serves `bytes` at most `chunkSize` at a time.
    static func memory(_ bytes: [UInt8], chunkSize: Int) -> ByteSource {
        precondition(chunkSize > 0)
        var position = 0
        return ByteSource(
            pull: { buffer, count in
                let size = min(count, chunkSize, bytes.count - position)
                if size <= 0 { return 0 }
                bytes.withUnsafeBytes { all in
                    buffer.copyMemory(from: all.baseAddress! + position, byteCount: size)
                }
                position += size
                return size
            }, close: {})
    }

    /// Fills `buffer` with up to `max` bytes: 0 at the end, -1 on failure.
    func read(into buffer: UnsafeMutableRawPointer, max: Int) -> Int {
        if failure != nil { return -1 }
        do {
            return try pull(buffer, max)
        } catch {
            failure = error
            return -1
        }
    }
}
