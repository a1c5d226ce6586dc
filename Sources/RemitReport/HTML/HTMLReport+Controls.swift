import RemitCore

extension HTMLReport {
    static func controls(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        html.raw("<section id=\"controls\">\n<h2>2. Control totals and tie-outs</h2>\n")
        html.raw("<h3>2.1 Control totals per input</h3>\n")
        html.raw("<p class=\"explain\">As counted and summed by the parsers while reading each file. Amounts cover ")
        html.raw("accepted transactions; a rejected transaction's lines are counted as rejected.</p>\n")
        countTable(input.files, overall: analysis.overall, into: &html)
        moneyTable(input.files, overall: analysis.overall, into: &html)

        html.raw("<h3>2.2 Tie-outs per input and for the run</h3>\n<p class=\"explain\">")
        html.raw("Each check compares figures summed from different places, so it fails when one of them lost ")
        html.raw("or invented something. <b>lines</b>: lines in (parser) = matched + unmatched (counted in the ")
        html.raw("match table) + rejected. <b>cash</b>: payments total as stated by the payer = lines paid + ")
        html.raw("stated adjustments + imbalances. <b>application</b>: lines paid (parser) = cash applied + ")
        html.raw("cash unapplied (summed from the match table). <b>deductions</b>: deducted (parser and matching ")
        html.raw("control total) = the deduction register. <b>receivables</b>: open amount in the invoice ")
        html.raw("export = applied + discounts + deductions on matched lines + open amount left after the run ")
        html.raw("(listed in 2.4).</p>\n")
        html.raw("<table class=\"tieouts\">\n<thead><tr><th>Scope</th><th>Check</th><th>Left side</th>")
        html.raw("<th>Right side</th><th class=\"num\">Difference</th><th>Result</th></tr></thead>\n<tbody>\n")
        let checks = analysis.tieOuts.filter { $0.check != .invoice }
        for tieOut in html.listed(checks) {
            html.raw(tieOut.ties ? "<tr>" : "<tr class=\"failing\">")
            html.raw("<td class=\"loc\">")
            html.breakableText(tieOut.scope)
            html.raw("</td><td><b>")
            html.text(tieOut.check.rawValue)
            html.raw("</b><br><span class=\"small\">")
            html.text(tieOut.equation)
            html.raw("</span></td><td>")
            term(tieOut.left, into: &html)
            html.raw("</td><td>")
            for part in tieOut.right { term(part, into: &html) }
            html.raw("<div class=\"term total\"><span class=\"label\">total</span><span>")
            value(tieOut.rightTotal, into: &html)
            html.raw("</span></div></td><td class=\"num\">")
            value(tieOut.difference, into: &html)
            html.raw("</td>")
            verdict(tieOut, into: &html)
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: checks.count, everyRowIn: "<code>tie_outs</code> of summary.json")
        try invoiceTieOuts(analysis, into: &html, file: &file)
        try openInvoices(input, analysis, into: &html, file: &file)
        html.raw("</section>\n")
    }

    private static func countTable(_ files: [FileSummary], overall: FileSummary, into html: inout HTMLWriter) {
        html.raw("<table>\n<thead><tr><th>Input</th><th>Format</th><th>Status</th><th class=\"num\">Payments</th>")
        html.raw("<th class=\"num\">Transactions accepted</th><th class=\"num\">Transactions rejected</th>")
        html.raw("<th class=\"num\">Lines in</th><th class=\"num\">Matched</th><th class=\"num\">Unmatched</th>")
        html.raw("<th class=\"num\">Rejected</th><th class=\"num\">Deductions</th><th class=\"num\">Errors</th>")
        html.raw("<th class=\"num\">Warnings</th><th class=\"num\">Notes</th></tr></thead>\n<tbody>\n")
        var counts = DiagnosticCounts()
        for summary in files {
            let fileCounts = DiagnosticCounts(summary.diagnostics)
            counts.add(summary.diagnostics)
            html.raw("<tr>")
            countRow(summary, fileCounts, into: &html)
            html.raw("</tr>\n")
        }
        html.raw("<tr class=\"total\">")
        countRow(overall, counts, into: &html)
        html.raw("</tr>\n</tbody>\n</table>\n")
    }

    private static func countRow(_ summary: FileSummary, _ counts: DiagnosticCounts, into html: inout HTMLWriter) {
        html.raw("<td class=\"loc\">")
        html.breakableText(summary.path)
        html.raw("</td>")
        html.cell(summary.format)
        html.cell(summary.status.rawValue)
        html.countCell(summary.payments)
        html.countCell(summary.transactionsAccepted)
        html.countCell(summary.transactionsRejected)
        html.countCell(summary.linesIn)
        html.countCell(summary.linesMatched)
        html.countCell(summary.linesUnmatched)
        html.countCell(summary.linesRejected)
        html.countCell(summary.deductions)
        html.countCell(counts.errors)
        html.countCell(counts.warnings)
        html.countCell(counts.notes)
    }

    private static func moneyTable(_ files: [FileSummary], overall: FileSummary, into html: inout HTMLWriter) {
        html.raw("<table>\n<thead><tr><th>Input</th><th class=\"num\">Payments total</th>")
        html.raw("<th class=\"num\">Lines paid</th><th class=\"num\">Adjustments</th><th class=\"num\">Imbalances</th>")
        html.raw("<th class=\"num\">Applied</th><th class=\"num\">Unapplied</th><th class=\"num\">Deducted</th>")
        html.raw("</tr></thead>\n<tbody>\n")
        for summary in files {
            html.raw("<tr>")
            moneyRow(summary, into: &html)
            html.raw("</tr>\n")
        }
        html.raw("<tr class=\"total\">")
        moneyRow(overall, into: &html)
        html.raw("</tr>\n")
        html.raw("</tbody>\n</table>\n")
    }

    private static func moneyRow(_ summary: FileSummary, into html: inout HTMLWriter) {
        html.raw("<td class=\"loc\">")
        html.breakableText(summary.path)
        html.raw("</td>")
        let lists = [
            summary.paymentsTotal, summary.linesPaidTotal, summary.adjustmentsTotal, summary.imbalanceTotal,
            summary.appliedTotal, summary.unappliedTotal, summary.deductedTotal,
        ]
        let currencies = MoneyTotals.currencies(of: lists)
        for list in lists { html.moneyCell(MoneyTotals.padded(list, to: currencies)) }
    }

    private static func invoiceTieOuts(_ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        let invoices = analysis.tieOuts.filter { $0.check == .invoice }
        html.raw("<h3>2.3 Tie-out per matched invoice</h3>\n<p class=\"explain\">Open amount in the export = ")
        html.raw("cash applied + discount taken + deductions in the register for the invoice's lines + open ")
        html.raw("after the last line applied to it. ")
        html.integer(invoices.filter(\.ties).count)
        html.raw(" of ")
        html.integer(invoices.count)
        html.raw(" tie.</p>\n")
        guard !invoices.isEmpty else {
            html.raw("<p class=\"none\">No line was matched to an invoice.</p>\n")
            return
        }
        html.raw("<table>\n<thead><tr><th>Invoice</th><th>Export row</th><th class=\"num\">Open before</th>")
        html.raw("<th class=\"num\">Applied</th><th class=\"num\">Discount</th><th class=\"num\">Deducted</th>")
        html.raw("<th class=\"num\">Open after</th><th class=\"num\">Difference</th><th>Result</th></tr></thead>\n")
        html.raw("<tbody>\n")
        for tieOut in html.listed(invoices) {
            html.raw(tieOut.ties ? "<tr>" : "<tr class=\"failing\">")
            html.raw("<td class=\"id\">")
            html.text(tieOut.scope)
            html.raw("</td>")
            if let location = tieOut.location { html.exportRowCell(location) } else { html.cell(nil as String?) }
            valueCell(tieOut.left.value, into: &html)
            for part in tieOut.right { valueCell(part.value, into: &html) }
            valueCell(tieOut.difference, into: &html)
            verdict(tieOut, into: &html)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: invoices.count, everyRowIn: "invoice-tie-outs.jsonl")
    }

    static func verdict(_ tieOut: TieOut, into html: inout HTMLWriter) {
        if tieOut.ties {
            html.raw("<td><span class=\"ties\">ties</span></td>")
        } else if !tieOut.computable {
            html.raw("<td><span class=\"fails\">NOT COMPUTABLE (amount overflow)</span></td>")
        } else {
            html.raw("<td><span class=\"fails\">DOES NOT TIE</span></td>")
        }
    }

    private static func term(_ term: TieOut.Term, into html: inout HTMLWriter) {
        html.raw("<div class=\"term\"><span class=\"label\">")
        html.text(term.label)
        html.raw("</span><span class=\"num\">")
        value(term.value, into: &html)
        html.raw("</span></div>")
    }

    static func value(_ value: TieOut.Value, into html: inout HTMLWriter) {
        switch value {
        case .count(let count): html.integer(count)
        case .money(let amounts): html.money(amounts)
        }
    }

    private static func valueCell(_ value: TieOut.Value, into html: inout HTMLWriter) {
        html.raw("<td class=\"num\">")
        self.value(value, into: &html)
        html.raw("</td>")
    }
}
