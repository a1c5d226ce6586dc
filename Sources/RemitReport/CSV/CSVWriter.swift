/// Writes CSV as RFC 4180 describes it, with a guard against spreadsheet formula injection.
///
/// The rules, which `docs/reports.md` states for users:
/// - Rows end with CRLF, the line break RFC 4180 prescribes. A quoted cell keeps the line breaks of its
///   text as they were.
/// - A cell is quoted when it holds a comma, a double quote, CR or LF; a double quote inside is doubled.
/// - Text cells that begin with `=`, `+`, `-`, `@`, a tab or CR get a leading `'`, so a spreadsheet shows
///   the text instead of running it as a formula (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`).
/// - Number cells are written unchanged when they are plain decimals (`-12.50`, `7`), so negative
///   amounts stay numbers; a number cell holding anything else is guarded like text.
/// - Output is UTF-8 without a byte order mark.
public struct CSVWriter {
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Drops the written bytes, keeping the buffer's capacity, after the caller has flushed them.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes a header row; column names are text cells.
    public mutating func writeHeader(_ names: [String]) {
        writeRow(names.map { CSVCell.text($0) })
    }

    /// Writes one row followed by CRLF.
    public mutating func writeRow(_ cells: [CSVCell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(CSVWriter.guarded(cell))
        }
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The text a cell is written with before quoting: its own text, or `'` + text when it needs the guard.
    public static func guarded(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let text):
            return startsLikeFormula(text) ? "'" + text : text
        case .number(let text):
            return isPlainNumber(text) || !startsLikeFormula(text) ? text : "'" + text
        }
    }

    /// Whether a spreadsheet would read the text as the start of a formula.
    public static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// `-?digits(.digits)?`: the only shape a number cell may have to skip the guard.
    public static func isPlainNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digitsBefore = 0
        var digitsAfter = 0
        var seenPoint = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            case UInt8(ascii: ".") where !seenPoint:
                seenPoint = true
            default:
                return false
            }
        }
        return digitsBefore > 0 && (!seenPoint || digitsAfter > 0)
    }

    private mutating func append(_ text: String) {
        let needsQuotes = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
        }
        guard needsQuotes else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
