import RemitCore

/// Which column of an export holds each invoice field, found by matching the header record against the
/// layout's spellings.
struct HeaderMap {
    /// Header cells as written, trimmed.
    let names: [String]
    private let normalized: [String]
    let indices: [InvoiceField: Int]
    /// `indices` as an array by `InvoiceField.ordinal`, read once per cell.
    private let columnByOrdinal: [Int?]

    /// Maps `row`'s cells to fields.
    ///
    /// - Parameter notes: receives a note for each optional field without a column and a warning for each
    ///   field whose header appears twice.
    /// - Throws: `Diagnostic` (code `invoice.header`) naming every required field without a column and the
    ///   spellings looked for.
    init(row: CSVRow, layout: InvoiceLayout, file: String, notes: inout [Diagnostic]) throws(Diagnostic) {
        names = row.fields.map { $0.trimmingWhitespace() }
        normalized = names.map(HeaderName.normalize)
        var indices: [InvoiceField: Int] = [:]
        var missing: [String] = []
        let location = SourceLocation(
            file: file, line: row.start.line, column: 1, byteOffset: row.start.byteOffset, segmentIndex: row.index,
            indexUnit: .row)
        for field in InvoiceField.allCases {
            let spellings = layout.columns[field] ?? []
            let required =
                layout.requiredFields.contains(field)
                || (field == .currency && layout.defaultCurrency == nil)
            guard let (index, spelling) = HeaderMap.firstMatch(spellings, in: normalized) else {
                let lookedFor = spellings.map { "\"\($0)\"" }.joined(separator: ", ")
                if required {
                    missing.append("\(field.rawValue) (looked for \(lookedFor.isEmpty ? "nothing" : lookedFor))")
                } else if !spellings.isEmpty {
                    let consequence =
                        field == .currency
                        ? "amounts are taken to be in \(layout.defaultCurrency ?? "")"
                        : field == .openAmount ? "open amounts equal amounts" : "its values stay empty"
                    notes.append(
                        Diagnostic(
                            .note, code: "invoice.column-absent",
                            "no column for \(field.rawValue) (looked for \(lookedFor)); \(consequence)",
                            at: location))
                }
                continue
            }
            indices[field] = index
            if let again = normalized[(index + 1)...].firstIndex(of: spelling) {
                notes.append(
                    Diagnostic(
                        .warning, code: "invoice.header-repeated",
                        "columns \(index + 1) and \(again + 1) are both headed '\(names[index])'; "
                            + "\(field.rawValue) is read from column \(index + 1)",
                        at: location.element(names[index])))
            }
        }
        if !missing.isEmpty {
            let found = names.map { "\"\($0)\"" }.joined(separator: ", ")
            throw Diagnostic(
                .error, code: "invoice.header",
                "header on line \(row.start.line) has no column for " + missing.joined(separator: "; ")
                    + "; its cells are \(found)",
                at: location,
                hint: "check skip_lines (now \(layout.skipLines)) and the spellings under columns in layout "
                    + "'\(layout.name)'" + (layout.source.isEmpty ? "" : " (\(layout.source))"))
        }
        self.indices = indices
        columnByOrdinal = InvoiceField.allCases.map { indices[$0] }
    }

    /// The column holding `field`, or nil when the export has none.
    func column(of field: InvoiceField) -> Int? { columnByOrdinal[field.ordinal] }

    var count: Int { names.count }

    /// The first column headed by one of `spellings`.
    func index(ofAny spellings: [String]) -> Int? {
        HeaderMap.firstMatch(spellings, in: normalized)?.index
    }

    /// The column of the first spelling (in the layout's order of preference) that some header cell has.
    private static func firstMatch(_ spellings: [String], in normalized: [String]) -> (index: Int, spelling: String)? {
        for spelling in spellings {
            let key = HeaderName.normalize(spelling)
            if let index = normalized.firstIndex(of: key) { return (index, key) }
        }
        return nil
    }
}
