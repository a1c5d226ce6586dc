import Foundation
import RemitCore
import Testing

@testable import RemitACH

/// What the bundled files say, value by value.
@Suite struct ValueTests {
    @Test func ctxEntriesBecome820PaymentsWhoseCashIsTheEntry() throws {
        let sink = try Fixtures.read(path: "fixtures/cash/acme-ach-2026-12-04.ach")
        let hilltop = sink.payments[0]
        #expect(hilltop.amount == Money(FixedDecimal(units: 245000, scale: 2), "USD"))
        #expect(hilltop.direction == .credit)
        #expect(hilltop.traceNumber == "021000020000101")
        #expect(hilltop.references == [PaymentReference(qualifier: "TRN", value: "HM20261203")], "the 820's TRN02")
        #expect(hilltop.date == CalendarDate(year: 2026, month: 12, day: 4))
        #expect(hilltop.payer.name == "Hilltop Markets")
        #expect(hilltop.payer.id == "C300")
        #expect(hilltop.originatorID == "1411223344")
        #expect(hilltop.provenance.transactionID == "6@3/ST@3")
        let hilltopLines = sink.lines.filter { $0.paymentID == hilltop.id }
        #expect(hilltopLines.map(\.reference) == ["INV-400101", "INV-400102"])
        #expect(sink.deductions.map(\.paymentTrace) == ["021000020000101"])
    }

    @Test func theBatchCompanyNamesAPayerThe820LeavesOut() throws {
        let sink = try Fixtures.read(path: "fixtures/cash/acme-ach-2026-12-04.ach")
        let sunrise = sink.payments[1]
        #expect(sunrise.payer == Party(name: "SUNRISE FOODS"))
        #expect(sink.lines.filter { $0.paymentID == sunrise.id }.map(\.payer) == [Party(name: "SUNRISE FOODS")])
    }

    @Test func aCCDPlusEntryKeepsItsAddendaAsRemittanceTextAndItsRMRAsALine() throws {
        let sink = try Fixtures.read(path: "fixtures/cash/acme-ach-2026-12-04.ach")
        let deli = sink.payments[2]
        #expect(deli.format == "CCD")
        #expect(deli.remittanceText == #"RMR*IV*INV-400301*PI*315.50\"#)
        #expect(deli.amount.formattedAmount == "315.50")
        #expect(deli.payer == Party(name: "VALLEY DELI", id: "1999888777"))
        #expect(deli.provenance.location.segmentIndex == 20)
        let line = try #require(sink.lines.last)
        #expect(line.paymentID == deli.id && line.reference == "INV-400301" && line.amountPaid == deli.amount)
        #expect(sink.summaries.last?.imbalance == Money(.zero, "USD"))
    }

    @Test func locationsInsideThe820PointAtTheAddendaBytes() throws {
        let path = "fixtures/ach/remit-ctx-amount-mismatch-crlf.ach"
        let bytes = try Fixtures.bytes(path)
        let sink = Fixtures.read(bytes, name: path)
        let mismatch = try #require(sink.diagnostic("ach.ctx-amount"))
        let offset = Int(mismatch.location.byteOffset)
        #expect(String(decoding: bytes[offset..<(offset + 6)], as: UTF8.self) == "510.00")
        #expect(mismatch.location.line == 6)
        #expect(mismatch.location.segmentIndex == 6)
        #expect(mismatch.location.path == "820 segment 4")
        // Record 6 starts on line 6 after five CR LF pairs; its payload starts at column 4.
        #expect(mismatch.location.byteOffset == Int64(5 * 96 + mismatch.location.column - 1))
    }

    @Test func theEntryAmountDecidesTheTieOut() throws {
        let sink = try Fixtures.read(path: "fixtures/ach/remit-ctx-amount-mismatch-crlf.ach")
        let payment = try #require(sink.payments.first)
        #expect(payment.amount.formattedAmount == "500.00")
        let summary = try #require(sink.summaries.first { $0.paymentID == payment.id })
        #expect(summary.statedTotal?.formattedAmount == "500.00")
        #expect(summary.linesTotal?.formattedAmount == "510.00")
        #expect(summary.imbalance?.formattedAmount == "-10.00")
    }

    @Test func theMoovDebitKeepsItsTwoFreeTextAddenda() throws {
        let sink = try Fixtures.read(path: "fixtures/ach/moov-ctx-debit-two-text-addenda.ach")
        let payment = try #require(sink.payments.first)
        #expect(payment.direction == .debit)
        #expect(payment.amount.formattedAmount == "-1000000.00")
        #expect(payment.remittanceText == "Debit First Account\nDebit Second Account")
        #expect(payment.traceNumber == "121042880000001")
        #expect(payment.payer.name == "Name on Account")
        #expect(payment.date == CalendarDate(year: 2019, month: 8, day: 16))
    }

    @Test func controlMismatchesQuoteBothFigures() throws {
        let sink = try Fixtures.read(path: "fixtures/ach/remit-ctx-bad-controls-unordered-addenda.ach")
        let credits = try #require(sink.diagnostic("ach.batch-credits"))
        #expect(credits.message.contains("2450.01 USD") && credits.message.contains("2450.00 USD"))
        #expect(credits.location.element == "8:33-44")
        let blocks = try #require(sink.diagnostic("ach.file-blocks"))
        #expect(blocks.message.contains("says 3") && blocks.message.contains("2 (20 records)"))
        // The addenda are joined in sequence order, so the 820 still reads.
        #expect(sink.lines.count == 2)
    }

    @Test func trimmedLinesArePaddedAndTheirLengthReported() throws {
        let sink = try Fixtures.read(path: "fixtures/ach/remit-ppd-trimmed-lines.ach")
        #expect(sink.diagnostics.map(\.location.line) == [1, 6])
        let payment = try #require(sink.payments.first)
        #expect(payment.format == "PPD")
        #expect(payment.direction == .debit)
        #expect(payment.remittanceText == "MONTHLY SERVICE FEE NOV 2026")
    }
}
