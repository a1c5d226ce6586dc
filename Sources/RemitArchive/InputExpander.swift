import RemitCore

/// Turns one inbox file into the remittance files to reconcile: itself, or what its compression holds.
///
/// Compression is recognised by content (the gzip and zip magic numbers), never by name.
package struct InputExpander {
    package enum Packing: String, Sendable {
        case plain, gzip, zip
    }

    package var limits: ArchiveLimits
    package var fileSystem: FileSystem

    package init(limits: ArchiveLimits, fileSystem: FileSystem = .live) {
        self.limits = limits
        self.fileSystem = fileSystem
    }

    /// How `path` is packed, from its first bytes.
    package func packing(of path: String) throws -> Packing {
        let fd = try fileSystem.calls.openForReading(path)
        defer { try? fileSystem.calls.closeFile(fd, path: path) }
        let head = try fileSystem.read(fd, at: 0, count: 4, path: path)
        if head.starts(with: [0x1F, 0x8B]) { return .gzip }
        if head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06] { return .zip }
        return .plain
    }

    /// The files to reconcile for `path`, expanded into `staging` (created) when compressed.
    ///
    /// - Throws: `Diagnostic` for damaged or refused compressed data, located by byte offset.
    package func expand(_ path: String, packing: Packing, staging: String) throws -> [String] {
        switch packing {
        case .plain:
            return [path]
        case .gzip:
            try fileSystem.makeFolder(staging)
            var name = FileSystem.baseName(of: path)
            if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
            if name.isEmpty || name.hasPrefix(".") { name = "input" }
            let target = staging + "/" + name
            try gunzip(path, to: target)
            return [target]
        case .zip:
            try fileSystem.makeFolder(staging)
            let archive = try ZipArchive(path: path, limits: limits, fileSystem: fileSystem)
            let files = try archive.expand(into: staging)
            guard !files.isEmpty else {
                throw Diagnostic(.error, code: "zip.empty", "the archive holds no files", at: .wholeFile(path))
            }
            return files
        }
    }

    /// Streams a gzip file through zlib into `target`, stopping at the size limit.
    private func gunzip(_ path: String, to target: String) throws {
        let stream = try ZlibStream(.gunzip)
        let output = try BufferedOutput(creating: target, calls: fileSystem.calls)
        var size: Int64 = 0
        var consumedBefore: Int64 = 0
        let limit = min(limits.maxEntryBytes, limits.maxTotalBytes)
        do {
            var total: Int64 = 0
            let length = try FileReader(path: path, chunkSize: 256 * 1024, calls: fileSystem.calls).forEachChunk {
                chunk in
                total += Int64(chunk.count)
                consumedBefore = stream.consumed
                try stream.process(chunk, last: false) { bytes in
                    size += Int64(bytes.count)
                    guard size <= limit else {
                        throw Diagnostic(
                            .error, code: "gzip.too-large", "expands to more than \(limit) bytes: refused",
                            at: SourceLocation(file: path, line: 0, column: 0, byteOffset: stream.consumed))
                    }
                    try output.write(bytes)
                }
            }
            if !stream.finished {
                throw Diagnostic(
                    .error, code: "gzip.truncated", "the gzip stream ends early (file cut short?)",
                    at: SourceLocation(file: path, line: 0, column: 0, byteOffset: length))
            }
        } catch let error as ZlibError {
            throw Diagnostic(
                .error, code: "gzip.damaged", "gzip data is damaged: \(error.message)",
                at: SourceLocation(file: path, line: 0, column: 0, byteOffset: max(error.offset, consumedBefore)))
        }
        try output.close()
    }
}
