import RemitCore
import RemitMatch
import Testing

@testable import RemitReport

/// An unearned discount is money the payer deducted: the match table counts it in Deducted, beside the stated
/// and unexplained deductions, and states it per line.
@Suite struct UnearnedDiscountReportTests {
    typealias F = ReportFixture

    /// The fixture with INV-1002's 5.00 unexplained short pay found to be a discount taken late instead.
    static func input() -> ReportInput {
        var input = F.input()
        input.reconciliation.matches[1].unexplained = F.usd("0.00")
        input.reconciliation.matches[1].unearnedDiscount = F.usd("5.00")
        input.reconciliation.matches[1].discountTaken = F.usd("0.00")
        input.reconciliation.deductions[1] = F.deduction(
            2, line: 2, amount: "5.00", category: .unearnedDiscount, source: "rule:discount-vs-terms", code: nil,
            origin: .matching)
        return input
    }

    @Test func theMatchTableDeductedEqualsTheRegisterOnAppliedLines() throws {
        let input = Self.input()
        let analysis = ReportAnalysis(input)
        let short = try #require(analysis.outcomes.first { $0.outcome == .shortPaid })
        #expect(short.deducted == [F.usd("20.00")])
        let onApplied = MoneyTotals(analysis.deductionPlacement.onMatchedLines.map(\.amount)).values
        let deducted = MoneyTotals(analysis.outcomes.flatMap(\.deducted)).values
        #expect(deducted == onApplied)
        #expect(analysis.tieOuts.allSatisfy { $0.ties })
    }

    @Test func everyLineStatesItsUnearnedDiscount() throws {
        let out = try F.write(Self.input())
        let rows = F.records(out.text("matches.csv"))
        #expect(rows.map { $0["unearned_discount"] } == ["0.00", "5.00", "0.00", "0.00"])
        #expect(rows[1]["unexplained"] == "0.00")
        let lines = out.text("matches.jsonl").split(separator: "\n").map(String.init)
        let short = try F.json(lines[1])
        #expect((short["unearned_discount"] as? [String: String]) == ["amount": "5.00", "currency": "USD"])
        let summary = try F.json(out.text("summary.json"))
        let outcomes = try #require(summary["outcomes"] as? [[String: Any]])
        let shortPaid = try #require(outcomes.first { $0["outcome"] as? String == "short_paid" })
        #expect((shortPaid["deducted"] as? [[String: String]]) == [["amount": "20.00", "currency": "USD"]])
        let html = out.text("report.html")
        #expect(html.contains("<th class=\"num\">Unearned discount</th>"), "the short pays of section 4.4")
        #expect(html.contains("<th class=\"num\">Unearned dis&shy;count</th>"), "every line, section 5.2")
    }

    @Test func shortPaysWithoutOneShowNoUnearnedColumn() throws {
        let html = try F.write().text("report.html")
        #expect(!html.contains("<th class=\"num\">Unearned discount</th>"))
    }
}
