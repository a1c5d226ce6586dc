import RemitCore
import Testing

/// The announced deductions of the 812 fixtures, whole records compared, read whole and in small chunks.
/// Every figure was read off the fixture's bytes (element offsets counted from each segment's start).
@Suite struct Adjustment812FixtureTests {
    static let chunkSizes: [Int?] = [1, 2, 7, 64, nil]
    static let bigBox = Party(name: "BIGBOX RETAIL STORES INC", idQualifier: "92", id: "BB001")

    static func cdd04(_ file: String, line: Int, column: Int, byte: Int64, interchange: Int, version: String)
        -> Provenance
    {
        let control = String(interchange)
        return Provenance(
            location: RemitCore.SourceLocation(
                file: file, line: line, column: column, byteOffset: byte, segmentIndex: line, element: "CDD04"),
            fileSHA256: "ab12",
            envelope: EnvelopeKeys(
                interchangeControl: "000000" + control, groupControl: control,
                transactionControl: "000" + String(interchange - 200), senderID: "BIGBOXRETAIL",
                receiverID: "ACMEFOODS", version: version),
            transactionID: "ST@3")
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: day)
    }

    @Test(arguments: chunkSizes)
    func complianceFineIsOneDebitCategorisedByItsASNCode(chunkSize: Int?) throws {
        let file = "remit-812-compliance-fine.edi"
        let sink = try Fixtures.read(fixture: file, chunkSize: chunkSize)
        let memo = AdjustmentMemo(
            date: Self.date(2026, 1, 12), handlingCode: "I", memoTotal: usd(25_000), creditDebitFlag: "D",
            invoiceDate: Self.date(2025, 12, 1), purchaseOrderDate: Self.date(2025, 11, 20), purchaseOrder: "PO-5501",
            purpose: "00")
        let expected = Deduction(
            id: "F:ded:7", paymentID: nil, lineID: nil, amount: usd(25_000), reasonCode: "70",
            reasonCodeList: "X12-426", category: .compliance, categorySource: "reason-codes/x12-426.tsv:75",
            reasonText: "ASN LATE 856 RECEIVED AFTER DELIVERY", invoiceReference: "INV-0001001",
            memoNumber: "CB-ASN-7001", memoQualifier: nil, payer: Self.bigBox, paymentTrace: nil, origin: .announced,
            provenance: Self.cdd04(file, line: 7, column: 11, byte: 338, interchange: 201, version: "004010"),
            memo: memo)
        #expect(sink.records == [.deduction(expected)])
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.deductions.first?.amount.formattedAmount == "250.00", "25000 has two implied decimals")
    }

    @Test(arguments: chunkSizes)
    func shortageClaimKeepsEachLineWithItsItemDetail(chunkSize: Int?) throws {
        let file = "remit-812-shortage-lines.edi"
        let sink = try Fixtures.read(fixture: file, chunkSize: chunkSize)
        let header = AdjustmentMemo(
            date: Self.date(2026, 1, 14), handlingCode: "I", memoTotal: usd(17_675), creditDebitFlag: "D",
            invoiceDate: Self.date(2025, 12, 3), vendorOrder: "VO-4410", purchaseOrderDate: Self.date(2025, 11, 25),
            purchaseOrder: "PO-5502", purpose: "00")
        var first = header
        first.lineReference = "001"
        first.quantity = "2"
        first.unit = "CA"
        first.lineContext = [
            "LIN: 1 UP 012345678905 VN ACME-OAT-12", "QTY: 39 2 CA", "PO4: 12 1 EA", "PID: F ROLLED OATS 12 CT",
        ]
        var second = header
        second.lineReference = "002"
        second.quantity = "5"
        second.unit = "CA"
        second.lineContext = ["LIN: 2 UP 012345678912", "PID: F GRANOLA BAR 24 CT"]
        let lines = [
            (id: "F:ded:6", amount: usd(4_400), code: "06", row: 12, memo: first, line: 6, byte: Int64(313)),
            (id: "F:ded:11", amount: usd(13_275), code: "59", row: 65, memo: second, line: 11, byte: Int64(431)),
        ]
        let expected = lines.map {
            CanonicalRecord.deduction(
                Deduction(
                    id: $0.id, paymentID: nil, lineID: nil, amount: $0.amount, reasonCode: $0.code,
                    reasonCodeList: "X12-426", category: .shortage,
                    categorySource: "reason-codes/x12-426.tsv:\($0.row)",
                    reasonText: nil, invoiceReference: "INV-0001002", memoNumber: "SH-88001", memoQualifier: nil,
                    payer: Self.bigBox, paymentTrace: nil, origin: .announced,
                    provenance: Self.cdd04(
                        file, line: $0.line, column: 14, byte: $0.byte, interchange: 202, version: "004010"),
                    memo: $0.memo))
        }
        #expect(sink.records == expected)
        #expect(sink.diagnostics.isEmpty)
        let summary = try #require(sink.summaries.first)
        #expect(summary.kind == "812")
        #expect(summary.statedTotal == usd(17_675))
        #expect(summary.linesTotal == usd(17_675))
        #expect(summary.imbalance == usd(0))
        #expect(summary.linesRead == 2)
    }

    @Test(arguments: chunkSizes)
    func promotionIsInTheCurrencyOfCURAndThePayerIsTheBuyer(chunkSize: Int?) throws {
        let sink = try Fixtures.read(fixture: "remit-812-promotion.edi", chunkSize: chunkSize)
        let deduction = try #require(sink.deductions.first)
        #expect(sink.records.count == 1)
        #expect(deduction.amount == cad(120_050))
        #expect(deduction.amount.formattedAmount == "1200.50")
        #expect(deduction.category == .promotion)
        #expect(deduction.categorySource == "reason-codes/x12-426.tsv:22")
        #expect(deduction.reasonText == "TPR WEEK 3 SCAN DOWN", "NTE02 under the CDD")
        #expect(deduction.payer == Party(name: "MAPLE MART LTD", idQualifier: "92", id: "MM01"), "N1*BY, not N1*SU")
        #expect(deduction.memoNumber == "PR-2026-014")
        #expect(deduction.invoiceReference == "INV-0002001")
        #expect(deduction.memo?.purchaseOrder == "PO-7700")
        #expect(deduction.memo?.invoiceDate == nil, "BCD06 is empty")
        #expect(deduction.memo?.memoTotal == cad(120_050))
        #expect(deduction.provenance.location.byteOffset == 321)
        #expect(deduction.provenance.envelope.senderID == "MAPLEMART")
        #expect(sink.diagnostics.isEmpty)
    }

    @Test(arguments: chunkSizes)
    func creditLinesAreNegativeAndTheMemoNetsToItsSignedTotal(chunkSize: Int?) throws {
        let file = "remit-812-credit-adjustment.edi"
        let sink = try Fixtures.read(fixture: file, chunkSize: chunkSize)
        let header = AdjustmentMemo(
            date: Self.date(2026, 2, 1), handlingCode: "I", memoTotal: usd(-4_000), invoiceDate: Self.date(2025, 12, 1),
            purchaseOrder: "PO-5501", purpose: "05")
        var credit = header
        credit.creditDebitFlag = "C"
        var debit = header
        debit.creditDebitFlag = "D"
        let expected: [CanonicalRecord] = [
            .deduction(
                Deduction(
                    id: "F:ded:6", paymentID: nil, lineID: nil, amount: usd(-5_000), reasonCode: "70",
                    reasonCodeList: "X12-426", category: .compliance, categorySource: "reason-codes/x12-426.tsv:75",
                    reasonText: "FINE REVERSED", invoiceReference: "INV-0001001", memoNumber: "CR-7001-REV",
                    memoQualifier: nil, payer: Self.bigBox, paymentTrace: nil, origin: .announced,
                    provenance: Self.cdd04(file, line: 6, column: 11, byte: 302, interchange: 204, version: "005010"),
                    memo: credit)),
            .deduction(
                Deduction(
                    id: "F:ded:8", paymentID: nil, lineID: nil, amount: usd(1_000), reasonCode: "01",
                    reasonCodeList: "X12-426", category: .pricing, categorySource: "reason-codes/x12-426.tsv:7",
                    reasonText: nil, invoiceReference: "INV-0001001", memoNumber: "CR-7001-REV", memoQualifier: nil,
                    payer: Self.bigBox, paymentTrace: nil, origin: .announced,
                    provenance: Self.cdd04(file, line: 8, column: 11, byte: 341, interchange: 204, version: "005010"),
                    memo: debit)),
        ]
        #expect(sink.records == expected)
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.summaries.map(\.imbalance) == [usd(0)], "-50.00 + 10.00 = BCD04 40.00 credited")
    }
}
