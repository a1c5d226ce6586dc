import RemitCore

extension BAI2TypeCodeTable {
    static let columns = ["code", "direction", "level", "payment", "reversal", "name"]

    /// Adds the rows of a type-code table: a header line naming the columns, then one tab-separated row per
    /// code. Lines starting with `#` and blank lines are skipped.
    ///
    /// - Parameters:
    ///   - text: the file's content.
    ///   - name: the file's name as shown in errors, e.g. `mappings/bai2/type-codes.tsv`.
    /// - Throws: `Diagnostic` locating the first bad row.
    public mutating func load(_ text: String, name: String) throws(Diagnostic) {
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let location = SourceLocation(file: name, line: lineNumber, column: 1, byteOffset: 0)
            if !sawHeader {
                sawHeader = true
                guard fields.count >= Self.columns.count, Array(fields.prefix(Self.columns.count)) == Self.columns
                else {
                    throw Diagnostic(
                        .error, code: "mapping.header",
                        "expected the header " + Self.columns.joined(separator: ", ") + " separated by tabs",
                        at: location)
                }
                continue
            }
            try add(row: fields, at: location)
        }
    }

    private mutating func add(row fields: [String], at location: SourceLocation) throws(Diagnostic) {
        guard fields.count >= Self.columns.count else {
            throw Diagnostic(
                .error, code: "mapping.columns",
                "row has \(fields.count) tab-separated fields, needs \(Self.columns.count)", at: location)
        }
        let code = fields[0]
        guard code.utf8.count == 3, let value = Int(code), value >= 0 else {
            throw Diagnostic(
                .error, code: "mapping.type-code", "type code '\(code)' is not three digits", at: location)
        }
        guard let direction = BAI2TypeCode.Direction(rawValue: fields[1]) else {
            throw Diagnostic(
                .error, code: "mapping.direction", "direction '\(fields[1])' is not credit, debit or none",
                at: location.element("direction"))
        }
        guard let level = BAI2TypeCode.Level(rawValue: fields[2]) else {
            throw Diagnostic(
                .error, code: "mapping.level", "level '\(fields[2])' is not status, summary or detail",
                at: location.element("level"))
        }
        let payment = try Self.flag(fields[3], column: "payment", at: location)
        let reversal = try Self.flag(fields[4], column: "reversal", at: location)
        add(
            BAI2TypeCode(
                code: code, direction: direction, level: level, carriesPayment: payment, isReversal: reversal,
                name: fields[5]),
            value: value)
    }

    private static func flag(_ text: String, column: String, at location: SourceLocation) throws(Diagnostic) -> Bool {
        switch text {
        case "yes": return true
        case "no": return false
        default:
            throw Diagnostic(
                .error, code: "mapping.flag", "\(column) '\(text)' is neither yes nor no", at: location.element(column))
        }
    }
}
