import RemitCore
import RemitMatch
import Testing

/// Announced 812 deductions linked to the 820 deductions and lines that quote their memo numbers.
@Suite struct MemoLinkerTests {
    static let bigMart = Party(name: "BigMart Stores Inc", idQualifier: "92", id: "BM001")
    static let grocer = Party(name: "Corner Grocer", idQualifier: "92", id: "CG7")

    static func announced(_ id: String, memo: String?, amount: String, payer: Party = bigMart) -> Deduction {
        var deduction = Make.deduction(id, line: 0, amount: amount, origin: .announced)
        deduction.paymentID = nil
        deduction.lineID = nil
        deduction.memoNumber = memo
        deduction.payer = payer
        return deduction
    }

    static func taken(_ id: String, memo: String?, amount: String, payer: Party = bigMart) -> Deduction {
        var deduction = Make.deduction(id, line: 1, amount: amount, origin: .stated)
        deduction.memoNumber = memo
        deduction.payer = payer
        return deduction
    }

    @Test func anADXQuotingTheMemoTakesEveryLineOfItOnce() {
        let (register, result) = MemoLinker().link(
            deductions: [
                Self.announced("a1", memo: "DM-55502", amount: "80.00"),
                Self.announced("a2", memo: "DM-55502", amount: "40.00"),
                Self.taken("t1", memo: "dm55502", amount: "120.00"),
            ], lines: [])
        #expect(register.map(\.id) == ["t1"], "announced deductions stay out of the register")
        #expect(result.linked.count == 1)
        let link = result.linked[0]
        #expect(link.memoNumber == "DM-55502")
        #expect(link.announced.map(\.id) == ["a1", "a2"])
        #expect(link.takenBy.map(\.id) == ["t1"])
        #expect(link.announcedTotal == [Make.money("120.00")])
        #expect(link.takenTotal == [Make.money("120.00")])
        #expect(link.amountsAgree)
        #expect(result.notYetTaken.isEmpty)
        #expect(result.takenNotAnnounced.isEmpty)
    }

    @Test func anRMRQuotingTheMemoTakesItWithItsNegativeAmountPaid() {
        let line = Make.line(7, "CB7781", paid: "-250.00")
        let (_, result) = MemoLinker().link(
            deductions: [Self.announced("a1", memo: "CB7781", amount: "200.00")], lines: [line])
        #expect(result.linked.map(\.takenByLines) == [[line]])
        #expect(result.linked.first?.takenTotal == [Make.money("250.00")])
        #expect(result.linked.first?.amountsAgree == false, "250.00 taken against 200.00 announced")
    }

    @Test func anotherPayersMemoNumberDoesNotLink() {
        let (_, result) = MemoLinker().link(
            deductions: [
                Self.announced("a1", memo: "M1", amount: "10.00"),
                Self.taken("t1", memo: "M1", amount: "10.00", payer: Self.grocer),
            ], lines: [])
        #expect(result.linked.isEmpty)
        #expect(result.notYetTaken.map(\.id) == ["a1"])
        #expect(result.takenNotAnnounced.isEmpty, "the grocer sent no 812 in this run")
    }

    @Test func onePartnerUnderTwoIdsIsOnePayer() {
        let partners = PartnerDirectory(partners: [
            Partner(key: "bigmart", name: "BigMart", payerIDs: ["BM001", "BIGMART"], payerNames: [], directory: "")
        ])
        let other = Party(name: nil, idQualifier: "ZZ", id: "BIGMART")
        let (_, result) = MemoLinker(partners: partners).link(
            deductions: [
                Self.announced("a1", memo: "M1", amount: "10.00"),
                Self.taken("t1", memo: "M1", amount: "10.00", payer: other),
            ], lines: [])
        #expect(result.linked.count == 1)
    }

    @Test func announcingPayersUnannouncedDeductionsAreListedAndOthersAreNot() {
        let (register, result) = MemoLinker().link(
            deductions: [
                Self.announced("a1", memo: "M1", amount: "10.00"),
                Self.announced("a2", memo: nil, amount: "5.00"),
                Self.taken("t1", memo: "M2", amount: "30.00"),
                Self.taken("t2", memo: nil, amount: "7.00"),
                Self.taken("t3", memo: "M3", amount: "9.00", payer: Self.grocer),
                Make.deduction("s1", line: 2, amount: "4.00", origin: .shortPay),
            ], lines: [])
        #expect(register.map(\.id) == ["t1", "t2", "t3", "s1"])
        #expect(result.linked.isEmpty)
        #expect(result.notYetTaken.map(\.id) == ["a2", "a1"], "a memo without a number can never be linked")
        #expect(result.takenNotAnnounced.map(\.id) == ["t1", "t2"])
    }

    @Test func aRunWithoutAnnouncementsIsEmptyAndKeepsItsRegister() {
        let deductions = [Self.taken("t1", memo: "M2", amount: "30.00")]
        let (register, result) = MemoLinker().link(deductions: deductions, lines: [])
        #expect(register == deductions)
        #expect(result.isEmpty)
        #expect(result.takenNotAnnounced.isEmpty)
    }

    /// An announced line of the memo in transaction set `set`, with BCD11 `purpose`.
    static func resent(_ id: String, memo: String, amount: String, set: Int, purpose: String?) -> Deduction {
        var deduction = announced(id, memo: memo, amount: amount)
        deduction.provenance.transactionID = "ST@\(set)"
        deduction.memo = AdjustmentMemo(purpose: purpose)
        return deduction
    }

    @Test func aMemoSentAgainReplacesTheEarlierOneUnlessItIsADuplicateOrConfirmation() {
        let (_, result) = MemoLinker().link(
            deductions: [
                Self.resent("a1", memo: "M1", amount: "80.00", set: 3, purpose: "00"),
                Self.resent("a2", memo: "M1", amount: "20.00", set: 3, purpose: "00"),
                Self.resent("b1", memo: "M1", amount: "90.00", set: 9, purpose: "05"),
                Self.resent("c1", memo: "M1", amount: "90.00", set: 15, purpose: "07"),
                Self.resent("d1", memo: "M1", amount: "90.00", set: 21, purpose: "06"),
            ], lines: [])
        #expect(result.notYetTaken.map(\.id) == ["b1"], "the replacement stands, once")
        #expect(result.superseded.map(\.id) == ["a1", "a2", "c1", "d1"])
    }
}
