import RemitCore
import Testing

@testable import RemitX12

/// Delimiters come from each ISA header: the byte after `ISA`, ISA16, the terminator after it, and ISA11 as
/// the repetition separator from version 00402 on when it is not a letter or digit.
@Suite struct DelimiterTests {
    static let star = UInt8(ascii: "*")
    static let tilde: [UInt8] = [UInt8(ascii: "~")]

    static func set(_ element: Character, _ component: Character, _ repetition: Character?, _ terminator: [UInt8])
        -> X12Delimiters
    {
        X12Delimiters(
            element: element.asciiValue!, component: component.asciiValue!, repetition: repetition?.asciiValue,
            terminator: terminator)
    }

    static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

    @Test(arguments: [
        // 00501 with ISA11 '>' and ISA16 ':'.
        ("820-5010-x218-list-bill-payment.edi", [set("*", ":", ">", tilde)]),
        ("997-5010-repetition-and-component-separators.edi", [set("*", ":", "^", tilde)]),
        ("810-4010-pipe-element-separator.edi", [set("|", ">", nil, tilde)]),
        ("855-4010-two-transactions-one-group.edi", [set("*", "^", nil, tilde)]),
        // 107-byte header: counting separators still finds ISA16 '>' and the terminator '~'.
        ("850-4010-minimal.edi", [set("*", ">", nil, tilde)]),
        // ISA11 'U' in 00400: a letter, and a version before 00402.
        ("214-4010-ellipsis-segment-terminator.edi", [set("*", ">", nil, ellipsis)]),
        ("remit-820-ellipsis-terminator.edi", [set("*", ">", nil, ellipsis)]),
        ("remit-820-isa11-letter.edi", [set("*", ":", nil, tilde)]),
        ("remit-820-cr-terminator-no-final.edi", [set("*", ">", nil, [0x0D])]),
        ("remit-820-crlf-indented.edi", [set("*", ":", nil, tilde)]),
        ("remit-820-two-interchanges.edi", [set("*", ":", nil, tilde), set("|", ">", "^", [0x0A])]),
        ("997-5010-three-interchanges.edi", Array(repeating: set("*", ":", "^", tilde), count: 3)),
    ])
    func eachInterchangeDeclaresItsDelimiters(fixture: String, expected: [X12Delimiters]) throws {
        #expect(try Tokenized(fixture: fixture).delimiters == expected)
    }

    @Test(
        arguments: [
            ("00402", "^", UInt8(ascii: "^")), ("00501", "!", UInt8(ascii: "!")), ("00401", "^", nil),
            ("00501", "U", nil), ("00501", "7", nil), ("00501", " ", nil),
        ] as [(String, String, UInt8?)])
    func repetitionSeparatorOnlyFrom00402AndNeverALetter(version: String, isa11: String, expected: UInt8?) {
        let tokens = Tokenized(Inline.isa(isa11: isa11, version: version) + "~\n")
        #expect(tokens.delimiters.map(\.repetition) == [expected])
    }

    @Test func componentAndRepetitionSeparatorsStayInTheElementText() throws {
        // The 820 reader splits elements only; AK3 keeps '^' and ':' as written.
        let tokens = try Tokenized(fixture: "997-5010-repetition-and-component-separators.edi")
        #expect(
            tokens.segments[5].elements == [
                "AK3", "NM1", "AK302-R1^AK302-R2^AK302-R3-COMP1:AK302-R3-COMP2", "", "AK304-R1^AK304-R2^AK304-R3",
            ])
    }

    @Test func anElementSeparatorOfOneInterchangeIsDataInTheNext() throws {
        let tokens = try Tokenized(fixture: "remit-820-two-interchanges.edi")
        #expect(tokens.segments[15].elements == ["N1", "PR", "PAYER*TWO"])
        #expect(tokens.segments[16].elements == ["RMR", "IV", "B-2", "", "250.25"])
    }

    @Test func aCharacterSharingTheTerminatorsFirstBytesDoesNotEndTheSegment() throws {
        // U+2025 (E2 80 A5) in N102 differs from the U+2026 terminator (E2 80 A6) only in its last byte.
        let tokens = try Tokenized(fixture: "remit-820-ellipsis-terminator.edi")
        #expect(tokens.segments[4].elements == ["N1", "PR", "ELLIPSIS\u{2025}MART"])
        #expect(tokens.segments.count == 9)
    }

    @Test(arguments: [
        // CR as the terminator, a line feed after it, and indentation; no terminator after IEA.
        (
            "remit-820-cr-terminator-no-final.edi",
            ["1:1@0", "2:3@109", "3:5@166", "4:7@185", "5:7@214", "6:5@239", "7:3@252", "8:1@262"]
        ),
        // Byte order mark, CR LF after each '~', indentation (the BOM's three bytes count as columns).
        (
            "remit-820-crlf-indented.edi",
            [
                "1:4@3", "2:3@113", "3:5@172", "4:7@193", "5:7@223", "6:7@245", "7:7@270", "8:7@324", "9:5@355",
                "10:3@369", "11:1@380",
            ]
        ),
        // A three-byte terminator and a line feed after it.
        (
            "remit-820-ellipsis-terminator.edi",
            ["1:1@0", "2:1@109", "3:1@164", "4:1@179", "5:1@204", "6:1@229", "7:1@250", "8:1@263", "9:1@275"]
        ),
        // '~' then LF in the first interchange, LF alone as the terminator in the second.
        (
            "remit-820-two-interchanges.edi",
            (0..<20).map { index in
                let starts = [
                    0, 107, 160, 173, 197, 210, 227, 247, 258, 268, 285, 391, 443, 455, 478, 490, 506, 525, 535, 544,
                ]
                return "\(index + 1):1@\(starts[index])"
            }
        ),
        // No line breaks at all: everything on line 1.
        (
            "820-5010-x218-list-bill-payment.edi",
            [0, 106, 167, 190].map { "1:\($0 + 1)@\($0)" }
        ),
    ])
    func segmentsAreLocatedAcrossLineBreakStyles(fixture: String, expectedStart: [String]) throws {
        let places = try Tokenized(fixture: fixture).places
        #expect(Array(places.prefix(expectedStart.count)) == expectedStart)
    }

    @Test func newlineCanBeTheSegmentTerminator() {
        let text =
            Inline.isa() + "\nGS*RA*S*R*20260105*0930*1*X*004010\nST*820*0001\nBPR*I*7.5*C*ACH\nRMR*IV*N-1**7.5\n"
            + "SE*5*0001\nGE*1*1\nIEA*1*000000001\n"
        let tokens = Tokenized(text)
        #expect(tokens.delimiters == [Self.set("*", ":", nil, [0x0A])])
        #expect(tokens.segments.map { $0.elements[0] } == ["ISA", "GS", "ST", "BPR", "RMR", "SE", "GE", "IEA"])
        #expect(tokens.segments.map(\.line) == Array(1...8))
        let sink = Fixtures.read(text)
        // SE*5 where ST to SE are 4 segments: line 6, SE01 at column 4.
        #expect(
            sink.located == [
                Located("x12.se-count", .warning, line: 6, column: 4, byte: 188, segment: 6, element: "SE01")
            ])
        #expect(sink.payments.map(\.amount) == [Money(FixedDecimal(units: 75, scale: 1), "USD")])
        #expect(sink.lines.map(\.reference) == ["N-1"])
    }

    @Test func carriageReturnsAloneBreakLines() {
        let text = Inline.file(Inline.oneInvoice).replacingOccurrences(of: "\n", with: "\r")
        #expect(Tokenized(text).segments.map(\.line) == Array(1...10))
        let sink = Fixtures.read(text.replacingOccurrences(of: "SE*6*0001", with: "SE*6*0002"))
        // SE is segment 8 on line 8; SE02 after `SE*6*`.
        #expect(sink.located.map { "\($0.code) \($0.line):\($0.column)" } == ["x12.control-number 8:6"])
    }

    @Test func byteOrderMarkAndBlankLinesBeforeTheHeaderAreSkipped() {
        let text = "\u{FEFF}\n\n  " + Inline.file(Inline.oneInvoice)
        let sink = Fixtures.read(text)
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.payments.count == 1)
        // ISA on line 3 after the BOM and two line feeds, GS on line 4 at byte 3 + 2 + 2 + 106 + 1.
        #expect(Tokenized(text).places.prefix(2) == ["3:3@7", "4:1@114"])
    }
}
