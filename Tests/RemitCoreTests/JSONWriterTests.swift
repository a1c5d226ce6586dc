import RemitCore
import Testing

@Suite struct JSONWriterTests {
    /// The digits the writer emits for amounts and dates are the text of `formatted` and `description`.
    @Test(arguments: [
        (Int64(0), UInt8(0), UInt8(2)), (1250, 2, 2), (-10, 2, 2), (5, 3, 2), (-5, 3, 0), (123_456, 0, 2),
        (15, 1, 3), (Int64.max, 0, 2), (Int64.min + 1, 18, 0), (7, 18, 18), (-999_999_999_999, 4, 2),
    ])
    func decimalsMatchFormatted(units: Int64, scale: UInt8, minimumScale: UInt8) {
        let value = FixedDecimal(units: units, scale: scale)
        var writer = JSONWriter()
        writer.decimalString(value, minimumScale: minimumScale)
        #expect(
            String(decoding: writer.bytes, as: UTF8.self) == "\"" + value.formatted(minimumScale: minimumScale) + "\"")
    }

    @Test func moneyObjects() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.money("paid", Money(FixedDecimal(units: -5, scale: 1), "USD"))
        writer.money("kept", Money(FixedDecimal(units: 1234, scale: 2), "JPY"))
        writer.money("odd", Money(FixedDecimal(units: 7, scale: 0), "A\"B"))
        writer.endObject()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"{"paid":{"amount":"-0.50","currency":"USD"},"kept":{"amount":"12.34","currency":"JPY"},"#
                + #""odd":{"amount":"7.00","currency":"A\"B"}}"#)
    }

    @Test func datesMatchDescription() throws {
        let date = try #require(CalendarDate(year: 26, month: 3, day: 9))
        var writer = JSONWriter()
        writer.dateString(date)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"0026-03-09\"")
    }

    @Test func escapesAndNesting() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", "x\"y\\z\n\u{7F}\u{01}é")
        writer.key("b")
        writer.beginArray()
        writer.integer(-12)
        writer.integer(0)
        writer.beginObject()
        writer.endObject()
        writer.endArray()
        writer.field("c", 3)
        writer.endObject()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"{"a":"x\"y\\z\n\u007f\u0001é","b":[-12,0,{}],"c":3}"#)
    }
}

@Suite struct ProvenanceJSONTests {
    /// A writer reused across records writes each provenance as a fresh writer does, whether the records
    /// share their transaction's origin or not.
    @Test func reusedWriterMatchesFreshWriters() {
        let first = ProvenanceOrigin(
            fileSHA256: "ab", envelope: EnvelopeKeys(interchangeControl: "1", version: "004010"), transactionID: "ST@3")
        let second = ProvenanceOrigin(fileSHA256: "ab", envelope: EnvelopeKeys(senderID: "S"), transactionID: "")
        let location = SourceLocation(file: "f.edi", line: 2, column: 5, byteOffset: 40, segmentIndex: 2)
        let provenances = [
            Provenance(location: location, origin: first),
            Provenance(location: location.element("RMR04"), origin: first),
            Provenance(location: location, origin: second), Provenance(location: location, origin: first),
        ]
        var reused = JSONWriter()
        for provenance in provenances {
            reused.removeAll()
            reused.beginObject()
            reused.key("source")
            provenance.writeJSON(into: &reused)
            reused.endObject()
            var fresh = JSONWriter()
            fresh.beginObject()
            fresh.key("source")
            provenance.writeJSON(into: &fresh)
            fresh.endObject()
            #expect(reused.bytes == fresh.bytes)
        }
        #expect(String(decoding: reused.bytes, as: UTF8.self).contains(#""version":"004010","transaction_id":"ST@3"}"#))
    }
}
