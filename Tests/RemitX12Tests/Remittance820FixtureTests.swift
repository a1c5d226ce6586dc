import RemitCore
import Testing

/// The canonical records of the 820 fixtures, field by field. Every figure was read off the fixture's bytes.
@Suite struct Remittance820FixtureTests {
    static func at(
        _ file: String, line: Int, column: Int, byte: Int64, segment: Int, element: String
    ) -> RemitCore.SourceLocation {
        RemitCore.SourceLocation(
            file: file, line: line, column: column, byteOffset: byte, segmentIndex: segment, element: element)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: day)
    }

    @Test func adxUnderENTIsUnattachedAndADXAfterRMRBelongsToIt() throws {
        let file = "remit-820-adx-attached-unattached.edi"
        let sink = try Fixtures.read(fixture: file)
        #expect(sink.records.map(\.id) == ["F:pay:4", "F:ded:10", "F:line:13", "F:line:16", "F:ded:19", "F:line:21"])

        let payment = try #require(sink.payments.first)
        let payer = Party(name: "BIGBOX RETAIL STORES INC", idQualifier: "92", id: "BB001")
        #expect(payment.amount == usd(118_050))
        #expect(payment.amount.formattedAmount == "1180.50")
        #expect(payment.direction == .credit)
        #expect(payment.handlingCode == "I")
        #expect(payment.method == "ACH")
        #expect(payment.format == "CTX")
        #expect(payment.date == Self.date(2026, 1, 5))
        #expect(payment.traceNumber == "CHK0042")
        #expect(payment.originatorID == "1234567890")
        #expect(payment.payer == payer)
        #expect(payment.payee == Party(name: "ACME FOODS LLC", idQualifier: "91", id: "V-7788"))
        #expect(
            payment.provenance.location == Self.at(file, line: 4, column: 7, byte: 183, segment: 4, element: "BPR02"))
        #expect(
            payment.provenance.envelope
                == EnvelopeKeys(
                    interchangeControl: "000000101", groupControl: "101", transactionControl: "0001",
                    senderID: "BIGBOXRETAIL", receiverID: "ACMEFOODS", version: "004010"))
        #expect(payment.provenance.fileSHA256 == "ab12")
        #expect(payment.provenance.transactionID == "ST@3")

        let deductions = sink.deductions
        try #require(deductions.count == 2)
        let unattached = deductions[0]
        #expect(unattached.amount == usd(7_500), "ADX01 -75.00 withheld")
        #expect(unattached.paymentID == "F:pay:4")
        #expect(unattached.lineID == nil)
        #expect(unattached.invoiceReference == nil)
        #expect(unattached.reasonCode == "16")
        #expect(unattached.reasonCodeList == "X12-426")
        #expect(unattached.category == .promotion)
        #expect(unattached.categorySource == "reason-codes/x12-426.tsv:22")
        #expect(unattached.reasonText == "COOP AD JAN | CO-OP ADVERTISING FEE", "REF02 and NTE02 under the ADX")
        #expect(unattached.memoQualifier == "CM")
        #expect(unattached.memoNumber == "CB-2026-001")
        #expect(unattached.payer == payer)
        #expect(unattached.paymentTrace == "CHK0042")
        #expect(unattached.origin == .stated)
        #expect(
            unattached.provenance.location
                == Self.at(file, line: 10, column: 5, byte: 403, segment: 10, element: "ADX01"))

        let attached = deductions[1]
        #expect(attached.amount == usd(5_000))
        #expect(attached.lineID == "F:line:16")
        #expect(attached.invoiceReference == "INV-0001002")
        #expect(attached.reasonCode == "01")
        #expect(attached.category == .pricing)
        #expect(attached.categorySource == "reason-codes/x12-426.tsv:7")
        #expect(attached.reasonText == "17 PRICE DIFF ON ITEM 12", "REF02 and REF03 joined")
        #expect(attached.memoQualifier == "DB")
        #expect(attached.memoNumber == "DM-9001")
        #expect(
            attached.provenance.location == Self.at(file, line: 19, column: 5, byte: 622, segment: 19, element: "ADX01")
        )

        let lines = sink.lines
        #expect(lines.map(\.referenceQualifier) == ["IV", "IV", "IV"])
        #expect(lines.map(\.reference) == ["INV-0001001", "INV-0001002", "INV-0001003"])
        #expect(lines.map(\.normalizedReference) == ["1001", "1002", "1003"])
        #expect(lines.map(\.amountPaid) == [usd(50_000), usd(40_000), usd(35_550)])
        #expect(lines.map(\.invoiceAmount) == [usd(50_000), usd(45_000), usd(35_550)])
        #expect(lines.map(\.discountTaken) == [nil, nil, nil])
        #expect(lines.map(\.purchaseOrder) == ["PO-5501", "PO-5502", nil])
        #expect(lines.map(\.invoiceDate) == [Self.date(2025, 12, 1), Self.date(2025, 12, 3), nil])
        #expect(lines.map(\.paymentID) == ["F:pay:4", "F:pay:4", "F:pay:4"])
        // RMR04 follows `RMR*IV*INV-000100n**`, 20 bytes into the segment.
        #expect(
            lines.map(\.provenance.location) == [
                Self.at(file, line: 13, column: 21, byte: 500, segment: 13, element: "RMR04"),
                Self.at(file, line: 16, column: 21, byte: 569, segment: 16, element: "RMR04"),
                Self.at(file, line: 21, column: 21, byte: 697, segment: 21, element: "RMR04"),
            ])
    }

    @Test func shortPaysWithoutADXBecomeDeductionsInTheStatedCurrency() throws {
        let file = "remit-820-short-pay.edi"
        let sink = try Fixtures.read(fixture: file)
        #expect(
            sink.records.map(\.id) == [
                "F:pay:4", "F:line:8", "F:line:9", "F:ded:9:short", "F:line:10", "F:ded:11", "F:ded:10:short",
            ])
        let payment = try #require(sink.payments.first)
        #expect(payment.amount == cad(172_500))
        #expect(payment.handlingCode == "C")
        #expect(payment.method == "CHK")
        #expect(payment.format == nil)
        #expect(payment.date == Self.date(2026, 1, 10), "BPR16")
        #expect(payment.traceNumber == "0098765")
        #expect(payment.originatorID == nil)
        #expect(payment.payer == Party(name: "GROCERY CO"))

        #expect(sink.lines.map(\.amountPaid) == [cad(98_000), cad(50_000), cad(25_000)])
        #expect(sink.lines.map(\.invoiceAmount) == [cad(100_000), cad(60_000), cad(30_000)])
        #expect(sink.lines.map(\.discountTaken) == [cad(2_000), nil, cad(500)])

        // 77001: 1000.00 - 20.00 discount = 980.00 paid, nothing short. 77002: 600.00 - 500.00 = 100.00 short.
        // 77003: 300.00 - 5.00 - 250.00 = 45.00, of which ADX*-30.00*04 explains 30.00: 15.00 unexplained.
        let deductions = sink.deductions
        #expect(deductions.map(\.amount) == [cad(10_000), cad(3_000), cad(1_500)])
        #expect(deductions.map(\.origin) == [.shortPay, .stated, .shortPay])
        #expect(deductions.map(\.lineID) == ["F:line:9", "F:line:10", "F:line:10"])
        #expect(deductions.map(\.invoiceReference) == ["77002", "77003", "77003"])
        #expect(deductions.map(\.category) == [.unidentified, .damage, .unidentified])
        #expect(
            deductions.map(\.categorySource) == ["rule:short-pay", "reason-codes/x12-426.tsv:10", "rule:short-pay"])
        #expect(deductions.map(\.reasonCode) == [nil, "04", nil])
        #expect(deductions.map(\.reasonCodeList) == [nil, "X12-426", nil])
        // A short pay is located at the RMR05 it was computed from; the ADX at its ADX01.
        #expect(
            deductions.map(\.provenance.location) == [
                Self.at(file, line: 9, column: 22, byte: 317, segment: 9, element: "RMR05"),
                Self.at(file, line: 11, column: 5, byte: 363, segment: 11, element: "ADX01"),
                Self.at(file, line: 10, column: 22, byte: 346, segment: 10, element: "RMR05"),
            ])
    }

    @Test func theSamePositiveADXReducesThePaymentIn003030AndIncreasesItFrom003050() throws {
        let sink = try Fixtures.read(fixture: "remit-820-adx-sign-by-version.edi")
        let deductions = sink.deductions
        #expect(deductions.map(\.id) == ["F:ded:6", "F:ded:13"])
        // 003030: ADX*10.00 reduces the payment, so 10.00 was withheld (100.00 invoice, 90.00 paid).
        // 004010: ADX*10.00 adds to it, a negative deduction (100.00 invoice, 110.00 paid).
        #expect(deductions.map(\.amount) == [usd(1_000), usd(-1_000)])
        #expect(deductions.map(\.reasonCode) == ["06", "52"])
        #expect(deductions.map(\.category) == [.shortage, .duplicate])
        #expect(deductions.map(\.lineID) == ["F:line:5", "F:line:12"])
        #expect(deductions.map(\.provenance.envelope.version) == ["003030", "004010"])
        #expect(deductions.map(\.provenance.envelope.groupControl) == ["11", "12"])
        #expect(sink.diagnostics.isEmpty, "neither RMR is left short once its ADX is counted")
    }

    @Test func hipaaListBillPaymentReadsBPRFieldsAndSixLines() throws {
        let file = "820-5010-x218-list-bill-payment.edi"
        let sink = try Fixtures.read(fixture: file)
        let payment = try #require(sink.payments.first)
        #expect(payment.amount == usd(25_500))
        #expect(payment.amount.formattedAmount == "255.00")
        #expect(payment.handlingCode == "C")
        #expect(payment.method == "ACH")
        #expect(payment.format == "CTX")
        #expect(payment.originatorID == "1345678901", "BPR10")
        #expect(payment.date == Self.date(2007, 11, 3), "BPR16")
        #expect(payment.traceNumber == "78905")
        #expect(payment.payer == Party(name: "ALFA MEDAL CO", idQualifier: "FI", id: "123456789"))
        #expect(payment.payee == Party(name: "BATA INSURANCE CO.", idQualifier: "FI", id: "012222222"))
        #expect(
            payment.provenance.location == Self.at(file, line: 1, column: 197, byte: 196, segment: 4, element: "BPR02"))
        #expect(
            payment.provenance.envelope
                == EnvelopeKeys(
                    interchangeControl: "000010216", groupControl: "20213", transactionControl: "0001",
                    senderID: "123456789012345", receiverID: "123456789012346", version: "005010X218"))
        #expect(sink.lines.map(\.reference) == ["555666", "555667", "555777", "544477", "551166", "558766"])
        #expect(sink.lines.allSatisfy { $0.referenceQualifier == "IG" })
        #expect(
            sink.lines.map(\.amountPaid) == [usd(3_000), usd(3_500), usd(4_500), usd(5_000), usd(4_500), usd(5_000)])
        #expect(sink.deductions.isEmpty)
    }

    @Test func zeroPaymentWithNegativeLinesAndARemitterInsteadOfAPayer() throws {
        let sink = try Fixtures.read(fixture: "820-5010-x306-zero-payment-negative-rmr.edi")
        let payment = try #require(sink.payments.first)
        #expect(payment.amount == usd(0))
        #expect(payment.handlingCode == "I")
        #expect(payment.method == "NON")
        #expect(payment.date == Self.date(2014, 1, 28))
        #expect(payment.traceNumber == "123456789123567")
        #expect(payment.payer == Party(name: "CMS", idQualifier: "58", id: "CMS"), "N1*RM stands in for the payer")
        #expect(payment.payee == Party(name: "USINS", idQualifier: "FI", id: "121231234"))
        #expect(sink.lines.map(\.reference) == ["UF", "UF", "INVOICE"])
        #expect(sink.lines.map(\.referenceQualifier) == ["ZZ", "ZZ", "ZZ"])
        #expect(sink.lines.map(\.amountPaid) == [usd(-2_500), usd(-1_500), usd(4_000)])
        #expect(sink.deductions.isEmpty, "no RMR05, so no short pay can be computed")
    }

    @Test func twoInterchangesGiveTwoPaymentsWithTheirOwnEnvelopes() throws {
        let sink = try Fixtures.read(fixture: "remit-820-two-interchanges.edi")
        #expect(sink.payments.map(\.amount) == [usd(10_000), usd(25_025)])
        #expect(sink.payments.map(\.payer.name) == ["PAYER ONE", "PAYER*TWO"])
        #expect(sink.payments.map(\.traceNumber) == ["TR301", "TR302"])
        #expect(sink.payments.map(\.provenance.envelope.senderID) == ["PAYERONE", "PAYERTWO"])
        #expect(sink.payments.map(\.provenance.envelope.interchangeControl) == ["000000301", "000000302"])
        #expect(sink.payments.map(\.provenance.envelope.version) == ["004010", "005010"])
        #expect(sink.lines.map(\.reference) == ["A-1", "B-2"])
        // Second interchange: LF terminator, one segment per line; BPR on line 14 at byte 455.
        #expect(
            sink.payments.last?.provenance.location
                == Self.at(
                    "remit-820-two-interchanges.edi", line: 14, column: 7, byte: 461, segment: 14, element: "BPR02"))
    }

    @Test func indentedCRLFFileWithBOMTrimsValuesAndTakesTheDateFromDTM() throws {
        let file = "remit-820-crlf-indented.edi"
        let sink = try Fixtures.read(fixture: file)
        let payment = try #require(sink.payments.first)
        #expect(payment.amount == usd(9_000))
        #expect(payment.date == Self.date(2026, 3, 1), "no BPR16: DTM*020 (check date)")
        #expect(payment.traceNumber == "EFT-404")
        #expect(payment.payer == Party(name: "DEPT STORE HOLDINGS", idQualifier: "FI", id: "987654321"), "NM1*PR")
        #expect(payment.provenance.envelope.transactionControl == "0404", "ST02 '0404 ' trimmed")
        #expect(
            payment.provenance.location == Self.at(file, line: 4, column: 13, byte: 199, segment: 4, element: "BPR02"))
        let line = try #require(sink.lines.first)
        #expect(line.reference == "INV 404")
        #expect(line.normalizedReference == "404")
        #expect(line.provenance.location == Self.at(file, line: 8, column: 26, byte: 343, segment: 8, element: "RMR04"))
    }

    @Test func carriageReturnTerminatedFileLocatesValuesOnTheirLines() throws {
        let file = "remit-820-cr-terminator-no-final.edi"
        let sink = try Fixtures.read(fixture: file)
        #expect(sink.payments.map(\.amount) == [usd(1_000)])
        #expect(
            sink.payments.first?.provenance.location
                == Self.at(file, line: 4, column: 13, byte: 191, segment: 4, element: "BPR02"))
        #expect(sink.lines.map(\.reference) == ["505-1"])
        #expect(
            sink.lines.first?.provenance.location
                == Self.at(file, line: 5, column: 21, byte: 228, segment: 5, element: "RMR04"))
    }

    @Test func letterInISA11AndInDataIsOnlyData() throws {
        let sink = try Fixtures.read(fixture: "remit-820-isa11-letter.edi")
        #expect(sink.payments.first?.payer == Party(name: "UNITED BUYERS UNLIMITED", idQualifier: "92", id: "U-UU"))
        #expect(sink.payments.first?.amount == usd(1_550))
        #expect(sink.lines.map(\.reference) == ["UU-100"])
        #expect(sink.lines.map(\.normalizedReference) == ["UU100"])
    }

    @Test func ellipsisTerminatedFileKeepsTheTwoDotLeaderInTheName() throws {
        let sink = try Fixtures.read(fixture: "remit-820-ellipsis-terminator.edi")
        #expect(sink.payments.first?.payer.name == "ELLIPSIS\u{2025}MART")
        #expect(sink.lines.map(\.amountPaid) == [usd(4_200)])
    }

    @Test func truncatedTransactionKeepsWhatWasEmittedUnderItsRejectedID() throws {
        let sink = try Fixtures.read(fixture: "remit-820-truncated.edi")
        // The payment went out at the first RMR, T-1 at the second; T-2 was held when the file ended.
        #expect(sink.records.map(\.id) == ["F:pay:4", "F:line:6"])
        #expect(sink.records.allSatisfy { $0.provenance.transactionID == "ST@3" })
        #expect(sink.summaries.map(\.status) == [.rejected])
    }
}
