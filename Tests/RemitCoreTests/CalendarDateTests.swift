import RemitCore
import Testing

@Suite struct CalendarDateTests {
    @Test func readsCompactDates() {
        #expect(CalendarDate.parseCompact(Array("20261203".utf8))?.description == "2026-12-03")
        #expect(CalendarDate.parseCompact(Array("991231".utf8))?.description == "1999-12-31")
        #expect(CalendarDate.parseCompact(Array("240229".utf8))?.description == "2024-02-29")
        #expect(CalendarDate.parseCompact(Array("20230229".utf8)) == nil)
        #expect(CalendarDate.parseCompact(Array("2026120".utf8)) == nil)
        #expect(CalendarDate.parseCompact(Array("2026-1-3".utf8)) == nil)
    }

    @Test func countsDaysAcrossLeapYears() throws {
        let start = try #require(CalendarDate(year: 2024, month: 2, day: 28))
        let end = try #require(CalendarDate(year: 2024, month: 3, day: 1))
        #expect(CalendarDate.days(from: start, to: end) == 2)
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
        #expect(start.adding(days: 366).description == "2025-02-28")
        for number in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
    }
}
