/// A place in a CSV file: 1-based line and byte column, 0-based byte offset from the start of the file.
public struct CSVPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    /// 1-based, counted in bytes from the start of the line (after a UTF-8 byte order mark on line 1).
    public var column: Int
    public var byteOffset: Int64

    public init(line: Int, column: Int, byteOffset: Int64) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    public var description: String { "\(line):\(column)" }
}

/// One record of a CSV file, its fields decoded to text.
public struct CSVRow: Sendable, Hashable {
    /// 1-based number of the record in its file, counting every record (blank ones, the header, title lines).
    public var index: Int
    /// Where the record's first byte is.
    public var start: CSVPosition
    /// The fields in order, unquoted, doubled quotes undone, nothing trimmed.
    public var fields: [String]
    /// Where each field starts: its opening quote when quoted, the separator or line end when empty.
    public var fieldStarts: [CSVPosition]
    /// Whether the record broke the format; a diagnostic saying how was reported before it.
    ///
    /// A record cut short for being too long has no fields at all.
    public var isMalformed: Bool

    public init(index: Int, start: CSVPosition, fields: [String], fieldStarts: [CSVPosition], isMalformed: Bool) {
        self.index = index
        self.start = start
        self.fields = fields
        self.fieldStarts = fieldStarts
        self.isMalformed = isMalformed
    }

    /// True for a record that is an empty line.
    public var isEmptyLine: Bool { fields.count == 1 && fields[0].isEmpty }
}
