import RemitCore
import RemitMatch

/// `report.html`: the page an auditor reads, self-contained (inline CSS, no scripts, nothing fetched).
///
/// Sections, in order: run manifest; control totals and tie-outs; deductions by category, payer and age;
/// exceptions with their source locations; the match table; the deduction register; cash (bank credits
/// paired with remittances); review and sign-off.
/// Every value from an input is escaped; amounts are exact decimals with the currency's minor digits.
enum HTMLReport {
    static func write(_ input: ReportInput, _ analysis: ReportAnalysis, to file: inout OutputFile)
        throws(SystemCallError)
    {
        var html = HTMLWriter()
        html.rowLimit = input.rowLimit
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta name=\"generator\" content=\"Remit ")
        html.text(input.manifest.remitVersion)
        html.raw("\">\n<title>Reconciliation report ")
        html.text(input.manifest.runTime)
        html.raw("</title>\n<style>\n")
        html.raw(styleSheet)
        html.raw("\n</style>\n</head>\n<body>\n")
        header(input, analysis, into: &html)
        manifest(input, into: &html)
        try controls(input, analysis, into: &html, file: &file)
        try deductionBreakdown(input, analysis, into: &html, file: &file)
        try exceptions(input, analysis, into: &html, file: &file)
        try matchTable(input, analysis, into: &html, file: &file)
        try deductionRegister(input, into: &html, file: &file)
        try announcementSection(input, into: &html, file: &file)
        try cash(input, into: &html, file: &file)
        signOff(input, into: &html)
        html.raw("</body>\n</html>\n")
        try file.write(html.bytes)
    }

    private static func header(_ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter) {
        let manifest = input.manifest
        html.raw("<header>\n<h1>Remittance reconciliation report</h1>\n<p class=\"meta\">Remit ")
        html.text(manifest.remitVersion)
        html.raw(" &middot; run time ")
        html.text(manifest.runTime)
        html.raw(" &middot; ")
        html.integer(input.files.count)
        html.raw(input.files.count == 1 ? " remittance input" : " remittance inputs")
        html.raw(" &middot; invoice export ")
        html.text(input.invoiceExport.path)
        html.raw("</p>\n")
        let failures = analysis.failures.count
        let total = analysis.tieOuts.count
        if failures == 0 {
            html.raw("<p class=\"verdict ok\">All ")
            html.integer(total)
            html.raw(" tie-outs tie.</p>\n")
        } else {
            html.raw("<p class=\"verdict fail\">")
            html.integer(failures)
            html.raw(" of ")
            html.integer(total)
            html.raw(" tie-outs DO NOT TIE. They are listed in section 4.1 and marked in section 2.</p>\n")
        }
        atAGlance(input, analysis, into: &html)
        html.raw(
            """
            <nav><ol>
            <li><a href="#manifest">Run manifest</a></li>
            <li><a href="#controls">Control totals and tie-outs</a></li>
            <li><a href="#deductions">Deductions by category, payer and age</a></li>
            <li><a href="#exceptions">Exceptions</a></li>
            <li><a href="#matches">Match table</a></li>
            <li><a href="#register">Deduction register</a></li>
            <li><a href="#cash">Cash</a></li>
            <li><a href="#signoff">Review and sign-off</a></li>
            </ol></nav>
            </header>

            """)
    }

    private static func atAGlance(_ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter) {
        let overall = analysis.overall
        let unmatched = analysis.outcomes.first { $0.outcome == .unmatched }
        let counts = analysis.diagnosticCounts
        html.raw("<table class=\"glance\">\n<tbody>\n<tr><th>Remittance lines read</th>")
        html.countCell(overall.linesIn)
        html.raw("<th>Matched</th>")
        html.countCell(input.reconciliation.matches.count - (unmatched?.count ?? 0))
        html.raw("<th>Unmatched</th>")
        html.countCell(unmatched?.count ?? 0)
        html.raw("<th>Rejected</th>")
        html.countCell(overall.linesRejected)
        html.raw("</tr>\n<tr><th>Payments total</th>")
        html.moneyCell(overall.paymentsTotal)
        html.raw("<th>Cash applied</th>")
        html.moneyCell(MoneyTotals(input.reconciliation.matches.map(\.applied)).values)
        html.raw("<th>Cash unapplied</th>")
        html.moneyCell(MoneyTotals(input.reconciliation.matches.map(\.unapplied)).values)
        html.raw("<th>Deductions</th>")
        html.moneyCell(MoneyTotals(input.reconciliation.deductions.map(\.amount)).values)
        html.raw("</tr>\n<tr><th>Open invoices left</th>")
        html.countCell(input.reconciliation.openInvoices.count)
        html.raw("<th>Errors</th>")
        html.countCell(counts.errors)
        html.raw("<th>Warnings</th>")
        html.countCell(counts.warnings)
        html.raw("<th>Notes</th>")
        html.countCell(counts.notes)
        html.raw("</tr>\n<tr><th>Applied automatically, lines</th><td class=\"num\">")
        lineRate(analysis.autoMatch, into: &html)
        html.raw("</td><th>Applied automatically, amount</th><td class=\"num\">")
        amountRate(analysis.autoMatch, into: &html)
        html.raw("</td><th>Open deductions</th>")
        html.moneyCell(analysis.deductionAging.total.total)
        html.raw("<th>Open over 90 days</th>")
        html.moneyCell(analysis.deductionAging.total.amounts(in: .over90))
        html.raw("</tr>\n</tbody>\n</table>\n")
    }

    private static func manifest(_ input: ReportInput, into html: inout HTMLWriter) {
        let manifest = input.manifest
        html.raw("<section id=\"manifest\">\n<h2>1. Run manifest</h2>\n<table class=\"kv\">\n<tbody>\n")
        html.raw("<tr><th>Remit version</th>")
        html.cell(manifest.remitVersion)
        html.raw("</tr>\n<tr><th>Run time</th>")
        html.cell(manifest.runTime)
        html.raw("</tr>\n<tr><th>Options</th><td>")
        if manifest.options.isEmpty { html.raw("<span class=\"none\">none</span>") }
        for (index, option) in manifest.options.enumerated() {
            if index > 0 { html.raw("<br>") }
            html.element("<code>", option, close: "</code>")
        }
        html.raw("</td></tr>\n</tbody>\n</table>\n<h3>Inputs</h3>\n<table>\n<thead><tr><th>Role</th><th>Path</th>")
        html.raw("<th class=\"num\">Size (bytes)</th><th>SHA-256</th></tr></thead>\n<tbody>\n")
        for file in manifest.inputs {
            html.raw("<tr>")
            html.cell(file.role)
            html.raw("<td class=\"loc\">")
            html.breakableText(file.path)
            html.raw("</td><td class=\"num\">")
            html.text(String(file.size))
            html.raw("</td><td class=\"hash\">")
            html.text(file.sha256)
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
        let export = input.invoiceExport
        html.raw("<h3>Invoice export</h3>\n<table class=\"kv\">\n<tbody>\n<tr><th>Path</th><td class=\"loc\">")
        html.breakableText(export.path)
        html.raw("</td></tr>\n<tr><th>Layout</th>")
        html.cell(export.layout)
        html.raw("</tr>\n<tr><th>Rows read</th>")
        html.countCell(export.rowsRead)
        html.raw("</tr>\n<tr><th>Rows skipped</th>")
        html.countCell(export.rowsSkipped)
        html.raw("</tr>\n<tr><th>Rows rejected</th>")
        html.countCell(export.rowsRejected)
        html.raw("</tr>\n<tr><th>Invoices</th>")
        html.countCell(export.invoices)
        html.raw("</tr>\n<tr><th>Open amount</th>")
        html.moneyCell(export.openTotal)
        html.raw("</tr>\n</tbody>\n</table>\n</section>\n")
    }

    private static func signOff(_ input: ReportInput, into html: inout HTMLWriter) {
        html.raw(
            """
            <section id="signoff">
            <h2>8. Review and sign-off</h2>
            <p class="explain">The reviewer records what was checked: the tie-out results in section 2, each \
            exception in section 4, and a sample of matches traced to the source locations given.</p>
            <table class="signoff">
            <thead><tr><th></th><th>Name</th><th>Signature</th><th>Date</th></tr></thead>
            <tbody>
            <tr><th>Prepared by</th><td></td><td></td><td></td></tr>
            <tr><th>Reviewed by</th><td></td><td></td><td></td></tr>
            <tr><th>Review notes</th><td colspan="3" class="notes"></td></tr>
            </tbody>
            </table>
            </section>

            """)
        html.raw("<footer>Written by Remit ")
        html.text(input.manifest.remitVersion)
        html.raw(" for the run of ")
        html.text(input.manifest.runTime)
        html.raw(". The same directory holds deductions.csv, deductions.jsonl, deduction-register.csv, matches.csv, ")
        html.raw("matches.jsonl, open-invoices.csv, reassociation.csv, reassociation.jsonl, invoice-tie-outs.jsonl ")
        html.raw("and summary.json with the figures shown here.</footer>\n")
    }
}
