import RemitCore
import RemitMatch
import RemitReport
import Testing

@Suite struct EmptyRunReportTests {
    @Test func aRunWithNothingInItStillWritesEveryFile() throws {
        let input = ReportInput(
            manifest: RunManifest(remitVersion: "0.1.0", runTime: "2026-03-01T00:00:00Z", options: [], inputs: []),
            files: [],
            invoiceExport: InvoiceExportSummary(
                path: "ar.csv", layout: "generic", rowsRead: 0, rowsSkipped: 0, invoices: 0, openTotal: [],
                diagnostics: []),
            reconciliation: Reconciliation(matches: [], deductions: [], openInvoices: []))
        let out = try ReportFixture.write(input)
        #expect(out.names == ReportWriter.fileNames.sorted())
        #expect(out.text("matches.jsonl").isEmpty)
        #expect(ReportFixture.parseCSV(out.text("matches.csv")).count == 1)
        #expect(ReportFixture.parseCSV(out.text("deductions.csv")).count == 1)
        let summary = try ReportFixture.json(out.text("summary.json"))
        #expect(summary["all_tie"] as? Bool == true)
        #expect((summary["tie_outs"] as? [Any])?.count == 5)
        let html = out.text("report.html")
        #expect(html.contains("<p class=\"none\">No remittance lines.</p>"))
        #expect(html.contains("<p class=\"none\">No deductions.</p>"))
        #expect(html.contains("<span class=\"none\">none</span>"))
        #expect(html.contains("<h3>2.4 Invoices left open (0)</h3>\n<p class=\"none\">None: the run settled every"))
        #expect(html.contains("<h3>4.5 Deductions not attached to any line (0)</h3>\n<p class=\"none\">None.</p>"))
        // With no deductions there is nothing to add up to the register.
        #expect(!html.contains("Deductions in the register"))
    }
}
