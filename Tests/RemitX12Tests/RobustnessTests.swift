import RemitCore
import RemitX12
import Testing

/// Input that is odd but real: `ISA` inside data, segments the 820 does not define, text outside any
/// interchange, broken headers, and files cut off anywhere. Nothing crashes and nothing fails silently.
@Suite struct RobustnessTests {
    @Test func isaInsideDataDoesNotStartAnInterchange() throws {
        // N102 and N104 are `ISA`, RMR02 starts with it, and an NTE under the ADX has a line feed then `ISA*`.
        let text = Inline.file([
            "ST*820*0001", "BPR*I*95*C*ACH", "N1*PR*ISA*92*ISA*1", "RMR*IV*ISAAC-1**95*100", "ADX*-5*01",
            "NTE*ADD*SEE BELOW\nISA*00*NOT A HEADER", "SE*7*0001",
        ])
        let sink = Fixtures.read(text)
        // A line break is never data: the NTE is read without it, and that is reported once.
        #expect(sink.codes == ["x12.wrapped"])
        #expect(sink.payments.map(\.payer) == [Party(name: "ISA", idQualifier: "92", id: "ISA")])
        #expect(sink.lines.map(\.reference) == ["ISAAC-1"])
        let deduction = try #require(sink.deductions.first)
        #expect(deduction.reasonText == "SEE BELOWISA")
        #expect(sink.summaries.map(\.status) == [.accepted])
        // The line feed inside the NTE moves every later segment down a line: SE is segment 9 on line 10.
        let se = Tokenized(text).segments[8]
        #expect(se.elements == ["SE", "7", "0001"])
        #expect(se.line == 10)
    }

    @Test func unknownSegmentInsideTheTransactionIsWarnedAboutAndSkipped() {
        let transaction = [
            "ST*820*0001", "BPR*I*100.00*C*ACH*CCP", "XYZ*1*2", "N1*PR*PAYER", "N3*1 MAIN ST", "N4*TOWN*ST*12345",
            "PER*IC*AR DESK", "RMR*IV*INV-1**100.00", "IT1*1*2*EA*50", "SAC*A*C310***0", "SE*11*0001",
        ]
        let sink = Fixtures.read(Inline.file(transaction))
        // XYZ is segment 5 on line 5: 155 + 13 (ST) + 24 (BPR) = 192.
        #expect(
            sink.located == [Located("x12.unexpected-segment", .warning, line: 5, column: 1, byte: 192, segment: 5)])
        #expect(sink.diagnostics.first?.message.hasPrefix("XYZ segment") == true)
        #expect(sink.payments.map(\.payer.name) == ["PAYER"])
        #expect(sink.lines.map(\.amountPaid) == [usd(10_000)])
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test func segmentBetweenEnvelopesIsWarnedAboutAndSkipped() {
        let text = Inline.lines(
            [Inline.isa(), Inline.gs(), "REF*ZZ*LOOSE"] + Inline.oneInvoice + ["GE*1*1", "IEA*1*000000001"])
        let sink = Fixtures.read(text)
        #expect(
            sink.located == [Located("x12.unexpected-segment", .warning, line: 3, column: 1, byte: 155, segment: 3)])
        #expect(sink.payments.count == 1)
    }

    @Test func textBeforeTheFirstHeaderIsOneLocatedError() {
        let text = "From: partner\nSubject: remittance\n" + Inline.file(Inline.oneInvoice)
        let sink = Fixtures.read(text)
        #expect(sink.located == [Located("x12.outside-interchange", .error, line: 1, column: 1, byte: 0, segment: nil)])
        #expect(
            sink.diagnostics.first?.message.contains("expected: 'From: partner';") == true, "quoted up to its line end")
        #expect(sink.payments.count == 1)
        // The ISA is on line 3, so the BPR is on line 6.
        #expect(sink.payments.first?.provenance.location.line == 6)
    }

    @Test func spaceBetweenISA16AndTheTerminatorIsAWarningAtISA16() {
        let text =
            Inline.isa() + " ~\n" + Inline.lines([Inline.gs()] + Inline.oneInvoice + ["GE*1*1", "IEA*1*000000001"])
        let sink = Fixtures.read(text)
        #expect(
            sink.located == [
                Located("x12.isa-layout", .warning, line: 1, column: 105, byte: 104, segment: 1, element: "ISA16")
            ])
        #expect(
            sink.diagnostics.first?.message.hasPrefix("ISA header has 1 space(s) between ISA16 and the terminator")
                == true)
        #expect(sink.payments.count == 1)
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test func shortISAFieldIsReadByCountingSeparators() {
        // ISA06 one byte short: ISA16 at byte 103 (column 104) and a 105-byte header.
        let text = Inline.file(Inline.oneInvoice).replacingOccurrences(
            of: "*SENDER         *", with: "*SENDER        *")
        let sink = Fixtures.read(text)
        #expect(
            sink.located == [
                Located("x12.isa-layout", .warning, line: 1, column: 104, byte: 103, segment: 1, element: "ISA16")
            ])
        #expect(sink.diagnostics.first?.message.hasPrefix("ISA header is 105 bytes up to its terminator") == true)
        #expect(sink.payments.first?.provenance.envelope.senderID == "SENDER")
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test func blankLinesAroundAndBetweenInterchangesAreSkipped() {
        let second = Inline.file(Inline.oneInvoice).replacingOccurrences(of: "000000001", with: "000000002")
        let sink = Fixtures.read("\r\n\r\n" + Inline.file(Inline.oneInvoice) + "\n\n\n" + second + "\n")
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.summaries.map(\.status) == [.accepted, .accepted])
        #expect(sink.payments.map(\.provenance.envelope.interchangeControl) == ["000000001", "000000002"])
        // Two blank lines, ten segment lines, three blank lines: the second BPR is on line 2 + 10 + 3 + 4.
        #expect(sink.payments.map(\.provenance.location.line) == [6, 19])
    }

    @Test func twoTerminatorsInARowMakeAnEmptySegmentWarning() {
        let text = Inline.file(Inline.oneInvoice).replacingOccurrences(of: "TRN*1*T1~", with: "TRN*1*T1~~")
        let sink = Fixtures.read(text)
        // The second '~' is at byte 192 + 8 (the TRN) + 1, on line 5 column 10.
        #expect(sink.located == [Located("x12.empty-segment", .warning, line: 5, column: 10, byte: 201, segment: nil)])
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    @Test(arguments: [
        ("ISA*00*SHORT~GS*RA~", "x12.isa"),
        ("ISA*00*          *00*", "x12.isa"),
        (Inline.isa().replacingOccurrences(of: "*:", with: "**") + "~\n", "x12.isa"),
    ])
    func brokenHeaderIsAnErrorAtTheISA(text: String, code: String) {
        let sink = Fixtures.read(text)
        let error = sink.diagnostics.first
        #expect(error?.code == code)
        #expect(error?.severity == .error)
        #expect(error?.location.line == 1)
        #expect(error?.location.column == 1)
        #expect(error?.location.byteOffset == 0)
        #expect(sink.records.isEmpty)
    }

    @Test func goodInterchangeAfterABrokenOneIsRead() {
        let text = "ISA*00*SHORT~\n" + Inline.file(Inline.oneInvoice)
        let sink = Fixtures.read(text)
        // The short header stops at the line that starts the next one, which is read: ISA on line 2, BPR on 5.
        #expect(sink.located == [Located("x12.isa", .error, line: 1, column: 1, byte: 0, segment: nil)])
        #expect(sink.diagnostics.first?.message.hasPrefix("ISA header has only 2 of its 16 element separators") == true)
        #expect(sink.payments.map(\.provenance.location.line) == [5])
        #expect(sink.summaries.map(\.status) == [.accepted])
    }

    /// Two 820s; the first has an NTE of 1,200,011 bytes (three line feeds inside) at byte 188, line 5.
    static func overlongSegment(terminatedBy ending: String) -> String {
        let note = "NTE*ADD*" + String(repeating: String(repeating: "A", count: 400_000) + "\n", count: 3)
        return Inline.lines([
            Inline.isa(), Inline.gs(), "ST*820*0001", "BPR*I*100.00*C*ACH", note, "RMR*IV*A**100", "SE*5*0001",
            "ST*820*0002", "BPR*I*7*C*ACH", "RMR*IV*B**7", "SE*4*0002", "GE*2*1", "IEA*1*000000001",
        ]).replacingOccurrences(of: "~\n", with: ending)
    }

    /// The chunk sizes of the over-long segment tests; 1,200,208 ends a chunk one byte into the U+2026
    /// terminator of the NTE when each segment ends with that character and a line feed.
    static let largeChunkSizes = [65_536, 1 << 20, 1_200_208]

    @Test(arguments: [("~\n", 188), ("\r\n", 188), ("\u{2026}\n", 196)] as [(String, Int64)])
    func segmentOverTheLimitIsRefusedAtEveryChunkSize(ending: String, noteOffset: Int64) throws {
        let text = Self.overlongSegment(terminatedBy: ending)
        let whole = Fixtures.read(text)
        #expect(
            whole.located == [
                Located("x12.segment-too-long", .error, line: 5, column: 1, byte: noteOffset, segment: 5)
            ])
        #expect(whole.summaries.map(\.status) == [.rejected, .accepted])
        // The NTE ends on line 8, so RMR, SE and ST*820*0002 are lines 9 to 11 and the second BPR line 12.
        let payment = try #require(whole.payments.first)
        #expect(payment.amount == usd(700))
        #expect(payment.provenance.location.line == 12)
        #expect(payment.provenance.location.segmentIndex == 9)
        for chunkSize in Self.largeChunkSizes {
            #expect(Fixtures.read(text, chunkSize: chunkSize).events == whole.events, "chunk size \(chunkSize)")
        }
    }

    @Test func transactionAfterAnOverlongSegmentSurvivesATerminatorCutByTheChunk() throws {
        // The NTE between GS and ST ends where its U+2026 terminator starts at byte 32 * 65536 - 1, so every
        // power-of-two chunk size from 4 KiB up cuts that terminator after its first byte.
        let ending = "\u{2026}\n"
        let head = Inline.lines([Inline.isa(), Inline.gs()]).replacingOccurrences(of: "~\n", with: ending)
        let note = "NTE*ADD*" + String(repeating: "A", count: 32 * 65_536 - 1 - head.utf8.count - 8)
        let text = Inline.lines([Inline.isa(), Inline.gs(), note] + Inline.oneInvoice + ["GE*1*1", "IEA*1*000000001"])
            .replacingOccurrences(of: "~\n", with: ending)
        #expect(Array(text.utf8)[32 * 65_536 - 1] == 0xE2)
        let whole = Fixtures.read(text)
        #expect(whole.codes == ["x12.segment-too-long"])
        #expect(whole.summaries.map(\.status) == [.accepted])
        #expect(whole.payments.map(\.provenance.location.line) == [5])
        for chunkSize in [4_096, 65_536] {
            #expect(Fixtures.read(text, chunkSize: chunkSize).events == whole.events, "chunk size \(chunkSize)")
        }
    }

    @Test func everyCutOfAFileEndsInALocatedErrorOrACompleteRead() throws {
        let bytes = try Fixtures.bytes("remit-820-adx-attached-unattached.edi")
        // The IEA starts at byte 734; a cut before it leaves an envelope open.
        for length in 1..<bytes.count {
            let sink = Fixtures.read(Array(bytes.prefix(length)), name: "cut.edi")
            let summarized = Set(sink.summaries.map(\.transactionID))
            #expect(
                sink.records.allSatisfy { summarized.contains($0.provenance.transactionID) },
                "every record emitted belongs to a transaction that is closed, accepted or rejected (cut at \(length))")
            if length < 734 {
                #expect(sink.diagnostics.contains { $0.severity == .error }, "cut at \(length)")
                // The SE starts at byte 712: once its ID is in, the set closes (with count or control warnings).
                let accepted = sink.summaries.contains { $0.status == .accepted }
                #expect(accepted == (length >= 714), "cut at \(length)")
            }
        }
    }

    /// The file's records with their ids and sources left out: what a hard-wrapped copy must reproduce.
    static func contents(_ sink: CollectingSink) -> [String] {
        sink.payments.map { "\($0.payer) \($0.amount) \($0.traceNumber ?? "-") \($0.date.map(\.description) ?? "-")" }
            + sink.lines.map { "\($0.reference) \($0.amountPaid) \($0.invoiceAmount.map(\.description) ?? "-")" }
            + sink.deductions.map { "\($0.amount) \($0.reasonCode ?? "-") \($0.reasonText ?? "-")" }
            + sink.summaries.map { "\($0.kind) \($0.status) \($0.recordCount)" }
    }

    /// Cut every 80 bytes, inside the ISA, tags, amounts and control numbers alike, with LF or CRLF: the
    /// same records as the original, in every chunk size, and one warning per interchange.
    @Test(arguments: ["\n", "\r\n"], [1, 2, 7, 64, nil])
    func aFileHardWrappedEvery80BytesReadsAsTheOriginal(lineBreak: String, chunkSize: Int?) throws {
        let original = try Fixtures.bytes("remit-820-adx-attached-unattached.edi")
        let flat = original.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        var wrapped: [UInt8] = []
        for (index, byte) in flat.enumerated() {
            if index > 0 && index % 80 == 0 { wrapped += Array(lineBreak.utf8) }
            wrapped.append(byte)
        }
        let expected = Fixtures.read(original)
        let sink = Fixtures.read(wrapped, chunkSize: chunkSize)
        #expect(!expected.lines.isEmpty && expected.codes.isEmpty)
        #expect(Self.contents(sink) == Self.contents(expected))
        #expect(sink.codes == ["x12.wrapped"], "\(sink.diagnostics)")
        let warning = try #require(sink.diagnostic("x12.wrapped"))
        #expect(warning.location.line == 1 && warning.location.byteOffset == 0)
        // The second line starts inside the ISA; the payment is located at BPR02 (after `BPR*I*`), on its line.
        let payment = try #require(sink.payments.first)
        let bprStart = flat.indices.first { index in Array(flat[index..<(index + 4)]) == Array("BPR*".utf8) }!
        #expect(payment.provenance.location.line == (bprStart + 6) / 80 + 1)
    }

    /// An IEA cut in two by a line break (`IE`, CRLF, `A*1*...`) closes its interchange.
    @Test(arguments: [1, 7, nil])
    func aTrailerSplitByALineBreakIsStillRecognised(chunkSize: Int?) throws {
        let text = Inline.file(Inline.oneInvoice).replacingOccurrences(of: "IEA*1*", with: "IE\r\nA*1*")
        let sink = Fixtures.read(text, chunkSize: chunkSize)
        #expect(sink.codes == ["x12.wrapped"], "\(sink.diagnostics)")
        #expect(sink.summaries.map(\.status) == [.accepted])
        #expect(sink.payments.count == 1)
    }

    /// `.` as the element separator cuts every decimal amount: an error at the ISA, never a silent 100 for
    /// 100.50; `-` as the repetition separator is only a warning.
    @Test func delimitersThatNumbersUseAreReported() throws {
        let dotted = Inline.lines(
            [Inline.isa(separator: "."), "GS.RA.SENDER.RECEIVER.20260105.0930.1.X.004010", "ST.820.0001",
             "BPR.C.100.50.C.CHK", "RMR.IV.A-1..100.50", "SE.4.0001", "GE.1.1", "IEA.1.000000001"])
        let sink = Fixtures.read(dotted)
        let error = try #require(sink.diagnostic("x12.numeric-delimiter"))
        #expect(error.severity == .error && error.location.line == 1)
        #expect(error.message.contains("element separator '.'"))
        let plain = Fixtures.read(Inline.file(Inline.oneInvoice, isaVersion: "00402").replacingOccurrences(
            of: "*U*00402*", with: "*-*00402*"))
        #expect(plain.codes == ["x12.numeric-delimiter"])
        #expect(plain.diagnostics.first?.severity == .warning)
        #expect(plain.diagnostics.first?.message.contains("repetition separator '-'") == true)
    }

    /// Ten thousand empty segments are reported one step at a time, never piled up inside the tokenizer, and
    /// the segments after them are still read.
    @Test func emptySegmentsAreHandedOverAsTheyAreFound() {
        let text = Inline.isa() + "~GS*RA*S*R*20260105*0930*1*X*004010~" + String(repeating: "~", count: 10_000)
            + "ST*820*0001~SE*2*0001~GE*1*1~IEA*1*000000001~"
        let tokenized = Tokenized(text)
        #expect(tokenized.mostPendingDiagnostics == 1)
        #expect(tokenized.segments.map { $0.elements[0] } == ["ISA", "GS", "ST", "SE", "GE", "IEA"])
    }
}
