import RemitCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a .zip archive's central directory and expands its entries into a folder, safely.
///
/// Only what a remittance archive needs: stored and deflated entries, no encryption, no Zip64. Every
/// entry name is checked before anything is written: no absolute paths, no `..`, no backslashes, no links,
/// no two entries of one name, no file that is also another entry's folder; the limits bound the count,
/// each entry's size, the total and the ratio.
package struct ZipArchive {
    /// One entry of the central directory.
    package struct Entry: Sendable, Equatable {
        package var name: String
        package var method: UInt16
        package var flags: UInt16
        package var crc32: UInt32
        package var compressedSize: Int64
        package var size: Int64
        package var localHeaderOffset: Int64
        package var isLink: Bool
        /// Where the entry's central directory record starts, for locating errors.
        package var directoryOffset: Int64
    }

    package let path: String
    package let entries: [Entry]
    private let limits: ArchiveLimits
    private let fileSystem: FileSystem

    /// Reads the central directory of the archive at `path`.
    ///
    /// - Throws: `Diagnostic` locating the bad structure by byte offset.
    package init(path: String, limits: ArchiveLimits, fileSystem: FileSystem = .live) throws {
        self.path = path
        self.limits = limits
        self.fileSystem = fileSystem
        let fd = try fileSystem.calls.openForReading(path)
        defer { try? fileSystem.calls.closeFile(fd, path: path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemCallError(call: "fstat", path: path, errno: errno) }
        let size = Int64(info.st_size)
        // The end record is 22 bytes plus a comment of at most 65,535.
        let tailStart = max(0, size - 22 - 65_535)
        let tail = try fileSystem.read(fd, at: tailStart, count: Int(size - tailStart), path: path)
        guard tail.count >= 22,
            let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                Self.u32(tail, $0) == 0x0605_4b50
            })
        else {
            throw Self.problem(path, size, "no end of central directory record: not a zip archive or cut short")
        }
        let count = Int(Self.u16(tail, end + 10))
        let directorySize = Int64(Self.u32(tail, end + 12))
        let directoryOffset = Int64(Self.u32(tail, end + 16))
        let endOffset = tailStart + Int64(end)
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            // TODO: Zip64 archives (over 65,535 entries or 4 GiB) are refused; remittance archives are small.
            throw Self.problem(path, endOffset, "Zip64 archives are not supported")
        }
        guard count <= limits.maxEntries else {
            throw Self.problem(path, endOffset, "\(count) entries, more than the limit of \(limits.maxEntries)")
        }
        guard directoryOffset + directorySize <= endOffset else {
            throw Self.problem(path, endOffset, "the central directory lies outside the file")
        }
        var entries: [Entry] = []
        var names: Set<String> = []
        var at: Int64 = 0
        for index in 0..<count {
            let offset = directoryOffset + at
            // Each record is read on its own: a directory that claims most of a large file costs no memory.
            let record = at + 46 <= directorySize ? try fileSystem.read(fd, at: offset, count: 46, path: path) : []
            guard record.count == 46, Self.u32(record, 0) == 0x0201_4b50 else {
                throw Self.problem(path, offset, "central directory entry \(index + 1) is damaged")
            }
            let nameLength = Int(Self.u16(record, 28))
            let extraLength = Int(Self.u16(record, 30))
            let commentLength = Int(Self.u16(record, 32))
            guard at + 46 + Int64(nameLength) <= directorySize else {
                throw Self.problem(path, offset, "central directory entry \(index + 1) is cut short")
            }
            let nameBytes = try fileSystem.read(fd, at: offset + 46, count: nameLength, path: path)
            let name = String(decoding: nameBytes, as: UTF8.self)
            let madeBy = Self.u16(record, 4) >> 8
            let external = Self.u32(record, 38)
            let entry = Entry(
                name: name, method: Self.u16(record, 10), flags: Self.u16(record, 8),
                crc32: Self.u32(record, 16), compressedSize: Int64(Self.u32(record, 20)),
                size: Int64(Self.u32(record, 24)), localHeaderOffset: Int64(Self.u32(record, 42)),
                isLink: madeBy == 3 && (external >> 16) & UInt32(S_IFMT) == UInt32(S_IFLNK), directoryOffset: offset)
            try Self.check(entry, nameBytes: nameBytes, in: path, limits: limits)
            guard names.insert(name).inserted else {
                throw Self.problem(path, offset, "entry '\(name)' appears twice")
            }
            entries.append(entry)
            at += Int64(46 + nameLength + extraLength + commentLength)
        }
        try Self.checkFilesAreNotFolders(entries, in: path)
        let total = entries.reduce(Int64(0)) { $0 + $1.size }
        guard total <= limits.maxTotalBytes else {
            throw Self.problem(path, endOffset, "entries expand to \(total) bytes, more than \(limits.maxTotalBytes)")
        }
        self.entries = entries
    }

    /// The checks on one entry made before anything is written.
    private static func check(_ entry: Entry, nameBytes: [UInt8], in path: String, limits: ArchiveLimits) throws {
        let at = entry.directoryOffset
        let name = entry.name
        if entry.isLink { throw problem(path, at, "entry '\(name)' is a symbolic link; links are refused") }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.isEmpty || name.hasPrefix("/") || nameBytes.contains(0) || nameBytes.contains(UInt8(ascii: "\\"))
            || parts.contains("..") || parts.dropLast().contains("") || name.utf8.count > 255
        {
            throw problem(path, at, "entry name '\(name)' would leave the target folder or is not a plain path")
        }
        if entry.flags & 1 != 0 { throw problem(path, at, "entry '\(name)' is encrypted") }
        guard entry.method == 0 || entry.method == 8 else {
            throw problem(path, at, "entry '\(name)' uses compression method \(entry.method); only 0 and 8 are read")
        }
        if entry.size == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
            throw problem(path, at, "entry '\(name)' needs Zip64, which is not supported")
        }
        guard entry.size <= limits.maxEntryBytes else {
            throw problem(path, at, "entry '\(name)' expands to \(entry.size) bytes, more than \(limits.maxEntryBytes)")
        }
        // Small text compresses well; the ratio only matters once an entry is big enough to hurt.
        if entry.size > 1 << 20, entry.size > max(entry.compressedSize, 1) * limits.maxRatio {
            throw problem(path, at, "entry '\(name)' expands more than \(limits.maxRatio) times: refused as a zip bomb")
        }
    }

    /// Refuses a file entry whose name is also the folder of another entry (`a` beside `a/b.xml`): the two
    /// cannot both be unpacked, and whichever comes second would fail on its own, not as the archive's problem.
    private static func checkFilesAreNotFolders(_ entries: [Entry], in path: String) throws {
        let written = entries.filter { !isSkipped($0) }
        var folders: [String: String] = [:]
        for entry in written {
            var name = Substring(entry.name)
            while let slash = name.lastIndex(of: "/") {
                name = name[..<slash]
                if folders[String(name)] == nil { folders[String(name)] = entry.name }
            }
        }
        for entry in written {
            if let inside = folders[entry.name] {
                throw problem(
                    path, entry.directoryOffset, "entry '\(entry.name)' is a file and the folder of '\(inside)'")
            }
        }
    }

    /// True for entries that are not inputs: folders, and hidden or resource-fork files (`__MACOSX/`, `._x`).
    package static func isSkipped(_ entry: Entry) -> Bool {
        entry.name.hasSuffix("/")
            || entry.name.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "__MACOSX" }
    }

    /// Expands every input entry into `folder`, keeping entry paths; returns the written paths in entry order.
    ///
    /// - Throws: `Diagnostic` for damaged data, a CRC mismatch or a size beyond what the directory declared.
    package func expand(into folder: String) throws -> [String] {
        try entries.filter { !Self.isSkipped($0) }.map { try expand($0, into: folder) }
    }

    /// Expands one entry into `folder`, keeping its path, and returns the written path.
    ///
    /// - Throws: `Diagnostic` for damaged data, a CRC mismatch or a size beyond what the directory declared.
    package func expand(_ entry: Entry, into folder: String) throws -> String {
        let fd = try fileSystem.calls.openForReading(path)
        defer { try? fileSystem.calls.closeFile(fd, path: path) }
        let local = try fileSystem.read(fd, at: entry.localHeaderOffset, count: 30, path: path)
        guard local.count == 30, Self.u32(local, 0) == 0x0403_4b50 else {
            throw Self.problem(path, entry.localHeaderOffset, "local header of '\(entry.name)' is damaged")
        }
        let dataStart = entry.localHeaderOffset + 30 + Int64(Self.u16(local, 26)) + Int64(Self.u16(local, 28))
        let target = folder + "/" + entry.name
        try fileSystem.makeFolder(FileSystem.parent(of: target))
        let output = try BufferedOutput(creating: target, calls: fileSystem.calls)
        var crc: UInt32 = 0
        var size: Int64 = 0
        let sink: ([UInt8]) throws -> Void = { bytes in
            size += Int64(bytes.count)
            guard size <= entry.size else {
                throw Self.problem(self.path, dataStart, "entry '\(entry.name)' holds more than its declared size")
            }
            crc = bytes.withUnsafeBytes { ZlibStream.crc32($0, seed: crc) }
            try output.write(bytes)
        }
        let inflater = entry.method == 8 ? try ZlibStream(.rawInflate) : nil
        var offset: Int64 = 0
        do {
            while offset < entry.compressedSize {
                let count = Int(min(entry.compressedSize - offset, 256 * 1024))
                let chunk = try fileSystem.read(fd, at: dataStart + offset, count: count, path: path)
                guard chunk.count == count else {
                    throw Self.problem(path, dataStart + offset, "entry '\(entry.name)' is cut short")
                }
                offset += Int64(count)
                if let inflater {
                    try chunk.withUnsafeBytes {
                        try inflater.process($0, last: offset == entry.compressedSize, output: sink)
                    }
                } else {
                    try sink(chunk)
                }
            }
            if let inflater, !inflater.finished {
                try [UInt8]().withUnsafeBytes { try inflater.process($0, last: true, output: sink) }
            }
        } catch let error as ZlibError {
            throw Self.problem(path, dataStart + error.offset, "entry '\(entry.name)': \(error.message)")
        }
        try output.close()
        guard crc == entry.crc32, size == entry.size else {
            throw Self.problem(path, dataStart, "entry '\(entry.name)' fails its CRC-32 or size check")
        }
        return target
    }

    private static func problem(_ path: String, _ offset: Int64, _ message: String) -> Diagnostic {
        Diagnostic(
            .error, code: "zip.refused", message, at: SourceLocation(file: path, line: 0, column: 0, byteOffset: offset)
        )
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }
}
