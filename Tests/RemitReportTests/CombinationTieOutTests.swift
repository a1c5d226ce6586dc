import RemitCore
import RemitMatch
import Testing

@testable import RemitReport

/// A line settling two invoices with a small write-off still ties out, invoice by invoice and overall.
@Suite struct CombinationTieOutTests {
    typealias F = ReportFixture

    static func input() -> ReportInput {
        var input = F.input()
        let inv1 = F.invoice("INV-1001", open: "100.00", row: 2)
        let inv4 = F.invoice("INV-1004", open: "60.00", row: 5)
        // 159.50 pays INV-1001 in full and INV-1004 short by 0.50, written off within tolerance.
        input.reconciliation.matches[0] = LineMatch(
            line: F.line(1, reference: "STATEMENT", paid: "159.50"), invoice: inv4, outcome: .shortPaid,
            rule: "combination", score: 85, evidence: [Evidence("invoices", "INV-1001,INV-1004")],
            openBefore: F.usd("60.00"), applied: F.usd("159.50"), discountTaken: nil, statedDeductions: F.usd("0.00"),
            unexplained: F.usd("0.00"), unapplied: F.usd("0.00"), openAfter: F.usd("0.00"), decision: .applied,
            writtenOff: F.usd("0.50"),
            allocations: [InvoiceAllocation(invoice: inv1, openBefore: F.usd("100.00"), applied: F.usd("100.00"))])
        input.reconciliation.openInvoices = []
        input.files[0].paymentsTotal = [F.usd("519.50")]
        input.files[0].linesPaidTotal = [F.usd("519.50")]
        input.files[0].appliedTotal = [F.usd("469.50")]
        return input
    }

    @Test func everyInvoiceAndTheReceivablesTie() throws {
        let analysis = ReportAnalysis(Self.input())
        #expect(analysis.failures.map(\.scope) == [], "\(analysis.failures)")
        let invoices = analysis.tieOuts.filter { $0.check == .invoice }.map(\.scope)
        #expect(invoices == ["INV-1001", "INV-1004", "INV-1002", "INV-1003"])
        let receivables = try #require(analysis.tieOuts.first { $0.check == .receivables })
        #expect(receivables.right.map(\.label).contains("written off"))
        let inv4 = try #require(analysis.tieOuts.first { $0.scope == "INV-1004" })
        #expect(inv4.right.map(\.label) == ["applied", "discount", "deducted", "written off", "open after"])
    }

    @Test func runsWithoutWriteOffsKeepTheirTerms() throws {
        let analysis = ReportAnalysis(F.input())
        let receivables = try #require(analysis.tieOuts.first { $0.check == .receivables })
        #expect(!receivables.right.map(\.label).contains("written off"))
    }

    @Test func theShortPaysTableShowsWriteOffs() throws {
        let html = try ReportFixture.write(Self.input()).text("report.html")
        #expect(html.contains("<th class=\"num\">Written off</th>"))
        #expect(!(try ReportFixture.write().text("report.html")).contains("Written off"))
    }
}
