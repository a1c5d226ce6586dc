import RemitCore

/// A record and the 88 records that continue it, as fields and text.
///
/// The scanner fills one of these per logical record and reuses its storage, so the only memory a file
/// costs is its longest logical record.
struct BAI2LogicalRecord {
    /// Where one field's bytes sit in `bytes`, and where the field sits in the file.
    struct Field {
        var start: Int32
        var count: Int32
        var column: Int32
        var line: Int
        var byteOffset: Int64
        /// 1-based number of the physical record that holds the field.
        var recordIndex: Int
    }

    /// The record code as a number: 1, 2, 3, 16, 49, 98 or 99.
    var code = 0
    var line = 0
    var column = 0
    var byteOffset: Int64 = 0
    /// 1-based number of the record's first physical record in the file.
    var recordIndex = 0
    /// The record and its continuations: what 49, 98 and 99 count.
    var physicalRecords = 0
    /// Every field but the text, back to back.
    var bytes: [UInt8] = []
    var fields: [Field] = []
    /// The text of a 16: its segments, each without its closing `/` and blanks, joined by one space.
    var text: [UInt8] = []
    var textSegments = 0
    /// How many fields come before the text; `Int.max` for records without text.
    var textField = Int.max
    /// The text field has started: the rest of every continuation is text.
    var inText = false
    /// A 16 whose funds type is `D`: where the text starts depends on field 4, the number of distributions.
    var awaitingDistributions = false
    /// Set when the record ran over the length limit and lost fields or text.
    var truncated = false

    mutating func start(code: Int, line: Int, column: Int, byteOffset: Int64, recordIndex: Int) {
        self.code = code
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.recordIndex = recordIndex
        physicalRecords = 1
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        textSegments = 0
        textField = Int.max
        inText = false
        awaitingDistributions = false
        truncated = false
    }

    /// `16.2` for the first 64 fields of each record code, built once.
    private static let elementNames: [[String]] = (0..<100).map { code in
        let prefix = code < 10 ? "0\(code)." : "\(code)."
        return (0...64).map { prefix + String($0) }
    }

    static func elementName(code: Int, ordinal: Int) -> String {
        guard (0..<100).contains(code), (0...64).contains(ordinal) else {
            return (code < 10 ? "0\(code)" : "\(code)") + "." + String(ordinal)
        }
        return elementNames[code][ordinal]
    }

    /// The record code as printed: `01`, `16`.
    var codeText: String { code < 10 ? "0\(code)" : "\(code)" }

    /// Field `ordinal` (1-based, counting after the record code), or nil when the record stops before it.
    func field(_ ordinal: Int) -> ArraySlice<UInt8>? {
        guard ordinal >= 1 && ordinal <= fields.count else { return nil }
        let field = fields[ordinal - 1]
        return bytes[Int(field.start)..<Int(field.start + field.count)]
    }

    /// Whether field `ordinal` is absent or defaulted (empty).
    func isEmpty(_ ordinal: Int) -> Bool {
        guard ordinal >= 1 && ordinal <= fields.count else { return true }
        return fields[ordinal - 1].count == 0
    }

    /// Field `ordinal` as text; nil when absent or defaulted.
    func string(_ ordinal: Int) -> String? {
        guard let bytes = field(ordinal), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where the record starts.
    func location(file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, byteOffset: byteOffset, segmentIndex: recordIndex)
    }

    /// Where field `ordinal` is, named `16.2` (record code, field ordinal); the record's start when the field
    /// is absent.
    func location(file: String, field ordinal: Int) -> SourceLocation {
        let element = Self.elementName(code: code, ordinal: ordinal)
        guard ordinal >= 1 && ordinal <= fields.count else { return location(file: file).element(element) }
        let field = fields[ordinal - 1]
        return SourceLocation(
            file: file, line: field.line, column: Int(field.column), byteOffset: field.byteOffset,
            segmentIndex: field.recordIndex, element: element)
    }
}
