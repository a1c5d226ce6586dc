import RemitCore
import RemitMatch
import Testing

/// Amounts at and beyond the plausible limits: the matcher never traps, and a figure it cannot compute
/// leaves the line unmatched with evidence saying so.
@Suite struct MatcherOverflowTests {
    private func reason(_ match: LineMatch) -> String? {
        match.evidence.first { $0.name == "reason" }?.value
    }

    @Test(
        arguments: [
            // open, paid, discount: open − paid − discount needs more than 18 digits at the common scale.
            ("1034.00", "999999999999999999", nil),
            ("99999999999999999", "0.000000000000000001", nil),
            ("1034.00", "1000.00", "-999999999999999999"),
            ("-99999999999999999.9", "0.01", nil),
        ] as [(String, String, String?)])
    func anUncomputableShortfallLeavesTheLineUnmatched(open: String, paid: String, discount: String?) throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "300001", paid: paid, discount: discount)], deductions: [],
            invoices: [Make.invoice("300001", open: open)])
        let match = try #require(result.matches.first)
        #expect(match.outcome == .unmatched)
        #expect(match.invoice == nil)
        #expect(reason(match) == "amount overflow")
        #expect(match.evidence.contains(Evidence("invoice", "300001")))
        #expect(match.unapplied == Make.money(paid))
        #expect(result.openInvoices.map(\.invoice.number) == ["300001"], "the invoice stays open")
        #expect(result.deductions.isEmpty)
    }

    @Test func statedDeductionsThatOverflowLeaveTheLineUnmatched() throws {
        let huge = [
            Make.deduction("f:ded:1", line: 1, amount: "900000000000000000", origin: .stated),
            Make.deduction("f:ded:2", line: 1, amount: "0.01", origin: .stated),
        ]
        let result = Matcher().reconcile(
            lines: [Make.line(1, "300002", paid: "5.00")], deductions: huge,
            invoices: [Make.invoice("300002", open: "10.00")])
        #expect(result.matches.first.flatMap(reason) == "amount overflow")
        #expect(result.deductions.map(\.id) == ["f:ded:1", "f:ded:2"], "stated deductions are kept as stated")
    }

    @Test func theLargestPlausibleAmountsMatchExactly() throws {
        let result = Matcher().reconcile(
            lines: [
                Make.line(1, "300003", paid: "0.0001"),
                Make.line(2, "300004", paid: "99999999999999.9999", discount: "99999999999999.9999"),
            ],
            deductions: [],
            invoices: [
                Make.invoice("300003", open: "99999999999999.9999"),
                Make.invoice("300004", open: "-99999999999999.9999"),
            ])
        let short = try #require(result.matches.first)
        #expect(short.outcome == .shortPaid)
        #expect(short.unexplained == Make.money("99999999999999.9998"))
        let over = try #require(result.matches.last)
        #expect(over.outcome == .overpaid)
        #expect(over.unapplied == Money(FixedDecimal(units: 2_999_999_999_999_999_997, scale: 4), "USD"))
        #expect(over.applied == Money(FixedDecimal(units: -1_999_999_999_999_999_998, scale: 4), "USD"))
    }
}
