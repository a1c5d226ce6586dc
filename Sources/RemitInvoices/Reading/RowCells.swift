import RemitCore

/// One data record of an export, read cell by cell into an `Invoice`.
struct RowCells {
    let row: CSVRow
    /// Trimmed cell texts.
    let cells: [String]
    let header: HeaderMap
    let layout: InvoiceLayout
    let file: String

    /// The trimmed text of `field`'s cell, or nil when the export has no such column.
    func text(_ field: InvoiceField) -> String? {
        guard let index = header.column(of: field), index < cells.count else { return nil }
        return cells[index]
    }

    /// Where `field`'s cell starts, named by its header; the row's start when there is no such cell.
    func location(of field: InvoiceField) -> SourceLocation {
        guard let index = header.column(of: field), index < row.fieldStarts.count else { return rowLocation }
        let start = row.fieldStarts[index]
        return SourceLocation(
            file: file, line: start.line, column: start.column, byteOffset: start.byteOffset, segmentIndex: row.index,
            element: header.names[index], indexUnit: .row)
    }

    var rowLocation: SourceLocation {
        SourceLocation(
            file: file, line: row.start.line, column: 1, byteOffset: row.start.byteOffset, segmentIndex: row.index,
            indexUnit: .row)
    }

    /// The invoice this record describes, or nil with at least one error in `problems`.
    ///
    /// Every unreadable cell is reported, not only the first. Warnings about a readable record (such as an
    /// invoice number Excel has mangled) are added to `problems` too.
    func invoice(problems: inout [Diagnostic]) -> Invoice? {
        let errorsBefore = problems.filter { $0.severity == .error }.count
        let number = text(.invoiceNumber) ?? ""
        if number.isEmpty {
            problems.append(InvoiceDiagnostics.emptyInvoiceNumber(at: location(of: .invoiceNumber)))
        } else if InvoiceDiagnostics.looksLikeScientificNotation(number) {
            problems.append(InvoiceDiagnostics.scientificNotation(number, at: location(of: .invoiceNumber)))
        }
        let currency = readCurrency(problems: &problems)
        let amount = readAmount(.amount, problems: &problems)
        let openAmount = header.column(of: .openAmount) == nil ? amount : readAmount(.openAmount, problems: &problems)
        let invoiceDate = readDate(.invoiceDate, problems: &problems)
        let dueDate = readDate(.dueDate, problems: &problems)
        for field in [InvoiceField.customerID, .customerName, .purchaseOrder, .terms]
        where layout.requiredFields.contains(field) && (text(field) ?? "").isEmpty {
            problems.append(InvoiceDiagnostics.emptyRequired(field, at: location(of: field)))
        }
        guard problems.filter({ $0.severity == .error }).count == errorsBefore, let currency, let amount, let openAmount
        else { return nil }
        return Invoice(
            number: number, normalizedNumber: ReferenceNormalizer.normalize(number),
            customerID: nonEmpty(.customerID), customerName: nonEmpty(.customerName),
            purchaseOrder: nonEmpty(.purchaseOrder), invoiceDate: invoiceDate, dueDate: dueDate,
            amount: Money(amount, currency), openAmount: Money(openAmount, currency), terms: nonEmpty(.terms),
            location: rowLocation)
    }

    private func nonEmpty(_ field: InvoiceField) -> String? {
        guard let value = text(field), !value.isEmpty else { return nil }
        return value
    }

    private func readCurrency(problems: inout [Diagnostic]) -> String? {
        let value = (text(.currency) ?? "").uppercased()
        if value.isEmpty {
            if layout.requiredFields.contains(.currency) {
                problems.append(InvoiceDiagnostics.emptyRequired(.currency, at: location(of: .currency)))
                return nil
            }
            if let fallback = layout.defaultCurrency { return fallback }
            problems.append(InvoiceDiagnostics.emptyCurrency(at: location(of: .currency)))
            return nil
        }
        guard Currency.isWellFormed(value) else {
            problems.append(InvoiceDiagnostics.badCurrency(text(.currency) ?? "", at: location(of: .currency)))
            return nil
        }
        return value
    }

    private func readAmount(_ field: InvoiceField, problems: inout [Diagnostic]) -> FixedDecimal? {
        let value = text(field) ?? ""
        do {
            return try layout.numbers.parse(value)
        } catch {
            problems.append(InvoiceDiagnostics.badAmount(field, value, failure: error, at: location(of: field)))
            return nil
        }
    }

    private func readDate(_ field: InvoiceField, problems: inout [Diagnostic]) -> CalendarDate? {
        guard let value = text(field), !value.isEmpty else {
            if layout.requiredFields.contains(field) {
                problems.append(InvoiceDiagnostics.emptyRequired(field, at: location(of: field)))
            }
            return nil
        }
        for pattern in layout.dateFormats {
            if let date = pattern.parse(value) { return date }
        }
        problems.append(InvoiceDiagnostics.badDate(field, value, patterns: layout.dateFormats, at: location(of: field)))
        return nil
    }
}
