import Foundation
import Testing

/// `--report-rows`: long tables of report.html list their first rows and say where every row is; the counts,
/// the totals and the CSV and JSON outputs are those of the whole run.
@Suite struct ReportRowsEndToEndTests {
    static func rows(in html: String, ofSectionAfter heading: String) -> Int {
        guard let start = html.range(of: heading) else { return -1 }
        let rest = html[start.upperBound...]
        let table = rest[..<(rest.range(of: "</tbody>")?.lowerBound ?? rest.endIndex)]
        return table.components(separatedBy: "<tr><td class=\"id\">").count - 1
    }

    @Test func aLimitListsTheFirstRowsAndNamesTheFilesWithAll() throws {
        let full = try RemitProcess.temporaryDirectory()
        let cut = try RemitProcess.temporaryDirectory()
        _ = try RemitProcess.run(ReconcileEndToEndTests.arguments + ["--out", full.path])
        let result = try RemitProcess.run(ReconcileEndToEndTests.arguments + ["--out", cut.path, "--report-rows", "3"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let fullHTML = try String(contentsOf: full.appendingPathComponent("report.html"), encoding: .utf8)
        let html = try String(contentsOf: cut.appendingPathComponent("report.html"), encoding: .utf8)
        let everyLine = Self.rows(in: fullHTML, ofSectionAfter: "<h3>5.2 Every line</h3>")
        #expect(everyLine > 3)
        #expect(Self.rows(in: html, ofSectionAfter: "<h3>5.2 Every line</h3>") == 3)
        #expect(
            html.contains(
                "The first 3 of \(everyLine) rows are listed here (<code>--report-rows</code>); every row is in "
                    + "matches.csv and matches.jsonl."))
        // The outcome table above counts every line either way, and the other outputs are unchanged.
        let outcomes = { (page: String) in
            page[page.range(of: "<h3>5.1 By outcome</h3>")!.lowerBound...].prefix(1500)
        }
        #expect(outcomes(html) == outcomes(fullHTML))
        for name in ["matches.csv", "deductions.jsonl", "open-invoices.csv"] {
            #expect(
                try Data(contentsOf: cut.appendingPathComponent(name))
                    == Data(contentsOf: full.appendingPathComponent(name)), "\(name)")
        }
        #expect(html.contains("report-rows=3"), "a limit other than the default is in the manifest")
        #expect(!fullHTML.contains("report-rows="))
        #expect(!fullHTML.contains("rows are listed here"))
    }

    @Test func theCashTableIsCutToo() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/cash/open-items.csv", "--out", out.path, "--report-rows", "2",
            "fixtures/cash/acme-bank-2026-12-04.bai2", "fixtures/cash/acme-ach-2026-12-04.ach",
            "fixtures/cash/corner-grocer-2026-12-03.820", "fixtures/cash/mapletree-2026-12-02.820",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let pairings = try String(contentsOf: out.appendingPathComponent("reassociation.jsonl"), encoding: .utf8)
            .split(separator: "\n").count
        #expect(pairings > 2)
        #expect(
            html.contains(
                "The first 2 of \(pairings) rows are listed here (<code>--report-rows</code>); every row is in "
                    + "reassociation.csv and reassociation.jsonl."))
    }

    @Test func notesNameTheOutputThatHoldsEachTablesRows() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path, "--report-rows", "1",
            "fixtures/retail/bigmart-2026-11-25.812",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let notYetTaken = try #require(html.range(of: "<h4>Announced, not yet taken (4)</h4>"))
        #expect(
            html[notYetTaken.upperBound...].contains(
                "The first 1 of 4 rows are listed here (<code>--report-rows</code>); every row is in "
                    + "deduction-register.csv."))
        let perInput = try #require(html.range(of: "<h3>2.2 Tie-outs per input and for the run</h3>"))
        #expect(html[perInput.upperBound...].contains("every row is in <code>tie_outs</code> of summary.json"))
        #expect(!html.contains("every row is in deductions.csv"), "no table of this run is in deductions.csv")
    }

    @Test func zeroListsEveryRowAndANegativeCountIsAUsageError() throws {
        let out = try RemitProcess.temporaryDirectory()
        let all = try RemitProcess.run(ReconcileEndToEndTests.arguments + ["--out", out.path, "--report-rows", "0"])
        #expect(all.status == 0)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("rows are listed here"))
        let bad = try RemitProcess.run(ReconcileEndToEndTests.arguments + ["--out", out.path, "--report-rows", "-1"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--report-rows takes a whole number, 0 for every row"))
    }
}
