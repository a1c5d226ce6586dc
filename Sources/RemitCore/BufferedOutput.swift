#if canImport(Glibc)
    import Glibc
#endif

/// Collects bytes and writes them to a file descriptor in large blocks.
public final class BufferedOutput {
    public let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let calls: SystemCalls
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Writes to an already open descriptor (such as standard output, `path` "-"), which it does not close.
    public init(descriptor: Int32, path: String, capacity: Int = 1 << 20, calls: SystemCalls = .live) {
        fd = descriptor
        self.path = path
        ownsDescriptor = false
        self.calls = calls
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Creates or truncates `path`.
    ///
    /// - Throws: `SystemCallError` from `open`.
    public init(creating path: String, capacity: Int = 1 << 20, calls: SystemCalls = .live) throws {
        fd = try calls.openForWriting(path)
        self.path = path
        ownsDescriptor = true
        self.calls = calls
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try calls.writeAll(fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file this object opened, syncs and closes it.
    public func close() throws {
        try flush()
        if ownsDescriptor {
            try calls.sync(fd, path: path)
            try calls.closeFile(fd, path: path)
        }
    }
}
