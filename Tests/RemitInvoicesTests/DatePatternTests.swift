import RemitCore
import RemitInvoices
import Testing

@Suite struct DatePatternTests {
    @Test(arguments: [
        ("dd.MM.yyyy", "31.01.2026", "2026-01-31"), ("d.M.yyyy", "5.1.2026", "2026-01-05"),
        ("d.M.yyyy", "15.11.2026", "2026-11-15"), ("MM/dd/yyyy", "02/28/2026", "2026-02-28"),
        ("M/d/yyyy", "12/1/2026", "2026-12-01"), ("yyyyMMdd", "20240229", "2024-02-29"),
        ("yyyy-MM-dd", "2026-12-03", "2026-12-03"), ("dd-MMM-yyyy", "05-jan-2026", "2026-01-05"),
        ("dd-MMM-yy", "05-DEC-49", "2049-12-05"), ("dd-MMM-yy", "05-Dec-50", "1950-12-05"),
        ("yyyy-MM-dd HH:mm:ss", "2026-01-05 13:45:00", "2026-01-05"), ("dd/MM/yy", "31/12/99", "1999-12-31"),
    ])
    func reads(pattern: String, text: String, iso: String) throws {
        let date = try DatePattern(pattern).parse(text)
        #expect(date == CalendarDate.parseISO(iso))
    }

    @Test(arguments: [
        ("dd.MM.yyyy", "31.1.2026"), ("MM/dd/yyyy", "02/30/2026"), ("MM/dd/yyyy", "13/01/2026"),
        ("yyyyMMdd", "2026013"),
        ("yyyy-MM-dd", "2026-01-05x"), ("yyyy-MM-dd", "2026/01/05"), ("dd-MMM-yyyy", "05-Jax-2026"),
        ("yyyy-MM-dd HH:mm:ss", "2026-01-05 24:00:00"), ("yyyy-MM-dd", ""), ("yyyyMMdd", "2025022９"),
    ])
    func refuses(pattern: String, text: String) throws {
        #expect(try DatePattern(pattern).parse(text) == nil)
    }

    @Test(arguments: [
        ("YYYY-MM-dd", "'YYYY'"), ("yyy-MM-dd", "'yyy'"), ("yyyy-MM", "exactly one"),
        ("dd.MM.yyyy yyyy", "exactly one"),
    ])
    func refusesBadPatterns(pattern: String, fragment: String) {
        #expect {
            try DatePattern(pattern)
        } throws: { error in
            (error as? DatePattern.Invalid)?.reason.contains(fragment) == true
        }
    }
}
