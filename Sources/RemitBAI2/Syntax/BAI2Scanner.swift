import RemitCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts BAI2 bytes into physical records and glues each record to its 88 continuations.
///
/// Physical records are lines (each ended by LF, CRLF or CR alone, whichever the others use; trailing blanks
/// and blank lines ignored, the last line may lack its newline), or, when the file has no line breaks and its
/// 01 declares a record length, slices of that length. Only the line in progress is copied when a chunk ends
/// inside it; a line longer than `maximumLineLength` is reported and skipped.
struct BAI2Scanner {
    /// What `handle` is called for. The record goes beside the event rather than inside it, so it is lent to the
    /// handler without a copy; with `.problem` it is the record in progress and means nothing.
    enum Event {
        /// A logical record is complete: the next physical record is not an 88, or the input ended.
        case record
        case problem(Diagnostic)
        /// A physical record that is not read (a record code BAI2 does not define, or an 88 continuing one),
        /// with the problem to report if any; the trailers' record counts still include it.
        case skipped(Diagnostic?)
    }

    typealias Handler = (Event, BAI2LogicalRecord) -> Void

    enum Layout: Equatable {
        /// No line break seen yet.
        case undecided
        case lines
        /// Fixed-length records without line breaks.
        case fixed(Int)
    }

    static let maximumLineLength = 1 << 20
    /// A logical record's fields and text together may not exceed this; the rest is dropped with a warning.
    static let maximumRecordLength = 1 << 20

    let file: String
    private(set) var layout = Layout.undecided
    /// Bytes of a physical record cut by the end of a chunk.
    private var pending: [UInt8] = []
    private var pendingOffset: Int64 = 0
    /// File offset of the next chunk's first byte.
    private(set) var offset: Int64 = 0
    /// Line number of the line being read.
    private(set) var line = 1
    /// File offset of that line's first byte (0 in fixed-length files, whose only line is the whole file).
    private(set) var lineStart: Int64 = 0
    private var skippingLongLine = false
    /// The previous chunk ended with the CR that ended a line: an LF first in this one belongs to it (CRLF).
    private var afterCarriageReturn = false
    /// Physical records seen so far.
    private(set) var recordCount = 0

    var record = BAI2LogicalRecord()
    /// A record is in progress and may still be continued.
    var open = false
    /// The record in progress was refused; its continuations are dropped without further messages.
    var skipping = false

    init(file: String) {
        self.file = file
    }

    /// Reads the next bytes, calling `handle` for each complete record and each problem, in file order.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ handle: Handler) {
        guard let raw = chunk.baseAddress, chunk.count > 0 else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let count = chunk.count
        let chunkOffset = offset
        offset += Int64(count)
        if case .fixed(let length) = layout {
            feedFixed(base, count: count, offset: chunkOffset, length: length, handle)
            return
        }
        var position = 0
        if afterCarriageReturn {
            afterCarriageReturn = false
            if base[0] == 0x0A {
                position = 1
                lineStart = chunkOffset + 1
            }
        }
        while position < count {
            guard let lineEnd = Self.lineBreak(base, from: position, count: count) else {
                keep(base + position, count: count - position, offset: chunkOffset + Int64(position), handle)
                if layout == .undecided {
                    if let length = declaredFixedLength() {
                        switchToFixed(length: length, handle)
                    } else if pending.count > Self.maximumLineLength {
                        layout = .lines
                        handle(
                            .problem(
                                BAI2Diagnostics.lineTooLong(
                                    at: lineLocation(pendingOffset, recordIndex: recordCount + 1),
                                    limit: Self.maximumLineLength)), record)
                        pending.removeAll(keepingCapacity: false)
                        skippingLongLine = true
                    }
                }
                return
            }
            if layout == .undecided { layout = .lines }
            if pending.isEmpty && !skippingLongLine {
                if lineEnd - position > Self.maximumLineLength {
                    // Refused as when the line is cut by a chunk boundary, so every chunk size reads the same.
                    handle(
                        .problem(
                            BAI2Diagnostics.lineTooLong(
                                at: lineLocation(chunkOffset + Int64(position), recordIndex: recordCount + 1),
                                limit: Self.maximumLineLength)), record)
                } else {
                    physicalLine(base, start: position, end: lineEnd, offset: chunkOffset + Int64(position), handle)
                }
            } else {
                keep(base + position, count: lineEnd - position, offset: chunkOffset + Int64(position), handle)
                flushPending(handle)
            }
            skippingLongLine = false
            position = lineEnd + 1
            if base[lineEnd] == 0x0D {
                // CRLF is one line break; when the chunk ends on the CR, the next chunk says.
                if position == count {
                    afterCarriageReturn = true
                } else if base[position] == 0x0A {
                    position += 1
                }
            }
            line += 1
            lineStart = chunkOffset + Int64(position)
        }
    }

    /// The index of the first CR or LF in `base[from..<count]`, nil when there is none.
    @inline(__always)
    private static func lineBreak(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int? {
        let lineFeed = memchr(base + from, 0x0A, count - from).map {
            base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
        }
        let limit = lineFeed ?? count
        let carriageReturn = memchr(base + from, 0x0D, limit - from).map {
            base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
        }
        return carriageReturn ?? lineFeed
    }

    /// Reads a last line without a newline and completes the record in progress.
    mutating func finish(_ handle: Handler) {
        flushPending(handle)
        closeRecord(handle)
    }

    /// Where the input ended.
    var endLocation: SourceLocation {
        SourceLocation(
            file: file, line: line, column: Int(offset - lineStart) + 1, byteOffset: offset,
            segmentIndex: recordCount)
    }

    // MARK: Physical records

    /// Holds bytes of an unfinished physical record.
    private mutating func keep(
        _ bytes: UnsafePointer<UInt8>, count: Int, offset: Int64, _ handle: Handler
    ) {
        guard !skippingLongLine, count > 0 else { return }
        if pending.isEmpty { pendingOffset = offset }
        if layout != .undecided && pending.count + count > Self.maximumLineLength {
            handle(
                .problem(
                    BAI2Diagnostics.lineTooLong(
                        at: lineLocation(pendingOffset, recordIndex: recordCount + 1), limit: Self.maximumLineLength)),
                record)
            pending.removeAll(keepingCapacity: false)
            skippingLongLine = true
            return
        }
        pending.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    private mutating func flushPending(_ handle: Handler) {
        guard !pending.isEmpty else { return }
        let bytes = pending
        let start = pendingOffset
        pending.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { buffer in
            physicalLine(buffer.baseAddress!, start: 0, end: buffer.count, offset: start, handle)
        }
    }

    /// The record length the 01 declares, when the first line already runs past it with a record starting
    /// exactly there: the sign of a fixed-length file without line breaks.
    private func declaredFixedLength() -> Int? {
        var start = 0
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard pending.count > start + 3, pending[start] == UInt8(ascii: "0"), pending[start + 1] == UInt8(ascii: "1"),
            pending[start + 2] == UInt8(ascii: ","),
            let slash = pending[start...].firstIndex(of: UInt8(ascii: "/"))
        else { return nil }
        let fields = pending[(start + 3)..<slash].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard fields.count >= 6, let length = BAI2Number.digits(fields[5]), length >= 16,
            length <= Self.maximumLineLength, slash < start + length
        else { return nil }
        guard pending.count >= start + length + 3 else { return nil }
        let next = start + length
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard isDigit(pending[next]), isDigit(pending[next + 1]), pending[next + 2] == UInt8(ascii: ",") else {
            return nil
        }
        return length
    }

    private mutating func switchToFixed(length: Int, _ handle: Handler) {
        layout = .fixed(length)
        lineStart = 0
        let bytes = pending
        let start = pendingOffset
        pending.removeAll(keepingCapacity: true)
        var bom = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bom = 3 }
        bytes.withUnsafeBufferPointer { buffer in
            feedFixed(
                buffer.baseAddress! + bom, count: buffer.count - bom, offset: start + Int64(bom), length: length, handle
            )
        }
    }

    private mutating func feedFixed(
        _ base: UnsafePointer<UInt8>, count: Int, offset: Int64, length: Int, _ handle: Handler
    ) {
        var position = 0
        while position < count {
            if pending.isEmpty && count - position >= length {
                physicalLine(base, start: position, end: position + length, offset: offset + Int64(position), handle)
                position += length
                continue
            }
            if pending.isEmpty { pendingOffset = offset + Int64(position) }
            let take = min(length - pending.count, count - position)
            pending.append(contentsOf: UnsafeBufferPointer(start: base + position, count: take))
            position += take
            if pending.count == length { flushPending(handle) }
        }
    }

    /// One physical line (or fixed-length slice) in `base[start..<end]`, whose first byte is at file `offset`.
    private mutating func physicalLine(
        _ base: UnsafePointer<UInt8>, start: Int, end: Int, offset: Int64, _ handle: Handler
    ) {
        var first = start
        var last = end
        if offset == 0 && last - first >= 3 && base[first] == 0xEF && base[first + 1] == 0xBB
            && base[first + 2] == 0xBF
        {
            first += 3  // UTF-8 byte order mark
        }
        while last > first && Self.isPadding(base[last - 1]) { last -= 1 }
        while first < last && (base[first] == UInt8(ascii: " ") || base[first] == UInt8(ascii: "\t")) { first += 1 }
        guard first < last else { return }  // a blank line is not a record
        // Field offsets are `offset + (index - start)`; shift the base so `index` maps straight to the file.
        physicalRecords(base, from: first, end: last, origin: offset - Int64(start), handle)
    }

    @inline(__always)
    static func isPadding(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\n") || byte == 0
    }

    /// A place on the current line; `segmentIndex` is the physical record being read.
    func lineLocation(_ byteOffset: Int64, recordIndex: Int? = nil) -> SourceLocation {
        SourceLocation(
            file: file, line: line, column: Int(byteOffset - lineStart) + 1, byteOffset: byteOffset,
            segmentIndex: recordIndex ?? recordCount)
    }

    // MARK: Records on a line

    /// Reads the records in `base[from..<end]`: usually one, several when a bank runs records together.
    ///
    /// - Parameter origin: file offset of `base[0]`, so `base[i]` is at `origin + i`.
    private mutating func physicalRecords(
        _ base: UnsafePointer<UInt8>, from: Int, end: Int, origin: Int64, _ handle: Handler
    ) {
        var start = from
        while true {
            recordCount += 1
            guard let code = Self.recordCode(base, at: start, end: end) else {
                let shown = String(
                    decoding: UnsafeBufferPointer(start: base + start, count: min(20, end - start)),
                    as: UTF8.self)
                handle(.problem(BAI2Diagnostics.notARecord(shown, at: lineLocation(origin + Int64(start)))), record)
                return
            }
            let contentStart = end - start > 2 && base[start + 2] == UInt8(ascii: ",") ? start + 3 : end
            let next: Int?
            switch code {
            case 88:
                guard open else {
                    if skipping {
                        handle(.skipped(nil), record)
                    } else {
                        handle(
                            .problem(BAI2Diagnostics.orphanContinuation(at: lineLocation(origin + Int64(start)))),
                            record)
                    }
                    return
                }
                record.physicalRecords += 1
                next = scanFields(base, from: contentStart, end: end, origin: origin, continuation: true, handle)
            case 1, 2, 3, 16, 49, 98, 99:
                closeRecord(handle)
                let location = lineLocation(origin + Int64(start))
                record.start(
                    code: code, line: location.line, column: location.column, byteOffset: location.byteOffset,
                    recordIndex: recordCount)
                open = true
                skipping = false
                next = scanFields(base, from: contentStart, end: end, origin: origin, continuation: false, handle)
            default:
                closeRecord(handle)
                skipping = true
                let codeText = String(decoding: UnsafeBufferPointer(start: base + start, count: 2), as: UTF8.self)
                handle(
                    .skipped(BAI2Diagnostics.unknownRecordCode(codeText, at: lineLocation(origin + Int64(start)))),
                    record)
                return
            }
            guard let next else { return }
            start = next
        }
    }

    /// The two-digit record code at `start`, when a comma, a slash or the end of the line follows it.
    static func recordCode(_ base: UnsafePointer<UInt8>, at start: Int, end: Int) -> Int? {
        guard end - start >= 2 else { return nil }
        let tens = base[start] &- UInt8(ascii: "0")
        let units = base[start + 1] &- UInt8(ascii: "0")
        guard tens < 10, units < 10 else { return nil }
        if end - start > 2 && base[start + 2] != UInt8(ascii: ",") && base[start + 2] != UInt8(ascii: "/") {
            return nil
        }
        return Int(tens) * 10 + Int(units)
    }

    mutating func closeRecord(_ handle: Handler) {
        guard open else { return }
        open = false
        handle(.record, record)
    }
}
