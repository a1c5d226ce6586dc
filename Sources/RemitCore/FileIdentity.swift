#if canImport(Glibc)
    import Glibc
#endif

/// Which file a path names on disk (device and inode, after symlinks), to tell when two paths are one file.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of the file at `path`, or nil when there is none (or it cannot be looked at).
    public static func of(_ path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// The first of `inputs` that is the same file as `output`, so that writing `output` would destroy it.
    public static func input(among inputs: [String], sameAs output: String) -> String? {
        guard let target = of(output) else { return nil }
        return inputs.first { of($0) == target }
    }
}
