import RemitCore
import RemitMatch
import Testing

/// An exact reference whose amount points elsewhere, and a reference that names another customer's invoice:
/// a mistyped digit must not move cash to the wrong invoice, and a near invoice of the payer's own whose
/// amount agrees may take it.
@Suite struct MatcherDoubtTests {
    private func reason(_ match: LineMatch) -> String? {
        match.evidence.first { $0.name == "reason" }?.value
    }

    private static let stranger = Party(name: "Quayside Traders", idQualifier: nil, id: nil)

    @Test func anExactReferenceWhoseAmountFitsAnInvoiceADigitAwayIsOnlySuggested() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "500132", paid: "845.50")], deductions: [],
            invoices: [Make.invoice("500123", open: "845.50"), Make.invoice("500132", open: "312.00", row: 3)])
        let match = try #require(result.matches.first)
        #expect(match.decision == .suggested && match.rule == "exact-reference" && match.score == 60)
        #expect(match.invoice == nil && !match.evidence.contains { $0.name == "invoice" })
        #expect(match.evidence.contains(Evidence("one_edit_from", "500123")))
        #expect(match.evidence.contains(Evidence("suggested", "500132,500123")))
        #expect(result.openInvoices.map(\.invoice.number) == ["500123", "500132"])
    }

    @Test func anExactReferenceShortPaidWithNothingNearIsStillApplied() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "500132", paid: "300.00")], deductions: [],
            invoices: [Make.invoice("500123", open: "845.50"), Make.invoice("500132", open: "312.00", row: 3)])
        let match = try #require(result.matches.first)
        #expect(match.decision == .applied && match.invoice?.number == "500132" && match.outcome == .shortPaid)
    }

    @Test func aSecondPaymentOfTheSameAmountIsStillPaidTwice() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "500132", paid: "312.00"), Make.line(2, "500132", paid: "312.00")], deductions: [],
            invoices: [Make.invoice("500132", open: "312.00"), Make.invoice("500123", open: "845.50", row: 3)])
        #expect(result.matches.map(\.decision) == [.applied, .applied])
        #expect(result.findings.map(\.kind) == [.invoicePaidTwice])
    }

    @Test func aPaidInvoiceNamedWithTheAmountOfAnOpenOneADigitAwayIsOnlySuggested() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "500132", paid: "312.00"), Make.line(2, "500132", paid: "845.50")], deductions: [],
            invoices: [Make.invoice("500132", open: "312.00"), Make.invoice("500123", open: "845.50", row: 3)])
        #expect(result.matches.map(\.decision) == [.applied, .suggested])
        #expect(result.findings.isEmpty)
        #expect(result.openInvoices.map(\.invoice.number) == ["500123"])
    }

    @Test func aPayerTheExportDoesNotKnowNeedsTheAmountToAgree() throws {
        let invoices = [Make.invoice("700501", open: "1200.00", customer: "C7", name: "Harbor Foods Inc")]
        let agreeing = Matcher().reconcile(
            lines: [Make.line(1, "700501", paid: "1200.00", payer: Self.stranger)], deductions: [], invoices: invoices)
        #expect(agreeing.matches.first?.rule == "exact-reference-unknown-payer")
        #expect(agreeing.matches.first?.decision == .applied)
        let short = Matcher().reconcile(
            lines: [Make.line(1, "700501", paid: "1150.00", payer: Self.stranger)], deductions: [], invoices: invoices)
        let match = try #require(short.matches.first)
        #expect(match.rule == "exact-reference-unknown-payer" && match.decision == .suggested && match.score == 70)
        #expect(reason(match)?.hasPrefix("the payer is not in the export") == true)
        #expect(short.openInvoices.count == 1)
    }

    @Test func anotherCustomersNumberADigitFromAnOwnInvoiceThatAgreesIsAppliedToTheOwnOne() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "600211", paid: "455.25")], deductions: [],
            invoices: [
                Make.invoice("600121", open: "455.25"),
                Make.invoice("600211", open: "90.00", customer: "C2", name: "Corner Grocer Co", row: 3),
            ])
        let match = try #require(result.matches.first)
        #expect(match.decision == .applied && match.rule == "reference-one-edit")
        #expect(match.invoice?.number == "600121")
        #expect(match.evidence.contains(Evidence("belongs_to", "C2")))
    }

    @Test func anotherCustomersNumberIsNeverPlacedByAmountAlone() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "600211", paid: "90.00")], deductions: [],
            invoices: [
                Make.invoice("600555", open: "90.00"),
                Make.invoice("600212", open: "120.00", row: 3),
                Make.invoice("600211", open: "90.00", customer: "C2", name: "Corner Grocer Co", row: 4),
            ])
        let match = try #require(result.matches.first)
        #expect(match.decision == MatchDecision.none)
        #expect(reason(match) == "the reference belongs to another customer")
        #expect(result.openInvoices.count == 3)
    }

    @Test func aNumberBehindAnUnknownPrefixIsFoundByItsDigits() throws {
        let invoices = [
            Make.invoice("0043614", open: "500.00"), Make.invoice("0043700", open: "300.00", row: 3),
            Make.invoice("0043701", open: "150.00", row: 4),
        ]
        let full = Matcher().reconcile(
            lines: [Make.line(1, "SI-0043614", paid: "500.00")], deductions: [], invoices: invoices)
        #expect(full.matches.first?.rule == "free-text-reference" && full.matches.first?.decision == .applied)
        #expect(full.matches.first?.invoice?.number == "0043614")
        // Short by 50.00: the invoice named by its digits is suggested; the pair that adds up to 450.00 is not
        // applied in its place.
        let short = Matcher().reconcile(
            lines: [Make.line(1, "IV0043614", paid: "450.00")], deductions: [], invoices: invoices)
        let match = try #require(short.matches.first)
        #expect(match.rule == "free-text-reference" && match.decision == .suggested && match.score == 70)
        #expect(short.openInvoices.count == 3)
    }
}
