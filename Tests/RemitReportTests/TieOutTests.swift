import RemitCore
import RemitReport
import Testing

@Suite struct TieOutTests {
    private func money(_ text: String, _ currency: String) -> Money {
        Money(try! FixedDecimal.parse(text), currency)
    }

    @Test func countsTieWhenTheSumsAgree() {
        let check = TieOut(
            check: .lines, scope: "f", left: TieOut.Term("lines in", .count(5)),
            right: [TieOut.Term("matched", .count(3)), TieOut.Term("unmatched", .count(2))])
        #expect(check.ties)
        #expect(check.difference == .count(0))
        #expect(check.equation == "lines in = matched + unmatched")
    }

    @Test func moneyDifferenceIsPerCurrencyAndCoversBothSides() {
        let check = TieOut(
            check: .cash, scope: "f", left: TieOut.Term("payments", .money([money("10.00", "USD")])),
            right: [
                TieOut.Term("lines", .money([money("4.00", "USD"), money("3", "EUR")])),
                TieOut.Term("adjustments", .money([money("6.00", "USD")])),
            ])
        #expect(!check.ties)
        #expect(check.rightTotal == .money([money("3", "EUR"), money("10.00", "USD")]))
        #expect(check.difference == .money([money("-3", "EUR"), money("0", "USD")]))
    }

    @Test func emptySidesTie() {
        let check = TieOut(check: .deductions, scope: "f", left: TieOut.Term("a", .money([])), right: [])
        #expect(check.ties)
        #expect(check.difference == .money([]))
    }
}
