import RemitCore
import RemitReport
import Testing

/// A tie-out whose figures cannot be represented says so and does not tie; it never traps or clamps.
@Suite struct TieOutOverflowTests {
    private func usd(_ text: String) -> Money { Money(try! FixedDecimal.parse(text), "USD") }

    @Test func aDifferenceTooLargeToRepresentIsNotComputable() {
        // The hostile `tieout-crash.820`: BPR02 999 999 999 999 999 999 against one line of 0.5.
        let check = TieOut(
            check: .cash, scope: "f.820", left: TieOut.Term("payments total", .money([usd("999999999999999999")])),
            right: [TieOut.Term("lines paid", .money([usd("0.5")]))])
        #expect(!check.ties)
        #expect(!check.computable)
        #expect(check.difference == .money([]), "no clamped figure stands in for the difference")
        #expect(check.rightTotal == .money([usd("0.5")]))
    }

    @Test func aTermWhoseSumOverflowedMakesTheCheckNotComputable() {
        let totals = MoneyTotals([usd("9999999999999.99"), usd("0.000001")])
        let check = TieOut(
            check: .receivables, scope: "open.csv", left: TieOut.Term("open in export", totals: totals),
            right: [TieOut.Term("still open", totals: totals)])
        #expect(check.left.overflowed)
        #expect(!check.computable)
        #expect(!check.ties, "two equal clamped figures must not tie")
    }

    @Test func aRightHandSumThatOverflowsIsNotComputable() {
        let check = TieOut(
            check: .deductions, scope: "f", left: TieOut.Term("deducted", .money([usd("1")])),
            right: [
                TieOut.Term("a", .money([usd("900000000000000000")])), TieOut.Term("b", .money([usd("0.01")])),
            ])
        #expect(!check.computable && !check.ties)
        #expect(check.rightTotal == .money([]))
    }

    @Test func ordinaryChecksStayComputable() {
        let check = TieOut(
            check: .cash, scope: "f", left: TieOut.Term("payments", .money([usd("99999999999999.9999")])),
            right: [
                TieOut.Term("lines", .money([usd("99999999999999.9998")])), TieOut.Term("x", .money([usd("0.0001")])),
            ])
        #expect(check.computable && check.ties)
    }
}
