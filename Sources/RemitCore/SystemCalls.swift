#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls Remit makes on files, in one place.
///
/// Each call retries `EINTR` and turns a failure into a `SystemCallError` naming the call and errno.
/// Tests swap in a `SystemCalls` value whose closures fail on purpose.
public struct SystemCalls: Sendable {
    public var open: @Sendable (_ path: String, _ flags: Int32, _ mode: UInt32) -> Int32
    public var read: @Sendable (_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int
    public var write: @Sendable (_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int
    public var close: @Sendable (_ fd: Int32) -> Int32
    public var fsync: @Sendable (_ fd: Int32) -> Int32
    public var rename: @Sendable (_ from: String, _ to: String) -> Int32

    public init(
        open: @escaping @Sendable (String, Int32, UInt32) -> Int32,
        read: @escaping @Sendable (Int32, UnsafeMutableRawPointer, Int) -> Int,
        write: @escaping @Sendable (Int32, UnsafeRawPointer, Int) -> Int,
        close: @escaping @Sendable (Int32) -> Int32,
        fsync: @escaping @Sendable (Int32) -> Int32,
        rename: @escaping @Sendable (String, String) -> Int32
    ) {
        self.open = open
        self.read = read
        self.write = write
        self.close = close
        self.fsync = fsync
        self.rename = rename
    }

    /// The real calls.
    public static let live = SystemCalls(
        open: { path, flags, mode in
            #if canImport(Glibc)
                return Glibc.open(path, flags, mode)
            #else
                return Darwin.open(path, flags, mode_t(mode))
            #endif
        },
        read: { fd, buffer, count in
            #if canImport(Glibc)
                return Glibc.read(fd, buffer, count)
            #else
                return Darwin.read(fd, buffer, count)
            #endif
        },
        write: { fd, buffer, count in
            #if canImport(Glibc)
                return Glibc.write(fd, buffer, count)
            #else
                return Darwin.write(fd, buffer, count)
            #endif
        },
        close: { fd in
            #if canImport(Glibc)
                return Glibc.close(fd)
            #else
                return Darwin.close(fd)
            #endif
        },
        fsync: { fd in
            #if canImport(Glibc)
                return Glibc.fsync(fd)
            #else
                return Darwin.fsync(fd)
            #endif
        },
        rename: { from, to in
            #if canImport(Glibc)
                return Glibc.rename(from, to)
            #else
                return Darwin.rename(from, to)
            #endif
        }
    )

    static var currentErrno: Int32 { errno }

    /// Opens `path` for reading.
    ///
    /// Non-blocking, so a FIFO nobody writes to opens at once and can be refused as not a regular file instead of
    /// hanging in `open`; the flag changes nothing for regular files and folders.
    ///
    /// - Throws: `SystemCallError` from `open`.
    public func openForReading(_ path: String) throws(SystemCallError) -> Int32 {
        try retrying("open", path: path) { Int(open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0)) }.int32
    }

    /// Creates or truncates `path` for writing with mode 0644 (narrowed by the umask).
    public func openForWriting(_ path: String) throws(SystemCallError) -> Int32 {
        try retrying("open", path: path) { Int(open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)) }.int32
    }

    /// Reads up to `count` bytes; 0 means end of file.
    public func readSome(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, path: String)
        throws(SystemCallError) -> Int
    {
        try retrying("read", path: path) { read(fd, buffer, count) }
    }

    /// Writes all of `bytes`, continuing after short writes.
    public func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemCallError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            done += try retrying("write", path: path) { write(fd, base + done, bytes.count - done) }
        }
    }

    /// Flushes `fd` to storage. Descriptors that cannot be synced (a pipe, `/dev/null`, a terminal: `EINVAL`)
    /// hold nothing to flush, so for them this does nothing.
    public func sync(_ fd: Int32, path: String) throws(SystemCallError) {
        do {
            _ = try retrying("fsync", path: path) { Int(fsync(fd)) }
        } catch where error.errno == EINVAL {
            return
        }
    }

    public func closeFile(_ fd: Int32, path: String) throws(SystemCallError) {
        // close is not retried on EINTR: on Linux the descriptor is already released.
        if close(fd) != 0 { throw SystemCallError(call: "close", path: path, errno: SystemCalls.currentErrno) }
    }

    public func renameFile(_ from: String, to: String) throws(SystemCallError) {
        _ = try retrying("rename", path: from) { Int(rename(from, to)) }
    }

    /// Gives the file `from` the second name `to`; fails with `EEXIST` rather than replace whatever is at `to`.
    public func linkFile(_ from: String, to: String) throws(SystemCallError) {
        _ = try retrying("link", path: to) { Int(link(from, to)) }
    }

    /// Removes the name `path`.
    public func removeFile(_ path: String) throws(SystemCallError) {
        _ = try retrying("unlink", path: path) { Int(unlink(path)) }
    }

    private func retrying(_ call: String, path: String, _ body: () -> Int) throws(SystemCallError) -> Int {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = SystemCalls.currentErrno
            if code == EINTR { continue }
            throw SystemCallError(call: call, path: path, errno: code)
        }
    }
}

extension Int {
    fileprivate var int32: Int32 { Int32(truncatingIfNeeded: self) }
}

/// A failed system call: which call, on which path, and the errno it gave.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    public var call: String
    public var path: String
    public var errno: Int32

    public init(call: String, path: String, errno: Int32) {
        self.call = call
        self.path = path
        self.errno = errno
    }

    public var description: String {
        let reason = String(cString: strerror(errno))
        return "\(path): \(call) failed: \(reason) (errno \(errno))"
    }
}
