import RemitCore
import Testing

/// 812 cases no fixture covers, written inline: `Inline.file` puts ST on line 3 at byte 155 and the BCD
/// (after `ST*812*0001~` and a line feed) on line 4 at byte 168.
@Suite struct Adjustment812InlineTests {
    static func memo(_ segments: [String]) -> String {
        Inline.file(["ST*812*0001"] + segments + ["SE*\(segments.count + 2)*0001"], functionalID: "CD")
    }

    @Test func aMemoWithoutCDDIsOneDeductionForBCD04() throws {
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*1000*D*20251201*INV-9", "N1*PR*PAYER*92*P1"]))
        let deduction = try #require(sink.deductions.first)
        #expect(sink.records.count == 1)
        #expect(deduction.id == "F:ded:4")
        #expect(deduction.amount == usd(1_000))
        #expect(deduction.category == .unidentified)
        #expect(deduction.categorySource == "rule:no-reason-code")
        #expect(deduction.memoNumber == "CB1")
        #expect(deduction.invoiceReference == "INV-9")
        #expect(deduction.payer == Party(name: "PAYER", idQualifier: "92", id: "P1"))
        #expect(deduction.memo?.creditDebitFlag == "D")
        // `BCD*20260105*CB1*I*` is 19 bytes: BCD04 is at column 20.
        #expect(
            Located(
                "", .note, line: deduction.provenance.location.line, column: deduction.provenance.location.column,
                byte: deduction.provenance.location.byteOffset, segment: deduction.provenance.location.segmentIndex,
                element: deduction.provenance.location.element)
                == Located("", .note, line: 4, column: 20, byte: 187, segment: 4, element: "BCD04"))
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.summaries.map(\.linesTotal) == [nil])
    }

    @Test(
        arguments: [
            ("IV*INV-14", "INV-14", nil), ("PO*PO-14", nil, "PO-14"), ("ZZ*X-14", nil, nil),
        ] as [(String, String?, String?)])
    func bcd14CarriesTheInvoiceOrPurchaseOrderWhenBCD07AndBCD10AreEmpty(
        reference: String, invoice: String?, purchaseOrder: String?
    ) {
        // Eight separators after BCD05 reach BCD13, the qualifier; BCD14 follows.
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*100*D********" + reference]))
        #expect(sink.deductions.map(\.invoiceReference) == [invoice])
        #expect(sink.deductions.map(\.memo?.purchaseOrder) == [purchaseOrder])
    }

    @Test func aCreditMemoWithoutCDDIsNegative() throws {
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CR1*I*250*C"]))
        #expect(sink.deductions.map(\.amount) == [usd(-250)])
        #expect(sink.deductions.first?.amount.formattedAmount == "-2.50")
    }

    @Test func aCDDBeforeTheBCDRejectsTheMemo() {
        let sink = Fixtures.read(Self.memo(["CDD*06*D**100", "BCD*20260105*CB1*I*100*D"]))
        #expect(
            sink.located == [Located("x12.bcd-missing", .error, line: 4, column: 1, byte: 168, segment: 4)])
        #expect(sink.records.isEmpty)
        #expect(sink.summaries.map(\.status) == [.rejected])
    }

    @Test func aMalformedLineAmountRejectsTheMemoAtThatElement() {
        // Line 5 starts at byte 168 + 26 = 194; `CDD*06*D**` is 10 bytes.
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*100*D", "CDD*06*D**1O0", "CDD*59*D**200"]))
        #expect(
            sink.located == [
                Located("x12.amount", .error, line: 5, column: 11, byte: 204, segment: 5, element: "CDD04")
            ])
        #expect(sink.records.isEmpty)
        #expect(sink.summaries.map(\.status) == [.rejected])
    }

    @Test func anAmountWrittenWithADecimalPointIsReadAsWrittenWithAWarning() {
        // Line 5 starts at byte 168 + 27 = 195.
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*4400*D", "CDD*06*D**44.00"]))
        #expect(sink.deductions.map(\.amount) == [usd(4_400)])
        #expect(
            sink.located == [
                Located("x12.implied-decimal", .warning, line: 5, column: 11, byte: 205, segment: 5, element: "CDD04")
            ])
        #expect(sink.summaries.map(\.imbalance) == [usd(0)])
    }

    @Test func linesThatDoNotAddUpToTheMemoAreKeptAndReported() {
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*1000*D", "CDD*06*D**600", "CDD*59*D**300"]))
        #expect(sink.deductions.map(\.amount) == [usd(600), usd(300)])
        // `BCD*20260105*CB1*I*` is 19 bytes: BCD04 at column 20, byte 187.
        #expect(
            sink.located == [
                Located("x12.memo-imbalance", .warning, line: 4, column: 20, byte: 187, segment: 4, element: "BCD04")
            ])
        #expect(sink.summaries.map(\.imbalance) == [usd(100)])
    }

    @Test func aLineWithoutAFlagTakesTheMemosAndSaysSo() {
        // Line 5 starts at byte 194; `CDD*06*` is 7 bytes.
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*100*C", "CDD*06*X**100"]))
        #expect(sink.deductions.map(\.amount) == [usd(-100)])
        #expect(
            sink.located == [
                Located("x12.credit-debit", .warning, line: 5, column: 8, byte: 201, segment: 5, element: "CDD02")
            ])
    }

    @Test func anUnknownSegmentIsReportedAndTheMemoStillRead() {
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*100*D", "BPR*C*1", "CDD*06*D**100"]))
        #expect(sink.codes == ["x12.unexpected-segment"])
        #expect(sink.deductions.count == 1)
    }

    @Test func aMemoCutOffByTheNextSTIsRejected() {
        let text = Inline.file([
            "ST*812*0001", "BCD*20260105*CB1*I*100*D", "ST*812*0002", "BCD*20260105*CB2*I*200*D", "SE*3*0002",
        ])
        let sink = Fixtures.read(text)
        #expect(sink.summaries.map(\.status) == [.rejected, .accepted])
        #expect(sink.deductions.map(\.memoNumber) == ["CB2"])
        #expect(sink.codes.contains("x12.se-missing"))
    }

    @Test func aMissingMemoNumberIsAWarning() {
        let sink = Fixtures.read(Self.memo(["BCD*20260105**I*100*D"]))
        #expect(sink.codes == ["x12.memo-number"])
        #expect(sink.deductions.first?.memoNumber == nil)
    }

    @Test func aLineWithoutCDD04IsPricedFromItsQuantityWithANote() throws {
        // Line 5 starts at byte 168 + 27 = 195; `CDD*01*D*****` is 13 bytes, so CDD07 is at byte 208.
        let sink = Fixtures.read(
            Self.memo(["BCD*20260105*CB1*I*4969*D", "CDD*01*D*****3*EA*8.23", "CDD*06*D*****2*CA***12.5"]))
        #expect(sink.deductions.map(\.amount) == [usd(2_469), usd(2_500)], "3 x 8.23 (CDD09), 2 x 12.5 (CDD11)")
        #expect(
            sink.located.first
                == Located("x12.cdd-priced", .note, line: 5, column: 14, byte: 208, segment: 5, element: "CDD07"))
        #expect(sink.diagnostics.first?.message == "CDD has no CDD04; its amount is CDD07 3 times CDD09 8.23 = 24.69")
        #expect(sink.codes == ["x12.cdd-priced", "x12.cdd-priced"], "the lines add up to BCD04 49.69")
        #expect(sink.deductions.first?.memo?.quantity == "3")
    }

    @Test func aLineWithNeitherAmountNorPriceCountsAsZeroWithAWarning() {
        let sink = Fixtures.read(Self.memo(["BCD*20260105*CB1*I*0*D", "CDD*01*D*****3*EA"]))
        #expect(sink.deductions.map(\.amount) == [usd(0)])
        #expect(sink.codes == ["x12.cdd-amount"])
    }

    @Test(arguments: [1, 2, 3, 7])
    func inlineMemosSplitAnywhere(chunkSize: Int) {
        let text = Self.memo([
            "BCD*20260105*CB1*I*1000*D", "CUR*BY*CAD", "N1*BY*B", "CDD*06*D**600", "LIN**UP*1", "CDD*59*C**400",
        ])
        #expect(Fixtures.read(text, chunkSize: chunkSize).events == Fixtures.read(text).events)
    }
}
