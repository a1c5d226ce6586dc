#if canImport(Glibc)
    import Glibc
#endif

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
        try FileReader.requireRegularFile(fd, path: path)
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

    /// Refuses anything but a regular file (after symlinks).
    ///
    /// Every input is read more than once (fingerprinted, then parsed), which a pipe, a FIFO or a device cannot
    /// give back; `/dev/zero` would never end. Refusing them up front is clearer than a hang or a false
    /// "unrecognised format".
    static func requireRegularFile(_ fd: Int32, path: String) throws(NotARegularFile) {
        var status = stat()
        guard fstat(fd, &status) == 0 else { return }  // the read that follows reports the real problem
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFREG else { return }
        let name: String
        switch kind {
        case S_IFDIR: name = "a directory"
        case S_IFIFO: name = "a pipe or FIFO"
        case S_IFCHR: name = "a character device"
        case S_IFBLK: name = "a block device"
        case S_IFSOCK: name = "a socket"
        default: name = "not a regular file"
        }
        throw NotARegularFile(path: path, kind: name)
    }
}

/// An input that is not a regular file, such as a FIFO, `/dev/zero` or a shell's `<(...)`.
public struct NotARegularFile: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var kind: String

    public var description: String {
        "\(path) is \(kind), not a regular file; Remit reads each input twice (to fingerprint and to parse), "
            + "so save it to a file first"
    }
}
