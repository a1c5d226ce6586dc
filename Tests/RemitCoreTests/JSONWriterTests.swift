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
