import RemitCore

#if canImport(Glibc)
    import Glibc
#endif

/// The file-system calls of archive expansion and the watch service, beyond the reads and writes of
/// `SystemCalls`.
///
/// Each call retries `EINTR` and throws `SystemCallError` naming the call, the path and errno. `failing`
/// lets a test make one named call fail.
package struct FileSystem: Sendable {
    /// The kind of a directory entry, from `lstat`: links are never followed.
    package enum Kind: Sendable, Equatable {
        case regular, directory, symlink, special
    }

    /// What `lstat` said about a path.
    package struct Status: Sendable, Equatable {
        package var kind: Kind
        package var size: Int64
        /// Modification time in nanoseconds since 1970.
        package var modified: Int64
        package var inode: UInt64
        package var mode: UInt32
    }

    package var calls: SystemCalls
    /// A call name (`rename`, `mkdir`, ...) that fails with `EIO`; tests only.
    package var failing: String?

    package init(calls: SystemCalls = .live, failing: String? = nil) {
        self.calls = calls
        self.failing = failing
    }

    package static let live = FileSystem()

    private func retrying(_ call: String, _ path: String, _ body: () -> Int32) throws(SystemCallError) {
        if failing == call { throw SystemCallError(call: call, path: path, errno: EIO) }
        while body() != 0 {
            let code = errno
            if code == EINTR { continue }
            throw SystemCallError(call: call, path: path, errno: code)
        }
    }

    /// `lstat(2)`, or `stat(2)` when `followingLink`; nil when nothing is there.
    package func status(_ path: String, followingLink: Bool = false) throws(SystemCallError) -> Status? {
        var info = stat()
        do {
            if followingLink {
                try retrying("stat", path) { stat(path, &info) }
            } else {
                try retrying("lstat", path) { lstat(path, &info) }
            }
        } catch  where error.errno == ENOENT {
            return nil
        }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .special
        }
        return Status(
            kind: kind, size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino), mode: UInt32(info.st_mode & 0o7777))
    }

    /// Creates `path` (and missing parents) as a folder; nothing when it exists.
    package func makeFolder(_ path: String) throws(SystemCallError) {
        if let existing = try status(path) {
            guard existing.kind == .directory else { throw SystemCallError(call: "mkdir", path: path, errno: ENOTDIR) }
            return
        }
        let parent = Self.parent(of: path)
        if parent != path, !parent.isEmpty { try makeFolder(parent) }
        do {
            try retrying("mkdir", path) { mkdir(path, 0o777) }
        } catch  where error.errno == EEXIST {
            return
        }
    }

    /// Creates a new folder only this user may enter (mode 0700) under `parent`, named `prefix` and six random
    /// characters, and returns its path.
    package func makeUniqueFolder(in parent: String, prefix: String) throws(SystemCallError) -> String {
        var template = Array((parent + "/" + prefix + "XXXXXX").utf8CString)
        if failing == "mkdtemp" { throw SystemCallError(call: "mkdtemp", path: parent, errno: EIO) }
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else { throw SystemCallError(call: "mkdtemp", path: parent, errno: errno) }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    package func rename(_ from: String, to: String) throws(SystemCallError) {
        try retrying("rename", from) { Glibc.rename(from, to) }
    }

    /// Removes a file; nothing when it is gone already.
    package func remove(_ path: String) throws(SystemCallError) {
        do {
            try retrying("unlink", path) { unlink(path) }
        } catch  where error.errno == ENOENT {
            return
        }
    }

    /// Removes a folder and everything in it, never following links; nothing when it is gone already.
    package func removeTree(_ path: String) throws(SystemCallError) {
        guard let info = try status(path) else { return }
        guard info.kind == .directory else { return try remove(path) }
        for name in try list(path) { try removeTree(path + "/" + name) }
        do {
            try retrying("rmdir", path) { rmdir(path) }
        } catch  where error.errno == ENOENT {
            return
        }
    }

    /// The names in a folder, without `.` and `..`, sorted.
    package func list(_ path: String) throws(SystemCallError) -> [String] {
        guard let folder = opendir(path) else { throw SystemCallError(call: "opendir", path: path, errno: errno) }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// `pread(2)`: up to `count` bytes at `offset`, fewer only at the end of the file.
    package func read(_ fd: Int32, at offset: Int64, count: Int, path: String) throws(SystemCallError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(call: "pread", path: path, errno: errno)
            }
            if got == 0 { break }
            done += got
        }
        return Array(bytes[0..<done])
    }

    /// True when some process has the regular file at `path` open for writing, as far as the kernel says.
    ///
    /// Asks for a read lease, which Linux refuses with `EAGAIN` while any writer holds the file open. Leases
    /// need the file's owner (or `CAP_LEASE`); when refused for that reason the answer is false and the
    /// caller relies on close events and the settle time instead.
    package func isOpenForWriting(_ path: String) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        var result: Int32
        repeat { result = fcntl(fd, linuxSetLease, F_RDLCK) } while result < 0 && errno == EINTR
        if result == 0 {
            _ = fcntl(fd, linuxSetLease, F_UNLCK)
            return false
        }
        return errno == EAGAIN
    }

    /// Flushes a folder's entries (renames, new files) to storage.
    package func syncFolder(_ path: String) throws(SystemCallError) {
        if failing == "fsync" { throw SystemCallError(call: "fsync", path: path, errno: EIO) }
        let fd = try calls.openForReading(path)
        defer { try? calls.closeFile(fd, path: path) }
        try calls.sync(fd, path: path)
    }

    /// Writes `bytes` to `path` whole or not at all: a temporary name beside it, synced, renamed, folder synced.
    package func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let folder = Self.parent(of: path)
        let temporary = folder + "/." + Self.baseName(of: path) + ".tmp"
        let fd = try calls.openForWriting(temporary)
        do {
            try bytes.withUnsafeBytes { try calls.writeAll(fd, $0, path: temporary) }
            try calls.sync(fd, path: temporary)
        } catch {
            try? calls.closeFile(fd, path: temporary)
            throw error
        }
        try calls.closeFile(fd, path: temporary)
        try rename(temporary, to: path)
        try syncFolder(folder)
    }

    /// Narrows the process's file-creation mask so new files and folders are no wider than `mode` allows.
    package static func narrowCreationMask(toAtMost mode: UInt32) {
        let current = umask(0o077)
        umask(current | (~mode_t(mode) & 0o777))
    }

    /// `F_SETLEASE` from `<fcntl.h>`; Glibc hides it from Swift because it is a GNU extension.
    private var linuxSetLease: Int32 { 1024 }

    package static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    package static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
