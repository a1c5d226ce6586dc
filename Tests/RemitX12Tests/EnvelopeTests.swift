import RemitCore
import RemitX12
import Testing

/// Control numbers and counts are checked at each trailer: warnings by default, errors under `strict`, where
/// a transaction set whose SE does not check out is rejected. Broken sets are rejected and reading goes on.
///
/// Offsets below are those of `Inline.file(Inline.oneInvoice)`: ST 155, BPR 168, TRN 192, N1 202, RMR 215,
/// SE 237, GE 248, IEA 256, one segment per line.
@Suite struct EnvelopeTests {
    struct Mismatch: Sendable, CustomTestStringConvertible {
        var written: String
        var instead: String
        var code: String
        var line: Int
        var column: Int
        var byte: Int64
        var element: String
        /// How the message starts: the element, the value it states and what the header or count says.
        var message: String
        var testDescription: String { instead }
    }

    static let mismatches = [
        Mismatch(
            written: "SE*6*0001", instead: "SE*7*0001", code: "x12.se-count", line: 8, column: 4, byte: 240,
            element: "SE01", message: "SE01 says '7' but 6 "),
        Mismatch(
            written: "SE*6*0001", instead: "SE*6*0002", code: "x12.control-number", line: 8, column: 6, byte: 242,
            element: "SE02", message: "SE02 '0002' does not match ST02 '0001'"),
        Mismatch(
            written: "GE*1*1", instead: "GE*2*1", code: "x12.ge-count", line: 9, column: 4, byte: 251, element: "GE01",
            message: "GE01 says '2' but 1 "),
        Mismatch(
            written: "GE*1*1", instead: "GE*1*9", code: "x12.control-number", line: 9, column: 6, byte: 253,
            element: "GE02", message: "GE02 '9' does not match GS06 '1'"),
        Mismatch(
            written: "IEA*1*000000001", instead: "IEA*2*000000001", code: "x12.iea-count", line: 10, column: 5,
            byte: 260, element: "IEA01", message: "IEA01 says '2' but 1 "),
        Mismatch(
            written: "IEA*1*000000001", instead: "IEA*1*000000002", code: "x12.control-number", line: 10, column: 7,
            byte: 262, element: "IEA02", message: "IEA02 '000000002' does not match ISA13 '000000001'"),
    ]

    @Test(arguments: mismatches, [false, true])
    func controlMismatchIsLocatedAtTheTrailerElement(mismatch: Mismatch, strict: Bool) {
        let text = Inline.file(Inline.oneInvoice).replacingOccurrences(of: mismatch.written, with: mismatch.instead)
        let sink = Fixtures.read(text, options: X12Options(strict: strict))
        // One segment per line: the segment index is the line number.
        #expect(
            sink.located == [
                Located(
                    mismatch.code, strict ? .error : .warning, line: mismatch.line, column: mismatch.column,
                    byte: mismatch.byte, segment: mismatch.line, element: mismatch.element)
            ])
        #expect(sink.diagnostics.first?.message.hasPrefix(mismatch.message) == true)
        let summary = sink.summaries.first
        #expect(sink.summaries.count == 1)
        if strict && mismatch.instead.hasPrefix("SE") {
            // The payment went out at the RMR; the RMR line was still held and is dropped.
            #expect(summary?.status == .rejected)
            #expect(sink.records.map(\.id) == ["F:pay:4"])
            #expect(summary?.recordCount == 1)
        } else {
            // GE and IEA come after the SE: the transaction set is complete and stays accepted.
            #expect(summary?.status == .accepted)
            #expect(sink.records.map(\.id) == ["F:pay:4", "F:line:7"])
        }
    }

    @Test func controlNumbersEqualInValueButPaddedDifferentlyAgree() {
        let text = Inline.file(Inline.oneInvoice).replacingOccurrences(of: "SE*6*0001", with: "SE*6*1")
        let sink = Fixtures.read(text, options: X12Options(strict: true))
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test func strictRejectsTheFixtureWhoseSECountIsWrong() throws {
        let sink = try Fixtures.read(fixture: "remit-820-se-count-wrong.edi", options: X12Options(strict: true))
        #expect(
            sink.located == [
                Located("x12.se-count", .error, line: 8, column: 4, byte: 254, segment: 8, element: "SE01")
            ])
        #expect(sink.records.map(\.id) == ["F:pay:4"])
        #expect(sink.summaries.map(\.status) == [.rejected])
        #expect(sink.summaries.first?.recordCount == 1)
    }

    @Test func transactionSetWithoutSEIsRejectedAndTheNextOneIsRead() {
        // Segments 3-5 are an ST with no SE; the second ST starts on line 6 at byte 198.
        let text = Inline.lines([
            Inline.isa(), Inline.gs(), "ST*820*0001", "BPR*I*10*C*ACH", "RMR*IV*A**10", "ST*820*0002",
            "BPR*I*20*C*ACH", "RMR*IV*B**20", "SE*4*0002", "GE*2*1", "IEA*1*000000001",
        ])
        let sink = Fixtures.read(text)
        #expect(sink.located == [Located("x12.se-missing", .error, line: 6, column: 1, byte: 198, segment: 6)])
        #expect(
            sink.diagnostics.first?.message.contains("'0001' (segment 3, line 3) has no SE before the next ST") == true)
        #expect(sink.summaries.map(\.status) == [.rejected, .accepted])
        #expect(sink.summaries.map(\.transactionID) == ["ST@3", "ST@6"])
        #expect(sink.lines.map(\.reference) == ["B"])
        #expect(sink.payments.map(\.amount) == [usd(1_000), usd(2_000)])
        #expect(sink.payments.first?.provenance.transactionID == "ST@3", "set aside by the consumer")
    }

    @Test func missingTrailersAreReportedAtWhatCameInstead() {
        // No GE: the IEA (line 9, byte 248) closes the group; GE01 is never checked.
        let text = Inline.lines([Inline.isa(), Inline.gs()] + Inline.oneInvoice + ["IEA*1*000000001"])
        let sink = Fixtures.read(text)
        #expect(sink.located == [Located("x12.ge-missing", .error, line: 9, column: 1, byte: 248, segment: 9)])
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test func acknowledgmentOnlyInterchangeNeedsNoGroup() {
        let text = Inline.lines([Inline.isa(), "TA1*000000009*260105*0930*A*000", "IEA*0*000000001"])
        let sink = Fixtures.read(text)
        #expect(sink.events.isEmpty)
    }

    @Test func transactionSetOutsideAnyGroupIsReadWithAWarning() {
        let text = Inline.lines([Inline.isa()] + Inline.oneInvoice + ["IEA*0*000000001"])
        let sink = Fixtures.read(text)
        // ST on line 2 at byte 107; without a GS there is no version either, so the ADX sign is assumed.
        #expect(
            sink.located == [
                Located("x12.unexpected-segment", .warning, line: 2, column: 1, byte: 107, segment: 2),
                Located("x12.version", .note, line: 2, column: 1, byte: 107, segment: 2),
            ])
        // It is read, so the message must not also say it was ignored.
        #expect(
            sink.diagnostics.first?.message == "ST segment outside a functional group (no GS before it); read anyway")
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test func remittanceInTheWrongFunctionalGroupIsReadWithAWarning() {
        let sink = Fixtures.read(Inline.file(Inline.oneInvoice, functionalID: "IN"))
        #expect(sink.located == [Located("x12.group-mismatch", .warning, line: 3, column: 1, byte: 155, segment: 3)])
        #expect(sink.payments.count == 1)
    }

    @Test func adjustmentSetsInTheWrongFunctionalGroupAreReadWithAWarning() {
        let sink = Fixtures.read(Inline.file(["ST*812*0001", "BCD*20260105*CB1*I*1000*D", "SE*3*0001"]))
        #expect(sink.located == [Located("x12.group-mismatch", .warning, line: 3, column: 1, byte: 155, segment: 3)])
        #expect(sink.deductions.map(\.amount) == [usd(1_000)])
    }
}
