import RemitCore

/// Cuts a stream of X12 bytes into segments and keeps track of where each one sits.
///
/// The tokenizer knows delimiters, line breaks and byte offsets, nothing about envelopes or transaction
/// sets. It is driven by `X12Reader`: `next` is called on one buffer at a time (a chunk of the file, or the
/// carry-over buffer that holds a segment split across chunks) and hands back one segment per call.
struct X12Tokenizer {
    /// Element separators recorded per segment; elements after the 64th are read as one.
    static let separatorCapacity = 64
    /// A segment longer than this without a terminator is reported and skipped, so memory stays bounded.
    static let maximumSegmentLength = 1 << 20

    enum Step {
        case segment(X12Segment)
        /// A segment was too long to hold and was skipped; its transaction cannot be trusted. The problem is
        /// in `unreadable`. (Kept out of the step so a step stays small: it is returned once per segment.)
        case unreadable
        /// A problem was reported (in `diagnostics`) and no segment read; drain them and call again. Returned
        /// so a file of millions of empty segments is reported as it goes, not held.
        case reported
        /// The buffer ends inside a segment; call again with the same position once more bytes are there.
        case needMore
        case exhausted
    }

    private enum Skip {
        case none
        /// Outside any interchange, skipping text that is not an ISA header, up to the next line break.
        case toLineBreak
        /// Skipping the rest of an over-long segment, up to its terminator.
        case toTerminator
    }

    let file: String
    /// Bytes waiting for the rest of their segment, and the file offset of the first one.
    var pending: [UInt8] = []
    var pendingOffset: Int64 = 0
    /// Problems found while cutting segments, in file order; the reader drains them after each step.
    var diagnostics: [Diagnostic] = []
    /// Why the last `.unreadable` step's segment could not be read.
    var unreadable: Diagnostic?
    private(set) var segmentCount = 0
    private(set) var delimiters: X12Delimiters?

    private var separator: UInt8 = 0
    private var terminator = PackedTerminator(first: 0, count: 1, rest: 0)
    private var terminatorBreaksLine = false
    private var line = 1
    private var lineStart: Int64 = 0
    private var afterCarriageReturn = false
    private var skip = Skip.none
    private var reportedStrayText = false
    /// Holds a segment with its line breaks taken out (a hard-wrapped file); valid until the next call.
    private let unwrapped = UnwrappedSegment()
    /// The interchange being read has had a line break inside a segment, which was reported once.
    private var reportedWrapping = false
    /// The interchange being read has had a byte that is not UTF-8, which was reported once.
    private var reportedEncoding = false

    init(file: String) {
        self.file = file
    }

    /// Reads from `position` to the next segment.
    ///
    /// - Parameters:
    ///   - base: the buffer; `offset` is the file offset of `base[0]`.
    ///   - final: no bytes follow the buffer, so a segment without a terminator ends at `end`.
    ///   - separators: room for `separatorCapacity` offsets, which the returned segment points into.
    mutating func next(
        _ base: UnsafePointer<UInt8>, end: Int, position: inout Int, offset: Int64, final: Bool,
        separators: UnsafeMutablePointer<Int32>
    ) -> Step {
        while position < end {
            let byte = base[position]
            if skip != .none {
                if let step = skipBytes(base, end: end, position: &position, offset: offset) { return step }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
                afterCarriageReturn = false
                position += 1
                continue
            case UInt8(ascii: "\r"):
                lineBreak(at: offset + Int64(position) + 1)
                afterCarriageReturn = true
                position += 1
                continue
            case UInt8(ascii: "\n"):
                if afterCarriageReturn {
                    lineStart = offset + Int64(position) + 1
                } else {
                    lineBreak(at: offset + Int64(position) + 1)
                }
                afterCarriageReturn = false
                position += 1
                continue
            default:
                afterCarriageReturn = false
            }
            if byte == UInt8(ascii: "I") || delimiters == nil {
                // A hard-wrapped file can cut `ISA` itself; a file with one segment per line cannot.
                let opening = ISAHeaderScanner.opening(
                    base, at: position, end: end, final: final,
                    allowingLineBreaks: delimiters == nil || !terminatorBreaksLine)
                switch opening {
                case .needMore:
                    return .needMore
                case .header:
                    if let step = header(base, end: end, position: &position, offset: offset, final: final, separators)
                    {
                        return step
                    }
                    continue
                case .notHeader:
                    break
                }
            }
            if delimiters == nil {
                if byte == 0xEF {
                    if end - position < 3 && !final { return .needMore }
                    if end - position >= 3 && base[position + 1] == 0xBB && base[position + 2] == 0xBF {
                        position += 3  // UTF-8 byte order mark
                        continue
                    }
                }
                if strayText(base, end: end, at: position, offset: offset, final: final) { return .needMore }
                continue
            }
            if let step = segment(base, end: end, position: &position, offset: offset, final: final, separators) {
                return step
            }
            if !diagnostics.isEmpty { return .reported }
        }
        return .exhausted
    }

    /// Cuts the segment starting at `position` with the current interchange's delimiters; nil when it was
    /// empty and only reported.
    @inline(__always)
    private mutating func segment(
        _ base: UnsafePointer<UInt8>, end: Int, position: inout Int, offset: Int64, final: Bool,
        _ separators: UnsafeMutablePointer<Int32>
    ) -> Step? {
        let start = position
        let separator = self.separator
        let terminator = self.terminator
        var index = start
        var separatorCount = 0
        var breaks = 0
        var lastBreakEnd = 0
        var contentEnd = -1
        var terminatorLength = terminator.count
        // Any byte above 0x7F: only then is the segment checked for UTF-8.
        var high: UInt8 = 0
        while index < end {
            let byte = base[index]
            if byte == separator {
                if separatorCount < X12Tokenizer.separatorCapacity {
                    separators[separatorCount] = Int32(truncatingIfNeeded: index - start)
                    separatorCount += 1
                }
            } else if byte == terminator.first {
                // In a hard-wrapped file a line break can fall between the bytes of a terminator such as `…`.
                guard
                    let length = terminator.length(
                        base, at: index, end: end, acrossLineBreaks: !terminatorBreaksLine)
                else { break }
                if length > 0 {
                    contentEnd = index
                    terminatorLength = length
                    break
                }
            } else if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (index + 1 == end || base[index + 1] != UInt8(ascii: "\n")))
            {
                // LF, CRLF and CR alone each end a line, here as between segments.
                breaks += 1
                lastBreakEnd = index + 1 - start
            }
            high |= byte
            index += 1
        }
        let next: Int
        if contentEnd >= 0 {
            next = contentEnd + terminatorLength
            if terminatorLength > terminator.count {
                let (inside, lastEnd) = X12Text.lineBreaks(
                    UnsafeBufferPointer(start: base + contentEnd, count: terminatorLength))
                breaks += inside
                lastBreakEnd = contentEnd + lastEnd - start
            }
        } else if final {
            contentEnd = end
            next = end
        } else if end - start > X12Tokenizer.maximumSegmentLength {
            let step = tooLong(at: offset + Int64(start))
            finishLine(breaks: breaks, lastBreakEnd: lastBreakEnd, segmentStart: offset + Int64(start), next: nil)
            skip = .toTerminator
            position = index  // `end`, or the start of a terminator cut by it
            return step
        } else {
            return .needMore
        }
        let startOffset = offset + Int64(start)
        let count = contentEnd - start
        if count > X12Tokenizer.maximumSegmentLength {
            // Refused like one whose terminator is still to come, so the chunk size does not matter.
            let step = tooLong(at: startOffset)
            finishLine(
                breaks: breaks, lastBreakEnd: lastBreakEnd, segmentStart: startOffset, next: offset + Int64(next))
            position = next
            return step
        }
        if count == 0 {
            diagnostics.append(X12Diagnostics.emptySegment(at: here(startOffset)))
            position = next
            finishLine(
                breaks: breaks, lastBreakEnd: lastBreakEnd, segmentStart: startOffset, next: offset + Int64(next))
            return nil
        }
        if breaks > 0 && !terminatorBreaksLine {
            // Line breaks are never data: a file hard-wrapped at a fixed width has them anywhere, even inside
            // a tag or an amount. The segment is read without them.
            let segment = unwrap(base + start, count: count, separators, startOffset: startOffset)
            if high >= 0x80 && !reportedEncoding { checkEncoding(segment) }
            finishLine(
                breaks: breaks, lastBreakEnd: lastBreakEnd, segmentStart: startOffset, next: offset + Int64(next))
            position = next
            return .segment(segment)
        }
        let idLength = separatorCount > 0 ? Int(separators[0]) : count
        segmentCount += 1
        let segment = X12Segment(
            base: base + start, count: count, separators: separators, separatorCount: separatorCount,
            index: segmentCount, line: line, column: Int(startOffset - lineStart) + 1, byteOffset: startOffset,
            fileBytes: breaks > 0 ? UnsafeBufferPointer(start: base + start, count: count) : nil,
            tag: SegmentTag.make(base + start, length: idLength))
        if high >= 0x80 && !reportedEncoding { checkEncoding(segment) }
        finishLine(breaks: breaks, lastBreakEnd: lastBreakEnd, segmentStart: startOffset, next: offset + Int64(next))
        position = next
        return .segment(segment)
    }

    /// The segment in `bytes` without its CR and LF bytes, copied to the tokenizer's own buffer; its
    /// location is that of its first byte, and its elements are located where they are in `bytes`.
    private mutating func unwrap(
        _ bytes: UnsafePointer<UInt8>, count: Int, _ separators: UnsafeMutablePointer<Int32>, startOffset: Int64
    ) -> X12Segment {
        let location = here(startOffset)
        if !reportedWrapping {
            reportedWrapping = true
            diagnostics.append(X12Diagnostics.lineBreakInSegment(at: location))
        }
        let target = unwrapped.reserve(count)
        var length = 0
        var separatorCount = 0
        for index in 0..<count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { continue }
            if byte == separator && separatorCount < X12Tokenizer.separatorCapacity {
                separators[separatorCount] = Int32(truncatingIfNeeded: length)
                separatorCount += 1
            }
            target[length] = byte
            length += 1
        }
        let idLength = separatorCount > 0 ? Int(separators[0]) : length
        segmentCount += 1
        return X12Segment(
            base: UnsafePointer(target), count: length, separators: separators, separatorCount: separatorCount,
            index: segmentCount, line: location.line, column: location.column, byteOffset: startOffset,
            fileBytes: UnsafeBufferPointer(start: bytes, count: count),
            tag: SegmentTag.make(UnsafePointer(target), length: idLength))
    }

    /// Reports the first byte of `segment` that is not UTF-8, where it is in the file; values show it as
    /// U+FFFD. Once per interchange: a file from a Latin-1 system has such bytes everywhere. A wrapped
    /// segment is checked without its line breaks, which may cut a character in two.
    private mutating func checkEncoding(_ segment: X12Segment) {
        guard let bad = X12Text.firstInvalidUTF8(UnsafeBufferPointer(start: segment.base, count: segment.count))
        else { return }
        reportedEncoding = true
        let place = segment.place(ofByte: bad, name: segment.elementName(holdingByte: bad))
        diagnostics.append(X12Diagnostics.notUTF8(segment.base[bad], at: place.location(file: file)))
    }

    /// Counts and reports a segment over `maximumSegmentLength` that starts at file offset `startOffset`.
    private mutating func tooLong(at startOffset: Int64) -> Step {
        let location = here(startOffset)
        segmentCount += 1
        unreadable = X12Diagnostics.segmentTooLong(
            at: location, segmentIndex: segmentCount, limit: X12Tokenizer.maximumSegmentLength)
        return .unreadable
    }

    /// Reads an ISA header at `position`, switching to its delimiters; nil when it was unusable and reported.
    private mutating func header(
        _ base: UnsafePointer<UInt8>, end: Int, position: inout Int, offset: Int64, final: Bool,
        _ separators: UnsafeMutablePointer<Int32>
    ) -> Step? {
        let startOffset = offset + Int64(position)
        let location = here(startOffset)
        reportedWrapping = false
        reportedEncoding = false
        switch ISAHeaderScanner.wrapping(base, start: position, end: end, final: final) {
        case .needMore:
            return .needMore
        case .wrapped:
            return wrappedHeader(
                base, end: end, position: &position, offset: offset, final: final, separators, location: location)
        case .notWrapped:
            break
        }
        switch ISAHeaderScanner.scan(base, start: position, end: end, final: final) {
        case .needMore:
            return .needMore
        case .malformed(let reason, let consumed):
            diagnostics.append(X12Diagnostics.malformedHeader(reason, at: location))
            let (breaks, lastEnd) = X12Text.lineBreaks(UnsafeBufferPointer(start: base + position, count: consumed))
            finishLine(breaks: breaks, lastBreakEnd: lastEnd, segmentStart: startOffset, next: nil)
            position += consumed
            delimiters = nil
            reportedStrayText = true  // the bytes up to the next ISA belong to this broken interchange
            skip = .toLineBreak
            return nil
        case .layout(let layout):
            let newDelimiters = layout.delimiters
            delimiters = newDelimiters
            separator = newDelimiters.element
            terminator = newDelimiters.packedTerminator
            terminatorBreaksLine =
                newDelimiters.terminator == [UInt8(ascii: "\r")] || newDelimiters.terminator == [UInt8(ascii: "\n")]
            reportedStrayText = false
            for (slot, separatorOffset) in layout.separators.enumerated() {
                separators[slot] = Int32(separatorOffset)
            }
            segmentCount += 1
            let (breaks, lastEnd) = X12Text.lineBreaks(
                UnsafeBufferPointer(start: base + position, count: layout.contentLength))
            let segment = X12Segment(
                base: base + position, count: layout.contentLength, separators: separators, separatorCount: 16,
                index: segmentCount, line: line, column: location.column, byteOffset: startOffset,
                fileBytes: breaks > 0 ? UnsafeBufferPointer(start: base + position, count: layout.contentLength) : nil,
                tag: SegmentTag.isa)
            if layout.separators[15] != ISAHeaderScanner.standardLength - 3 || layout.spacesBeforeTerminator > 0 {
                let place = segment.location(file: file, element: 16, name: "ISA16")
                diagnostics.append(X12Diagnostics.irregularHeader(layout: layout, at: place))
            }
            checkNumericDelimiters(newDelimiters, at: location)
            finishLine(
                breaks: breaks, lastBreakEnd: lastEnd, segmentStart: startOffset,
                next: startOffset + Int64(layout.totalLength))
            position += layout.totalLength
            return .segment(segment)
        }
    }

    /// Reads an ISA header that a line break cuts before its 16th element separator (a hard-wrapped file):
    /// the header is read from a copy without its line breaks, and the bytes it took in the file are skipped.
    private mutating func wrappedHeader(
        _ base: UnsafePointer<UInt8>, end: Int, position: inout Int, offset: Int64, final: Bool,
        _ separators: UnsafeMutablePointer<Int32>, location: SourceLocation
    ) -> Step? {
        // Enough for the longest header the scanner accepts, with room for the terminator after ISA16.
        let limit = ISAHeaderScanner.maximumLength + 8
        // Line breaks may follow every byte; beyond that the header is not wrapped but broken, and is not waited
        // for (a run of line breaks must not make the carry-over buffer grow).
        let rawLimit = limit * (1 + ISAHeaderScanner.maximumWrapLength)
        let target = unwrapped.reserve(limit)
        var rawIndex: [Int] = []
        rawIndex.reserveCapacity(limit)
        var index = position
        while index < end && rawIndex.count < limit && index - position < rawLimit {
            let byte = base[index]
            if byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
                target[rawIndex.count] = byte
                rawIndex.append(index)
            }
            index += 1
        }
        let complete = final || rawIndex.count == limit || index - position >= rawLimit
        switch ISAHeaderScanner.scan(UnsafePointer(target), start: 0, end: rawIndex.count, final: complete) {
        case .needMore:
            return .needMore
        case .malformed(let reason, let consumed):
            diagnostics.append(X12Diagnostics.malformedHeader(reason, at: location))
            let rawConsumed = consumed > 0 ? rawIndex[min(consumed, rawIndex.count) - 1] + 1 - position : 1
            let (breaks, lastEnd) = X12Text.lineBreaks(UnsafeBufferPointer(start: base + position, count: rawConsumed))
            finishLine(breaks: breaks, lastBreakEnd: lastEnd, segmentStart: offset + Int64(position), next: nil)
            position += rawConsumed
            delimiters = nil
            reportedStrayText = true
            skip = .toLineBreak
            return nil
        case .layout(let layout):
            let newDelimiters = layout.delimiters
            delimiters = newDelimiters
            separator = newDelimiters.element
            terminator = newDelimiters.packedTerminator
            terminatorBreaksLine =
                newDelimiters.terminator == [UInt8(ascii: "\r")] || newDelimiters.terminator == [UInt8(ascii: "\n")]
            reportedStrayText = false
            reportedWrapping = true
            diagnostics.append(X12Diagnostics.lineBreakInSegment(at: location))
            checkNumericDelimiters(newDelimiters, at: location)
            for (slot, separatorOffset) in layout.separators.enumerated() {
                separators[slot] = Int32(separatorOffset)
            }
            segmentCount += 1
            let rawLength = rawIndex[layout.totalLength - 1] + 1 - position
            let rawContentLength = rawIndex[layout.contentLength] - position
            let segment = X12Segment(
                base: UnsafePointer(target), count: layout.contentLength, separators: separators, separatorCount: 16,
                index: segmentCount, line: line, column: location.column, byteOffset: offset + Int64(position),
                fileBytes: UnsafeBufferPointer(start: base + position, count: rawContentLength), tag: SegmentTag.isa)
            let (breaks, lastEnd) = X12Text.lineBreaks(UnsafeBufferPointer(start: base + position, count: rawLength))
            finishLine(
                breaks: breaks, lastBreakEnd: lastEnd, segmentStart: offset + Int64(position),
                next: offset + Int64(position + rawLength))
            position += rawLength
            return .segment(segment)
        }
    }

    /// Reports delimiters that numbers are written with (`.`, `-`, `+`): an amount such as `100.50` would be
    /// cut at an element separator or terminator (an error: values can be wrong), and a component or
    /// repetition separator among them is a warning.
    private mutating func checkNumericDelimiters(_ delimiters: X12Delimiters, at location: SourceLocation) {
        let numeric: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+")]
        var cutting: [String] = []
        var other: [String] = []
        if numeric.contains(delimiters.element) { cutting.append("element separator '\(delimiters.element.ascii)'") }
        if delimiters.terminator.count == 1, numeric.contains(delimiters.terminator[0]) {
            cutting.append("segment terminator '\(delimiters.terminator[0].ascii)'")
        }
        if numeric.contains(delimiters.component) {
            other.append("component separator '\(delimiters.component.ascii)'")
        }
        if let repetition = delimiters.repetition, numeric.contains(repetition) {
            other.append("repetition separator '\(repetition.ascii)'")
        }
        if !cutting.isEmpty { diagnostics.append(X12Diagnostics.numericDelimiter(cutting, cuts: true, at: location)) }
        if !other.isEmpty { diagnostics.append(X12Diagnostics.numericDelimiter(other, cuts: false, at: location)) }
    }

    /// Reports text outside any interchange once, then skips it line by line until an ISA shows up.
    ///
    /// - Returns: true when the buffer ends before the text to quote does (up to 20 bytes, or its line).
    private mutating func strayText(
        _ base: UnsafePointer<UInt8>, end: Int, at position: Int, offset: Int64, final: Bool
    ) -> Bool {
        if !reportedStrayText {
            var length = 0
            while length < 20 && position + length < end && base[position + length] != UInt8(ascii: "\n")
                && base[position + length] != UInt8(ascii: "\r")
            {
                length += 1
            }
            // Quote the same bytes whatever the chunk size.
            if length < 20 && position + length == end && !final { return true }
            reportedStrayText = true
            let shown = UnsafeBufferPointer(start: base + position, count: length)
            diagnostics.append(
                X12Diagnostics.strayText(String(decoding: shown, as: UTF8.self), at: here(offset + Int64(position))))
        }
        skip = .toLineBreak
        return false
    }

    /// Consumes skipped bytes; returns a step only when the buffer runs out.
    private mutating func skipBytes(
        _ base: UnsafePointer<UInt8>, end: Int, position: inout Int, offset: Int64
    ) -> Step? {
        switch skip {
        case .none:
            return nil
        case .toLineBreak:
            while position < end {
                let byte = base[position]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    skip = .none
                    return nil
                }
                position += 1
            }
            return .exhausted
        case .toTerminator:
            while position < end {
                let byte = base[position]
                // Line feeds count as they do inside a segment that is read (see `finishLine`).
                if byte == UInt8(ascii: "\n") && terminator.first != UInt8(ascii: "\n") {
                    lineBreak(at: offset + Int64(position) + 1)
                }
                if byte == terminator.first {
                    // A terminator cut by the end of the chunk: wait for the rest rather than guess.
                    guard let matched = terminator.matches(base, at: position, end: end) else { return .needMore }
                    if matched {
                        position += terminator.count
                        if terminatorBreaksLine {
                            lineBreak(at: offset + Int64(position))
                            afterCarriageReturn = terminator.first == UInt8(ascii: "\r")
                        }
                        skip = .none
                        return nil
                    }
                }
                position += 1
            }
            return .exhausted
        }
    }

    /// Moves the line count past a segment: its inner line feeds, and its terminator when that is CR or LF.
    @inline(__always)
    private mutating func finishLine(breaks: Int, lastBreakEnd: Int, segmentStart: Int64, next: Int64?) {
        if breaks > 0 {
            line += breaks
            lineStart = segmentStart + Int64(lastBreakEnd)
        }
        if terminatorBreaksLine, let next {
            line += 1
            lineStart = next
            afterCarriageReturn = terminator.first == UInt8(ascii: "\r")
        }
    }

    @inline(__always)
    private mutating func lineBreak(at nextLineStart: Int64) {
        line += 1
        lineStart = nextLineStart
    }

    /// The location of the byte at file offset `offset`, which must be on the current line.
    func here(_ offset: Int64) -> SourceLocation {
        SourceLocation(file: file, line: line, column: Int(offset - lineStart) + 1, byteOffset: offset)
    }

    /// The location just past the last byte read, for problems found at the end of the file.
    func endLocation(_ offset: Int64) -> SourceLocation { here(offset) }
}

/// The tokenizer's buffer for a segment read without its line breaks. A class, so the bytes stay put while
/// the segment that points at them is handled.
final class UnwrappedSegment {
    private var storage: UnsafeMutablePointer<UInt8>?
    private var capacity = 0

    /// Room for `count` bytes; what was there before is gone.
    func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if let storage, capacity >= count { return storage }
        storage?.deallocate()
        capacity = max(count, 256)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        storage = fresh
        return fresh
    }

    deinit { storage?.deallocate() }
}

extension UInt8 {
    /// The byte as a one-character string (delimiters are ASCII punctuation here).
    fileprivate var ascii: String { String(UnicodeScalar(self)) }
}
