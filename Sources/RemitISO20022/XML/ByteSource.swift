import Glibc
import RemitCore

/// Where the XML stream's bytes come from: a file read through `SystemCalls`, or bytes in memory served in
/// chunks of a chosen size (tests feed 1, 2, 7, 64 bytes at a time).
///
/// Some banks send several complete XML documents in one file. The source ends a document where a new
/// XML declaration (`<?xml` and white space) starts after the current document's first markup, so libxml2
/// sees each document on its own; `startNextDocument()` then serves the next one, with the UTF-8 byte order
/// mark that may stand before its declaration (as `cat` of two saved files gives). A declaration cannot
/// occur inside a document except in a comment or CDATA section, which ISO 20022 messages do not carry; a
/// processing instruction whose name starts with `xml` (`<?xml-stylesheet`) is not one.
final class ByteSource {
    private let pull: (UnsafeMutableRawPointer, Int) throws -> Int
    private let pullSize: Int
    private let close: () -> Void
    /// The error that made the last read fail; libxml2 only sees -1.
    private(set) var failure: (any Error)?

    /// Room for one pull and the few bytes kept from the last, allocated once: no zero-filling, and no
    /// access checks on the hot path as an array property would need.
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Bytes pulled and not yet served: `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var exhausted = false
    /// Where the current document ends in `buffer`, once seen.
    private var boundary: Int?
    /// Where to look for the next `<?xml`: after the current document's first markup.
    private var searchFrom: Int?
    /// 1 for the first document, then counting.
    private(set) var documentNumber = 1
    /// Bytes of the input before the current document: where libxml2's offsets start.
    private(set) var documentStart: Int64 = 0

    /// Markup from a `<` to its `>` longer than this is refused before libxml2 reads it: libxml2 checks an
    /// element's attributes for duplicates pair by pair, so a tag of a few megabytes costs it minutes. ISO 20022
    /// tags are a few hundred bytes; a comment or CDATA section this long without a `>` is refused as well.
    static let maximumTagLength = 1 << 16
    /// File offset of the next byte served (bytes served to libxml2 so far, over all documents), and the line
    /// it is on with the offset that line starts at.
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
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Bytes at the end of what was pulled that are not served until the search has looked at them: a byte
    /// order mark, `<?xml` and the white space that makes it a declaration.
    private static let lookahead = byteOrderMark.count + declaration.count + 1

    private init(
        pull: @escaping (UnsafeMutableRawPointer, Int) throws -> Int, pullSize: Int, close: @escaping () -> Void
    ) {
        self.pull = pull
        self.pullSize = pullSize
        self.close = close
        capacity = pullSize + 2 * Self.lookahead
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        close()
    }

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
            while boundary == nil && !exhausted && end - start < Self.lookahead + 1 {
                try refill()
            }
        } catch {
            failure = error
            return -1
        }
        findBoundary()
        var limit = boundary ?? (exhausted ? end : end - Self.lookahead)
        limit = Swift.min(limit, start + max)
        let count = limit - start
        if count <= 0 { return 0 }
        if let tooLong = checkTags(from: start, to: limit) {
            failure = tooLong
            return -1
        }
        destination.copyMemory(from: buffer + start, byteCount: count)
        start = limit
        served += Int64(count)
        return count
    }

    /// Follows `<` and `>` and line feeds through `buffer[from..<to]`, about to be served.
    ///
    /// Only markup open when the chunk starts can run over the limit inside it (a chunk is shorter than the
    /// limit), so the chunk is searched with `memchr` for where that markup ends and `memrchr` for markup left
    /// open at its end, not looked at byte by byte.
    /// - Returns: the markup that has run over `maximumTagLength` bytes, if any.
    private func checkTags(from: Int, to: Int) -> TagTooLong? {
        if to - from >= Self.maximumTagLength { return checkTagsByteByByte(from: from, to: to) }
        let lastByte = served + Int64(to - from - 1)
        if let tag = openTag {
            // The markup ends at the first `>`, or a `<` starts another; before that byte it is still open.
            let close = first(UInt8(ascii: ">"), from: from, to: to)
            let reopen = first(UInt8(ascii: "<"), from: from, to: close ?? to)
            let stillOpenUntil = (reopen ?? close).map { served + Int64($0 - from - 1) } ?? lastByte
            if stillOpenUntil - tag.offset >= Int64(Self.maximumTagLength) {
                return TagTooLong(line: tag.line, column: tag.column, offset: tag.offset)
            }
        }
        // What is open at the end of the chunk: the last `<`, unless a `>` follows it.
        let lastOpen = last(UInt8(ascii: "<"), from: from, to: to)
        let lastClose = last(UInt8(ascii: ">"), from: lastOpen ?? from, to: to)
        if let open = lastOpen, lastClose == nil {
            let lineFeeds = count(UInt8(ascii: "\n"), from: from, to: open)
            servedLine += lineFeeds
            if lineFeeds > 0, let feed = last(UInt8(ascii: "\n"), from: from, to: open) {
                servedLineStart = served + Int64(feed - from) + 1
            }
            let offset = served + Int64(open - from)
            openTag = (offset, servedLine, Int(offset - servedLineStart) + 1)
            countLines(from: open, to: to)
        } else {
            if lastClose != nil { openTag = nil }
            countLines(from: from, to: to)
        }
        return nil
    }

    /// Adds the line feeds of `buffer[from..<to]` to `servedLine` and moves `servedLineStart` to the last one.
    private func countLines(from: Int, to: Int) {
        let lineFeeds = count(UInt8(ascii: "\n"), from: from, to: to)
        guard lineFeeds > 0, let feed = last(UInt8(ascii: "\n"), from: from, to: to) else { return }
        servedLine += lineFeeds
        servedLineStart = served + Int64(feed - from) + 1
    }

    private func first(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to, let hit = memchr(buffer + from, Int32(byte), to - from) else { return nil }
        return UnsafeMutableRawPointer(hit).assumingMemoryBound(to: UInt8.self) - buffer
    }

    /// Searches backwards: what it looks for (`<`, `>`, a line feed) is usually a few bytes from the end.
    private func last(_ byte: UInt8, from: Int, to: Int) -> Int? {
        var index = to - 1
        while index >= from {
            if buffer[index] == byte { return index }
            index -= 1
        }
        return nil
    }

    /// Counts sixteen bytes at a time: line feeds are counted in every byte served.
    private func count(_ byte: UInt8, from: Int, to: Int) -> Int {
        var found = 0
        var index = from
        let raw = UnsafeRawPointer(buffer)
        let wanted = SIMD16<UInt8>(repeating: byte)
        while index + 16 <= to {
            // Up to 255 rounds fit in each byte of the tally before it is added up.
            var tally = SIMD16<UInt8>()
            let rounds = Swift.min((to - index) / 16, 255)
            for _ in 0..<rounds {
                let bytes = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                tally &+= SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: bytes .== wanted)
                index += 16
            }
            found += Int(tally.wrappedSum())
        }
        while index < to {
            if buffer[index] == byte { found += 1 }
            index += 1
        }
        return found
    }

    /// The same as `checkTags` one byte at a time, for a chunk as long as the limit.
    private func checkTagsByteByByte(from: Int, to: Int) -> TagTooLong? {
        for index in from..<to {
            let offset = served + Int64(index - from)
            switch buffer[index] {
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
                return TagTooLong(line: tag.line, column: tag.column, offset: tag.offset)
            }
        }
        return nil
    }

    /// After a document ended at a declaration: serve the next one. False at the end of the input.
    func startNextDocument() -> Bool {
        guard boundary != nil else { return false }
        boundary = nil
        searchFrom = nil
        documentNumber += 1
        documentStart = served
        return true
    }

    private func refill() throws {
        if start > 0 {
            // At most a few bytes are left: the tail kept to recognise a declaration cut by the pull.
            memmove(buffer, buffer + start, end - start)
            if let found = boundary { boundary = found - start }
            if let from = searchFrom { searchFrom = Swift.max(0, from - start) }
            end -= start
            start = 0
        }
        let count = try pull(buffer + end, Swift.min(pullSize, capacity - end))
        if count <= 0 { exhausted = true } else { end += count }
    }

    /// Sets `boundary` at the next declaration (or the byte order mark before it) that follows the current
    /// document's first markup.
    private func findBoundary() {
        guard boundary == nil else { return }
        if searchFrom == nil {
            // The document's own declaration (or root) is its first `<`: look for the next one after it.
            guard let first = (start..<end).first(where: { buffer[$0] == UInt8(ascii: "<") }) else { return }
            searchFrom = first + 1
        }
        guard let from = searchFrom, from < end else { return }
        // `?` is rare in ISO 20022 content, so memchr on it and a look around each hit is cheap.
        var found: Int?
        var position = from + 1  // the `<` must lie at or after `from`
        while position < end, let hit = memchr(buffer + position, Int32(UInt8(ascii: "?")), end - position) {
            let index = UnsafeMutableRawPointer(hit).assumingMemoryBound(to: UInt8.self) - buffer
            if index + 5 > end { break }
            if buffer[index - 1] == UInt8(ascii: "<") && buffer[index + 1] == UInt8(ascii: "x")
                && buffer[index + 2] == UInt8(ascii: "m") && buffer[index + 3] == UInt8(ascii: "l")
                && Self.isWhiteSpace(buffer[index + 4])
            {
                found = index - 1
                break
            }
            position = index + 1
        }
        if let found {
            // Undecided bytes are never served, so a byte order mark before the declaration is still here.
            let mark = found - Self.byteOrderMark.count
            let hasMark =
                mark >= start
                && (0..<Self.byteOrderMark.count).allSatisfy {
                    buffer[mark + $0] == Self.byteOrderMark[$0]
                }
            boundary = hasMark ? mark : found
        } else {
            searchFrom = Swift.max(from, end - Self.declaration.count)
        }
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }
}
