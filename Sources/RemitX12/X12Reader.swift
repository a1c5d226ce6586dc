import RemitCore

/// Reads an X12 file in chunks and emits the canonical records of its 820s and 812s.
///
/// Feed the file's bytes in order, in chunks of any size, then call `finish`. Memory stays at one segment
/// (plus one held record of each kind) whatever the file's size: records go to the sink as soon as they are
/// complete, and a segment split across chunks is the only thing copied.
///
/// ```swift
/// var reader = X12Reader(file: path, fileSHA256: digest, idPrefix: String(digest.prefix(12)),
///                        options: X12Options(), crosswalk: crosswalk)
/// try FileReader(path: path).forEachChunk { reader.feed($0, into: &sink) }
/// reader.finish(into: &sink)
/// ```
///
/// Problems go to `sink.report` with their file, line, column, byte offset, segment index and element.
/// Each 820 ends with one `sink.transactionEnded` carrying its tie-out; a rejected 820's records already
/// emitted carry its `transactionID` so the consumer can set them aside. An 812 gives announced deductions
/// and a summary of kind `812`. Transaction sets other than 820 and 812 are reported with one warning each
/// and skipped.
public struct X12Reader {
    public let file: String
    private var tokenizer: X12Tokenizer
    private var envelope: X12Envelope
    /// File offset of the next chunk's first byte.
    private var offset: Int64 = 0
    private var finished = false

    /// - Parameters:
    ///   - file: the path as the user gave it, used in every location.
    ///   - fileSHA256: the file's SHA-256 in lower-case hex, stamped on every record's provenance.
    ///   - idPrefix: prefix of record ids, usually the first 12 hex digits of `fileSHA256`.
    ///   - crosswalk: maps ADX02 and CDD01 reason codes (code list `X12-426`) to deduction categories.
    public init(
        file: String, fileSHA256: String, idPrefix: String, options: X12Options = X12Options(),
        crosswalk: ReasonCrosswalk
    ) {
        self.file = file
        tokenizer = X12Tokenizer(file: file)
        envelope = X12Envelope(
            file: file, fileSHA256: fileSHA256, idPrefix: idPrefix, options: options, crosswalk: crosswalk)
    }

    /// Reads the next bytes of the file.
    public mutating func feed<Sink: RecordSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) {
        precondition(!finished, "feed after finish")
        guard let raw = chunk.baseAddress, chunk.count > 0 else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let chunkOffset = offset
        offset += Int64(chunk.count)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: X12Tokenizer.separatorCapacity) { separators in
            let separators = separators.baseAddress!
            var position = 0
            if !tokenizer.pending.isEmpty {
                guard let resumeAt = completePending(base, count: chunk.count, separators, into: &sink) else { return }
                position = resumeAt
            }
            let stop = run(
                base, from: position, end: chunk.count, stopAt: chunk.count, offset: chunkOffset, final: false,
                separators, into: &sink)
            if stop.needsMore {
                tokenizer.pending = Array(
                    UnsafeBufferPointer(start: base + stop.position, count: chunk.count - stop.position))
                tokenizer.pendingOffset = chunkOffset + Int64(stop.position)
            }
        }
    }

    /// Reads what is left at the end of the file and reports envelopes it leaves open.
    public mutating func finish<Sink: RecordSink>(into sink: inout Sink) {
        guard !finished else { return }
        finished = true
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: X12Tokenizer.separatorCapacity) { separators in
            let separators = separators.baseAddress!
            let pending = tokenizer.pending
            let pendingOffset = tokenizer.pendingOffset
            tokenizer.pending = []
            pending.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                _ = run(
                    base, from: 0, end: buffer.count, stopAt: buffer.count, offset: pendingOffset, final: true,
                    separators, into: &sink)
            }
        }
        envelope.finish(at: tokenizer.endLocation(offset), into: &sink)
    }

    /// Whether `prefix` (the first bytes of a file) looks like X12: an optional UTF-8 byte order mark and
    /// white space, then `ISA` and a delimiter.
    public static func looksLikeX12(_ prefix: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        if prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF { index = 3 }
        while index < prefix.count,
            [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(prefix[index])
        {
            index += 1
        }
        guard prefix.count - index >= 4, prefix[index] == UInt8(ascii: "I"), prefix[index + 1] == UInt8(ascii: "S"),
            prefix[index + 2] == UInt8(ascii: "A")
        else { return false }
        let delimiter = prefix[index + 3]
        return !ISAHeaderScanner.isAlphanumeric(delimiter) && delimiter != UInt8(ascii: " ")
            && delimiter != UInt8(ascii: "\r") && delimiter != UInt8(ascii: "\n")
    }

    // MARK: Driving the tokenizer

    /// Steps through `base[from..<end]` until it is used up, a segment is cut by its end (`needsMore`), or the
    /// position has passed `stopAt` at a segment boundary.
    private mutating func run<Sink: RecordSink>(
        _ base: UnsafePointer<UInt8>, from start: Int, end: Int, stopAt: Int, offset: Int64, final: Bool,
        _ separators: UnsafeMutablePointer<Int32>, into sink: inout Sink
    ) -> (position: Int, needsMore: Bool) {
        var position = start
        while position < end && position < stopAt {
            let step = tokenizer.next(
                base, end: end, position: &position, offset: offset, final: final, separators: separators)
            if !tokenizer.diagnostics.isEmpty {
                for diagnostic in tokenizer.diagnostics { sink.report(diagnostic) }
                tokenizer.diagnostics.removeAll(keepingCapacity: true)
            }
            switch step {
            case .segment(let segment): envelope.handle(segment, into: &sink)
            case .unreadable:
                if let diagnostic = tokenizer.unreadable { envelope.unreadable(diagnostic, into: &sink) }
                tokenizer.unreadable = nil
            case .reported: continue
            case .needMore: return (position, true)
            case .exhausted: return (position, false)
            }
        }
        return (position, false)
    }

    /// Completes the segment held over from the last chunk with the first bytes of this one.
    ///
    /// - Returns: where to go on in `base`, or nil when all of it went into the held-over bytes.
    private mutating func completePending<Sink: RecordSink>(
        _ base: UnsafePointer<UInt8>, count: Int, _ separators: UnsafeMutablePointer<Int32>, into sink: inout Sink
    ) -> Int? {
        var taken = 0
        while true {
            let heldOver = tokenizer.pending.count - taken
            let more = min(count - taken, max(4096, tokenizer.pending.count))
            tokenizer.pending.append(contentsOf: UnsafeBufferPointer(start: base + taken, count: more))
            taken += more
            let pending = tokenizer.pending
            let pendingOffset = tokenizer.pendingOffset
            let stop = pending.withUnsafeBufferPointer { buffer in
                run(
                    buffer.baseAddress!, from: 0, end: buffer.count, stopAt: heldOver, offset: pendingOffset,
                    final: false, separators, into: &sink)
            }
            if !stop.needsMore || stop.position >= heldOver {
                // Past the held-over bytes: go on in the chunk itself.
                tokenizer.pending = []
                return stop.position - heldOver
            }
            if stop.position > 0 {
                tokenizer.pending.removeFirst(stop.position)
                tokenizer.pendingOffset += Int64(stop.position)
            }
            if taken == count { return nil }
        }
    }
}
