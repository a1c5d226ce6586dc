import Glibc
import RemitCore

/// Where the XML stream's bytes come from: a file read through `SystemCalls`, or bytes in memory served in
/// chunks of a chosen size (tests feed 1, 2, 7, 64 bytes at a time).
///
/// Some banks send several complete XML documents in one file. The source ends a document where a new
/// XML declaration (`<?xml`) starts after the current document's first markup, so libxml2 sees each
/// document on its own; `startNextDocument()` then serves the next one. `<?xml` cannot occur inside a
/// document except in a comment or CDATA section, which ISO 20022 messages do not carry.
final class ByteSource {
    private let pull: (UnsafeMutableRawPointer, Int) throws -> Int
    private let pullSize: Int
    private let close: () -> Void
    /// The error that made the last read fail; libxml2 only sees -1.
    private(set) var failure: (any Error)?

    /// Bytes pulled and not yet served: `buffer[start..<buffer.count]`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var exhausted = false
    /// Where the current document ends in `buffer`, once seen.
    private var boundary: Int?
    /// Where to look for the next `<?xml`: after the current document's first markup.
    private var searchFrom: Int?
    /// 1 for the first document, then counting.
    private(set) var documentNumber = 1

    /// Markup from a `<` to its `>` longer than this is refused before libxml2 reads it: libxml2 checks an
    /// element's attributes for duplicates pair by pair, so a tag of a few megabytes costs it minutes. ISO 20022
    /// tags are a few hundred bytes; a comment or CDATA section this long without a `>` is refused as well.
    static let maximumTagLength = 1 << 16
    /// File offset of the next byte served, and the line it is on with the offset that line starts at.
    private var served: Int64 = 0
    private var servedLine = 1
    private var servedLineStart: Int64 = 0
    /// Where the markup being served started (its `<`), while no `>` has closed it.
    private var openTag: (offset: Int64, line: Int, column: Int)?

    /// The markup at `offset` (line and column of its `<`) runs over `ByteSource.maximumTagLength` bytes.
    struct TagTooLong: Error {
        var line: Int
        var column: Int
        var offset: Int64
    }

    private static let declaration: [UInt8] = Array("<?xml".utf8)

    private init(
        pull: @escaping (UnsafeMutableRawPointer, Int) throws -> Int, pullSize: Int, close: @escaping () -> Void
    ) {
        self.pull = pull
        self.pullSize = pullSize
        self.close = close
        buffer.reserveCapacity(pullSize + 8)
    }

    deinit { close() }

    /// Reads `path` through `calls`.
    ///
    /// - Throws: `SystemCallError` from open.
    static func file(_ path: String, calls: SystemCalls) throws(SystemCallError) -> ByteSource {
        let fd = try calls.openForReading(path)
        return ByteSource(
            pull: { buffer, count in try calls.readSome(fd, into: buffer, count: count, path: path) },
            pullSize: 1 << 16, close: { try? calls.closeFile(fd, path: path) })
    }

    /// Serves `bytes` at most `chunkSize` at a time.
    static func memory(_ bytes: [UInt8], chunkSize: Int) -> ByteSource {
        precondition(chunkSize > 0)
        var position = 0
        return ByteSource(
            pull: { buffer, count in
                let size = min(count, bytes.count - position)
                if size <= 0 { return 0 }
                bytes.withUnsafeBytes { all in
                    buffer.copyMemory(from: all.baseAddress! + position, byteCount: size)
                }
                position += size
                return size
            }, pullSize: chunkSize, close: {})
    }

    /// Fills `buffer` with up to `max` bytes of the current document: 0 at its end, -1 on failure.
    func read(into destination: UnsafeMutableRawPointer, max: Int) -> Int {
        if failure != nil { return -1 }
        do {
            // Keep enough ahead to recognise a declaration that straddles two pulls.
            while boundary == nil && !exhausted && buffer.count - start < Self.declaration.count + 1 {
                try refill()
            }
        } catch {
            failure = error
            return -1
        }
        findBoundary()
        var limit = boundary ?? (exhausted ? buffer.count : buffer.count - Self.declaration.count)
        limit = Swift.min(limit, start + max)
        let count = limit - start
        if count <= 0 { return 0 }
        if let tooLong = checkTags(from: start, to: limit) {
            failure = tooLong
            return -1
        }
        buffer.withUnsafeBytes { bytes in
            destination.copyMemory(from: bytes.baseAddress! + start, byteCount: count)
        }
        start = limit
        return count
    }

    /// Follows `<` and `>` and line feeds through `buffer[from..<to]`, about to be served.
    ///
    /// - Returns: the markup that has run over `maximumTagLength` bytes, if any.
    private func checkTags(from: Int, to: Int) -> TagTooLong? {
        var problem: TagTooLong?
        buffer.withUnsafeBytes { bytes in
            for index in from..<to {
                let offset = served + Int64(index - from)
                switch bytes[index] {
                case UInt8(ascii: "<"):
                    openTag = (offset, servedLine, Int(offset - servedLineStart) + 1)
                case UInt8(ascii: ">"):
                    openTag = nil
                case UInt8(ascii: "\n"):
                    servedLine += 1
                    servedLineStart = offset + 1
                default:
                    break
                }
                if let tag = openTag, offset - tag.offset >= Int64(Self.maximumTagLength) {
                    problem = TagTooLong(line: tag.line, column: tag.column, offset: tag.offset)
                    return
                }
            }
        }
        served += Int64(to - from)
        return problem
    }

    /// After a document ended at a declaration: serve the next one. False at the end of the input.
    func startNextDocument() -> Bool {
        guard boundary != nil else { return false }
        boundary = nil
        searchFrom = nil
        documentNumber += 1
        return true
    }

    private func refill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            if let found = boundary { boundary = found - start }
            if let from = searchFrom { searchFrom = Swift.max(0, from - start) }
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: pullSize))
        let count = try buffer.withUnsafeMutableBytes { bytes in try pull(bytes.baseAddress! + old, pullSize) }
        buffer.removeSubrange((old + Swift.max(count, 0))...)
        if count <= 0 { exhausted = true }
    }

    /// Sets `boundary` at the next `<?xml` that follows the current document's first markup.
    private func findBoundary() {
        guard boundary == nil else { return }
        if searchFrom == nil {
            // The document's own declaration (or root) is its first `<`: look for the next one after it.
            guard let first = buffer[start...].firstIndex(of: UInt8(ascii: "<")) else { return }
            searchFrom = first + 1
        }
        guard let from = searchFrom, from < buffer.count else { return }
        // `?` is rare in ISO 20022 content, so memchr on it and a look around each hit is cheap.
        let found: Int? = buffer.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!
            var position = from + 1  // the `<` must lie at or after `from`
            while position < bytes.count {
                guard let hit = memchr(base + position, Int32(UInt8(ascii: "?")), bytes.count - position) else {
                    return nil
                }
                let index = UnsafeRawPointer(hit) - base
                if index + 4 > bytes.count { return nil }
                if bytes[index - 1] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "x")
                    && bytes[index + 2] == UInt8(ascii: "m") && bytes[index + 3] == UInt8(ascii: "l")
                {
                    return index - 1
                }
                position = index + 1
            }
            return nil
        }
        if let found {
            boundary = found
        } else {
            searchFrom = Swift.max(from, buffer.count - Self.declaration.count + 1)
        }
    }
}
