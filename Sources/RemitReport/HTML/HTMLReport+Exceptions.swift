import RemitCore
import RemitMatch

extension HTMLReport {
    static func exceptions(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        let matches = input.reconciliation.matches
        html.raw("<section id=\"exceptions\">\n<h2>4. Exceptions</h2>\n")
        html.raw("<p class=\"explain\">Everything that needs a person: checks that fail, cash that was not applied ")
        html.raw("or not fully explained, deductions taken against no invoice, transactions set aside, and every ")
        html.raw("diagnostic, each with the place in the input it comes from.</p>\n")

        let failures = analysis.failures
        html.raw("<h3>4.1 Tie-outs that do not tie (")
        html.integer(failures.count)
        html.raw(")</h3>\n")
        if failures.isEmpty {
            html.raw("<p class=\"none\">None: every tie-out ties.</p>\n")
        } else {
            html.raw("<table>\n<thead><tr><th>Scope</th><th>Check</th><th class=\"num\">Difference</th>")
            html.raw("<th>Result</th></tr></thead>\n<tbody>\n")
            for tieOut in html.listed(failures) {
                html.raw("<tr class=\"failing\"><td class=\"loc\">")
                html.breakableText(tieOut.scope)
                html.raw("</td><td>")
                html.text(tieOut.equation)
                html.raw("</td><td class=\"num\">")
                value(tieOut.difference, into: &html)
                html.raw("</td>")
                verdict(tieOut, into: &html)
                html.raw("</tr>\n")
                try html.drain(into: &file)
            }
            html.raw("</tbody>\n</table>\n")
            html.rowsLeftOff(total: failures.count, everyRowIn: "<code>tie_outs</code> of summary.json")
        }

        let unmatched = matches.filter { $0.outcome == .unmatched }
        html.raw("<h3>4.2 Unmatched lines (")
        html.integer(unmatched.count)
        html.raw(")</h3>\n")
        try lineTable(unmatched, columns: [.why], into: &html, file: &file)

        let overpaid = matches.filter { $0.outcome == .overpaid }
        html.raw("<h3>4.3 Overpayments (")
        html.integer(overpaid.count)
        html.raw(")</h3>\n")
        try lineTable(overpaid, columns: [.invoice, .openBefore, .unapplied], into: &html, file: &file)

        let shortPaid = matches.filter { $0.outcome == .shortPaid }
        html.raw("<h3>4.4 Short pays (")
        html.integer(shortPaid.count)
        html.raw(")</h3>\n")
        // The written-off and unearned-discount columns show only when some line has one, so runs without
        // tolerances or late discounts read as before.
        let writeOffs: [LineColumn] = shortPaid.contains { !$0.writtenOff.isZero } ? [.writtenOff] : []
        let unearned: [LineColumn] = shortPaid.contains { !$0.unearnedDiscount.isZero } ? [.unearnedDiscount] : []
        try lineTable(
            shortPaid, columns: [.invoice, .openBefore] + unearned + [.stated, .unexplained] + writeOffs,
            into: &html, file: &file)

        try unattachedDeductions(analysis.deductionPlacement.unattached, into: &html, file: &file)
        try transactions(input.files, into: &html, file: &file)
        try diagnostics(input, analysis, into: &html, file: &file)
        try findings(input.reconciliation.findings, into: &html, file: &file)
        html.raw("</section>\n")
    }

    /// Optional columns of an exception table of lines.
    private enum LineColumn {
        case why, invoice, openBefore, unearnedDiscount, stated, unexplained, writtenOff, unapplied
    }

    /// The evidence that says why a line matched no invoice: the `reason`, then what backs it.
    private static let whyUnmatched = [
        "belongs_to", "invoices", "invoice_currency", "suggested", "sets", "duplicate_of_payment", "duplicate_source",
    ]

    private static func lineTable(
        _ matches: [LineMatch], columns: [LineColumn], into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        guard !matches.isEmpty else {
            html.raw("<p class=\"none\">None.</p>\n")
            return
        }
        html.raw("<table>\n<thead><tr><th>Line</th><th>Reference</th><th>Payer</th>")
        for column in columns {
            switch column {
            case .why: html.raw("<th>Why unmatched</th>")
            case .invoice: html.raw("<th>Invoice</th>")
            case .openBefore: html.raw("<th class=\"num\">Open before</th>")
            case .unearnedDiscount: html.raw("<th class=\"num\">Unearned discount</th>")
            case .stated: html.raw("<th class=\"num\">Stated deductions</th>")
            case .unexplained: html.raw("<th class=\"num\">Unexplained</th>")
            case .writtenOff: html.raw("<th class=\"num\">Written off</th>")
            case .unapplied: html.raw("<th class=\"num\">Unapplied</th>")
            }
        }
        html.raw("<th class=\"num\">Paid</th><th>Source</th></tr></thead>\n<tbody>\n")
        for match in html.listed(matches) {
            html.raw("<tr><td class=\"id\">")
            html.text(match.line.id)
            html.raw("</td>")
            html.cell(match.line.reference)
            html.cell(match.line.payer.displayName)
            for column in columns {
                switch column {
                case .why: why(match, into: &html)
                case .invoice: html.cell(match.invoice?.number)
                case .openBefore: html.moneyCell(match.openBefore)
                case .unearnedDiscount: html.moneyCell(match.unearnedDiscount)
                case .stated: html.moneyCell(match.statedDeductions)
                case .unexplained: html.moneyCell(match.unexplained)
                case .writtenOff: html.moneyCell(match.writtenOff)
                case .unapplied: html.moneyCell(match.unapplied)
                }
            }
            html.moneyCell(match.line.amountPaid)
            html.locationCell(match.line.provenance.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: matches.count, everyRowIn: "matches.csv")
    }

    /// The matcher's `reason=` for an unmatched line, with `belongs_to=` and the like under it.
    private static func why(_ match: LineMatch, into html: inout HTMLWriter) {
        let reason = match.evidence.first { $0.name == "reason" }?.value
        let backing = match.evidence.filter { whyUnmatched.contains($0.name) }
        guard reason != nil || !backing.isEmpty else {
            html.cell(nil as String?)
            return
        }
        html.raw("<td class=\"wrap\">")
        if let reason { html.text(reason) }
        for (index, evidence) in backing.enumerated() {
            if reason != nil || index > 0 { html.raw("<br>") }
            html.raw("<span class=\"small\">")
            html.breakableText(evidence.description)
            html.raw("</span>")
        }
        html.raw("</td>")
    }

    private static func transactions(_ files: [FileSummary], into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        let count = files.reduce(0) { $0 + $1.transactionExceptions.count }
        html.raw("<h3>4.6 Transactions rejected or out of balance (")
        html.integer(count)
        html.raw(")</h3>\n")
        guard count > 0 else {
            html.raw("<p class=\"none\">None.</p>\n")
            return
        }
        html.raw("<table>\n<thead><tr><th>Transaction</th><th>Kind</th><th>Status</th><th>Payment</th>")
        html.raw("<th class=\"num\">Stated total</th><th class=\"num\">Lines</th><th class=\"num\">Adjustments</th>")
        html.raw("<th class=\"num\">Imbalance</th><th>Source</th></tr></thead>\n<tbody>\n")
        let exceptions = files.flatMap(\.transactionExceptions)
        for transaction in html.listed(exceptions) {
            html.raw("<tr><td class=\"id\">")
            html.text(transaction.transactionID)
            html.raw("</td>")
            html.cell(transaction.kind)
            html.cell(transaction.status.rawValue)
            html.cell(transaction.paymentID)
            html.moneyCell(transaction.statedTotal)
            html.moneyCell(transaction.linesTotal)
            html.moneyCell(transaction.adjustmentsTotal)
            html.moneyCell(transaction.imbalance)
            html.locationCell(transaction.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(
            total: exceptions.count, everyRowIn: "<code>transaction_exceptions</code> of each file in summary.json")
    }

    private static func diagnostics(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        let counts = analysis.diagnosticCounts
        html.raw("<h3>4.7 Diagnostics (")
        html.integer(counts.errors)
        html.raw(counts.errors == 1 ? " error, " : " errors, ")
        html.integer(counts.warnings)
        html.raw(counts.warnings == 1 ? " warning, " : " warnings, ")
        html.integer(counts.notes)
        html.raw(counts.notes == 1 ? " note)</h3>\n" : " notes)</h3>\n")
        guard counts.total > 0 else {
            html.raw("<p class=\"none\">None.</p>\n")
            return
        }
        let sources =
            input.files.map { ($0.path, $0.diagnostics) }
            + [(input.invoiceExport.path, input.invoiceExport.diagnostics)]
        for (path, diagnostics) in sources where !diagnostics.isEmpty {
            html.raw("<p><b>")
            html.text(path)
            html.raw("</b></p>\n<ul class=\"diagnostics\">\n")
            for diagnostic in diagnostics.listed {
                switch diagnostic.severity {
                case .error: html.raw("<li class=\"error\">")
                case .warning: html.raw("<li class=\"warning\">")
                case .note: html.raw("<li class=\"note\">")
                }
                html.text(diagnostic.description)
                html.raw(" <span class=\"ccy\">[")
                html.text(diagnostic.code)
                html.raw("]</span></li>\n")
                try html.drain(into: &file)
            }
            notListed(diagnostics, into: &html)
            html.raw("</ul>\n")
        }
    }

    /// 4.8: invoices paid twice, payments read twice, deductions announced twice, as matching found them.
    private static func findings(_ findings: [MatchFinding], into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        html.raw("<h3>4.8 Duplicates found by matching (")
        html.integer(findings.count)
        html.raw(")</h3>\n")
        guard !findings.isEmpty else {
            html.raw("<p class=\"none\">None.</p>\n")
            return
        }
        html.raw("<table>\n<thead><tr><th>Kind</th><th>Subject</th><th>Records</th><th>Detail</th></tr></thead>\n")
        html.raw("<tbody>\n")
        for finding in html.listed(findings) {
            html.raw("<tr>")
            html.cell(finding.kind.rawValue)
            html.cell(finding.subject)
            html.cell(finding.ids.joined(separator: ", "))
            html.cell(finding.detail)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: findings.count, everyRowIn: "<code>findings</code> of summary.json")
    }

    /// `… and 4999000 more problems (4999000 warnings) not listed; …`, after the ones listed.
    private static func notListed(_ diagnostics: DiagnosticList, into html: inout HTMLWriter) {
        guard diagnostics.notListed > 0 else { return }
        let rest = diagnostics.notListedBySeverity
        let parts = [(rest.errors, "error"), (rest.warnings, "warning"), (rest.notes, "note")]
            .filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)" + ($0.0 == 1 ? "" : "s") }
        html.raw(rest.errors > 0 ? "<li class=\"error\">" : rest.warnings > 0 ? "<li class=\"warning\">" : "<li>")
        html.text(
            "… and \(diagnostics.notListed) more " + (diagnostics.notListed == 1 ? "problem" : "problems")
                + " (" + parts.joined(separator: ", ") + ") not listed: only the first \(diagnostics.limit) of "
                + "a file are kept. They are counted above; remit printed every error and warning on stderr "
                + "as it found it.")
        html.raw("</li>\n")
    }
}
