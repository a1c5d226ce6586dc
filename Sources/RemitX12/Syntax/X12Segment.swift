import RemitCore

/// One segment as the tokenizer found it.
///
/// A view, not a copy: the bytes belong to the chunk being read (or to the tokenizer's carry-over buffer) and
/// are valid only while the segment is being handled. Values that outlive it are turned into `String`s.
struct X12Segment {
    /// The segment's bytes, terminator excluded.
    let base: UnsafePointer<UInt8>
    let count: Int
    /// Offsets of the element separators found, at most `X12Tokenizer.separatorCapacity`.
    let separators: UnsafePointer<Int32>
    let separatorCount: Int
    /// 1-based index of the segment in its file.
    let index: Int
    /// Where the segment's first byte sits.
    let line: Int
    let column: Int
    let byteOffset: Int64
    /// The segment's bytes as they are in the file, when a line break occurs inside it (nil otherwise): element
    /// places are counted on them. When `base` is a copy with the line breaks left out (a hard-wrapped file),
    /// these are the original bytes.
    let fileBytes: UnsafeBufferPointer<UInt8>?
    /// The segment ID packed by `SegmentTag.make`.
    let tag: UInt32

    /// Number of elements after the segment ID, as far as they were recorded.
    var elementCount: Int { separatorCount }

    /// The bytes of element `position` (1 for the first element after the ID), or nil when the segment is
    /// shorter. An element that is present but empty gives an empty buffer.
    @inline(__always)
    func element(_ position: Int) -> UnsafeBufferPointer<UInt8>? {
        guard position >= 1 && position <= separatorCount else { return nil }
        let start = Int(separators[position - 1]) + 1
        let end = position < separatorCount ? Int(separators[position]) : count
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// Element `position` without leading and trailing spaces, or nil when absent or blank.
    @inline(__always)
    func value(_ position: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let raw = element(position), let trimmed = X12Text.trimmingSpaces(raw), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }

    /// Element `position` as a string, spaces trimmed; nil when absent or blank.
    @inline(__always)
    func string(_ position: Int) -> String? {
        guard let bytes = value(position) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether element `position` holds exactly `text`, spaces trimmed.
    func valueEquals(_ position: Int, _ text: StaticString) -> Bool {
        guard let bytes = value(position), bytes.count == text.utf8CodeUnitCount else { return false }
        let expected = text.utf8Start
        for index in 0..<bytes.count where bytes[index] != expected[index] { return false }
        return true
    }

    /// The segment ID as text, e.g. `RMR`.
    var id: String {
        let end = separatorCount > 0 ? Int(separators[0]) : count
        return String(decoding: UnsafeBufferPointer(start: base, count: end), as: UTF8.self)
    }

    /// The whole segment as text (for messages), shortened to `limit` bytes.
    func text(limit: Int = 80) -> String {
        let shown = UnsafeBufferPointer(start: base, count: min(count, limit))
        return String(decoding: shown, as: UTF8.self) + (count > limit ? "…" : "")
    }

    /// The location of the segment's first byte.
    func location(file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, byteOffset: byteOffset, segmentIndex: index)
    }

    /// The location of element `position`'s first byte, named like `BPR02`. An absent element is located at
    /// the end of the segment, where it would have been written.
    func location(file: String, element position: Int, name: String) -> SourceLocation {
        place(element: position, name: name).location(file: file)
    }

    /// Where element `position` starts, as `location(file:element:name:)` gives it, without the file.
    func place(element position: Int, name: String) -> ElementPlace {
        let offset: Int
        if position >= 1 && position <= separatorCount {
            offset = Int(separators[position - 1]) + 1
        } else {
            offset = count
        }
        return place(ofByte: offset, name: name)
    }

    /// Where the segment's byte at `offset` (counted without line breaks) is in the file, named `name`.
    func place(ofByte offset: Int, name: String) -> ElementPlace {
        var place = ElementPlace(
            line: line, column: column + offset, byteOffset: byteOffset + Int64(offset), segmentIndex: index,
            element: name)
        guard let fileBytes, let fileBase = fileBytes.baseAddress else { return place }
        let fileOffset = fileBase == base ? offset : Self.fileOffset(of: offset, in: fileBytes)
        let (lines, lastBreakEnd) = X12Text.lineBreaks(UnsafeBufferPointer(start: fileBase, count: fileOffset))
        place.byteOffset = byteOffset + Int64(fileOffset)
        if lines > 0 {
            place.line = line + lines
            place.column = fileOffset - lastBreakEnd + 1
        } else {
            place.column = column + fileOffset
        }
        return place
    }

    /// Where the byte at `offset` of the copy without line breaks sits among `bytes`, which have them.
    private static func fileOffset(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var kept = 0
        for (index, byte) in bytes.enumerated() where byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
            if kept == offset { return index }
            kept += 1
        }
        return bytes.count
    }

    /// The name of the element holding the byte at `offset`: the ID itself, or e.g. `N102`.
    func elementName(holdingByte offset: Int) -> String {
        var position = 0
        while position < separatorCount && Int(separators[position]) < offset { position += 1 }
        return position == 0 ? id : elementName(position)
    }

    /// `ID` followed by the two-digit position, e.g. `ADX01`.
    func elementName(_ position: Int) -> String {
        id + (position < 10 ? "0" : "") + String(position)
    }
}

/// Segment IDs packed into an integer: the length in the top byte, then up to three ID bytes.
enum SegmentTag {
    static let isa: UInt32 = 0x0349_5341
    static let iea: UInt32 = 0x0349_4541
    static let gs: UInt32 = 0x0200_4753
    static let ge: UInt32 = 0x0200_4745
    static let st: UInt32 = 0x0200_5354
    static let se: UInt32 = 0x0200_5345
    static let isb: UInt32 = 0x0349_5342
    static let ise: UInt32 = 0x0349_5345
    static let ta1: UInt32 = 0x0354_4131
    static let bpr: UInt32 = 0x0342_5052
    static let trn: UInt32 = 0x0354_524E
    static let cur: UInt32 = 0x0343_5552
    static let ref: UInt32 = 0x0352_4546
    static let dtm: UInt32 = 0x0344_544D
    static let n1: UInt32 = 0x0200_4E31
    static let nm1: UInt32 = 0x034E_4D31
    static let ent: UInt32 = 0x0345_4E54
    static let rmr: UInt32 = 0x0352_4D52
    static let adx: UInt32 = 0x0341_4458
    static let nte: UInt32 = 0x034E_5445

    /// The tag of `id`, for tables built once.
    static func of(_ id: StaticString) -> UInt32 {
        make(id.utf8Start, length: id.utf8CodeUnitCount)
    }

    /// The tag of an ID of `length` bytes at `base`; 0 for IDs longer than three bytes.
    @inline(__always)
    static func make(_ base: UnsafePointer<UInt8>, length: Int) -> UInt32 {
        switch length {
        case 2: return 0x0200_0000 | UInt32(base[0]) << 8 | UInt32(base[1])
        case 3: return 0x0300_0000 | UInt32(base[0]) << 16 | UInt32(base[1]) << 8 | UInt32(base[2])
        case 1: return 0x0100_0000 | UInt32(base[0])
        default: return 0
        }
    }
}
