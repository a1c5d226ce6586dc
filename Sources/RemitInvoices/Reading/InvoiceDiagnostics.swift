import RemitCore

/// The problems an invoice export can have, built in one place so their codes and wording stay consistent.
enum InvoiceDiagnostics {
    static func emptyInvoiceNumber(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "invoice.number-missing", "invoice number is empty", at: location,
            hint: "if rows like this are not invoices, add a skip_rows rule with \"empty\": true to the layout")
    }

    static func emptyRequired(_ field: InvoiceField, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: "invoice.required-empty", "\(field.rawValue) is empty", at: location)
    }

    static func emptyCurrency(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "invoice.currency", "currency is empty and the layout has no default_currency", at: location)
    }

    static func badCurrency(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "invoice.currency", "currency '\(value)' is not a three-letter ISO 4217 code", at: location)
    }

    static func badAmount(
        _ field: InvoiceField, _ value: String, failure: NumberFormat.Failure, at location: SourceLocation
    ) -> Diagnostic {
        let problem = failure.outOfRange ? "is not a plausible money amount" : "is not a number"
        let what = value.isEmpty ? "\(field.rawValue) is empty" : "\(field.rawValue) '\(value)' \(problem): \(failure)"
        return Diagnostic(.error, code: "invoice.amount", what, at: location)
    }

    static func badDate(
        _ field: InvoiceField, _ value: String, patterns: [DatePattern], at location: SourceLocation
    ) -> Diagnostic {
        let expected = patterns.map(\.pattern).joined(separator: " or ")
        return Diagnostic(
            .error, code: "invoice.date", "\(field.rawValue) '\(value)' is not a date written \(expected)", at: location
        )
    }

    static func duplicate(_ invoice: Invoice, firstLine: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "invoice.duplicate",
            "invoice '\(invoice.number)' (normalized \(invoice.normalizedNumber)) already appeared on line "
                + "\(firstLine); both rows are kept", at: location)
    }

    static func scientificNotation(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, code: "invoice.number-mangled",
            "invoice number '\(value)' looks like a number a spreadsheet turned into scientific notation; "
                + "its original digits are lost", at: location,
            hint: "export again without opening the file in a spreadsheet, or format the column as text")
    }

    /// `1.23457E+11`: a digit, optional fraction, `E`, optional sign, digits.
    static func looksLikeScientificNotation(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }), e > 0 else {
            return false
        }
        let mantissa = bytes[..<e]
        var exponent = bytes[(e + 1)...]
        if exponent.first == UInt8(ascii: "+") || exponent.first == UInt8(ascii: "-") {
            exponent = exponent.dropFirst()
        }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        guard !exponent.isEmpty, exponent.allSatisfy(isDigit), let first = mantissa.first, isDigit(first) else {
            return false
        }
        let rest = mantissa.dropFirst()
        if rest.isEmpty { return true }
        return rest.first == UInt8(ascii: ".") && rest.count > 1 && rest.dropFirst().allSatisfy(isDigit)
    }
}

extension InvoiceExportBuilder {
    func separatorOverride(_ separator: UInt8, row: CSVRow) -> Diagnostic {
        Diagnostic(
            .warning, code: "invoice.separator-line",
            "the file's first line sets the separator to \(CSVReader.describe(separator)); layout '\(layout.name)' "
                + "says \(CSVReader.describe(layout.separator)); the file's choice is followed",
            at: SourceLocation(file: file, line: row.start.line, column: 1, byteOffset: row.start.byteOffset))
    }

    func noHeader() -> Diagnostic {
        Diagnostic(
            .error, code: "invoice.no-header",
            "the file ends before its header record (the layout '\(layout.name)' skips \(layout.skipLines) "
                + "record(s) first)", at: .wholeFile(file))
    }

    func duplicate(_ invoice: Invoice, firstLine: Int, at location: SourceLocation) -> Diagnostic {
        InvoiceDiagnostics.duplicate(invoice, firstLine: firstLine, at: location)
    }

    func fewerCells(_ row: CSVRow, count: Int, header: HeaderMap) -> Diagnostic {
        let missing = header.names[count...].map { "'\($0)'" }.joined(separator: ", ")
        let last = row.fieldStarts.last ?? row.start
        return Diagnostic(
            .error, code: "invoice.columns",
            "row has \(count) cells but the header has \(header.count); no cells for \(missing)",
            at: SourceLocation(
                file: file, line: last.line, column: last.column, byteOffset: last.byteOffset, segmentIndex: row.index,
                indexUnit: .row))
    }

    func extraCell(_ row: CSVRow, index: Int, value: String, header: HeaderMap) -> Diagnostic {
        let start = row.fieldStarts[index]
        return Diagnostic(
            .error, code: "invoice.columns",
            "row has \(row.fields.count) cells but the header has \(header.count); cell \(index + 1) holds '\(value)'",
            at: SourceLocation(
                file: file, line: start.line, column: start.column, byteOffset: start.byteOffset,
                segmentIndex: row.index, indexUnit: .row),
            hint: "a separator inside an unquoted value splits it; quote such values")
    }
}
