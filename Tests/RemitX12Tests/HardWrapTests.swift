import RemitCore
import RemitX12
import Testing

/// Files hard-wrapped at every width from 1 to 120 bytes, with LF, CRLF or CR: a line break can fall inside
/// `ISA`, right before or after ISA16, inside a terminator of several bytes, or inside the header of a second
/// interchange with other delimiters. Every wrap reads as the file without line breaks.
@Suite struct HardWrapTests {
    static let lineBreaks = ["\n", "\r\n", "\r"]
    static let widths = Array(1...120)

    /// `bytes` with `lineBreak` inserted after every `width` bytes.
    static func wrap(_ bytes: [UInt8], width: Int, lineBreak: String) -> [UInt8] {
        var wrapped: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if index > 0 && index % width == 0 { wrapped += Array(lineBreak.utf8) }
            wrapped.append(byte)
        }
        return wrapped
    }

    /// A fixture with its line breaks taken out.
    static func flat(_ name: String) throws -> [UInt8] {
        try Fixtures.bytes(name).filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
    }

    /// Two interchanges back to back: the fixture as it is, then again with `|` and `!` as delimiters.
    static func twoDelimiterSets() throws -> [UInt8] {
        let first = try flat("remit-820-adx-attached-unattached.edi")
        let second = first.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "*"): UInt8(ascii: "|")
            case UInt8(ascii: "~"): UInt8(ascii: "!")
            default: byte
            }
        }
        return first + second
    }

    /// Checks that `wrapped` gives the records of `flat` and no problem but the wrap warning.
    static func expectSameAsFlat(
        _ wrapped: [UInt8], _ flat: [UInt8], chunkSize: Int? = nil, comment: Comment
    ) {
        let expected = Fixtures.read(flat)
        let sink = Fixtures.read(wrapped, chunkSize: chunkSize)
        #expect(!expected.payments.isEmpty && expected.codes.isEmpty, comment)
        #expect(RobustnessTests.contents(sink) == RobustnessTests.contents(expected), comment)
        #expect(!sink.codes.isEmpty && sink.codes.allSatisfy { $0 == "x12.wrapped" }, "\(comment): \(sink.codes)")
    }

    @Test(arguments: lineBreaks, widths)
    func anyWidthReadsAsTheFlatFile(lineBreak: String, width: Int) throws {
        let flat = try Self.flat("remit-820-adx-attached-unattached.edi")
        let wrapped = Self.wrap(flat, width: width, lineBreak: lineBreak)
        Self.expectSameAsFlat(wrapped, flat, comment: "width \(width)")
    }

    /// The terminator is U+2026 (three bytes), so a line break can fall between its bytes.
    @Test(arguments: lineBreaks, widths)
    func aTerminatorOfThreeBytesCutByALineBreakIsStillOne(lineBreak: String, width: Int) throws {
        let flat = try Self.flat("remit-820-ellipsis-terminator.edi")
        let wrapped = Self.wrap(flat, width: width, lineBreak: lineBreak)
        Self.expectSameAsFlat(wrapped, flat, comment: "width \(width)")
    }

    /// The second header may be cut inside `ISA`, so it must be found before its delimiters are known.
    @Test(arguments: lineBreaks, widths)
    func aSecondInterchangeWithOtherDelimitersIsFoundAtAnyWidth(lineBreak: String, width: Int) throws {
        let flat = try Self.twoDelimiterSets()
        let wrapped = Self.wrap(flat, width: width, lineBreak: lineBreak)
        Self.expectSameAsFlat(wrapped, flat, comment: "width \(width)")
        #expect(Fixtures.read(wrapped).summaries.count == 2, "width \(width)")
    }

    /// Cuts right before ISA16, right after it (before the terminator) and inside `ISA`, fed in small chunks.
    @Test(arguments: [1, 2, 3, 104, 105, 106], [1, 2, 7, 64])
    func cutsAroundTheHeaderInSmallChunks(width: Int, chunkSize: Int) throws {
        let flat = try Self.twoDelimiterSets()
        for lineBreak in Self.lineBreaks {
            let wrapped = Self.wrap(flat, width: width, lineBreak: lineBreak)
            Self.expectSameAsFlat(wrapped, flat, chunkSize: chunkSize, comment: "width \(width)")
        }
    }

    /// A line feed as the terminator is not a wrap: the next line starts with a segment ID.
    @Test func aLineFeedTerminatorIsStillATerminator() {
        let text =
            (Inline.isa() + "\n" + Inline.gs() + "\n" + Inline.oneInvoice.joined(separator: "\n") + "\n")
            + "GE*1*1\nIEA*1*000000001\n"
        let sink = Fixtures.read(text)
        #expect(sink.codes.isEmpty, "\(sink.diagnostics)")
        #expect(sink.summaries.map(\.status) == [.accepted])
        #expect(sink.payments.count == 1)
    }

    /// An error in an element is located at the line, column and byte where the element is in the wrapped
    /// file, with a line break anywhere in its segment and with LF, CRLF or CR alone.
    @Test(arguments: lineBreaks, widths)
    func anElementIsLocatedWhereItIsInTheWrappedFile(lineBreak: String, width: Int) throws {
        let flat = try Self.flat("remit-820-bad-amount.edi")
        let wrapped = Self.wrap(flat, width: width, lineBreak: lineBreak)
        let sink = Fixtures.read(wrapped)
        let error = try #require(sink.diagnostics.first { $0.severity == .error }, "width \(width)")
        #expect(error.message.contains("BPR02 '12O.00'"))
        // The value's first byte: `1` of `12O.00`, after `BPR*C*` and any line break the wrap put there.
        let bpr = try #require(flat.indices.first { flat[$0...].starts(with: Array("BPR*C*".utf8)) })
        let valueStart = bpr + 6
        // A line break goes in before every byte whose index is a multiple of the width.
        let breaksBefore = valueStart / width
        let fileOffset = valueStart + breaksBefore * lineBreak.utf8.count
        #expect(
            [error.location.line, error.location.column] == [breaksBefore + 1, valueStart % width + 1]
                && error.location.byteOffset == Int64(fileOffset),
            "width \(width): \(error.location)")
    }

    /// With CR alone, every line break counts for line numbers, inside a segment as between segments.
    @Test(arguments: lineBreaks)
    func aRecordIsLocatedOnTheLineOfItsElement(lineBreak: String) throws {
        let flat = try Self.flat("remit-820-adx-attached-unattached.edi")
        let sink = Fixtures.read(Self.wrap(flat, width: 80, lineBreak: lineBreak))
        let payment = try #require(sink.payments.first)
        // The payment is located at BPR02, the first byte after `BPR*` and the one-letter BPR01.
        let bpr = try #require(flat.indices.first { flat[$0...].starts(with: Array("BPR*".utf8)) })
        let valueStart = bpr + 6
        #expect(payment.provenance.location.line == valueStart / 80 + 1)
        #expect(payment.provenance.location.column == valueStart % 80 + 1)
    }
}
