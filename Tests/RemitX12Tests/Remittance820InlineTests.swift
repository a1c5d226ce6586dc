import RemitCore
import RemitX12
import Testing

/// 820 cases written inline: the ADX sign by version in the tie-out, amounts that are not numbers, a debit,
/// a missing BPR. Segment offsets are those of `Inline.file`, one segment per line (see `EnvelopeTests`).
@Suite struct Remittance820InlineTests {
    /// ST, BPR (byte 168), ENT, an ADX under ENT (line 6, byte 194), RMR (line 7), SE.
    static func unattachedADX(_ adx: String, paid: String = "100.00") -> [String] {
        ["ST*820*0001", "BPR*C*90.00*C*CHK", "ENT*1", "ADX*\(adx)*16*CM*CB-1", "RMR*IV*A-1**\(paid)", "SE*6*0001"]
    }

    @Test(arguments: [
        ("003030", "10.00"), ("003040", "10.00"), ("003050", "-10.00"), ("004010", "-10.00"), ("005010X218", "-10.00"),
    ])
    func tieOutReadsADXWithTheGroupVersionsSign(version: String, adx: String) throws {
        let sink = Fixtures.read(Inline.file(Self.unattachedADX(adx), version: version))
        #expect(sink.diagnostics.isEmpty, "90.00 = 100.00 paid less 10.00 withheld")
        let summary = try #require(sink.summaries.first)
        #expect(summary.statedTotal == usd(9_000))
        #expect(summary.linesTotal == usd(10_000))
        #expect(summary.adjustmentsTotal == usd(-1_000), "normalised: negative reduces the payment")
        #expect(summary.imbalance == usd(0))
        #expect(sink.deductions.map(\.amount) == [usd(1_000)])
        #expect(sink.deductions.map(\.lineID) == [nil])
    }

    @Test func unattachedADXThatThePaymentDoesNotReflectIsAnImbalance() throws {
        let sink = Fixtures.read(Inline.file(Self.unattachedADX("-10.00", paid: "90.00")))
        // BPR02 90.00 - (90.00 + -10.00) = 10.00, reported at BPR02 (byte 168 + 6).
        #expect(
            sink.located == [
                Located("x12.imbalance", .warning, line: 4, column: 7, byte: 174, segment: 4, element: "BPR02")
            ])
        #expect(
            sink.diagnostics.first?.message
                == "BPR02 90.00 USD differs from RMR04 total 90.00 USD plus ADX01 total -10.00 USD "
                + "(ADX outside any RMR) by 10.00 USD")
        #expect(sink.summaries.first?.imbalance == usd(1_000))
        #expect(sink.summaries.first?.status == .accepted)
    }

    @Test func unknownGroupVersionFallsBackToTheCurrentSignWithANote() {
        let sink = Fixtures.read(Inline.file(Self.unattachedADX("-10.00"), version: "X"))
        // The note points at the GS (line 2, byte 107) whose GS08 says nothing usable.
        #expect(sink.located == [Located("x12.version", .note, line: 2, column: 1, byte: 107, segment: 2)])
        #expect(sink.deductions.map(\.amount) == [usd(1_000)])
    }

    @Test(
        arguments: [
            // Segment 7 is the RMR at byte 215 (`RMR*IV*INV-1**` is 14 bytes), segment 4 the BPR at 168.
            ("RMR*IV*INV-1**1OO.00", "RMR04", 7, 15, 229, ["F:pay:4"]),
            ("RMR*IV*INV-1**100.00*12,50", "RMR05", 7, 22, 236, ["F:pay:4"]),
            ("RMR*IV*INV-1**100.00*100.00*1.2.3", "RMR06", 7, 29, 243, ["F:pay:4"]),
            ("BPR*I*$100*C*ACH*CCP", "BPR02", 4, 7, 174, []),
        ] as [(String, String, Int, Int, Int64, [String])])
    func nonNumericAmountRejectsTheTransactionAtItsElement(
        segment: String, element: String, line: Int, column: Int, byte: Int64, emitted: [String]
    ) throws {
        let original = segment.hasPrefix("RMR") ? "RMR*IV*INV-1**100.00" : "BPR*I*100.00*C*ACH*CCP"
        let transaction = Inline.oneInvoice.map { $0 == original ? segment : $0 }
        let text = Inline.file(transaction + ["ST*820*0002", "BPR*I*5*C*ACH", "RMR*IV*NEXT**5", "SE*4*0002"])
            .replacingOccurrences(of: "GE*1*1", with: "GE*2*1")
        let sink = Fixtures.read(text)
        #expect(
            sink.located == [
                Located("x12.amount", .error, line: line, column: column, byte: byte, segment: line, element: element)
            ])
        let error = try #require(sink.diagnostics.first)
        #expect(error.message.hasPrefix("\(element) '"))
        #expect(sink.records.filter { $0.provenance.transactionID == "ST@3" }.map(\.id) == emitted)
        #expect(sink.summaries.map(\.status) == [.rejected, .accepted], "the next 820 is read")
        #expect(sink.lines.map(\.reference) == ["NEXT"])
    }

    @Test func nonNumericADXAmountIsALocatedError() {
        let sink = Fixtures.read(Inline.file(Self.unattachedADX("ABC")))
        // ADX on line 6: 168 + 19 (BPR line) + 7 (ENT line) = 194, ADX01 four bytes on.
        #expect(
            sink.located == [
                Located("x12.amount", .error, line: 6, column: 5, byte: 198, segment: 6, element: "ADX01")
            ])
        #expect(sink.deductions.isEmpty)
        #expect(sink.summaries.map(\.status) == [.rejected])
    }

    @Test(
        arguments: [
            ("ADX*-5.00*Q9", "Q9", "X12-426", DeductionCategory.unidentified, "rule:unmapped-code"),
            ("ADX*-5.00", nil, nil, .unidentified, "rule:no-reason-code"),
            ("ADX*-5.00*04", "04", "X12-426", .damage, "reason-codes/x12-426.tsv:10"),
        ] as [(String, String?, String?, DeductionCategory, String)])
    func reasonCodeGoesThroughTheCrosswalkAndUnknownCodesAreKept(
        adx: String, code: String?, codeList: String?, category: DeductionCategory, source: String
    ) throws {
        let transaction = ["ST*820*0001", "BPR*I*95.00*C*ACH", "RMR*IV*A-1**95.00*100.00", adx, "SE*5*0001"]
        let sink = Fixtures.read(Inline.file(transaction))
        #expect(sink.diagnostics.isEmpty, "an unknown code is not a problem of the file")
        let deduction = try #require(sink.deductions.first)
        #expect(sink.deductions.count == 1, "the ADX explains the whole short pay")
        #expect(deduction.amount == usd(500))
        #expect(deduction.reasonCode == code)
        #expect(deduction.reasonCodeList == codeList)
        #expect(deduction.category == category)
        #expect(deduction.categorySource == source)
    }

    @Test func debitPaymentIsNegativeAndStatesItsDirection() throws {
        let transaction = Inline.oneInvoice.map { $0.hasPrefix("BPR") ? "BPR*I*100.00*D*ACH*CCP" : $0 }
        let sink = Fixtures.read(Inline.file(transaction))
        let payment = try #require(sink.payments.first)
        #expect(payment.direction == .debit)
        #expect(payment.amount == usd(-10_000))
        #expect(sink.summaries.first?.statedTotal == usd(10_000), "the tie-out compares BPR02 as written")
    }

    @Test func missingBPRRejectsTheTransactionAtItsFirstDetailSegment() {
        let sink = Fixtures.read(Inline.file(["ST*820*0001", "TRN*1*T1", "RMR*IV*A**5", "SE*4*0001"]))
        // RMR is segment 5 on line 5: 155 + 13 (ST) + 10 (TRN) = 178.
        #expect(sink.located == [Located("x12.bpr-missing", .error, line: 5, column: 1, byte: 178, segment: 5)])
        #expect(sink.records.isEmpty)
        #expect(sink.summaries.map(\.status) == [.rejected])
    }

    @Test func currencyComesFromCURAndAMalformedCodeFallsBack() {
        let withCAD = Inline.oneInvoice.map { $0.hasPrefix("TRN") ? "CUR*PR*CAD" : $0 }
        #expect(Fixtures.read(Inline.file(withCAD)).payments.map(\.amount) == [cad(10_000)])
        let malformed = Inline.oneInvoice.map { $0.hasPrefix("TRN") ? "CUR*PR*C$" : $0 }
        let sink = Fixtures.read(Inline.file(malformed))
        // CUR is segment 5 at byte 192; CUR02 after `CUR*PR*`.
        #expect(
            sink.located == [
                Located("x12.currency", .warning, line: 5, column: 8, byte: 199, segment: 5, element: "CUR02")
            ])
        #expect(sink.payments.map(\.amount) == [usd(10_000)])
    }

    @Test func defaultCurrencyOptionAppliesWithoutCUR() {
        let sink = Fixtures.read(Inline.file(Inline.oneInvoice), options: X12Options(defaultCurrency: "EUR"))
        #expect(sink.payments.map(\.amount) == [Money(FixedDecimal(units: 100, scale: 0), "EUR")])
    }

    @Test func discountTakenIsNotAShortPay() {
        let transaction = Inline.oneInvoice.map { $0.hasPrefix("RMR") ? "RMR*IV*INV-1**100.00*102.00*2.00" : $0 }
        let sink = Fixtures.read(Inline.file(transaction))
        #expect(sink.lines.map(\.discountTaken) == [usd(200)])
        #expect(sink.deductions.isEmpty)
        #expect(sink.diagnostics.isEmpty)
    }

    /// RMR07/RMR08 on the RMR itself: a stated, categorised deduction against the line that explains the
    /// short pay, so no `unidentified` remainder is left; the line comes first, then its deduction.
    @Test func rmr07AndRmr08AreAStatedDeductionOnTheLine() throws {
        let transaction = [
            "ST*820*0001", "BPR*C*95.00*C*CHK", "TRN*1*T1", "N1*PR*PAYER", "RMR*IV*A-1*PI*95.00*100.00**CS*-5.00",
            "REF*PO*PO-9", "SE*7*0001",
        ]
        let sink = Fixtures.read(Inline.file(transaction))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.lines.map(\.purchaseOrder) == ["PO-9"])
        let deduction = try #require(sink.deductions.first)
        #expect(sink.deductions.count == 1, "RMR05 100 - RMR04 95 is explained by RMR08: no short pay")
        #expect(deduction.amount == usd(500))
        #expect(deduction.reasonCode == "CS" && deduction.reasonCodeList == "X12-426")
        #expect(deduction.origin == .stated)
        #expect(deduction.lineID == sink.lines.first?.id && deduction.invoiceReference == "A-1")
        #expect(deduction.provenance.location.element == "RMR08")
        guard case .remittanceLine = sink.records[1], case .deduction = sink.records[2] else {
            Issue.record("expected payment, line, deduction: \(sink.records)")
            return
        }
    }

    @Test func rmr07WithoutAnAmountIsWarnedAboutAndTheShortPayStays() throws {
        let transaction = [
            "ST*820*0001", "BPR*C*95.00*C*CHK", "N1*PR*PAYER", "RMR*IV*A-1*PI*95.00*100.00**CS", "SE*5*0001",
        ]
        let sink = Fixtures.read(Inline.file(transaction))
        #expect(sink.codes == ["x12.rmr-reason-without-amount"])
        #expect(sink.deductions.map(\.origin) == [.shortPay])
    }

    /// A 003010 820 (BPS and RMT): one clear error naming the layout, not one message per segment.
    @Test func a003010PaymentOrderIsRefusedWithOneClearError() throws {
        let transaction = [
            "ST*820*0001", "BPS*C*150.00*ACH*CTX", "N1*PR*PAYER", "RMT*IV*A-1*150.00", "SE*5*0001",
        ]
        let sink = Fixtures.read(Inline.file(transaction, version: "003010"))
        #expect(sink.codes == ["x12.version-003010"], "\(sink.diagnostics)")
        let error = try #require(sink.diagnostics.first)
        #expect(error.severity == .error && error.location.line == 4)
        #expect(error.message.contains("GS08 003010"))
        #expect(sink.payments.isEmpty && sink.lines.isEmpty)
        #expect(sink.summaries.map(\.status) == [.rejected])
    }
}
