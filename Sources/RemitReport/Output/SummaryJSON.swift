import RemitCore
import RemitMatch

/// `summary.json`: the manifest, control totals, tie-outs and breakdowns as one JSON object.
///
/// Money is always an object `{"amount":"12.50","currency":"USD"}` and totals are arrays of them, one per
/// currency in currency order. Keys are written in a fixed order. The object is built in memory (its size
/// grows with the number of files, diagnostics and matched invoices, not with the number of lines).
enum SummaryJSON {
    static let formatVersion = 1

    static func write(_ input: ReportInput, _ analysis: ReportAnalysis, to file: inout OutputFile)
        throws(SystemCallError)
    {
        var writer = JSONWriter(reservingCapacity: 1 << 16)
        writer.beginObject()
        writer.field("format", "remit-summary")
        writer.field("format_version", formatVersion)
        manifest(input.manifest, into: &writer)
        writer.field("all_tie", analysis.allTie)
        writer.key("files")
        writer.beginArray()
        for summary in input.files {
            fileSummary(summary, includeDiagnostics: true, into: &writer)
        }
        writer.endArray()
        writer.key("overall")
        fileSummary(analysis.overall, includeDiagnostics: false, into: &writer)
        invoiceExport(input.invoiceExport, into: &writer)
        // One tie-out per matched invoice is in invoice-tie-outs.jsonl (a million of them at a million lines);
        // those that do not tie are here too, beside the checks per input and for the run.
        writer.key("tie_outs")
        writer.beginArray()
        for tieOut in analysis.tieOuts where tieOut.check != .invoice || !tieOut.ties {
            self.tieOut(tieOut, into: &writer)
        }
        writer.endArray()
        let invoices = analysis.tieOuts.filter { $0.check == .invoice }
        writer.key("invoice_tie_outs")
        writer.beginObject()
        writer.field("count", invoices.count)
        writer.field("tie", invoices.filter(\.ties).count)
        writer.field("file", "invoice-tie-outs.jsonl")
        writer.endObject()
        outcomes(analysis.outcomes, into: &writer)
        deductions(input.reconciliation.deductions, analysis, into: &writer)
        openDeductions(analysis.deductionAging, into: &writer)
        announcements(input.announcements, into: &writer)
        writer.key("open_invoices")
        writer.beginObject()
        writer.field("count", input.reconciliation.openInvoices.count)
        writer.moneyList("remaining", analysis.openRemaining)
        writer.endObject()
        cash(input, into: &writer)
        matching(input.reconciliation, analysis, into: &writer)
        writer.diagnosticCounts("diagnostics", analysis.diagnosticCounts)
        writer.field("diagnostics_not_listed", analysis.diagnosticCounts.notListed)
        writer.endObject()
        writer.newline()
        try file.write(writer.bytes)
    }

    private static func manifest(_ manifest: RunManifest, into writer: inout JSONWriter) {
        writer.key("manifest")
        writer.beginObject()
        writer.field("remit_version", manifest.remitVersion)
        writer.field("run_time", manifest.runTime)
        writer.key("options")
        writer.beginArray()
        for option in manifest.options { writer.string(option) }
        writer.endArray()
        writer.key("inputs")
        writer.beginArray()
        for input in manifest.inputs {
            writer.beginObject()
            writer.field("path", input.path)
            writer.field("role", input.role)
            writer.field("size", Int(input.size))
            writer.field("sha256", input.sha256)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private static func fileSummary(_ summary: FileSummary, includeDiagnostics: Bool, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("path", summary.path)
        writer.field("format", summary.format)
        writer.field("sha256", summary.sha256)
        writer.field("size", Int(summary.size))
        writer.field("status", summary.status.rawValue)
        writer.field("payments", summary.payments)
        writer.field("lines_in", summary.linesIn)
        writer.field("lines_matched", summary.linesMatched)
        writer.field("lines_unmatched", summary.linesUnmatched)
        writer.field("lines_rejected", summary.linesRejected)
        writer.field("lines_tie_out", summary.linesTieOut)
        writer.field("deductions", summary.deductions)
        writer.field("bank_transactions", summary.bankTransactions)
        writer.field("transactions_accepted", summary.transactionsAccepted)
        writer.field("transactions_rejected", summary.transactionsRejected)
        writer.moneyList("payments_total", summary.paymentsTotal)
        writer.moneyList("lines_paid_total", summary.linesPaidTotal)
        writer.moneyList("adjustments_total", summary.adjustmentsTotal)
        writer.moneyList("imbalance_total", summary.imbalanceTotal)
        writer.moneyList("applied_total", summary.appliedTotal)
        writer.moneyList("unapplied_total", summary.unappliedTotal)
        writer.moneyList("deducted_total", summary.deductedTotal)
        if includeDiagnostics {
            diagnostics(summary.diagnostics, into: &writer)
            writer.key("transaction_exceptions")
            writer.beginArray()
            for transaction in summary.transactionExceptions { writer.transactionSummary(transaction) }
            writer.endArray()
        }
        writer.endObject()
    }

    private static func invoiceExport(_ export: InvoiceExportSummary, into writer: inout JSONWriter) {
        writer.key("invoice_export")
        writer.beginObject()
        writer.field("path", export.path)
        writer.field("layout", export.layout)
        writer.field("rows_read", export.rowsRead)
        writer.field("rows_skipped", export.rowsSkipped)
        writer.field("rows_rejected", export.rowsRejected)
        writer.field("invoices", export.invoices)
        writer.moneyList("open_total", export.openTotal)
        diagnostics(export.diagnostics, into: &writer)
        writer.endObject()
    }

    /// `"diagnostic_counts":{…},"diagnostics":[…],"diagnostics_not_listed":N`: the counts cover every
    /// diagnostic, the array only the first ones kept.
    private static func diagnostics(_ list: DiagnosticList, into writer: inout JSONWriter) {
        writer.diagnosticCounts("diagnostic_counts", DiagnosticCounts(list))
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in list.listed { writer.diagnostic(diagnostic) }
        writer.endArray()
        writer.field("diagnostics_not_listed", list.notListed)
    }

    /// `{"check":…,"scope":…,"equation":…,"ties":…,"left":{…},"right":[…],"right_total":{…},"difference":{…}}`.
    /// `invoice-tie-outs.jsonl`: the tie-out of every matched invoice, one object per line, as in `tie_outs`.
    static func writeInvoiceTieOuts(_ analysis: ReportAnalysis, to file: inout OutputFile) throws(SystemCallError) {
        var writer = JSONWriter()
        for tieOut in analysis.tieOuts where tieOut.check == .invoice {
            self.tieOut(tieOut, into: &writer)
            writer.newline()
            try file.write(writer.bytes)
            writer.removeAll()
        }
    }

    private static func tieOut(_ tieOut: TieOut, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("check", tieOut.check.rawValue)
        writer.field("scope", tieOut.scope)
        if let location = tieOut.location { writer.location("location", location) }
        writer.field("equation", tieOut.equation)
        writer.field("ties", tieOut.ties)
        if !tieOut.computable { writer.field("not_computable", "amount overflow") }
        writer.key("left")
        term(tieOut.left.label, tieOut.left.value, into: &writer)
        writer.key("right")
        writer.beginArray()
        for part in tieOut.right { term(part.label, part.value, into: &writer) }
        writer.endArray()
        writer.key("right_total")
        term(nil, tieOut.rightTotal, into: &writer)
        writer.key("difference")
        term(nil, tieOut.difference, into: &writer)
        writer.endObject()
    }

    /// `{"label":…,"count":3}` or `{"label":…,"amounts":[…]}`.
    private static func term(_ label: String?, _ value: TieOut.Value, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("label", label)
        switch value {
        case .count(let count): writer.field("count", count)
        case .money(let amounts): writer.moneyList("amounts", amounts)
        }
        writer.endObject()
    }

    private static func outcomes(_ outcomes: [OutcomeSummary], into writer: inout JSONWriter) {
        writer.key("outcomes")
        writer.beginArray()
        for outcome in outcomes {
            writer.beginObject()
            writer.field("outcome", outcome.outcome.rawValue)
            writer.field("count", outcome.count)
            writer.moneyList("paid", outcome.paid)
            writer.moneyList("applied", outcome.applied)
            writer.moneyList("unapplied", outcome.unapplied)
            writer.moneyList("deducted", outcome.deducted)
            writer.endObject()
        }
        writer.endArray()
    }

    private static func deductions(
        _ deductions: [Deduction], _ analysis: ReportAnalysis,
        into writer: inout JSONWriter
    ) {
        writer.key("deductions")
        writer.beginObject()
        writer.field("count", deductions.count)
        writer.moneyList("total", MoneyTotals(deductions.map(\.amount)).values)
        writer.key("by_category")
        writer.beginArray()
        for group in analysis.deductionsByCategory {
            writer.beginObject()
            writer.field("category", group.key)
            writer.field("count", group.count)
            writer.moneyList("amounts", group.amounts)
            writer.endObject()
        }
        writer.endArray()
        writer.key("by_payer")
        writer.beginArray()
        for group in analysis.deductionsByPayer {
            writer.beginObject()
            writer.field("payer", group.key)
            writer.field("payer_id", group.id)
            writer.field("count", group.count)
            writer.moneyList("amounts", group.amounts)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// How many lines each decision got, how many (and how much) were applied automatically, and the
    /// duplicates matching found.
    private static func matching(
        _ reconciliation: Reconciliation, _ analysis: ReportAnalysis, into writer: inout JSONWriter
    ) {
        let matches = reconciliation.matches
        writer.key("decisions")
        writer.beginObject()
        writer.field("applied", matches.filter { $0.decision == .applied }.count)
        writer.field("suggested", matches.filter { $0.decision == .suggested }.count)
        writer.field("none", matches.filter { $0.decision == .none }.count)
        writer.endObject()
        autoMatch(analysis.autoMatch, into: &writer)
        writer.key("findings")
        writer.beginArray()
        for finding in reconciliation.findings {
            writer.beginObject()
            writer.field("kind", finding.kind.rawValue)
            writer.field("subject", finding.subject)
            writer.key("ids")
            writer.beginArray()
            for id in finding.ids { writer.string(id) }
            writer.endArray()
            writer.field("detail", finding.detail)
            writer.endObject()
        }
        writer.endArray()
    }
}
