import Foundation
import RemitCore
import RemitReport
import Testing

@Suite struct TwoFileReportTests {
    typealias F = ReportFixture

    @Test func everyCheckTiesPerCurrencyAcrossTwoInputs() throws {
        let analysis = ReportAnalysis(F.twoFileInput())
        #expect(analysis.tieOuts.count == 4 + 4 + 4 + 1 + 4)
        #expect(analysis.failures.isEmpty)
        let overallCash = try #require(
            analysis.tieOuts.first { $0.check == .cash && $0.scope == ReportAnalysis.allInputs })
        #expect(overallCash.left.value == .money([F.eur("1252.00"), F.usd("460.00")]))
        #expect(overallCash.right[2].value == .money([F.eur("2.00"), F.usd("0")]))
        #expect(overallCash.difference == .money([F.eur("0"), F.usd("0")]))
        #expect(analysis.overall.linesIn == 7)
        #expect(analysis.overall.status == .partial)
        #expect(
            analysis.diagnosticCounts
                == {
                    var counts = DiagnosticCounts()
                    counts.errors = 1
                    counts.warnings = 2
                    return counts
                }())
    }

    @Test func aLineMissingFromTheMatchTableBreaksItsFileAndTheRun() {
        var input = F.twoFileInput()
        input.reconciliation.matches.removeLast()
        let failing = ReportAnalysis(input).failures.map { "\($0.check.rawValue) \($0.scope)" }
        #expect(
            failing == [
                "lines \(F.bankPath)", "application \(F.bankPath)", "lines all inputs", "application all inputs",
            ])
    }

    @Test func reportListsRejectedAndUnbalancedTransactionsAndEveryDiagnostic() throws {
        let out = try F.write(F.twoFileInput())
        let html = out.text("report.html")
        #expect(html.contains("<h3>4.6 Transactions rejected or out of balance (2)</h3>"))
        #expect(html.contains("in/bank/camt054-2026-03-01.xml:60:5 /Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[3]"))
        #expect(html.contains("<h3>4.7 Diagnostics (1 error, 2 warnings, 0 notes)</h3>"))
        #expect(html.contains("in/open-ar.csv:7:3: warning: open amount &#39;12,50&#39; is not a plain decimal"))
        #expect(html.contains("All 17 tie-outs tie."))
        let summary = try F.json(out.text("summary.json"))
        let files = try #require(summary["files"] as? [[String: Any]])
        let exceptions = try #require(files[1]["transaction_exceptions"] as? [[String: Any]])
        #expect(exceptions.map { $0["status"] as? String } == ["accepted", "rejected"])
        #expect((exceptions[0]["imbalance"] as? [String: String]) == ["amount": "2.00", "currency": "EUR"])
        let export = try #require(summary["invoice_export"] as? [String: Any])
        #expect(export["rows_skipped"] as? Int == 1)
        #expect(summary["diagnostics"] as? [String: Int] == ["error": 1, "warning": 2, "note": 0])
    }
}
