import RemitCore
import RemitMatch
import Testing

/// The rules after `exact-reference`, thresholds and tolerances, on small hand-made inputs.
@Suite struct MatcherRuleTests {
    static func payment(_ id: String, file: String = "r.820", trace: String? = nil, date: String = "2026-12-01")
        -> Payment
    {
        Payment(
            id: id, payer: Party(name: "BigMart Stores Inc", idQualifier: "92", id: "BM001"), payee: Party(),
            method: "ACH", format: "CTX", handlingCode: "I", amount: Make.money("1.00"), direction: .credit,
            date: CalendarDate.parseISO(date), traceNumber: trace, originatorID: nil,
            provenance: Provenance(
                location: SourceLocation(file: file, line: 1, column: 1, byteOffset: 0), transactionID: "ST@1"))
    }

    @Test func theAutoApplyThresholdTurnsAFindingIntoASuggestion() throws {
        let lines = [Make.line(1, "100180", paid: "500.00")]
        let invoices = [Make.invoice("100108", open: "500.00")]
        let applied = Matcher().reconcile(lines: lines, deductions: [], invoices: invoices)
        #expect(applied.matches[0].rule == "reference-one-edit")
        #expect(applied.matches[0].decision == .applied)
        let strict = Matcher(options: MatchOptions(autoApplyScore: 90)).reconcile(
            lines: lines, deductions: [], invoices: invoices)
        let match = strict.matches[0]
        #expect(match.decision == .suggested)
        #expect(match.outcome == .unmatched)
        #expect(match.invoice == nil)
        #expect(match.unapplied == Make.money("500.00"))
        #expect(match.evidence.contains(Evidence("invoice", "100108")))
        // A suggestion leaves the invoice open.
        #expect(strict.openInvoices.map(\.invoice.number) == ["100108"])
        let quiet = Matcher(options: MatchOptions(autoApplyScore: 90, suggestScore: 90)).reconcile(
            lines: lines, deductions: [], invoices: invoices)
        #expect(quiet.matches[0].decision == MatchDecision.none)
        #expect(quiet.matches[0].rule == "none")
    }

    /// 101, above every rule's score, applies nothing: an exact reference (score 100) is suggested too.
    @Test func aThresholdAboveOneHundredOnlySuggests() throws {
        let lines = [Make.line(1, "100108", paid: "500.00")]
        let invoices = [Make.invoice("100108", open: "500.00")]
        let result = Matcher(options: MatchOptions(autoApplyScore: 101)).reconcile(
            lines: lines, deductions: [], invoices: invoices)
        let match = result.matches[0]
        #expect(match.rule == "exact-reference")
        #expect(match.score == 100)
        #expect(match.decision == .suggested)
        #expect(match.invoice == nil)
        #expect(match.evidence.contains(Evidence("invoice", "100108")))
        #expect(result.openInvoices.map(\.invoice.number) == ["100108"])
    }

    @Test func aStrongerRuleTakesItsInvoiceBeforeAWeakerOneCanGiveItAway() {
        // Line 1's typo is one edit from 100108 with the right amount; line 2 names 100108 exactly. Exact
        // references run over all lines first, so line 2 gets it and line 1 finds nothing.
        let result = Matcher().reconcile(
            lines: [Make.line(1, "100180", paid: "500.00"), Make.line(2, "100108", paid: "500.00")], deductions: [],
            invoices: [Make.invoice("100108", open: "500.00")])
        #expect(result.matches.map(\.rule) == ["none", "exact-reference"])
    }

    @Test func aShortfallWithinToleranceIsWrittenOffNotDeducted() throws {
        let defaults = PartnerMatchingSettings(toleranceAmount: try FixedDecimal.parse("1.00"))
        let result = Matcher(options: MatchOptions(defaults: defaults)).reconcile(
            lines: [Make.line(1, "100101", paid: "99.40"), Make.line(2, "100102", paid: "98.00")], deductions: [],
            invoices: [Make.invoice("100101", open: "100.00"), Make.invoice("100102", open: "100.00", row: 3)])
        #expect(result.matches[0].writtenOff == Make.money("0.60"))
        #expect(result.matches[0].unexplained.isZero)
        #expect(result.matches[0].evidence.contains(Evidence("tolerance", "amount 1.00")))
        #expect(result.matches[1].writtenOff.isZero)
        #expect(result.matches[1].unexplained == Make.money("2.00"))
        #expect(result.deductions.map(\.id) == ["f:line:2:unexplained"])
    }

    @Test func aDiscountWithoutAPaymentDateIsAllowedAndSaysWhy() throws {
        var invoice = Make.invoice("100102", open: "2300.00")
        invoice.terms = "2/10 NET 30"
        invoice.invoiceDate = CalendarDate.parseISO("2026-10-22")
        let line = Make.line(1, "100102", paid: "2254.00", discount: "46.00")
        let result = Matcher().reconcile(lines: [line], deductions: [], invoices: [invoice])
        #expect(result.matches[0].outcome == .paidInFull)
        #expect(result.matches[0].evidence.contains(Evidence("discount_check", "no payment date")))
        #expect(result.matches[0].unearnedDiscount.isZero)
        let late = Matcher().reconcile(
            lines: [line], deductions: [], invoices: [invoice], payments: [Self.payment("f:pay:1")])
        #expect(late.matches[0].outcome == .shortPaid)
        #expect(late.matches[0].discountTaken == Make.money("0.00"))
        #expect(late.matches[0].unearnedDiscount == Make.money("46.00"))
        #expect(late.deductions.map(\.category) == [.unearnedDiscount])
        var net = invoice
        net.terms = "NET 30"
        let none = Matcher().reconcile(
            lines: [line], deductions: [], invoices: [net], payments: [Self.payment("f:pay:1")])
        #expect(none.deductions.map(\.amount) == [Make.money("46.00")])
        #expect(none.matches[0].evidence.contains(Evidence("discount_terms", "NET 30")))
        var keyed = invoice
        keyed.terms = "ZB01"
        let unknown = Matcher().reconcile(
            lines: [line], deductions: [], invoices: [keyed], payments: [Self.payment("f:pay:1")])
        #expect(unknown.deductions.isEmpty)
        #expect(unknown.matches[0].evidence.contains(Evidence("discount_check", "terms not understood")))
    }

    /// An ERP key the company's payment-terms table lists is judged by the terms it stands for.
    @Test func aPaymentTermsKeyIsJudgedByTheTermsItStandsFor() throws {
        var invoice = Make.invoice("100102", open: "2300.00")
        invoice.terms = "zb01 "
        invoice.invoiceDate = CalendarDate.parseISO("2026-10-22")
        let line = Make.line(1, "100102", paid: "2254.00", discount: "46.00")
        var table = PaymentTermsTable()
        try table.load("key\tterms\tnote\n# SAP keys of this company\nZB01\t2/10 NET 30\tas configured\n",
            name: "mappings/payment-terms/sap.tsv", path: "sap.tsv")
        var options = MatchOptions()
        options.paymentTerms = table
        let late = Matcher(options: options).reconcile(
            lines: [line], deductions: [], invoices: [invoice], payments: [Self.payment("f:pay:1")])
        #expect(late.deductions.map(\.category) == [.unearnedDiscount])
        #expect(late.matches[0].evidence.contains(Evidence("terms_key", "ZB01")))
        #expect(late.matches[0].evidence.contains(Evidence("discount_terms", "2/10")))
        #expect(table.sources["ZB01"] == "mappings/payment-terms/sap.tsv:3")
    }

    /// Terms neither read nor listed are reported once each, counted over the invoices that give them.
    @Test func termsTheDiscountCheckCannotReadAreListedOncePerKey() throws {
        let terms: [String?] = ["NET 30", "ZB01", "2/10 NET 30", nil, " zb01", "", "ZB03", "ZB01 ", "Due on receipt"]
        let invoices = terms.enumerated().map { index, text in
            var invoice = Make.invoice("10010\(index)", open: "100.00", row: index + 2)
            invoice.terms = text
            return invoice
        }
        let unlisted = PaymentTermsTable().unknownTerms(in: invoices)
        #expect(unlisted.map(\.terms) == ["ZB01", "ZB03"])
        #expect(unlisted.map(\.invoices) == [3, 1])
        #expect(unlisted.map(\.first.line) == [3, 8])
        let diagnostic = try #require(unlisted.first?.diagnostic)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.code == "invoice.terms-unknown")
        #expect(diagnostic.location == SourceLocation(file: "open.csv", line: 3, column: 1, byteOffset: 0))
        #expect(diagnostic.message.contains("'ZB01' (3 invoices, this row the first)"))
        #expect(unlisted.last?.diagnostic.message.contains("'ZB03' (1 invoice)") == true)

        var table = PaymentTermsTable()
        try table.load("ZB03\tNET 45\n", name: "mappings/payment-terms/sap.tsv", path: "sap.tsv")
        #expect(table.unknownTerms(in: invoices).map(\.terms) == ["ZB01"])
    }

    @Test(arguments: [
        ("ZB01\n", 1, "mapping.columns"), ("\t2/10 NET 30\n", 1, "mapping.empty"),
        ("# c\nZB01\tSOMETIMES\n", 2, "mapping.terms"),
    ])
    func aBadPaymentTermsRowIsRejectedWithItsLine(text: String, line: Int, code: String) {
        var table = PaymentTermsTable()
        #expect {
            try table.load(text, name: "mappings/payment-terms/x.tsv", path: "x.tsv")
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.code == code && diagnostic?.location.line == line
        }
    }

    @Test func aPaymentReadTwiceFromOneFileIsNotADuplicate() {
        // Two payments with one trace in the same file may be two real payments; only other files are compared.
        var second = Make.line(2, "100102", paid: "50.00")
        second.paymentID = "f:pay:2"
        let result = Matcher().reconcile(
            lines: [Make.line(1, "100101", paid: "50.00"), second], deductions: [],
            invoices: [Make.invoice("100101", open: "50.00"), Make.invoice("100102", open: "50.00", row: 3)],
            payments: [Self.payment("f:pay:1", trace: "T1"), Self.payment("f:pay:2", trace: "T1")])
        #expect(result.matches.map(\.decision) == [.applied, .applied])
        #expect(result.findings.isEmpty)
    }

    @Test func aPayerNearTwoCustomersIsNobody() {
        let payer = Party(name: "Acme Store", idQualifier: nil, id: nil)
        let result = Matcher().reconcile(
            lines: [Make.line(1, "", paid: "10.00", payer: payer)], deductions: [],
            invoices: [
                Make.invoice("1", open: "10.00", customer: "A1", name: "Acme Stores"),
                Make.invoice("2", open: "10.00", customer: "A2", name: "Acme Storm", row: 3),
            ])
        #expect(result.matches[0].decision == MatchDecision.none)
        let one = Matcher().reconcile(
            lines: [Make.line(1, "", paid: "10.00", payer: payer)], deductions: [],
            invoices: [Make.invoice("1", open: "10.00", customer: "A1", name: "Acme Stores")])
        #expect(one.matches[0].rule == "amount-only")
        #expect(one.matches[0].evidence.contains(Evidence("payer_similarity", "90")))
    }

    @Test func aCombinationSettlesEveryInvoiceAndTheLastCarriesTheDifference() throws {
        let defaults = PartnerMatchingSettings(toleranceAmount: try FixedDecimal.parse("1.00"))
        let result = Matcher(options: MatchOptions(defaults: defaults)).reconcile(
            lines: [Make.line(1, "SEE STATEMENT", paid: "649.50")], deductions: [],
            invoices: [
                Make.invoice("7001", open: "250.00"), Make.invoice("7002", open: "400.00", row: 3),
                Make.invoice("7003", open: "33.00", row: 4),
            ])
        let match = result.matches[0]
        #expect(match.rule == "combination")
        #expect(match.allocations.map(\.invoice.number) == ["7001"])
        #expect(match.invoice?.number == "7002")
        #expect(match.applied == Make.money("649.50"))
        #expect(match.appliedToPrimary == Make.money("399.50"))
        #expect(match.writtenOff == Make.money("0.50"))
        #expect(result.openInvoices.map(\.invoice.number) == ["7003"])
    }

    @Test func aPayerWithTooManyOpenInvoicesGetsOnlySuggestions() {
        let invoices = (0..<8).map { Make.invoice("90\($0)", open: "\(100 + $0).00", row: $0 + 2) }
        let lines = [Make.line(1, "", paid: "103.00")]
        let small = Matcher(options: MatchOptions(combinationMaxCandidates: 4)).reconcile(
            lines: lines, deductions: [], invoices: invoices)
        #expect(small.matches[0].decision == .suggested)
        #expect(small.matches[0].evidence.contains(Evidence("suggested", "903")))
        let large = Matcher().reconcile(lines: lines, deductions: [], invoices: invoices)
        #expect(large.matches[0].decision == .applied)
        #expect(large.matches[0].invoice?.number == "903")
    }

    @Test func theLargestInvoiceOfACombinationTakesTheShortfall() throws {
        let defaults = PartnerMatchingSettings(toleranceAmount: try FixedDecimal.parse("5.00"))
        let result = Matcher(options: MatchOptions(defaults: defaults)).reconcile(
            lines: [Make.line(1, "", paid: "102.00")], deductions: [],
            invoices: [Make.invoice("7101", open: "60.00"), Make.invoice("7102", open: "45.00", row: 3)])
        let match = result.matches[0]
        #expect(match.invoice?.number == "7101")
        #expect(match.allocations.map(\.invoice.number) == ["7102"])
        #expect(match.appliedToPrimary == Make.money("57.00"))
        #expect(match.writtenOff == Make.money("3.00"))
    }

    @Test func twoPaymentsWithDifferentTracesAreTwoPaymentsHoweverAlike() {
        var second = Make.line(2, "100101", paid: "50.00")
        second.paymentID = "f:pay:2"
        let lines = [Make.line(1, "100101", paid: "50.00"), second]
        let invoices = [Make.invoice("100101", open: "50.00")]
        let traced = Matcher().reconcile(
            lines: lines, deductions: [], invoices: invoices,
            payments: [Self.payment("f:pay:1", trace: "T1"), Self.payment("f:pay:2", file: "b.xml", trace: "T2")])
        // Cash arrived twice: the second pays an invoice already paid, which is reported as such.
        #expect(traced.matches.map(\.rule) == ["exact-reference", "exact-reference"])
        #expect(traced.findings.map(\.kind) == [.invoicePaidTwice])
        let untraced = Matcher().reconcile(
            lines: lines, deductions: [], invoices: invoices,
            payments: [Self.payment("f:pay:1", trace: "T1"), Self.payment("f:pay:2", file: "b.xml")])
        #expect(untraced.matches.map(\.rule) == ["exact-reference", "duplicate-payment"])
        #expect(untraced.findings.map(\.kind) == [.paymentRepeated])
    }

    @Test func aPaymentAnEarlierRunReadIsSetAsideUnlessItsTraceDiffers() {
        let line = Make.line(1, "100101", paid: "50.00")
        let invoices = [Make.invoice("100101", open: "50.00")]
        let earlier = Matcher()
        var remembered = EarlierPayments()
        let before = Self.payment("old:pay:1", file: "monday.820", trace: "T1")
        remembered.add(
            EarlierPayments.Entry(paymentID: before.id, source: "monday.820", runTime: "2026-11-30T18:00:00Z",
                trace: "T1"),
            keys: earlier.paymentKeys(before, references: ["100101"]))
        var options = MatchOptions()
        options.earlierPayments = remembered
        let resent = Matcher(options: options).reconcile(
            lines: [line], deductions: [], invoices: invoices, payments: [Self.payment("f:pay:1", trace: "T1")])
        #expect(resent.matches.map(\.rule) == ["duplicate-payment"])
        let source = Evidence("duplicate_source", "monday.820 (run of 2026-11-30T18:00:00Z)")
        #expect(resent.matches[0].evidence.contains(source))
        #expect(resent.findings.map(\.kind) == [.paymentRepeated])
        let another = Matcher(options: options).reconcile(
            lines: [line], deductions: [], invoices: invoices, payments: [Self.payment("f:pay:1", trace: "T2")])
        #expect(another.matches.map(\.rule) == ["exact-reference"])
    }

    @Test func aReferenceThatEqualsAPOIsTrustedOnlyWithTheAmount() {
        var invoice = Make.invoice("100104", open: "2310.00")
        invoice.purchaseOrder = "7784"
        let agrees = Matcher().reconcile(
            lines: [Make.line(1, "7784", paid: "2310.00")], deductions: [], invoices: [invoice])
        #expect(agrees.matches[0].decision == .applied)
        #expect(agrees.matches[0].score == 90)
        let short = Matcher().reconcile(
            lines: [Make.line(1, "7784", paid: "2000.00")], deductions: [], invoices: [invoice])
        #expect(short.matches[0].decision == .suggested)
        #expect(short.matches[0].evidence.contains(Evidence("amount_agrees", "no")))
        var inField = Make.line(1, "X", paid: "2000.00")
        inField.purchaseOrder = "7784"
        let field = Matcher().reconcile(lines: [inField], deductions: [], invoices: [invoice])
        #expect(field.matches[0].decision == .applied)
        #expect(field.matches[0].unexplained == Make.money("310.00"))
    }
}
