import RemitCore
import Testing

@testable import RemitMatch

/// Credits of BAI2 groups sent as test only, deletion or correction: which are set aside, and why.
@Suite struct GroupStatusReassociationTests {
    /// A credit of account 7700112233 from bank 091000019, dated 2026-12-04 unless told, on line `line` of `file`.
    static func credit(
        _ id: String, _ cents: Int64, status: String? = nil, line: Int, file: String = "original.bai2",
        originator: String? = "091000019", account: String = "7700112233", day: Int = 4, reference: String
    ) -> BankTransaction {
        BankTransaction(
            id: id, account: account, asOfDate: ReassociatorTests.day(day), valueDate: nil, typeCode: "165",
            direction: .credit, amount: ReassociatorTests.usd(cents), fundsType: nil, bankReference: nil,
            customerReference: reference, text: nil, isReversal: false, status: status,
            provenance: Provenance(
                location: SourceLocation(file: file, line: line, column: 1, byteOffset: Int64(line * 40)),
                envelope: EnvelopeKeys(groupControl: originator), transactionID: "03@3"))
    }

    /// A group of `status` for account 7700112233 of bank 091000019 on 2026-12-04, whose 02 is line 2 of `file`.
    static func group(
        _ status: BankStatusGroup.Status, file: String, creditsBefore: Int, originator: String? = "091000019",
        accounts: [String] = ["7700112233"], day: Int = 4
    ) -> GroupWithdrawal {
        GroupWithdrawal(
            group: BankStatusGroup(
                status: status, originator: originator, asOfDate: ReassociatorTests.day(day), accounts: accounts,
                location: SourceLocation(file: file, line: 2, column: 1, byteOffset: 40)),
            creditsBefore: creditsBefore)
    }

    static let payments = [
        ReassociatorTests.payment("p1", 245000, trace: "HM20261203"),
        ReassociatorTests.payment("p2", 64000, trace: "OR5512"),
    ]

    @Test(arguments: ["PDNG", "INFO", "FUTR"])
    func anISOCreditThatIsNotBookedIsSetAsideWithItsStatus(status: String) throws {
        let result = Reassociator().pair(
            credits: [
                Self.credit("b1", 245000, status: status, line: 9, file: "n.xml", reference: "HM20261203"),
                Self.credit("b2", 64000, status: "BOOK", line: 19, file: "n.xml", reference: "OR5512"),
            ],
            payments: Self.payments)
        #expect(result.pairings.map(\.status) == [.setAside, .paired, .remittanceWithoutCash])
        let setAside = try #require(result.pairings.first)
        #expect(setAside.rule == "entry-status")
        #expect(setAside.evidence == [Evidence("entry_status", status)])
        #expect(result.pairings.last?.payments.map(\.id) == ["p1"])
    }

    @Test func aTestOnlyCreditIsSetAsideAndItsRemittanceStaysWithoutCash() throws {
        let result = Reassociator().pair(
            credits: [Self.credit("t1", 64000, status: "test_only", line: 4, reference: "OR5512")],
            payments: [Self.payments[1]])
        #expect(result.pairings.map(\.status) == [.setAside, .remittanceWithoutCash])
        let setAside = try #require(result.pairings.first)
        #expect(setAside.rule == "group-status")
        #expect(setAside.payments.isEmpty)
        #expect(setAside.evidence == [Evidence("group_status", "test_only")])
    }

    @Test func aCorrectionReplacesTheEarlierCreditsOfItsAccountAndDate() throws {
        let credits = [
            Self.credit("o1", 245000, line: 4, reference: "HM20261203"),
            Self.credit("o2", 46000, line: 5, reference: "OR5512"),
            Self.credit("c1", 245000, status: "correction", line: 4, file: "correction.bai2", reference: "HM20261203"),
            Self.credit("c2", 64000, status: "correction", line: 5, file: "correction.bai2", reference: "OR5512"),
        ]
        let result = Reassociator().pair(
            credits: credits, payments: Self.payments,
            withdrawals: [Self.group(.correction, file: "correction.bai2", creditsBefore: 2)])
        #expect(result.pairings.map(\.status) == [.setAside, .setAside, .paired, .paired])
        #expect(result.pairings.map { $0.bankTransaction?.id } == ["o1", "o2", "c1", "c2"])
        #expect(
            result.pairings[0].evidence == [
                Evidence("replaced_by", "correction.bai2:2"), Evidence("replacing_status", "correction"),
            ])
        #expect(result.pairings[3].payments.map(\.id) == ["p2"])
    }

    @Test func aDeletionWithdrawsTheEarlierCreditsAndIsNoCashItself() {
        let credits = [
            Self.credit("o1", 245000, line: 4, reference: "HM20261203"),
            Self.credit("d1", 245000, status: "deletion", line: 4, file: "deletion.bai2", reference: "HM20261203"),
        ]
        let result = Reassociator().pair(
            credits: credits, payments: [Self.payments[0]],
            withdrawals: [Self.group(.deletion, file: "deletion.bai2", creditsBefore: 1)])
        #expect(result.pairings.map(\.status) == [.setAside, .setAside, .remittanceWithoutCash])
        #expect(result.pairings[0].evidence.first == Evidence("replaced_by", "deletion.bai2:2"))
        #expect(result.pairings[0].evidence.last == Evidence("replacing_status", "deletion"))
        #expect(result.pairings[1].evidence == [Evidence("group_status", "deletion")])
    }

    @Test func aSecondCorrectionReplacesTheFirstAndTheFirstIsNamedForTheOriginal() {
        let credits = [
            Self.credit("o1", 245000, line: 4, reference: "HM20261203"),
            Self.credit("c1", 245000, status: "correction", line: 4, file: "first.bai2", reference: "HM20261203"),
            Self.credit("c2", 245000, status: "correction", line: 4, file: "second.bai2", reference: "HM20261203"),
        ]
        let result = Reassociator().pair(
            credits: credits, payments: [Self.payments[0]],
            withdrawals: [
                Self.group(.correction, file: "first.bai2", creditsBefore: 1),
                Self.group(.correction, file: "second.bai2", creditsBefore: 2),
            ])
        #expect(result.pairings.map(\.status) == [.setAside, .setAside, .paired])
        #expect(result.pairings[0].evidence.first == Evidence("replaced_by", "first.bai2:2"))
        #expect(result.pairings[1].evidence.first == Evidence("replaced_by", "second.bai2:2"))
    }

    /// An update's credits stay cash when the correction names another originator, account or date, comes
    /// before them, or has no originator; and a test-only group withdraws nothing.
    @Test(arguments: [
        ("another originator", group(.correction, file: "c.bai2", creditsBefore: 1, originator: "021000021")),
        ("another account", group(.correction, file: "c.bai2", creditsBefore: 1, accounts: ["7700999999"])),
        ("another date", group(.correction, file: "c.bai2", creditsBefore: 1, day: 3)),
        ("read before the credit", group(.correction, file: "c.bai2", creditsBefore: 0)),
        ("no originator", group(.correction, file: "c.bai2", creditsBefore: 1, originator: nil)),
        ("test only", group(.testOnly, file: "c.bai2", creditsBefore: 1)),
    ])
    func anUpdateCreditOutsideTheGroupStaysCash(_ why: String, _ withdrawal: GroupWithdrawal) {
        let result = Reassociator().pair(
            credits: [Self.credit("u1", 245000, line: 4, reference: "HM20261203")], payments: [Self.payments[0]],
            withdrawals: [withdrawal])
        #expect(result.pairings.map(\.status) == [.paired], "\(why)")
        #expect(result.with(.setAside).isEmpty, "\(why)")
    }
}
