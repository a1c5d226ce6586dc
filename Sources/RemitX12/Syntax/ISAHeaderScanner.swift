/// Finds the delimiters of an interchange in its ISA header.
///
/// The header is read by counting: the byte after `ISA` is the element separator, the byte after the 16th
/// separator is ISA16 (the component separator), and the character after that is the segment terminator.
/// Fixed offsets are not trusted, because headers with a field one byte too long or too short occur.
enum ISAHeaderScanner {
    /// A header longer than this is not an ISA header at all.
    static let maximumLength = 1024
    /// The length of a header written to the fixed widths, terminator included.
    static let standardLength = 106

    struct Layout {
        var delimiters: X12Delimiters
        /// Offset of the terminator's first byte from the `I` of `ISA`.
        var contentLength: Int
        /// Offset just past the terminator.
        var totalLength: Int
        /// Offset of each of the 16 element separators.
        var separators: [Int]
        /// Spaces between ISA16 and the terminator, which some senders write.
        var spacesBeforeTerminator: Int
        /// ISA12, the interchange control version, as written.
        var version: String
    }

    enum Outcome {
        case layout(Layout)
        /// The buffer ends before the header does.
        case needMore
        /// Not a usable header; `consumed` bytes from the `I` on belong to it as far as can be told.
        case malformed(reason: String, consumed: Int)
    }

    enum Wrapping {
        case notWrapped
        /// A line break comes inside the header (in `ISA`, before ISA16 or inside its terminator) and no other
        /// header starts after it: the file is hard-wrapped at a fixed width.
        case wrapped
        case needMore
    }

    enum Opening {
        /// `ISA` and an element separator, which sits at `separatorAt`.
        case header(separatorAt: Int)
        case notHeader
        case needMore
    }

    /// Line-break bytes a hard wrap puts between two bytes of a header: CR, LF or CRLF.
    static let maximumWrapLength = 2

    /// Whether `ISA` and a byte that can be an element separator start at `start`.
    ///
    /// - Parameter allowingLineBreaks: a line break (up to `maximumWrapLength` CR or LF bytes) may sit
    ///   between any two of the four bytes, as in a file hard-wrapped at a narrow width.
    static func opening(
        _ base: UnsafePointer<UInt8>, at start: Int, end: Int, final: Bool, allowingLineBreaks: Bool
    ) -> Opening {
        let tag = [UInt8(ascii: "I"), UInt8(ascii: "S"), UInt8(ascii: "A")]
        var index = start
        for step in 0..<4 {
            if step > 0 && allowingLineBreaks {
                var skipped = 0
                while index < end && skipped < maximumWrapLength && isLineBreak(base[index]) {
                    index += 1
                    skipped += 1
                }
            }
            guard index < end else { return final ? .notHeader : .needMore }
            let byte = base[index]
            if step < 3 {
                guard byte == tag[step] else { return .notHeader }
                index += 1
            } else {
                let separator =
                    !isAlphanumeric(byte) && byte != UInt8(ascii: " ") && !isLineBreak(byte)
                return separator ? .header(separatorAt: index) : .notHeader
            }
        }
        return .notHeader
    }

    /// Whether the header at `start` is cut by a line break anywhere from `ISA` to its terminator.
    ///
    /// A line break right after ISA16 is the terminator itself (a file with one segment per line), unless the
    /// next line starts with a byte that can only be a terminator: then it is a wrap.
    static func wrapping(_ base: UnsafePointer<UInt8>, start: Int, end: Int, final: Bool) -> Wrapping {
        let separatorIndex: Int
        switch opening(base, at: start, end: end, final: final, allowingLineBreaks: true) {
        case .needMore: return .needMore
        case .notHeader: return .notWrapped
        case .header(let at): separatorIndex = at
        }
        // A break inside `ISA` itself: the copy without line breaks is read.
        if separatorIndex != start + 3 { return .wrapped }
        let separator = base[separatorIndex]
        var found = 0
        var index = start + 3
        var sawBreak = false
        while found < 16 && index - start < maximumLength {
            guard index < end else { return final ? .notWrapped : .needMore }
            let byte = base[index]
            if byte == separator {
                found += 1
            } else if isLineBreak(byte) {
                var next = index + 1
                while next < end && isLineBreak(base[next]) {
                    next += 1
                }
                if end - next < 4 && !final { return .needMore }
                // Another header on the next line: this one is cut short, which `scan` reports.
                if end - next >= 4 && startsHeader(base, at: next) { return .notWrapped }
                sawBreak = true
            }
            index += 1
        }
        guard found == 16 else { return .notWrapped }
        if sawBreak { return .wrapped }
        return wrappingAfterSeparators(base, start: start, isa16: index, end: end, final: final)
    }

    /// The part of `wrapping` from ISA16 (at `isa16`) to the end of the terminator.
    private static func wrappingAfterSeparators(
        _ base: UnsafePointer<UInt8>, start: Int, isa16: Int, end: Int, final: Bool
    ) -> Wrapping {
        guard isa16 < end else { return final ? .notWrapped : .needMore }
        let component = base[isa16]
        if isLineBreak(component) { return .wrapped }
        var index = isa16 + 1
        while index < end && base[index] == UInt8(ascii: " ") && index - start < maximumLength { index += 1 }
        guard index < end else { return final ? .notWrapped : .needMore }
        let lead = base[index]
        if isLineBreak(lead) {
            var next = index
            while next < end && next - index < maximumWrapLength && isLineBreak(base[next]) { next += 1 }
            guard next < end else { return final ? .notWrapped : .needMore }
            let first = base[next]
            let onlyATerminator =
                !isAlphanumeric(first) && first != UInt8(ascii: " ") && !isLineBreak(first)
                && first != base[start + 3] && first != component
            return onlyATerminator ? .wrapped : .notWrapped
        }
        // A terminator of several bytes with a line break between them.
        let length = utf8Length(lead)
        for offset in 1..<max(length, 1) {
            guard index + offset < end else { return final ? .notWrapped : .needMore }
            let byte = base[index + offset]
            if isLineBreak(byte) { return .wrapped }
            if !(0x80...0xBF).contains(byte) { break }
        }
        return .notWrapped
    }

    @inline(__always)
    static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Reads the header starting at `start`, where the bytes `ISA` are.
    static func scan(_ base: UnsafePointer<UInt8>, start: Int, end: Int, final: Bool) -> Outcome {
        guard end - start >= 4 else {
            return final ? .malformed(reason: "file ends inside the ISA header", consumed: end - start) : .needMore
        }
        let separator = base[start + 3]
        var separators: [Int] = []
        separators.reserveCapacity(16)
        var index = start + 3
        while separators.count < 16 {
            if index - start >= maximumLength {
                return .malformed(
                    reason: "ISA header has only \(separators.count) of its 16 element separators "
                        + "'\(printable(separator))' within \(maximumLength) bytes",
                    consumed: index - start)
            }
            if index >= end {
                return final
                    ? .malformed(reason: "file ends inside the ISA header", consumed: end - start) : .needMore
            }
            if base[index] == separator {
                separators.append(index - start)
            } else if base[index] == UInt8(ascii: "\n") || base[index] == UInt8(ascii: "\r") {
                // A line that starts another header ends this one, cut short: leave that header to be read.
                if end - index < 5 && !final { return .needMore }
                if end - index >= 5 && startsHeader(base, at: index + 1) {
                    return .malformed(
                        reason: "ISA header has only \(separators.count) of its 16 element separators "
                            + "'\(printable(separator))' before the next ISA",
                        consumed: index - start)
                }
            }
            index += 1
        }
        // `index` is now ISA16; the terminator follows, possibly after stray spaces.
        var terminatorStart = index + 1
        while terminatorStart < end && base[terminatorStart] == UInt8(ascii: " ")
            && terminatorStart - start < maximumLength
        {
            terminatorStart += 1
        }
        guard terminatorStart < end else {
            return final ? .malformed(reason: "file ends inside the ISA header", consumed: end - start) : .needMore
        }
        let lead = base[terminatorStart]
        var terminatorLength = utf8Length(lead)
        if terminatorStart + terminatorLength > end {
            if !final { return .needMore }
            terminatorLength = 1
        }
        for offset in 1..<terminatorLength where !(0x80...0xBF).contains(base[terminatorStart + offset]) {
            // Not a UTF-8 sequence (e.g. 0x85 in Windows-1252): the single byte is the terminator.
            terminatorLength = 1
            break
        }
        let component = base[index]
        if isAlphanumeric(lead) || lead == separator || lead == component {
            return .malformed(
                reason: "ISA header gives '\(printable(lead))' as segment terminator, which cannot be one; "
                    + "the header probably has a missing or extra element",
                consumed: terminatorStart + 1 - start)
        }
        if component == separator || isAlphanumeric(separator) || separator == UInt8(ascii: " ") {
            return .malformed(
                reason: "ISA header gives element separator '\(printable(separator))' and component separator "
                    + "'\(printable(component))', which cannot both be delimiters",
                consumed: terminatorStart + terminatorLength - start)
        }
        let version = text(base, from: start + separators[11] + 1, to: start + separators[12])
        let repetitionField = (start + separators[10] + 1, start + separators[11])
        var repetition: UInt8?
        if repetitionField.1 - repetitionField.0 == 1, let number = Int(version), number >= 402 {
            let candidate = base[repetitionField.0]
            if !isAlphanumeric(candidate) && candidate != UInt8(ascii: " ") && candidate != separator
                && candidate != component && candidate != lead
            {
                repetition = candidate
            }
        }
        let terminator = Array(UnsafeBufferPointer(start: base + terminatorStart, count: terminatorLength))
        let delimiters = X12Delimiters(
            element: separator, component: component, repetition: repetition, terminator: terminator)
        return .layout(
            Layout(
                delimiters: delimiters, contentLength: terminatorStart - start,
                totalLength: terminatorStart + terminatorLength - start, separators: separators,
                spacesBeforeTerminator: terminatorStart - index - 1, version: version))
    }

    /// Whether `ISA` and a byte that can be an element separator start at `position` (4 bytes must be there).
    private static func startsHeader(_ base: UnsafePointer<UInt8>, at position: Int) -> Bool {
        let next = base[position + 3]
        return base[position] == UInt8(ascii: "I") && base[position + 1] == UInt8(ascii: "S")
            && base[position + 2] == UInt8(ascii: "A") && !isAlphanumeric(next) && next != UInt8(ascii: " ")
            && next != UInt8(ascii: "\r") && next != UInt8(ascii: "\n")
    }

    /// How many bytes a UTF-8 sequence starting with `lead` has; 1 for ASCII and for bytes that start none.
    static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    /// A byte as a reader can see it in a message: the character, or its hex code when it does not print.
    static func printable(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\t"): return "\\t"
        case 0x21...0x7E: return String(UnicodeScalar(byte))
        default: return "0x" + String(byte, radix: 16, uppercase: true)
        }
    }

    private static func text(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + from, count: max(0, to - from)), as: UTF8.self)
    }
}
