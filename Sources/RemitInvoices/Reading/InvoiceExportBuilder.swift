import RemitCore

/// Turns the events of a `CSVReader` into an `InvoiceExport`, one record at a time.
///
/// Used by `InvoiceExportReader`; public so a caller that gets bytes some other way can feed them itself.
public struct InvoiceExportBuilder {
    public let layout: InvoiceLayout
    public let file: String
    private let skipRules: [CompiledSkipRule]
    private var header: HeaderMap?
    private var export: InvoiceExport
    /// Normalized invoice number to the line of its first row, for duplicate warnings.
    private var firstSeen: [String: Int] = [:]
    private var skipPositions: [String: Int] = [:]
    private var titleLinesSkipped = 0
    private let onDiagnostic: (Diagnostic) -> Void

    struct CompiledSkipRule {
        var rule: SkipRule
        var regex: Regex<AnyRegexOutput>?
    }

    /// - Parameter onDiagnostic: called with each diagnostic as it is found, before the export keeps or
    ///   only counts it.
    /// - Throws: `Diagnostic` (code `layout.field`) when a skip rule's pattern is not a regular expression;
    ///   only possible for layouts built in code, since `InvoiceLayout.load` checks them.
    public init(
        layout: InvoiceLayout, file: String, onDiagnostic: @escaping (Diagnostic) -> Void = { _ in }
    ) throws(Diagnostic) {
        self.layout = layout
        self.file = file
        self.onDiagnostic = onDiagnostic
        export = InvoiceExport(file: file, layoutName: layout.name)
        var compiled: [CompiledSkipRule] = []
        for (index, rule) in layout.skipRules.enumerated() {
            guard case .matches(let pattern) = rule.condition else {
                compiled.append(CompiledSkipRule(rule: rule, regex: nil))
                continue
            }
            do {
                compiled.append(CompiledSkipRule(rule: rule, regex: try Regex(pattern)))
            } catch {
                throw Diagnostic(
                    .error, code: "layout.field",
                    "layout field 'skip_rows[\(index)].matches' is not a valid regular expression: \(error)",
                    at: SourceLocation.wholeFile(layout.source.isEmpty ? layout.name : layout.source))
            }
        }
        skipRules = compiled
    }

    /// Takes one event from the CSV reader.
    ///
    /// - Throws: `Diagnostic` (code `invoice.header`) when the header lacks a required column; reading
    ///   cannot go on then.
    public mutating func handle(_ event: CSVReader.Event) throws(Diagnostic) {
        switch event {
        case .diagnostic(let diagnostic):
            found(diagnostic)
        case .separatorLine(let separator, let row):
            export.recordsBeforeHeader += 1
            if separator != layout.separator {
                found(separatorOverride(separator, row: row))
            }
        case .row(let row):
            if header != nil {
                readDataRow(row)
            } else if titleLinesSkipped < layout.skipLines {
                titleLinesSkipped += 1
                export.recordsBeforeHeader += 1
            } else {
                var notes: [Diagnostic] = []
                header = try HeaderMap(row: row, layout: layout, file: file, notes: &notes)
                notes.forEach { found($0) }
                export.headerLine = row.start.line
            }
        }
    }

    /// Ends the export.
    ///
    /// - Parameter bytesRead: the file's size, recorded in the result.
    /// - Throws: `Diagnostic` (code `invoice.no-header`) when the file ended before its header.
    public func finish(bytesRead: Int64) throws(Diagnostic) -> InvoiceExport {
        guard header != nil else { throw noHeader() }
        var result = export
        result.bytesRead = bytesRead
        return result
    }

    // MARK: - Rows

    private mutating func readDataRow(_ row: CSVRow) {
        export.rowsRead += 1
        // The CSV reader has already reported what is wrong with a malformed record.
        if row.isMalformed {
            export.rowsRejected += 1
            return
        }
        let cells = row.fields.map { $0.trimmingWhitespace() }
        if cells.allSatisfy(\.isEmpty) {
            skip(reason: "blank row")
            return
        }
        if let rule = firstMatchingRule(cells) {
            skip(reason: rule.reason)
            return
        }
        guard let header else { return }
        if let problem = columnCountProblem(row, cells: cells, header: header) {
            found(problem)
            export.rowsRejected += 1
            return
        }
        var problems: [Diagnostic] = []
        let reader = RowCells(row: row, cells: cells, header: header, layout: layout, file: file)
        guard let invoice = reader.invoice(problems: &problems) else {
            problems.forEach { found($0) }
            export.rowsRejected += 1
            return
        }
        problems.forEach { found($0) }
        if let firstLine = firstSeen[invoice.normalizedNumber] {
            found(duplicate(invoice, firstLine: firstLine, at: reader.location(of: .invoiceNumber)))
        } else {
            firstSeen[invoice.normalizedNumber] = row.start.line
        }
        export.invoices.append(invoice)
    }

    /// Passes `diagnostic` on as it is found, and keeps or counts it in the export.
    private mutating func found(_ diagnostic: Diagnostic) {
        onDiagnostic(diagnostic)
        export.diagnostics.append(diagnostic)
    }

    private mutating func skip(reason: String) {
        if let position = skipPositions[reason] {
            export.skipped[position].count += 1
        } else {
            skipPositions[reason] = export.skipped.count
            export.skipped.append(SkipCount(reason: reason, count: 1))
        }
    }

    private func firstMatchingRule(_ cells: [String]) -> SkipRule? {
        guard let header else { return nil }
        for compiled in skipRules {
            let candidates: [String]
            switch compiled.rule.target {
            case .field(let field):
                guard let index = header.column(of: field) else { continue }
                candidates = [index < cells.count ? cells[index] : ""]
            case .header(let spellings):
                guard let index = header.index(ofAny: spellings) else { continue }
                candidates = [index < cells.count ? cells[index] : ""]
            case .anyCell:
                candidates = cells
            }
            let hit: Bool
            if let regex = compiled.regex {
                hit = candidates.contains { $0.contains(regex) }
            } else {
                hit = candidates.contains { $0.isEmpty }
            }
            if hit, let field = compiled.rule.onlyIfEmpty, let index = header.column(of: field), index < cells.count,
                !cells[index].isEmpty
            {
                continue
            }
            if hit { return compiled.rule }
        }
        return nil
    }

    private func columnCountProblem(_ row: CSVRow, cells: [String], header: HeaderMap) -> Diagnostic? {
        if cells.count < header.count {
            return fewerCells(row, count: cells.count, header: header)
        }
        if cells.count > header.count, let extra = cells[header.count...].firstIndex(where: { !$0.isEmpty }) {
            return extraCell(row, index: extra, value: cells[extra], header: header)
        }
        return nil
    }
}
