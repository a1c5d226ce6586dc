import RemitCore
import Testing

@testable import RemitBAI2

/// The real-world variants the research note lists, each as a small file whose figures were added up by hand.
@Suite struct VariantTests {
    static let header = ["01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,SENDER,1,240104,2400,USD,2/"]

    @Test func summaryAmountStartsOnTheNextContinuation() throws {
        let lines =
            Self.header + [
                "03,555,USD,040,4626045,,,045/",
                "88,4626045,,,072,100,,/",
                "16,142,10000,,BR1,CR1,PAYMENT/",
                "49,9262190,4/",
                "98,9262190,1,6/",
                "99,9262190,1,8/",
            ]
        let sink = Fixtures.read(lines: lines)
        #expect(sink.diagnostics.isEmpty)
        let (records, _) = Fixtures.records(lines.joined(separator: "\n"))
        guard case .accountIdentifier(let account) = records[2] else {
            Issue.record("no 03")
            return
        }
        #expect(account.entries.map(\.typeCode) == ["040", "045", "072"])
        #expect(account.entries.map(\.amount) == [4_626_045, 4_626_045, 100])
        #expect(account.entries[1].location.line == 3 && account.entries[1].location.element == "03.7")
        let detail = try #require(sink.transactions.first)
        #expect(detail.amount.formattedAmount == "100.00")
        #expect(detail.bankReference == "BR1" && detail.customerReference == "CR1" && detail.text == "PAYMENT")
    }

    @Test func slashesInsideTextAndReferences() throws {
        let lines = [
            "01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,SENDER,1,240104,,USD,2/",
            "03,555,USD,,,,/",
            "16,195,250000,,FED/123/456,INV 1001/1002,OBI: INV 1001/1002, PO 77/",
            "88,/CITY ;",
            "88,",
            "88,13/05/24 DONE",
            "49,250000,6/", "98,250000,1,8/", "99,250000,1,10/",
        ]
        let sink = Fixtures.read(lines: lines)
        #expect(sink.diagnostics.isEmpty)
        let detail = try #require(sink.transactions.first)
        #expect(detail.bankReference == "FED/123/456")
        #expect(detail.customerReference == "INV 1001/1002")
        #expect(detail.text == "OBI: INV 1001/1002, PO 77 /CITY ; 13/05/24 DONE")
        #expect(detail.amount.formattedAmount == "2500.00")
    }

    @Test func extraAndMissingEmptyFieldsAtTheEndOfAnAccountRecord() throws {
        let lines =
            Self.header + [
                "03,111,/",
                "49,,2/",
                "03,222,USD,010,500,,,015,700,,,/",
                "88,100,1000,2,,/",
                "16,142,1000,,,,/",
                "49,3200,4/",
                "98,3200,2,8/",
                "99,3200,1,10/",
            ]
        let sink = Fixtures.read(lines: lines)
        #expect(sink.diagnostics.isEmpty)
        let (records, _) = Fixtures.records(lines.joined(separator: "\n"))
        guard case .accountIdentifier(let closed) = records[2], case .trailer(let blank) = records[3],
            case .accountIdentifier(let open) = records[4]
        else {
            Issue.record("unexpected records")
            return
        }
        #expect(closed.account == "111" && closed.currency == nil && closed.entries.isEmpty)
        #expect(blank.controlTotal == nil && blank.recordCount == 2)
        #expect(open.entries.map(\.typeCode) == ["010", "015", "100"])
        #expect(open.entries.map(\.amount) == [500, 700, 1000])
        #expect(open.entries.map(\.itemCount) == [nil, nil, 2])
        #expect(sink.transactions.first?.text == nil)
    }

    @Test func blankAccountTotalAgainstAmountsIsAMismatch() {
        let sink = Fixtures.read(
            lines: Self.header + ["03,111,USD,,,,/", "16,142,500,,,,/", "49,,3/", "98,500,1,5/", "99,500,1,7/"])
        #expect(sink.codes == ["bai2.account-total"])
        #expect(
            sink.diagnostics.first?.message
                == "49 control total is blank but the amounts of account 111 add up to 5.00 USD")
        #expect(sink.transactions.count == 1)
    }

    @Test func severalRecordsOnOneLine() throws {
        let text = """
            01,SENDER,RECEIVER,240105,0800,1,,,2/ 02,RECEIVER,SENDER,1,240104,0800,USD,2/
            03,555,USD,,,,/   16,142,700,,REF,,/
            49,700,3/98,700,1,5/99,700,1,7/
            """
        let sink = Fixtures.read(Array(text.utf8))
        #expect(sink.diagnostics.isEmpty)
        let detail = try #require(sink.transactions.first)
        #expect(detail.bankReference == "REF" && detail.customerReference == nil)
        #expect(detail.provenance.location.line == 2)
        #expect(detail.provenance.location.column == 19)
        #expect(detail.provenance.location.segmentIndex == 4)
        for size in [1, 2, 7] { #expect(Fixtures.read(Array(text.utf8), chunkSize: size).events == sink.events) }
    }

    @Test func unknownTypeCodesAreKeptWithOneWarningEach() throws {
        let lines =
            Self.header + [
                "03,555,USD,925,300,,/",
                "16,987,1000,,,,/",
                "16,850,200,,,,/",
                "16,987,50,,,,/",
                "49,1550,5/", "98,1550,1,7/", "99,1550,1,9/",
            ]
        let sink = Fixtures.read(lines: lines)
        #expect(sink.codes == ["bai2.unknown-type-code", "bai2.unknown-type-code", "bai2.unknown-type-code"])
        #expect(sink.diagnostics.map(\.location.element) == ["03.3", "16.1", "16.1"])
        #expect(sink.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(
            sink.diagnostics[1].message.hasPrefix(
                "type code 987 is not in the type-code table; read by its range as a debit detail"))
        #expect(sink.transactions.map(\.typeCode) == ["987", "850", "987"])
        #expect(sink.transactions.map(\.direction) == [.debit, .credit, .debit])
        let strict = Fixtures.read(lines: lines, strict: true)
        #expect(strict.diagnostics.allSatisfy { $0.severity == .error })
        #expect(strict.transactions.count == 3)
    }

    @Test func groupTrailerWithoutAccountCount() {
        // ASB (New Zealand) leaves out the number of accounts: total, record count, then an empty field.
        let sink = Fixtures.read(
            lines: Self.header + ["03,1,NZD,,,,/", "16,142,700,,,,/", "49,700,3/", "98,700,5,/", "99,700,1,7/"])
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.transactions.first?.amount.currency == "NZD")
        let wrong = Fixtures.read(
            lines: Self.header + ["03,1,NZD,,,,/", "16,142,700,,,,/", "49,700,3/", "98,700,6,/", "99,700,1,7/"])
        #expect(wrong.codes == ["bai2.group-count"])
        #expect(wrong.diagnostics.first?.location.element == "98.2")
    }

    @Test func clockFormatCreationTime() throws {
        let text = "01,SENDER,RECEIVER,230214,07:54:12,1,,,2/\n"
        let (records, codes) = Fixtures.records(text)
        #expect(codes.isEmpty)
        guard case .fileHeader(let header) = records.first else {
            Issue.record("no 01")
            return
        }
        #expect(header.creationTime == .clock(minutes: 7 * 60 + 54, seconds: 12))
        #expect(header.creationTime?.description == "07:54:12")
    }

    @Test func trailersThatDoNotAddUp() throws {
        let sink = try Fixtures.read(fixture: "vh-eod-control-total-off-by-one.bai2")
        #expect(sink.codes == ["bai2.account-total"])
        let mismatch = try #require(sink.diagnostics.first)
        #expect(mismatch.severity == .warning)
        #expect(
            mismatch.message
                == "49 control total is 83259.83 USD but the amounts of account 3333333333 add up to 83259.82 USD")
        #expect(mismatch.location.line == 15 && mismatch.location.element == "49.1")
        #expect(sink.transactions.count == 1)
        let strict = try Fixtures.read(fixture: "vh-eod-control-total-off-by-one.bai2", strict: true)
        #expect(strict.diagnostics.map(\.severity) == [.error])
        #expect(strict.transactions.count == 1)

        let counts = try Fixtures.read(fixture: "dnsbty-zero-padded-counts-time-2400-bad-trailers.bai2")
        #expect(
            counts.codes == [
                "bai2.account-total", "bai2.account-count", "bai2.group-total", "bai2.group-accounts",
                "bai2.group-count",
                "bai2.file-count",
            ])
        #expect(
            counts.diagnostic("bai2.group-count")?.message
                == "98.3 says 25 but the file has 6 records from the 02 through the 98 (88 continuations included)")
    }

    @Test func truncatedFileKeepsWhatWasRead() throws {
        let sink = try Fixtures.read(fixture: "dnsbty-truncated-no-trailers.bai2")
        #expect(sink.codes == ["bai2.missing-49", "bai2.missing-98", "bai2.missing-99"])
        let first = try #require(sink.diagnostics.first)
        #expect(first.message.hasPrefix("account 10200123456 (line 3) has no 49 trailer before the end of the file"))
        #expect(first.location.line == 3 && first.location.byteOffset == 127)

        // Cut the wire file in the middle of its text: the transaction is kept with the text read so far.
        let whole = try Fixtures.bytes("vh-eod-no-as-of-time.bai2")
        let text = String(decoding: whole, as: UTF8.self)
        let cut = Array(text.utf8.prefix(text.utf8.count - 200))
        let truncated = Fixtures.read(cut)
        #expect(truncated.codes == ["bai2.missing-49", "bai2.missing-98", "bai2.missing-99"])
        #expect(truncated.diagnostics.first?.message.contains("its 1 transaction is kept") == true)
        #expect(truncated.transactions.count == 1)
        #expect(truncated.transactions.first?.amount.formattedAmount == "83259.82")
        #expect(truncated.summaries.count == 1)
    }

    @Test func fixedLengthRecordsWithoutLineBreaks() throws {
        let lines = String(decoding: try Fixtures.bytes("vh-daily-crlf-minimal.bai2"), as: UTF8.self)
            .split(separator: "\r\n")
        let padded = lines.map { $0 + String(repeating: " ", count: 80 - $0.count) }.joined()
        let sink = Fixtures.read(Array(padded.utf8))
        #expect(sink.diagnostics.isEmpty)
        let detail = try #require(sink.transactions.first)
        #expect(detail.typeCode == "174" && detail.customerReference == "50848")
        #expect(detail.text == "SAMPLE CONTINUATION TEXT")
        #expect(detail.provenance.location.byteOffset == 240)
        #expect(detail.provenance.location.column == 241)
        for size in [1, 7, 64, 81] { #expect(Fixtures.read(Array(padded.utf8), chunkSize: size).events == sink.events) }
    }

    @Test func fundsTypesWithExtraFields() throws {
        let lines =
            Self.header + [
                "03,555,USD,,,,/",
                "16,142,30000,D,2,1,10000,2,20000,REF,CUST,TEXT, WITH COMMA",
                "16,142,500,V,240105,1200,REF2,,/",
                "16,142,700,Z,REF3,,/",
                "49,31200,5/", "98,31200,1,7/", "99,31200,1,9/",
            ]
        let sink = Fixtures.read(lines: lines)
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.transactions.map(\.fundsType) == ["D", "V", "Z"])
        #expect(sink.transactions.map(\.bankReference) == ["REF", "REF2", "REF3"])
        #expect(sink.transactions.map(\.text) == ["TEXT, WITH COMMA", nil, nil])
        #expect(sink.transactions[1].valueDate == CalendarDate(year: 2024, month: 1, day: 5))
        let (records, _) = Fixtures.records(lines.joined(separator: "\n"))
        guard case .detail(let distributed) = records[3], case .detail(let valueDated) = records[4] else {
            Issue.record("no details")
            return
        }
        #expect(
            distributed.funds == .distributedByDays([.init(days: 1, amount: 10_000), .init(days: 2, amount: 20_000)]))
        #expect(distributed.customerReference == "CUST")
        #expect(
            valueDated.funds
                == .valueDated(
                    date: CalendarDate(year: 2024, month: 1, day: 5), time: .clock(minutes: 720, seconds: nil)))
    }

    @Test func amountsTakeTheCurrencysMinorUnits() {
        let sink = Fixtures.read(lines: [
            "01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,SENDER,1,240104,,JPY,2/",
            "03,1,,,,,/", "16,142,12345,,,,/", "49,12345,3/",
            "03,2,KWD,,,,/", "16,142,12345,,,,/", "49,12345,3/",
            "98,24690,2,8/", "99,24690,1,10/",
        ])
        #expect(sink.diagnostics.isEmpty)
        #expect(
            sink.transactions.map(\.amount) == [
                Money(FixedDecimal(units: 12345, scale: 0), "JPY"), Money(FixedDecimal(units: 12345, scale: 3), "KWD"),
            ])
        #expect(sink.transactions.map(\.amount.formattedAmount) == ["12345", "12.345"])
    }

    @Test func testOnlyGroupIsReadWithAWarning() throws {
        let sink = Fixtures.read(lines: [
            "01,SENDER,RECEIVER,240105,0800,1,,,2/", "02,RECEIVER,SENDER,4,240104,9999,USD,2/",
            "03,1,,,,,/", "16,142,100,,,,/", "49,100,3/", "98,100,1,5/", "99,100,1,7/",
        ])
        #expect(sink.codes == ["bai2.group-status"])
        #expect(sink.diagnostics.first?.location.element == "02.3")
        #expect(sink.transactions.count == 1)
    }

    @Test func lineEndingsBlankLinesAndPadding() {
        let text =
            "01,SENDER,RECEIVER,240105,0800,1,,,2/   \r\n\r\n02,RECEIVER,SENDER,1,240104,0800,,2/\r\n   \r\n"
            + "03,1,,,,,/\t\r\n16,142,100,,,,PAID/  \r\n49,100,3/\r\n98,100,1,5/\r\n99,100,1,7/"
        let sink = Fixtures.read(Array(text.utf8))
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.transactions.first?.text == "PAID")
        #expect(sink.transactions.first?.provenance.location.line == 6)
    }

    @Test func negativeDetailAmountFlipsDirection() throws {
        let sink = Fixtures.read(
            lines: Self.header + ["03,1,,,,,/", "16,142,-500,,,,/", "49,-500,3/", "98,-500,1,5/", "99,-500,1,7/"])
        #expect(sink.codes == ["bai2.negative-detail"])
        let detail = try #require(sink.transactions.first)
        #expect(detail.direction == .debit)
        #expect(detail.amount.formattedAmount == "5.00")
    }

    @Test func badValuesAreLocated() throws {
        let sink = Fixtures.read(
            lines: Self.header + [
                "03,1,,,,,/", "16,142,12.50,,,,/", "16,42,100,,,,/", "16,142,100,Q,,,/", "49,200,5/", "98,200,1,7/",
                "99,200,1,9/",
            ])
        #expect(sink.codes == ["bai2.amount", "bai2.type-code", "bai2.funds-type"])
        let amount = try #require(sink.diagnostic("bai2.amount"))
        #expect(amount.message == "'12.50' is not an amount: unexpected '.' at position 3")
        #expect(amount.location.line == 4 && amount.location.column == 8 && amount.location.element == "16.2")
        #expect(sink.diagnostic("bai2.type-code")?.location.line == 5)
        // The 16 with the bad amount and the one with the bad type code are not reported as transactions.
        #expect(sink.transactions.map(\.typeCode) == ["142"])
        #expect(sink.transactions.first?.fundsType == "Z")
    }

    @Test func strayRecordsAreReported() {
        let sink = Fixtures.read(lines: [
            "88,ORPHAN", "01,SENDER,RECEIVER,240105,0800,1,,,2/", "GARBAGE", "02,RECEIVER,SENDER,1,240104,0800,,2/",
            "16,142,100,,,,/", "07,UNKNOWN", "88,DROPPED", "03,1,,,,,/", "49,,2/", "98,0,1,7/", "99,0,1,9/",
        ])
        // The skipped 07 and its 88 were sent, so the 98 and 99 counts include them (7 and 9 records); the
        // stray text and the orphan 88 before the 01 are no records of the group or file.
        #expect(
            sink.codes == [
                "bai2.orphan-continuation", "bai2.not-a-record", "bai2.detail-outside-account", "bai2.record-code",
            ])
        #expect(sink.diagnostics.map(\.location.line) == [1, 3, 5, 6])
        #expect(sink.transactions.isEmpty)
    }
}

@Suite struct LimitTests {
    @Test func overlongTextIsCutWithOneWarning() throws {
        let segment = String(repeating: "X", count: 599)
        var lines = VariantTests.header + ["03,1,USD,,,,/", "16,142,100,,,,START"]
        lines += Array(repeating: "88," + segment, count: 2000)
        lines += ["49,100,2003/", "98,100,1,2005/", "99,100,1,2007/"]
        let sink = Fixtures.read(lines: lines)
        #expect(sink.codes == ["bai2.record-too-long"])
        let text = try #require(sink.transactions.first?.text)
        #expect(text.hasPrefix("START XXX"))
        #expect(text.utf8.count <= BAI2Scanner.maximumRecordLength)
        #expect(text.utf8.count > BAI2Scanner.maximumRecordLength - 1200)
        #expect(Fixtures.read(lines: lines, chunkSize: 4096).events == sink.events)
    }

    @Test func overlongLineIsRefusedAtEveryChunkSize() throws {
        let long = "16,142,100,,,," + String(repeating: "Y", count: BAI2Scanner.maximumLineLength)
        let lines =
            VariantTests.header + ["03,1,USD,,,,/", long, "16,142,200,,,,/", "49,300,4/", "98,300,1,6/", "99,300,1,8/"]
        let sink = Fixtures.read(lines: lines)
        #expect(
            sink.codes == [
                "bai2.line-too-long", "bai2.account-total", "bai2.account-count", "bai2.group-count",
                "bai2.file-count",
            ])
        #expect(sink.diagnostics.first?.location.line == 4)
        // After lines of 37, 39 and 13 bytes, each with its line feed: 38 + 40 + 14.
        #expect(sink.diagnostics.first?.location.byteOffset == 92)
        #expect(sink.transactions.map(\.amount.formattedAmount) == ["2.00"])
        for size in [4096, 1 << 20] { #expect(Fixtures.read(lines: lines, chunkSize: size).events == sink.events) }
    }

    /// Lines ended by CR alone (old Mac-style exports): split like LF lines in every chunk size, with the same
    /// records, figures and line numbers as the LF file, and a mismatch located on the right line.
    @Test(arguments: [1, 2, 7, 64, nil])
    func linesEndedByCarriageReturnAlone(chunkSize: Int?) throws {
        let lines =
            VariantTests.header + [
                "03,555,USD,010,500,,/", "16,142,10000,,BR1,CR1,FIRST/", "16,142,2500,,BR2,CR2,SECOND/",
                "49,13000,4/", "98,13000,1,6/", "99,13001,1,8/",
            ]
        let bytes = Array((lines.joined(separator: "\r") + "\r").utf8)
        let cr = Fixtures.read(bytes, chunkSize: chunkSize)
        let lf = Fixtures.read(lines: lines)
        #expect(cr.transactions.map(\.amount.formattedAmount) == ["100.00", "25.00"])
        #expect(cr.transactions.map(\.text) == lf.transactions.map(\.text))
        #expect(cr.transactions.map(\.provenance.location.line) == [4, 5])
        // The 99 states 13001 where the groups add up to 13000: reported on line 8, as in the LF file.
        #expect(cr.diagnostics.map(\.location.line) == [8], "\(cr.diagnostics)")
        #expect(cr.diagnostics.map(\.code) == lf.diagnostics.map(\.code))
    }
}
