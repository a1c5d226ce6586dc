import RemitCore

/// Builds HTML text in which every piece of data is escaped.
///
/// Markup can only come from string literals (`StaticString`); anything computed goes through `text`,
/// which escapes `& < > " '`, so no input value can open a tag or leave an attribute.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []
    /// Most rows a long table lists; nil for all (see `ReportInput.rowLimit`).
    var rowLimit: Int?

    init() {
        bytes.reserveCapacity(1 << 17)
    }

    /// Appends markup written in the source code.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends data, escaped.
    mutating func text(_ value: String) {
        // Most values need no escaping: append them whole.
        if !value.utf8.contains(where: HTMLWriter.needsEscape) {
            bytes.append(contentsOf: value.utf8)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            // Control characters (NUL, ESC, ...) are not allowed in HTML text: show where they were.
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: bytes.append(contentsOf: "\u{FFFD}".utf8)
            default: bytes.append(byte)
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F:
            return true
        default:
            return false
        }
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// The first rows of `rows` that a long table lists: all of them, or the first `rowLimit`.
    func listed<Rows: Collection>(_ rows: Rows) -> Rows.SubSequence {
        rows.prefix(rowLimit ?? Int.max)
    }

    /// Below a table that `listed` cut short: how many rows it left off, and the output that holds them all.
    mutating func rowsLeftOff(total: Int, everyRowIn output: StaticString) {
        guard let rowLimit, total > rowLimit else { return }
        raw("<p class=\"more\">The first ")
        integer(rowLimit)
        raw(" of ")
        integer(total)
        raw(" rows are listed here (<code>--report-rows</code>); every row is in ")
        raw(output)
        raw(". Counts and totals above cover every row.</p>\n")
    }

    /// `<tag>escaped text</tag>`; `open` is the opening tag with any attributes.
    mutating func element(_ open: StaticString, _ value: String, close: StaticString) {
        raw(open)
        text(value)
        raw(close)
    }

    /// `<td>escaped text</td>`.
    mutating func cell(_ value: String) {
        element("<td>", value, close: "</td>")
    }

    /// A table cell for text that may be empty, showing an en dash then.
    mutating func cell(_ value: String?) {
        if let value, !value.isEmpty { cell(value) } else { raw("<td class=\"none\">\u{2013}</td>") }
    }

    /// A right-aligned cell with one amount per currency, or an en dash when there is no amount at all (a sum
    /// over nothing has no currency to show a zero in).
    mutating func moneyCell(_ values: [Money], class extra: StaticString = "") {
        guard !values.isEmpty else {
            raw("<td class=\"num none")
            raw(extra)
            raw("\">\u{2013}</td>")
            return
        }
        raw("<td class=\"num")
        raw(extra)
        raw("\">")
        money(values)
        raw("</td>")
    }

    /// A right-aligned cell with one amount, or an en dash for none.
    mutating func moneyCell(_ value: Money?) {
        if let value { moneyCell([value]) } else { raw("<td class=\"num none\">\u{2013}</td>") }
    }

    /// A right-aligned cell with a bare amount for a table with a currency column; an amount in any other
    /// currency keeps its code so it cannot pass for one in `currency`.
    mutating func moneyCell(_ value: Money?, in currency: String) {
        guard let value else {
            raw("<td class=\"num none\">\u{2013}</td>")
            return
        }
        guard value.currency == currency else {
            moneyCell([value])
            return
        }
        raw("<td class=\"num\">")
        text(value.formattedAmount)
        raw("</td>")
    }

    mutating func countCell(_ value: Int) {
        raw("<td class=\"num\">")
        integer(value)
        raw("</td>")
    }

    /// Amounts as `1234.50&nbsp;USD`, one per line; `0` when the list is empty.
    mutating func money(_ values: [Money]) {
        if values.isEmpty {
            raw("0")
            return
        }
        for (index, value) in values.enumerated() {
            if index > 0 { raw("<br>") }
            text(value.formattedAmount)
            raw("&nbsp;<span class=\"ccy\">")
            text(value.currency)
            raw("</span>")
        }
    }

    /// A source location as `file:line:col`, with segment and path when known, in a `<td class="loc">`.
    mutating func locationCell(_ location: SourceLocation) {
        raw("<td class=\"loc\">")
        breakableText(HTMLWriter.describe(location))
        raw("</td>")
    }

    /// Data, escaped, with a line-break opportunity (`<wbr>`) after each `/ : | = + ,`: paths, places and
    /// evidence wrap between their parts, never inside a number or a name.
    mutating func breakableText(_ value: String) {
        var piece = Substring(value)
        while let index = piece.firstIndex(where: { "/:|=+,".contains($0) }) {
            text(String(piece[...index]))
            raw("<wbr>")
            piece = piece[piece.index(after: index)...]
        }
        text(String(piece))
    }

    /// `file:line:col segment 12 /Document/...`: how a report cell names a place in an input.
    static func describe(_ location: SourceLocation) -> String {
        var text = location.compilerStyle
        if let segment = location.segmentIndex { text += " segment \(segment)" }
        if let element = location.element { text += " " + element }
        if let path = location.path { text += " " + path }
        return text
    }

    /// A row of the invoice export as `file:line:col row 12`, in a `<td class="loc">`.
    mutating func exportRowCell(_ location: SourceLocation) {
        raw("<td class=\"loc\">")
        breakableText(HTMLWriter.describeExportRow(location))
        raw("</td>")
    }

    /// `file:line:col row 12`: how a report cell names a row of the invoice export.
    ///
    /// The export reader keeps the row's record number where X12 keeps a segment number; a CSV file has
    /// rows, and a row may span lines when a quoted cell holds a line break, so both numbers are shown.
    static func describeExportRow(_ location: SourceLocation) -> String {
        var text = location.compilerStyle
        if let row = location.segmentIndex { text += " row \(row)" }
        if let element = location.element { text += " " + element }
        return text
    }

    /// Hands the text written so far to `file` once it has grown past `threshold` bytes.
    mutating func drain(into file: inout OutputFile, threshold: Int = 1 << 16) throws(SystemCallError) {
        guard bytes.count >= threshold else { return }
        try file.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
