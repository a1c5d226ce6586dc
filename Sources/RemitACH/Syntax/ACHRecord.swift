import RemitCore

/// One 94-character NACHA record with where it starts in the file.
///
/// Fields are addressed by the 1-based, inclusive column positions the NACHA rules use, so `text(51, 53)` is
/// a batch header's SEC code.
struct ACHRecord {
    static let length = 94

    /// Exactly 94 bytes; a short record is padded with blanks (and reported by the scanner).
    var bytes: [UInt8]
    /// 1-based position of the record in the file, filler records included.
    var number: Int
    /// Location of the record's first byte.
    var location: SourceLocation

    /// The record type code in column 1 (`1`, `5`, `6`, `7`, `8`, `9`).
    var typeCode: UInt8 { bytes[0] }

    /// True for a blocking-factor filler record: 94 nines.
    var isFiller: Bool { bytes.allSatisfy { $0 == UInt8(ascii: "9") } }

    /// Columns `first...last` as text, blanks kept.
    func raw(_ first: Int, _ last: Int) -> String {
        String(decoding: bytes[(first - 1)..<last], as: UTF8.self)
    }

    /// Columns `first...last` as text without leading and trailing blanks; nil when all blank.
    func text(_ first: Int, _ last: Int) -> String? {
        var start = first - 1
        var end = last
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return start == end ? nil : String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Columns `first...last` as an unsigned number; nil unless every byte is a digit.
    func number(_ first: Int, _ last: Int) -> Int64? {
        var value: Int64 = 0
        for byte in bytes[(first - 1)..<last] {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether columns `first...last` are all blank.
    func isBlank(_ first: Int, _ last: Int) -> Bool {
        bytes[(first - 1)..<last].allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// The location of column `column`, naming the field as `<type>:<first>-<last>` (e.g. `6:30-39`).
    func at(_ first: Int, _ last: Int) -> SourceLocation {
        var location = location
        location.column += first - 1
        location.byteOffset += Int64(first - 1)
        location.element = "\(Character(UnicodeScalar(typeCode))):\(first)-\(last)"
        return location
    }
}
