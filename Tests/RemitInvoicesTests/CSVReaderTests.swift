import RemitCore
import Testing

@testable import RemitInvoices

@Suite struct CSVReaderTests {
    private typealias H = CSVHarness

    @Test func splitsPlainRecordsAndLocatesThem() {
        let events = H.events("a,b,c\n1,2,3\n")
        let rows = H.rows(events)
        #expect(events.count == 2)
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(
            rows.map(\.start) == [
                CSVPosition(line: 1, column: 1, byteOffset: 0), CSVPosition(line: 2, column: 1, byteOffset: 6),
            ])
        #expect(rows[1].fieldStarts.map(\.column) == [1, 3, 5])
        #expect(rows.map(\.index) == [1, 2])
        #expect(rows.allSatisfy { !$0.isMalformed })
    }

    @Test func unquotesSeparatorsDoubledQuotesAndLineBreaks() {
        let text = "id,note,n\n1,\"Hello, \"\"World\"\"\nsecond line\",x\n2,\"\",\"\"\"\"\n"
        let rows = H.rows(H.events(text))
        #expect(
            rows.map(\.fields) == [
                ["id", "note", "n"], ["1", "Hello, \"World\"\nsecond line", "x"], ["2", "", "\""],
            ])
        // The quoted field spans lines 2 and 3, so the next record starts on line 4.
        #expect(rows[2].start == CSVPosition(line: 4, column: 1, byteOffset: 45))
        #expect(
            rows[1].fieldStarts == [
                CSVPosition(line: 2, column: 1, byteOffset: 10), CSVPosition(line: 2, column: 3, byteOffset: 12),
                CSVPosition(line: 3, column: 14, byteOffset: 43),
            ])
        #expect(H.diagnostics(H.events(text)).isEmpty)
    }

    @Test func acceptsCRLFAndKeepsItInsideQuotes() {
        let rows = H.rows(H.events("a,b\r\n\"x\r\ny\",d\r\ne,f"))
        #expect(rows.map(\.fields) == [["a", "b"], ["x\r\ny", "d"], ["e", "f"]])
        #expect(rows.map(\.start.line) == [1, 2, 4])
        #expect(rows.map(\.start.byteOffset) == [0, 5, 15])
    }

    @Test func treatsALoneCarriageReturnAsALineEnd() {
        let rows = H.rows(H.events("a\rb\r\rc"))
        #expect(rows.map(\.fields) == [["a"], ["b"], [""], ["c"]])
        #expect(rows.map(\.start.line) == [1, 2, 3, 4])
    }

    @Test func skipsTheByteOrderMarkButCountsItsBytes() {
        let rows = H.rows(H.events([0xEF, 0xBB, 0xBF] + Array("inv,amt\nA1,5\n".utf8)))
        #expect(rows.map(\.fields) == [["inv", "amt"], ["A1", "5"]])
        #expect(rows[0].start == CSVPosition(line: 1, column: 1, byteOffset: 3))
        #expect(rows[0].fieldStarts[1] == CSVPosition(line: 1, column: 5, byteOffset: 7))
        #expect(rows[1].start.byteOffset == 11)
    }

    @Test func keepsBytesThatOnlyBeginLikeAByteOrderMark() {
        let rows = H.rows(H.events([0xEF, 0xBB, 0x41, 0x2C, 0x42], options: .init(encoding: .latin1)))
        #expect(rows.map(\.fields) == [["\u{EF}\u{BB}A", "B"]])
        let short = H.rows(H.events([0xEF, 0xBB], options: .init(encoding: .latin1)))
        #expect(short.map(\.fields) == [["\u{EF}\u{BB}"]])
    }

    @Test(arguments: [
        (UInt8(ascii: ";"), "a;\"b;c\";d\n"), (UInt8(ascii: "\t"), "a\t\"b\tc\"\td\n"),
        (UInt8(ascii: "|"), "a|\"b|c\"|d\n"),
    ])
    func usesTheConfiguredSeparator(separator: UInt8, text: String) {
        let rows = H.rows(H.events(text, options: .init(separator: separator)))
        let expected = String(UnicodeScalar(separator))
        #expect(rows.map(\.fields) == [["a", "b" + expected + "c", "d"]])
    }

    @Test func readsALastLineWithoutLineEndAndTrailingEmptyFields() {
        #expect(H.rows(H.events("a,b\nc,d")).map(\.fields) == [["a", "b"], ["c", "d"]])
        let rows = H.rows(H.events("a,\n,\nx,"))
        #expect(rows.map(\.fields) == [["a", ""], ["", ""], ["x", ""]])
        #expect(rows[2].fieldStarts[1] == CSVPosition(line: 3, column: 3, byteOffset: 7))
    }

    @Test func reportsBlankLinesAsOneEmptyField() {
        let rows = H.rows(H.events("a\n\n\r\nb\n"))
        #expect(rows.map(\.fields) == [["a"], [""], [""], ["b"]])
        #expect(rows.map(\.isEmptyLine) == [false, true, true, false])
        #expect(rows.map(\.start.line) == [1, 2, 3, 4])
    }

    @Test func emptyInputHasNoRecords() {
        #expect(H.events("").isEmpty)
        #expect(H.events([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test func reportsAQuoteInsideAnUnquotedField() throws {
        let events = H.events("id,x\nab\"c,d\n")
        let diagnostic = try #require(H.diagnostics(events).first)
        #expect(diagnostic.code == "csv.quote-in-field")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "t.csv")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 3)
        #expect(diagnostic.location.byteOffset == 7)
        let rows = H.rows(events)
        #expect(rows[1].fields == ["ab\"c", "d"])
        #expect(rows[1].isMalformed)
        #expect(!rows[0].isMalformed)
        // The diagnostic comes before the record it concerns.
        #expect(events.firstIndex(of: .diagnostic(diagnostic))! < events.firstIndex(of: .row(rows[1]))!)
    }

    @Test func reportsACharacterAfterAClosingQuote() throws {
        let events = H.events("\"ab\"c,d\nok\n")
        let diagnostics = H.diagnostics(events)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "csv.after-quote")
        #expect(diagnostic.message.contains("'c'"))
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.location.column == 5)
        #expect(diagnostic.location.byteOffset == 4)
        let rows = H.rows(events)
        #expect(rows.map(\.fields) == [["abc", "d"], ["ok"]])
        #expect(rows.map(\.isMalformed) == [true, false])
    }

    /// A quote opened and not closed on its line swallows the lines after it into one rejected record; the
    /// error names where the quote opened and which lines went, not only the place it finally noticed.
    @Test func aQuoteLeftOpenNamesTheLinesItSwallowed() throws {
        let events = H.events("inv,amt\nA1,\"5\nA2,6\nA3,7\n\"A4\",8\nA5,9\n")
        let diagnostic = try #require(H.diagnostics(events).first)
        #expect(diagnostic.code == "csv.after-quote")
        #expect(
            diagnostic.message
                == "unexpected 'A' after the closing quote of a field opened at 2:4; "
                + "lines 2 to 5 were read as one record"
        )
        #expect(diagnostic.location.line == 5)
        #expect(H.rows(events).map(\.isMalformed) == [false, true, false])
    }

    @Test func reportsAnUnterminatedQuoteAtItsOpeningQuote() throws {
        let events = H.events("h\r\na,\"bc\nd")
        let diagnostic = try #require(H.diagnostics(events).first)
        #expect(diagnostic.code == "csv.unterminated-quote")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 3)
        #expect(diagnostic.location.byteOffset == 5)
        let rows = H.rows(events)
        #expect(rows.last?.fields == ["a", "bc\nd"])
        #expect(rows.last?.isMalformed == true)
    }

    @Test func dropsAnOverlongRecordAndGoesOn() throws {
        let events = H.events("x,\"aaaaaaaaaaaaaaaa\nb,c\n", options: .init(maxRecordBytes: 10))
        let diagnostic = try #require(H.diagnostics(events).first)
        #expect(diagnostic.code == "csv.record-too-long")
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.location.column == 1)
        let rows = H.rows(events)
        #expect(rows.count == 2)
        #expect(rows[0].fields.isEmpty)
        #expect(rows[0].isMalformed)
        #expect(rows[1].fields == ["b", "c"])
        #expect(rows[1].start.line == 2)
    }

    @Test func followsAnExcelSeparatorLine() throws {
        let events = H.events("sep=;\r\na;b,c\n")
        guard case .separatorLine(let separator, let row) = try #require(events.first) else {
            Issue.record("expected a separator line, got \(events)")
            return
        }
        #expect(separator == UInt8(ascii: ";"))
        #expect(row.index == 1)
        #expect(H.rows(events).map(\.fields) == [["a", "b,c"]])
        // Only the first record can be one.
        #expect(H.rows(H.events("a\nsep=;\n")).map(\.fields) == [["a"], ["sep=;"]])
    }

    @Test func warnsAboutInvalidUTF8AndKeepsTheRow() throws {
        let events = H.events(Array("a,b\n".utf8) + [0x4D, 0xFC, 0x6C] + Array(",x\n".utf8))
        let diagnostic = try #require(H.diagnostics(events).first)
        #expect(diagnostic.code == "csv.encoding")
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 1)
        #expect(diagnostic.message.contains("byte 2"))
        let rows = H.rows(events)
        #expect(rows[1].fields == ["M\u{FFFD}l", "x"])
        #expect(!rows[1].isMalformed)
    }

    @Test func decodesWindows1252AndLatin1() {
        let bytes: [UInt8] = [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x2C, 0x80, 0x35, 0x2C, 0x93, 0x71, 0x94]
        let windows = H.rows(H.events(bytes, options: .init(encoding: .windows1252)))
        #expect(windows.map(\.fields) == [["Müller", "€5", "\u{201C}q\u{201D}"]])
        let latin = H.rows(H.events(bytes, options: .init(encoding: .latin1)))
        #expect(latin.map(\.fields) == [["Müller", "\u{80}5", "\u{93}q\u{94}"]])
    }

    @Test func keepsMultibyteUTF8AcrossChunkBoundaries() {
        let rows = H.rows(H.events("Zürich,\"Straße, 5\",€\n"))
        #expect(rows.map(\.fields) == [["Zürich", "Straße, 5", "€"]])
        #expect(rows[0].fieldStarts.map(\.column) == [1, 9, 22])
    }

    /// Everything above in one input, as a guard that no state leaks between records at any chunk size.
    @Test func mixedInputIsIdenticalAtEveryChunkSize() {
        let text =
            "\u{FEFF}h1,h2,h3\r\n\"q,1\",\"multi\r\nline\",\"\"\"x\"\"\"\n\nbad\"q,\"y\"z,\"\"\r\n,,\n"
            + "\"never closed,\nstill\r\n"
        let events = H.events(text)
        #expect(H.rows(events).count == 6)
        #expect(
            H.diagnostics(events).map(\.code) == ["csv.quote-in-field", "csv.after-quote", "csv.unterminated-quote"])
    }
}
