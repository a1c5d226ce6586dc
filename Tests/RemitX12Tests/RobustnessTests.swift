import RemitCore
import RemitX12
import Testing

/// Input that is odd but real: `ISA` inside data, segments the 820 does not define, text outside any
/// interchange, broken headers, and files cut off anywhere. Nothing crashes and nothing fails silently.
@Suite struct RobustnessTests {
    @Test func isaInsideDataDoesNotStartAnInterchange() throws {
        // N102 is `ISA`, N104 starts with it, and an NTE under the ADX has a line feed followed by `ISA*`.
        let text = Inline.file([
            "ST*820*0001", "BPR*I*95*C*ACH", "N1*PR*ISA*92*ISA*1", "RMR*IV*ISAAC-1**95*100", "ADX*-5*01",
            "NTE*ADD*SEE BELOW\nISA*00*NOT A HEADER", "SE*7*0001",
        ])
        let sink = Fixtures.read(text)
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.payments.map(\.payer) == [Party(name: "ISA", idQualifier: "92", id: "ISA")])
        #expect(sink.lines.map(\.reference) == ["ISAAC-1"])
        let deduction = try #require(sink.deductions.first)
        #expect(deduction.reasonText == "SEE BELOW\nISA")
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

    @Test(arguments: ["~\n", "\r\n"])
    func segmentOverTheLimitIsRefusedAtEveryChunkSize(ending: String) throws {
        let text = Self.overlongSegment(terminatedBy: ending)
        let whole = Fixtures.read(text)
        #expect(
            whole.located == [
                Located("x12.segment-too-long", .error, line: 5, column: 1, byte: 188, segment: 5)
            ])
        #expect(whole.summaries.map(\.status) == [.rejected, .accepted])
        // The NTE ends on line 8, so RMR, SE and ST*820*0002 are lines 9 to 11 and the second BPR line 12.
        let payment = try #require(whole.payments.first)
        #expect(payment.amount == usd(700))
        #expect(payment.provenance.location.line == 12)
        #expect(payment.provenance.location.segmentIndex == 9)
        for chunkSize in [4_096, 65_536, 700_001, 1 << 20] {
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
            }
            if length < 734 {
                // The SE starts at byte 712: once its ID is in, the set closes (with count or control warnings).
                let accepted = sink.summaries.contains { $0.status == .accepted }
                #expect(accepted == (length >= 714), "cut at \(length)")
            }
        }
    }
}
