import RemitCore
import Testing

@testable import RemitMatch

/// Each reassociation rule on its own, and what is left over.
@Suite struct ReassociatorTests {
    static func usd(_ cents: Int64) -> Money { Money(FixedDecimal(units: cents, scale: 2), "USD") }

    static func day(_ day: Int) -> CalendarDate { CalendarDate(year: 2026, month: 12, day: day)! }

    static func credit(
        _ id: String, _ cents: Int64, day: Int = 4, bankReference: String? = nil, customerReference: String? = nil,
        text: String? = nil, file: String = "bank.bai2", transactionID: String = "03@3"
    ) -> BankTransaction {
        BankTransaction(
            id: id, account: "7700112233", asOfDate: Self.day(day), valueDate: nil, typeCode: "165",
            direction: .credit, amount: usd(cents), fundsType: nil, bankReference: bankReference,
            customerReference: customerReference, text: text, isReversal: false,
            provenance: Provenance(location: .wholeFile(file), transactionID: transactionID))
    }

    static func payment(
        _ id: String, _ cents: Int64, day: Int? = 4, trace: String? = nil, payer: String? = nil,
        direction: Payment.Direction = .credit, file: String = "advice.820", transactionID: String = "ST@3"
    ) -> Payment {
        Payment(
            id: id, payer: Party(name: payer), payee: Party(), method: nil, format: nil, handlingCode: nil,
            amount: usd(cents), direction: direction, date: day.map { Self.day($0) }, traceNumber: trace,
            originatorID: nil, provenance: Provenance(location: .wholeFile(file), transactionID: transactionID))
    }

    @Test func aTraceInTheBankReferencePairs() throws {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 245000, bankReference: "021000020000101")],
            payments: [Self.payment("p1", 245000, trace: "021000020000101")])
        let pairing = try #require(result.pairings.first)
        #expect(result.pairings.count == 1)
        #expect(pairing.status == .paired)
        #expect(pairing.rule == "trace")
        #expect(pairing.score == 100)
        #expect(pairing.evidence.contains(Evidence("found_in", "bank_reference")))
        #expect(pairing.difference == Self.usd(0))
    }

    @Test func theRemittanceTraceKeptBesideAnACHTracePairsToo() throws {
        // A CTX payment's trace is the ACH trace; the bank here reports the 820's own TRN02 instead.
        var payment = Self.payment("p1", 245000, trace: "021000020000101")
        payment.references = [
            PaymentReference(qualifier: "VR", value: "HM20261203X"),
            PaymentReference(qualifier: "TRN", value: "HM20261203"),
        ]
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 245000, customerReference: "HM20261203")], payments: [payment])
        let pairing = try #require(result.pairings.first)
        #expect(pairing.status == .paired)
        #expect(pairing.rule == "trace")
        #expect(pairing.evidence.contains(Evidence("trace", "HM20261203")))
        #expect(pairing.evidence.contains(Evidence("found_in", "customer_reference")))
    }

    @Test func otherPaymentReferencesAreNoTrace() {
        var payment = Self.payment("p1", 245000, day: nil)
        payment.references = [PaymentReference(qualifier: "CK", value: "HM20261203")]
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 245000, customerReference: "HM20261203")], payments: [payment])
        #expect(result.pairings.allSatisfy { $0.rule != "trace" })
    }

    @Test func traceKeysIgnoreCasePunctuationAndLeadingZeros() throws {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 100000, customerReference: "mt-2026/1202")],
            payments: [Self.payment("p1", 100000, trace: "00MT20261202")])
        #expect(result.pairings.first?.rule == "trace")
        #expect(result.pairings.first?.evidence.contains(Evidence("found_in", "customer_reference")) == true)
    }

    @Test func aTraceWithADifferentAmountIsAnAmountDifference() throws {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 99500, customerReference: "MT20261202")],
            payments: [Self.payment("p1", 100000, trace: "MT20261202")])
        let pairing = try #require(result.pairings.first)
        #expect(pairing.status == .amountDifference)
        #expect(pairing.score == 90)
        #expect(pairing.difference == Self.usd(-500))
    }

    @Test func aShortTraceDoesNotPairByItself() {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 100, bankReference: "1", text: "NO NAME")],
            payments: [Self.payment("p1", 200, trace: "1")])
        #expect(result.pairings.map(\.status) == [.cashWithoutRemittance, .remittanceWithoutCash])
    }

    @Test func amountDateAndPayerNamePair() throws {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 103400, day: 4, text: "ACH CREDIT CORNER GROCER CO")],
            payments: [
                Self.payment("other", 103400, day: 4, payer: "Orchard Fresh"),
                Self.payment("p1", 103400, day: 3, payer: "Corner Grocer Co"),
            ])
        let pairing = try #require(result.pairings.first)
        #expect(pairing.rule == "amount-date-payer")
        #expect(pairing.payments.map(\.id) == ["p1"])
        #expect(pairing.evidence.contains(Evidence("days_apart", "1")))
        #expect(result.pairings.last?.payments.map(\.id) == ["other"])
        #expect(result.pairings.last?.status == .remittanceWithoutCash)
    }

    @Test func aDateOutsideTheWindowDoesNotPair() {
        let result = Reassociator(options: ReassociationOptions(dateWindowDays: 3)).pair(
            credits: [Self.credit("b1", 103400, day: 10, text: "CORNER GROCER")],
            payments: [Self.payment("p1", 103400, day: 6, payer: "Corner Grocer")])
        #expect(result.pairings.map(\.status) == [.cashWithoutRemittance, .remittanceWithoutCash])
    }

    @Test func aLoneAmountWithinTheWindowPairsWithALowScore() throws {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 64000, day: 4)], payments: [Self.payment("p1", 64000, day: 4)])
        let pairing = try #require(result.pairings.first)
        #expect(pairing.rule == "amount-date")
        #expect(pairing.score == 50)
    }

    @Test func twoEqualCandidatesAreLeftForAPerson() {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 64000, day: 4)],
            payments: [Self.payment("p1", 64000, day: 4), Self.payment("p2", 64000, day: 5)])
        #expect(
            result.pairings.map(\.status) == [.cashWithoutRemittance, .remittanceWithoutCash, .remittanceWithoutCash])
    }

    @Test func detailsInsideABankEntryPairWithIt() throws {
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 30000, file: "camt054.xml", transactionID: "Ntry@5")],
            payments: [
                Self.payment("p1", 10000, file: "camt054.xml", transactionID: "Ntry@5"),
                Self.payment("p2", 20000, file: "camt054.xml", transactionID: "Ntry@5"),
            ])
        let pairing = try #require(result.pairings.first)
        #expect(result.pairings.count == 1)
        #expect(pairing.rule == "same-entry")
        #expect(pairing.payments.map(\.id) == ["p1", "p2"])
        #expect(pairing.paymentsTotal == Self.usd(30000))
        #expect(pairing.status == .paired)
    }

    @Test func aDetailNamingItsAdviceIsPaidAsTheAdviceSaysAndOneNamingNoAdviceStays() throws {
        var named = Self.payment("p1", 10000, file: "camt054.xml", transactionID: "Ntry@5")
        named.relatedRemittanceID = "RA-1"
        var unknown = Self.payment("p2", 20000, file: "camt054.xml", transactionID: "Ntry@5")
        unknown.relatedRemittanceID = "RA-404"
        var advice = Self.payment("a1", 10000, file: "remt.xml", transactionID: "RmtInf@4")
        advice.remittanceID = "RA-1"
        let result = Reassociator().pair(
            credits: [Self.credit("b1", 30000, file: "camt054.xml", transactionID: "Ntry@5")],
            payments: [named, unknown, advice])
        #expect(result.pairings.count == 1, "the detail stands for no second payment: \(result.pairings)")
        let pairing = try #require(result.pairings.first)
        #expect(pairing.rule == "related-remittance")
        #expect(pairing.payments.map(\.id) == ["p2", "a1"])
        #expect(pairing.paymentsTotal == Self.usd(30000))
        #expect(
            pairing.evidence == [
                Evidence("entry", "Ntry@5"), Evidence("payments", "2"), Evidence("bank_detail", "p1"),
                Evidence("related_remittance", "RA-1"),
            ])
    }

    @Test func debitsAndZeroPaymentsTakeNoPart() {
        let result = Reassociator().pair(
            credits: [],
            payments: [Self.payment("debit", -2500, direction: .debit), Self.payment("zero", 0)])
        #expect(result.pairings.isEmpty)
    }

    @Test func aPaymentFundsOneCreditOnly() {
        let result = Reassociator().pair(
            credits: [
                Self.credit("b1", 100000, bankReference: "TRACE123456"),
                Self.credit("b2", 100000, bankReference: "TRACE123456"),
            ],
            payments: [Self.payment("p1", 100000, trace: "TRACE123456")])
        #expect(result.pairings.map(\.status) == [.paired, .cashWithoutRemittance])
    }
}
