import Foundation
import RemitCore
import Testing

@testable import RemitACH

/// Small files built in the test, one case each.
@Suite struct InlineTests {
    static func file(_ records: [String]) -> [UInt8] { Array(records.joined(separator: "\n").utf8) }

    @Test func aPrenoteGivesNoPayment() {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CCD"), Record.entry(code: "23", cents: "0000000000"),
            ]))
        #expect(sink.payments.isEmpty)
        #expect(sink.codes == ["ach.entry-skipped", "ach.missing-control", "ach.missing-control"])
        #expect(sink.diagnostics[0].severity == .note)
    }

    @Test func aBadAmountIsLocatedAtItsColumns() throws {
        let sink = Fixtures.read(
            Self.file([Record.fileHeader(), Record.batchHeader(sec: "CCD"), Record.entry(cents: "00001234O0")]))
        let problem = try #require(sink.diagnostic("ach.bad-number"))
        #expect(problem.location.line == 3)
        #expect(problem.location.column == 30)
        #expect(problem.location.byteOffset == 2 * 95 + 29)
        #expect(problem.location.element == "6:30-39")
        #expect(problem.message.contains("'00001234O0'"))
        #expect(sink.payments.isEmpty)
    }

    @Test func anUnknownRecordTypeIsAnError() {
        let sink = Fixtures.read(Self.file([Record.fileHeader(), Record.make("4", [(2, "XYZ")])]))
        #expect(sink.codes.first == "ach.record-type")
        #expect(sink.diagnostics.first?.severity == .error)
    }

    @Test func anAddendaWithoutAnEntryIsReported() {
        let sink = Fixtures.read(
            Self.file([Record.fileHeader(), Record.batchHeader(sec: "CCD"), Record.addenda("LOST TEXT")]))
        #expect(sink.codes.first == "ach.unexpected-record")
    }

    @Test func aCTXWhoseAddendaAreNotX12IsAPaymentWithText() throws {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CTX"), Record.entry(),
                Record.addenda("INVOICE 4711 PAID IN FULL"),
            ]))
        let payment = try #require(sink.payments.first)
        #expect(payment.remittanceText == "INVOICE 4711 PAID IN FULL")
        #expect(payment.amount.formattedAmount == "123.45")
        #expect(payment.payer.name == "PAYER CO")
    }

    @Test func aBroken820InTheAddendaStillLeavesTheEntryAsAPayment() throws {
        // An interchange header cut short: the X12 reader reports it, and the cash is still seen.
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CTX"), Record.entry(),
                Record.addenda("ISA*00*BROKEN"),
            ]))
        #expect(sink.codes.contains("ach.ctx-no-payment"))
        let x12Problem = try #require(sink.diagnostics.first { $0.code.hasPrefix("x12.") })
        #expect(x12Problem.location.segmentIndex == 4)
        #expect(x12Problem.location.line == 4)
        #expect(sink.payments.first?.amount.formattedAmount == "123.45")
    }

    /// CCD+ addenda that carry RMR segments: each RMR becomes a remittance line of the entry's payment, the
    /// text stays the payment's remittance text, and the tie-out compares the entry with the lines.
    @Test func ccdPlusRMRSegmentsBecomeRemittanceLines() throws {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CCD"), Record.entry(),
                Record.addenda("RMR*IV*0012345*PI*100.00*102.00*2.00\\RMR*IV*12346*PI*23.45\\"),
            ]))
        // The file is cut short after the addenda (no 8 and 9 records); nothing else is wrong.
        #expect(sink.codes == ["ach.missing-control", "ach.missing-control"], "\(sink.diagnostics)")
        let payment = try #require(sink.payments.first)
        #expect(payment.remittanceText?.hasPrefix("RMR*IV*0012345") == true)
        #expect(sink.lines.map(\.reference) == ["0012345", "12346"])
        #expect(sink.lines.map(\.normalizedReference) == ["12345", "12346"])
        #expect(sink.lines.map(\.amountPaid.formattedAmount) == ["100.00", "23.45"])
        #expect(sink.lines.map { $0.invoiceAmount?.formattedAmount } == ["102.00", nil])
        #expect(sink.lines.map { $0.discountTaken?.formattedAmount } == ["2.00", nil])
        #expect(sink.lines.allSatisfy { $0.paymentID == payment.id })
        // The second RMR starts at column 4 + 37 of the addenda record (after 36 bytes and a `\`), on line 4.
        #expect(sink.lines.map(\.provenance.location.line) == [4, 4])
        #expect(sink.lines.map(\.provenance.location.column) == [4, 41])
        let summary = try #require(sink.summaries.first)
        #expect(summary.imbalance?.amount.isZero == true)
        #expect(summary.linesTotal?.formattedAmount == "123.45")
    }

    @Test func aSingleCCDPlusRMRWithoutAmountSettlesTheEntry() throws {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CCD"), Record.entry(), Record.addenda("RMR*IV*INV-77\\"),
            ]))
        #expect(sink.lines.map(\.amountPaid.formattedAmount) == ["123.45"])
        #expect(sink.summaries.first?.imbalance?.amount.isZero == true)
    }

    @Test func ccdPlusLinesThatDoNotAddUpAreWarnedAboutAndABadAmountIsLocated() throws {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CCD"), Record.entry(),
                Record.addenda("RMR*IV*A-1*PI*100.00\\RMR*IV*A-2*PI*12X.00\\"),
            ]))
        #expect(sink.lines.map(\.reference) == ["A-1"])
        let bad = try #require(sink.diagnostic("ach.remittance-amount"))
        #expect(bad.message.contains("RMR04 '12X.00'") && bad.location.column == 25)
        let imbalance = try #require(sink.diagnostic("ach.remittance-imbalance"))
        #expect(imbalance.message.contains("123.45") && imbalance.message.contains("100.00"))
    }

    @Test func aMissingAddendaIsReportedOnce() throws {
        let sink = Fixtures.read(
            Self.file([
                Record.fileHeader(), Record.batchHeader(sec: "CTX"), Record.entry(),
                Record.addenda("FIRST", sequence: "0001"), Record.addenda("THIRD", sequence: "0003"),
            ]))
        #expect(Array(sink.codes.prefix(2)) == ["ach.addenda-sequence", "ach.addenda-gap"])
        #expect(sink.diagnostic("ach.addenda-gap")?.message.contains("numbered 1, 3, not 1 to 2") == true)
        #expect(try #require(sink.payments.first).remittanceText == "FIRST\nTHIRD")
    }

    @Test func twoFilesInOneTransmissionAreReadInTurn() throws {
        let one = try Fixtures.bytes("fixtures/cash/acme-ach-2026-12-04.ach")
        let sink = Fixtures.read(one + one)
        #expect(sink.payments.count == 6)
        #expect(sink.codes.isEmpty, "\(sink.diagnostics)")
        #expect(Set(sink.payments.map(\.id)).count == 6)
    }

    @Test func blanksAfterARecordAndBlankLinesAreNotRecords() {
        let sink = Fixtures.read(
            Array(
                (Record.fileHeader() + "  \n\n" + Record.batchHeader(sec: "CCD") + "\r\n   \r\n" + Record.entry()).utf8)
        )
        #expect(sink.codes == ["ach.missing-control", "ach.missing-control"], "\(sink.diagnostics)")
        #expect(sink.payments.count == 1)
        #expect(sink.payments.first?.provenance.location.line == 5)
    }

    @Test func anIATEntryIsSkippedWithAWarning() {
        let sink = Fixtures.read(
            Self.file([Record.fileHeader(), Record.batchHeader(sec: "IAT"), Record.entry()]))
        #expect(sink.payments.isEmpty)
        #expect(sink.codes.first == "ach.unsupported-sec")
    }

    @Test func aBlankEffectiveDateLeavesThePaymentUndated() throws {
        let sink = Fixtures.read(
            Self.file([Record.fileHeader(), Record.batchHeader(sec: "CCD", effective: "      "), Record.entry()]))
        #expect(try #require(sink.payments.first).date == nil)
    }

    @Test func detectionWantsAFileHeaderRecord() {
        #expect(ACHReader.looksLikeACH(Array(Record.fileHeader().utf8)))
        #expect(ACHReader.looksLikeACH(Array((Record.fileHeader().prefix(60) + "\n").utf8)))
        #expect(!ACHReader.looksLikeACH(Array("101,not,a,nacha,file\n".utf8)))
        #expect(!ACHReader.looksLikeACH(Array("01,BAI2,HEADER/\n".utf8)))
        let otherSize = Record.fileHeader().replacingOccurrences(of: "A094101", with: "A080101")
        #expect(!ACHReader.looksLikeACH(Array((otherSize.prefix(60) + "\n").utf8)))
    }
}
