/// A scenario file's text and where each remittance line landed in it.
struct WrittenFile {
    struct LocatedLine {
        /// Index into the scenario's payments, and of the line within that payment.
        var payment: Int
        var line: Int
        /// The 1-based line and column Remit reports as the remittance line's source (column 0 for XML).
        var fileLine: Int
        var column: Int
    }

    var name: String
    var text: String
    var located: [LocatedLine]
}

/// Collects text line by line and counts lines, so a writer knows the line number of what it writes.
struct LineText {
    private(set) var text = ""
    private(set) var lineCount = 0

    /// The number the next line written will have.
    var nextLine: Int { lineCount + 1 }

    mutating func add(_ line: String) {
        text += line
        text += "\n"
        lineCount += 1
    }
}
