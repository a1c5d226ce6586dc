import RemitCore

#if canImport(Glibc)
    import Glibc
#endif

/// Watches the inbox folder with inotify for files that are complete: closed after writing, or moved in.
///
/// The descriptor is non-blocking and read with `poll(2)` together with a wake-up descriptor, so the
/// service's single loop also hears about shutdown requests without a second thread touching its state.
package final class InboxWatcher {
    /// What the kernel reported.
    package enum Event: Sendable, Equatable {
        /// A file in the inbox was closed after writing or moved in: it may be complete.
        case complete(String)
        /// A name was created; only links and special files are taken on this (a regular file waits for
        /// its close), since they are never written and closed.
        case created(String)
        /// The kernel's queue overflowed and events were lost: the inbox must be scanned again.
        case overflow
        /// The inbox itself was removed or moved away.
        case inboxGone
    }

    private let fd: Int32
    package let path: String

    /// - Throws: `SystemCallError` from `inotify_init1` or `inotify_add_watch`.
    package init(path: String) throws(SystemCallError) {
        self.path = path
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw SystemCallError(call: "inotify_init1", path: path, errno: errno) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        guard inotify_add_watch(fd, path, mask) >= 0 else {
            let code = errno
            close(fd)
            throw SystemCallError(call: "inotify_add_watch", path: path, errno: code)
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Waits up to `timeoutMillis` for events or for `wake` to become readable, then returns what arrived.
    ///
    /// - Throws: `SystemCallError` from `poll` or `read` (never for `EINTR`, which is retried).
    package func wait(timeoutMillis: Int32, wake: Int32) throws(SystemCallError) -> [Event] {
        var descriptors = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&descriptors, 2, timeoutMillis) < 0 {
            if errno == EINTR { continue }
            throw SystemCallError(call: "poll", path: path, errno: errno)
        }
        return try drain()
    }

    /// Reads every queued event without blocking.
    package func drain() throws(SystemCallError) -> [Event] {
        var events: [Event] = []
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { return events }
                throw SystemCallError(call: "read", path: path, errno: errno)
            }
            if count == 0 { return events }
            events += Self.decode(UnsafeRawBufferPointer(start: buffer, count: count))
        }
    }

    /// Decodes packed `inotify_event` records: a 16-byte header, then `len` bytes of NUL-padded name.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Event] {
        var events: [Event] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.count {
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.count)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                events.append(.overflow)
            } else if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                events.append(.inboxGone)
            } else if !name.isEmpty, mask & UInt32(IN_CREATE) != 0 {
                if mask & UInt32(IN_ISDIR) == 0 { events.append(.created(name)) }
            } else if !name.isEmpty {
                events.append(.complete(name))
            }
            offset += header + length
        }
        return events
    }
}
