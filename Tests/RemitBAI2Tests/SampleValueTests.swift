import RemitCore
import Testing

@testable import RemitBAI2

/// Exact values from the bundled samples, worked out by hand from the files.
@Suite struct SampleValueTests {
    @Test func canadianSampleWithValueDatedDetails() throws {
        let sink = try Fixtures.read(fixture: "moov-sample1-cad-fixed80-signed-valuedated.bai2")
        #expect(sink.diagnostics.isEmpty)
        let first = try #require(sink.transactions.first)
        #expect(first.id == "F:bank:5")
        #expect(first.account == "10200123456")
        #expect(first.asOfDate == CalendarDate(year: 2006, month: 3, day: 17))
        #expect(first.valueDate == CalendarDate(year: 2006, month: 3, day: 16))
        #expect(first.typeCode == "409")
        #expect(first.direction == .debit)
        #expect(first.amount == Money(FixedDecimal(units: 2500, scale: 2), "CAD"))
        #expect(first.amount.formattedAmount == "25.00")
        #expect(first.fundsType == "V")
        #expect(first.bankReference == nil)
        #expect(first.customerReference == nil)
        #expect(first.text == "RETURNED CHEQUE")
        #expect(first.provenance.location.line == 5)
        #expect(first.provenance.location.byteOffset == 204)
        #expect(first.provenance.location.segmentIndex == 5)
        #expect(first.provenance.transactionID == "03@3")
        #expect(first.provenance.envelope.senderID == "0004")
        #expect(first.provenance.envelope.receiverID == "12345")
        #expect(first.provenance.envelope.interchangeControl == "001")
        // Credits 2035 + 25 + 25 (first account) + 115 + 1000 (second); the rest are 409 debits.
        let credits = sink.transactions.filter { $0.direction == .credit }.map(\.amount.amount.units)
        #expect(credits == [203_500, 2_500, 2_500, 11_500, 100_000])
        #expect(sink.transactions.last?.text == "GALERIES RICHELIEU")
        #expect(sink.summaries.map(\.transactionID) == ["03@3", "03@17"])
        #expect(
            sink.summaries.map(\.statedTotal) == [
                Money(FixedDecimal(units: 834_000, scale: 2), "CAD"),
                Money(FixedDecimal(units: 446_000, scale: 2), "CAD"),
            ])
        #expect(sink.summaries.map(\.recordCount) == [11, 6])
    }

    @Test func versionThreeStampIsANote() throws {
        let sink = try Fixtures.read(fixture: "moov-sample1-stamped-version3.bai2")
        #expect(sink.codes == ["bai2.version"])
        #expect(sink.diagnostics.first?.severity == .note)
        #expect(sink.diagnostics.first?.location.element == "01.8")
        #expect(sink.transactions.count == 17)
    }

    @Test func wireTextOverTenContinuations() throws {
        let sink = try Fixtures.read(fixture: "vh-eod-crlf-wire-text-on-88s.bai2")
        #expect(sink.diagnostics.isEmpty)
        let wire = try #require(sink.transactions.first)
        #expect(wire.typeCode == "195")
        #expect(wire.amount == Money(FixedDecimal(units: 8_325_982, scale: 2), "USD"))
        #expect(wire.fundsType == nil)
        #expect(wire.bankReference == nil && wire.customerReference == nil)
        #expect(
            wire.text
                == "FED NO: 20100831L1B77D1CDSDSDJSIO15608310954FT01 SENDER BNK:=ETRADE BANK SENDER ID:=056073573 "
                + "ORG:=OPTIONS LINK WIRE CLEARING ORG ADDRESS:=1995 SE. 57TH ST. NY, NY 10022 BNF ID:=3300333333 "
                + "BNF NAME:=YOUR NAME HERE INC BNF ADDRESS:=185 B ST SAN FRAN, CA 94011 REC FI:=SIL VLY BK SCLA "
                + "REC ID:=121140399 OBI:=INVOICE 123456")
        #expect(wire.provenance.envelope.version == "2")
        #expect(wire.provenance.envelope.groupControl == "121140399")
        // CRLF: line 4 starts after lines of 50, 44 and 22 bytes, each with its CR LF.
        #expect(wire.provenance.location.byteOffset == (50 + 2) + (44 + 2) + (22 + 2))
    }

    @Test func headersEveryField() throws {
        let text = try String(decoding: Fixtures.bytes("vh-eod-crlf-wire-text-on-88s.bai2"), as: UTF8.self)
        let (records, codes) = Fixtures.records(text)
        #expect(codes.isEmpty)
        guard case .fileHeader(let file) = records[0], case .groupHeader(let group) = records[1],
            case .accountIdentifier(let account) = records[2], case .trailer(let accountTrailer) = records[4],
            case .trailer(let groupTrailer) = records[5], case .trailer(let fileTrailer) = records[6]
        else {
            Issue.record("unexpected record order: \(records)")
            return
        }
        #expect(file.sender == "121140399")
        #expect(file.receiver == "3333333333")
        #expect(file.creationDate == CalendarDate(year: 2010, month: 8, day: 31))
        #expect(file.creationTime == .clock(minutes: 17 * 60 + 20, seconds: nil))
        #expect(file.fileID == "000001")
        #expect(file.physicalRecordLength == 80)
        #expect(file.blockSize == 1)
        #expect(file.version == "2")
        #expect(group.ultimateReceiver == "3333333333")
        #expect(group.originator == "121140399")
        #expect(group.status == 1)
        #expect(group.asOfDate == CalendarDate(year: 2010, month: 8, day: 31))
        #expect(group.asOfTime == .clock(minutes: 1040, seconds: nil))
        #expect(group.currency == "USD")
        #expect(group.asOfDateModifier == 4)
        #expect(account.account == "3333333333")
        #expect(account.currency == "USD")
        #expect(account.entries.isEmpty)
        #expect(accountTrailer.kind == .account)
        #expect(accountTrailer.controlTotal == 8_325_982 && accountTrailer.recordCount == 13)
        #expect(
            groupTrailer.controlTotal == 8_325_982 && groupTrailer.childCount == 1 && groupTrailer.recordCount == 15)
        #expect(fileTrailer.controlTotal == 8_325_982 && fileTrailer.childCount == 1 && fileTrailer.recordCount == 17)
    }

    @Test func fundsTypeSAndReferencesOnAContinuation() throws {
        let sink = try Fixtures.read(fixture: "moov-btrs3-funds-s-refs-and-text-on-88.bai2")
        let detail = try #require(sink.transactions.first)
        #expect(detail.amount == Money(FixedDecimal(units: 123_000_000_000, scale: 2), "USD"))
        #expect(detail.fundsType == "S")
        #expect(detail.bankReference == "TRACE12345678900")
        #expect(detail.customerReference == "CUST REF 79")
        #expect(detail.text == "THIS IS THE TEXT HERE")
        // The 49 total is right (0 + 123000000000 + 123000000000); only the counts are one short.
        #expect(sink.codes == ["bai2.version", "bai2.account-count", "bai2.group-count", "bai2.file-count"])
        #expect(sink.diagnostic("bai2.account-count")?.message.contains("says 4 but the file has 5") == true)
        let (records, _) = Fixtures.records(
            String(decoding: try Fixtures.bytes("moov-btrs3-funds-s-refs-and-text-on-88.bai2"), as: UTF8.self))
        guard case .accountIdentifier(let account) = records[2], case .detail(let typed) = records[3] else {
            Issue.record("unexpected records \(records)")
            return
        }
        #expect(account.entries.map(\.typeCode) == ["010", "100"])
        #expect(account.entries[1].itemCount == 1)
        #expect(
            account.entries[1].funds
                == .distributed(immediate: 100_000_000_000, oneDay: 20_000_000_000, twoOrMoreDays: 3_000_000_000))
        #expect(
            typed.funds
                == .distributed(immediate: 100_000_000_000, oneDay: 20_000_000_000, twoOrMoreDays: 3_000_000_000))
    }

    @Test func siliconValleyStyleExtraCommasAndNoFinalSlash() throws {
        let sink = try Fixtures.read(fixture: "moj-svb-two-groups-extra-commas-no-final-slash.bai2")
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.transactions.map(\.amount.amount.units) == [490_196, 905_800])
        #expect(sink.transactions.map(\.bankReference) == ["172629", "150675"])
        #expect(sink.transactions.map(\.customerReference) == [nil, nil])
        #expect(sink.transactions.map(\.text) == ["SOME PAYMENT ACH OFFSET", "SOME PAYMENT ACH OFFSET"])
        #expect(
            sink.transactions.map(\.asOfDate) == [
                CalendarDate(year: 2022, month: 2, day: 1), CalendarDate(year: 2022, month: 2, day: 2),
            ])
        let (records, _) = Fixtures.records(
            String(decoding: try Fixtures.bytes("moj-svb-two-groups-extra-commas-no-final-slash.bai2"), as: UTF8.self))
        guard case .accountIdentifier(let account) = records[2] else {
            Issue.record("no 03 third")
            return
        }
        #expect(account.entries.map(\.typeCode) == ["010", "015", "040", "045", "072", "074", "100", "400"])
        #expect(account.entries.map(\.amount) == [34_726_979, 35_217_175, 32_742_537, 35_217_175, 0, 0, 490_196, 0])
        #expect(account.entries.map(\.itemCount) == [nil, nil, nil, nil, nil, nil, 1, 0])
    }

    @Test func specExampleKeepsTheLeadingBlankOfItsText() throws {
        let sink = try Fixtures.read(fixture: "moov-spec-section3-text-without-slash.bai2")
        #expect(sink.diagnostics.isEmpty)
        let detail = try #require(sink.transactions.first)
        #expect(detail.text == " DEALER PAYMENTS")
        #expect(detail.fundsType == "1")
        #expect(detail.bankReference == "DD1620")
        #expect(detail.customerReference == nil)
        #expect(detail.amount.formattedAmount == "15000.00")
    }
}
