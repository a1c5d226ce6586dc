/// Reads a file in fixed-size chunks into one reused buffer.
///
/// Parsers see each chunk once and must not keep pointers into it: memory stays at one chunk
/// whatever the file's size.
public struct FileReader {
    public static let defaultChunkSize = 1 << 20

    public let path: String
    public let chunkSize: Int
    private let calls: SystemCalls

    public init(path: String, chunkSize: Int = FileReader.defaultChunkSize, calls: SystemCalls = .live) {
        precondition(chunkSize > 0)
        self.path = path
        self.chunkSize = chunkSize
        self.calls = calls
    }

    /// Calls `body` with each chunk of the file in order.
    ///
    /// - Returns: the number of bytes read.
    /// - Throws: `SystemCallError` from open or read; whatever `body` throws.
    @discardableResult
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int64 {
        let fd = try calls.openForReading(path)
        defer { try? calls.closeFile(fd, path: path) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let count = try calls.readSome(fd, into: buffer.baseAddress!, count: chunkSize, path: path)
            if count == 0 { return total }
            total += Int64(count)
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}
