import RemitCore
import RemitMatch
import Testing

/// Builds small inputs for the matcher.
enum Make {
    static func money(_ text: String, _ currency: String = "USD") -> Money {
        Money(try! FixedDecimal.parse(text), currency)
    }

    static func provenance(_ index: Int) -> Provenance {
        Provenance(
            location: SourceLocation(file: "r.820", line: index, column: 1, byteOffset: Int64(index * 10)),
            transactionID: "ST@1")
    }

    static func line(
        _ index: Int, _ reference: String, paid: String, invoiceTotal: String? = nil, discount: String? = nil,
        payer: Party = Party(name: "BigMart Stores Inc", idQualifier: "92", id: "BM001"), currency: String = "USD"
    ) -> RemittanceLine {
        RemittanceLine(
            id: "f:line:\(index)", paymentID: "f:pay:1", referenceQualifier: "IV", reference: reference,
            normalizedReference: ReferenceNormalizer.normalize(reference), purchaseOrder: nil, invoiceDate: nil,
            amountPaid: money(paid, currency), invoiceAmount: invoiceTotal.map { money($0, currency) },
            discountTaken: discount.map { money($0, currency) }, payer: payer, provenance: provenance(index))
    }

    static func invoice(
        _ number: String, open: String, customer: String? = "BM001", name: String? = "BigMart Stores Inc",
        currency: String = "USD", row: Int = 2
    ) -> Invoice {
        Invoice(
            number: number, normalizedNumber: ReferenceNormalizer.normalize(number), customerID: customer,
            customerName: name, purchaseOrder: nil, invoiceDate: nil, dueDate: nil, amount: money(open, currency),
            openAmount: money(open, currency), terms: nil,
            location: SourceLocation(file: "open.csv", line: row, column: 1, byteOffset: 0))
    }

    static func deduction(_ id: String, line: Int, amount: String, origin: Deduction.Origin) -> Deduction {
        Deduction(
            id: id, paymentID: "f:pay:1", lineID: "f:line:\(line)", amount: money(amount), reasonCode: "01",
            reasonCodeList: "X12-426", category: .pricing, categorySource: "test", reasonText: nil,
            invoiceReference: nil, memoNumber: nil, memoQualifier: nil, payer: Party(), paymentTrace: nil,
            origin: origin, provenance: provenance(line))
    }
}

@Suite struct MatcherTests {
    @Test func paysInFullWithDiscount() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "100102", paid: "2254.00", discount: "46.00")], deductions: [],
            invoices: [Make.invoice("100102", open: "2300.00")])
        let match = try #require(result.matches.first)
        #expect(match.outcome == .paidInFull)
        #expect(match.rule == "exact-reference")
        #expect(match.applied == Make.money("2254.00"))
        #expect(match.unexplained.isZero)
        #expect(result.deductions.isEmpty)
        #expect(result.openInvoices.isEmpty)
    }

    @Test func splitsAShortPayIntoStatedAndUnexplained() throws {
        let stated = Make.deduction("f:ded:2", line: 1, amount: "120.00", origin: .stated)
        let parserShort = Make.deduction("f:line:1:short", line: 1, amount: "80.00", origin: .shortPay)
        let result = Matcher().reconcile(
            lines: [Make.line(1, "100104", paid: "4000.00", invoiceTotal: "4200.00")],
            deductions: [stated, parserShort], invoices: [Make.invoice("100104", open: "4200.00")])
        let match = try #require(result.matches.first)
        #expect(match.outcome == .shortPaid)
        #expect(match.statedDeductions == Make.money("120.00"))
        #expect(match.unexplained == Make.money("80.00"))
        #expect(result.deductions.map(\.id) == ["f:ded:2", "f:line:1:unexplained"])
        #expect(result.deductions[1].origin == .matching)
        #expect(result.deductions[1].category == .unidentified)
        #expect(result.deductions[1].amount == Make.money("80.00"))
    }

    @Test func keepsTheParsersShortPayWhenTheLineDoesNotMatch() {
        let parserShort = Make.deduction("f:line:1:short", line: 1, amount: "60.00", origin: .shortPay)
        let result = Matcher().reconcile(
            lines: [Make.line(1, "555", paid: "700.00", invoiceTotal: "760.00")], deductions: [parserShort],
            invoices: [Make.invoice("100105", open: "760.00")])
        #expect(result.matches[0].outcome == .unmatched)
        #expect(result.matches[0].unapplied == Make.money("700.00"))
        #expect(result.deductions.map(\.id) == ["f:line:1:short"])
        #expect(result.openInvoices.map(\.invoice.number) == ["100105"])
    }

    @Test func reportsOverpaymentAsUnapplied() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "100107", paid: "525.00")], deductions: [],
            invoices: [Make.invoice("100107", open: "500.00")])
        let match = try #require(result.matches.first)
        #expect(match.outcome == .overpaid)
        #expect(match.applied == Make.money("500.00"))
        #expect(match.unapplied == Make.money("25.00"))
    }

    @Test func matchesAcrossDroppedLeadingZerosAndPrefixes() {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "100106", paid: "10.00"), Make.line(2, "INV-300001", paid: "5.00")], deductions: [],
            invoices: [Make.invoice("000100106", open: "10.00"), Make.invoice("300001", open: "5.00")])
        #expect(result.matches.map(\.outcome) == [.paidInFull, .paidInFull])
        #expect(result.matches.map { $0.invoice?.number } == ["000100106", "300001"])
    }

    @Test func refusesAnInvoiceOfAnotherCustomer() throws {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "300002", paid: "640.00")], deductions: [],
            invoices: [
                Make.invoice("100101", open: "1.00"),
                Make.invoice("300002", open: "640.00", customer: "C200", name: "Corner Grocer Co"),
            ])
        let match = try #require(result.matches.first)
        #expect(match.outcome == .unmatched)
        #expect(match.evidence.contains(Evidence("belongs_to", "C200")))
        #expect(result.openInvoices.count == 2)
    }

    @Test func matchesAPayerTheExportDoesNotKnowWhenOnlyOneInvoiceFits() throws {
        let stranger = Party(name: "Unknown Buyer", idQualifier: nil, id: "ZZ9")
        let result = Matcher().reconcile(
            lines: [Make.line(1, "300002", paid: "640.00", payer: stranger)], deductions: [],
            invoices: [Make.invoice("300002", open: "640.00", customer: "C200", name: "Corner Grocer Co")])
        #expect(result.matches[0].rule == "exact-reference-unknown-payer")
        let strict = Matcher(options: MatchOptions(allowUnknownPayer: false)).reconcile(
            lines: [Make.line(1, "300002", paid: "640.00", payer: stranger)], deductions: [],
            invoices: [Make.invoice("300002", open: "640.00", customer: "C200", name: "Corner Grocer Co")])
        #expect(strict.matches[0].outcome == .unmatched)
    }

    @Test func aPartnerFileJoinsIdsThatDiffer() throws {
        // The 820 names the payer by its DUNS-style id and a name unlike the export's (a near name alone would
        // join them by similarity); the ERP uses its own customer number.
        let payer = Party(name: "BM DISTRIBUTION CENTER 44", idQualifier: "1", id: "004412345")
        let lines = [Make.line(1, "100101", paid: "1500.00", payer: payer)]
        let invoices = [Make.invoice("100101", open: "1500.00", customer: "BM001", name: "BigMart Stores Inc")]
        let without = Matcher(options: MatchOptions(allowUnknownPayer: false)).reconcile(
            lines: lines, deductions: [], invoices: invoices)
        #expect(without.matches[0].outcome == .unmatched)
        let partners = PartnerDirectory(partners: [
            Partner(
                key: "bigmart", name: "BigMart Stores Inc", payerIDs: ["004412345", "BM001"], payerNames: [],
                directory: "mappings/partners/bigmart")
        ])
        let with = Matcher(options: MatchOptions(allowUnknownPayer: false, partners: partners)).reconcile(
            lines: lines, deductions: [], invoices: invoices)
        let match = with.matches[0]
        #expect(match.outcome == .paidInFull)
        #expect(match.rule == "exact-reference")
        #expect(match.evidence.contains(Evidence("partner", "bigmart")))
        // A partner that lists only one side decides nothing.
        let halfKnown = PartnerDirectory(partners: [
            Partner(
                key: "bigmart", name: "BigMart", payerIDs: ["004412345"], payerNames: [],
                directory: "mappings/partners/bigmart")
        ])
        let other = Matcher(options: MatchOptions(allowUnknownPayer: false, partners: halfKnown)).reconcile(
            lines: lines, deductions: [], invoices: invoices)
        #expect(other.matches[0].outcome == .unmatched)
    }

    @Test func aPayerKnownThroughItsPartnerIsNotAStranger() throws {
        // The payer's alias is unknown to the export, but its partner file ties it to customer BM001, so an
        // invoice of another customer is not "the only one that fits" an unknown payer.
        let payer = Party(name: "Big Mart Stores", idQualifier: "ZZ", id: "BIGMART")
        let partners = PartnerDirectory(partners: [
            Partner(
                key: "bigmart", name: "BigMart Stores Inc", payerIDs: ["BM001", "BIGMART"], payerNames: [],
                directory: "mappings/partners/bigmart")
        ])
        let result = Matcher(options: MatchOptions(partners: partners)).reconcile(
            lines: [
                Make.line(1, "100101", paid: "1500.00", payer: payer),
                Make.line(2, "300002", paid: "640.00", payer: payer),
            ],
            deductions: [],
            invoices: [
                Make.invoice("100101", open: "1500.00"),
                Make.invoice("300002", open: "640.00", customer: "C200", name: "Corner Grocer Co", row: 3),
            ])
        #expect(result.matches[0].rule == "exact-reference")
        #expect(result.matches[0].evidence.contains(Evidence("partner", "bigmart")))
        #expect(result.matches[1].outcome == .unmatched)
        #expect(result.matches[1].evidence.contains(Evidence("belongs_to", "C200")))
    }

    @Test func referencesWithNothingToCompareNeverMatch() {
        // "Счёт" and "Расход" both normalize to "" (letters outside A–Z are dropped): they must not agree.
        let result = Matcher().reconcile(
            lines: [Make.line(1, "Счёт", paid: "500.00"), Make.line(2, "--", paid: "1.00")], deductions: [],
            invoices: [Make.invoice("Расход", open: "9000.00")])
        #expect(result.matches.map(\.outcome) == [.unmatched, .unmatched])
        #expect(
            result.matches[0].evidence.contains(
                Evidence("reason", "the reference has no letters A-Z or digits to match on")))
        #expect(result.deductions.isEmpty)
        #expect(result.openInvoices.count == 1)
    }

    @Test func listsAtMostTenOfManyInvoicesThatShareAReference() {
        let invoices = (0..<25).map { Make.invoice("INV-\($0 % 12)-X", open: "1.00", row: $0 + 2) }
        let listed = Matcher.listed(invoices.map(\.number))
        #expect(listed.hasPrefix("INV-0-X,INV-1-X,"))
        #expect(listed.hasSuffix(",INV-9-X,… (2 more)"))
    }

    @Test func refusesAmbiguousAndForeignCurrencyMatches() {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "42", paid: "1.00"), Make.line(2, "77", paid: "1.00")], deductions: [],
            invoices: [
                Make.invoice("42", open: "1.00", row: 2), Make.invoice("0042", open: "1.00", row: 3),
                Make.invoice("77", open: "1.00", currency: "EUR"),
            ])
        #expect(result.matches.map(\.outcome) == [.unmatched, .unmatched])
        #expect(result.matches[1].evidence.contains(Evidence("invoice_currency", "EUR")))
    }

    @Test func aSecondPaymentOfTheSameInvoiceIsAllUnapplied() {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "9", paid: "50.00"), Make.line(2, "9", paid: "50.00")], deductions: [],
            invoices: [Make.invoice("9", open: "50.00")])
        #expect(result.matches.map(\.outcome) == [.paidInFull, .overpaid])
        #expect(result.matches[1].unapplied == Make.money("50.00"))
        #expect(result.matches[1].applied.isZero)
    }

    @Test func takesACreditMemo() {
        let result = Matcher().reconcile(
            lines: [Make.line(1, "200050", paid: "-75.00")], deductions: [],
            invoices: [Make.invoice("200050", open: "-75.00")])
        #expect(result.matches[0].outcome == .paidInFull)
        #expect(result.openInvoices.isEmpty)
    }
}
