import Foundation
import RemitCore
import RemitMatch
import RemitReport
import Testing

/// The open-deduction register: which deductions are open, how old each is, the totals per bucket, category
/// and payer, and the auto-match rates, in the model and in the three outputs that show them.
@Suite struct DeductionAgingTests {
    typealias F = ReportFixture

    @Test(arguments: [
        (-3, AgeBucket.upTo30), (0, .upTo30), (30, .upTo30), (31, .upTo60), (60, .upTo60), (61, .upTo90),
        (90, .upTo90), (91, .over90), (4000, .over90),
    ])
    func agesFallIntoTheirBuckets(_ days: Int, _ bucket: AgeBucket) {
        #expect(AgeBucket.of(days: days) == bucket)
    }

    @Test func noDateIsUndated() {
        #expect(AgeBucket.of(days: nil) == .undated)
    }

    static func deduction(
        _ id: String, amount: String, currency: String = "USD", category: DeductionCategory, payment: String?,
        payer: Party = F.acme, origin: Deduction.Origin = .stated, memoDate: CalendarDate? = nil
    ) -> Deduction {
        Deduction(
            id: id, paymentID: payment, lineID: nil, amount: Money(try! FixedDecimal.parse(amount), currency),
            reasonCode: nil, reasonCodeList: nil, category: category, categorySource: "test", reasonText: nil,
            invoiceReference: "INV-1002", memoNumber: origin == .announced ? "M-\(id)" : nil, memoQualifier: nil,
            payer: payer, paymentTrace: nil, origin: origin, provenance: F.provenance(line: 30, segment: 30),
            memo: origin == .announced ? AdjustmentMemo(date: memoDate) : nil)
    }

    /// As of 2026-03-01 (the fixture's run time): payment 1 of 2026-02-20 (9 days), payment 2 of
    /// 2025-12-15 (76 days), payment 3 of 2025-11-01 (120 days), payment 4 without a date. One deduction took
    /// an announced memo and is not open; one memo of 2026-01-20 (40 days) is announced and not yet taken.
    static func input() -> ReportInput {
        var input = F.input()
        let hostile = Party(name: F.hostilePayer)
        input.reconciliation.deductions = [
            deduction("d1", amount: "15.00", category: .damage, payment: "pay:1"),
            deduction("d2", amount: "5.00", category: .unidentified, payment: "pay:2"),
            deduction("d3", amount: "7.50", currency: "EUR", category: .damage, payment: "pay:3", payer: hostile),
            deduction("d4", amount: "2.00", category: .pricing, payment: "pay:4"),
            deduction("d5", amount: "30.00", category: .compliance, payment: "pay:1"),
            deduction("d6", amount: "1.25", category: .damage, payment: nil),
        ]
        let announced = deduction(
            "a1", amount: "30.00", category: .compliance, payment: nil, origin: .announced,
            memoDate: CalendarDate(year: 2026, month: 1, day: 20))
        let pending = deduction(
            "a2", amount: "12.00", category: .promotion, payment: nil, origin: .announced,
            memoDate: CalendarDate(year: 2026, month: 1, day: 20))
        input.announcements = Announcements(
            linked: [
                Announcements.Link(
                    memoNumber: "M-a1", announced: [announced], takenBy: [input.reconciliation.deductions[4]],
                    takenByLines: [])
            ], notYetTaken: [pending])
        input.paymentDates = [
            "pay:1": CalendarDate(year: 2026, month: 2, day: 20)!,
            "pay:2": CalendarDate(year: 2025, month: 12, day: 15)!,
            "pay:3": CalendarDate(year: 2025, month: 11, day: 1)!,
        ]
        input.reconciliation.matches[1].writtenOff = F.usd("0.40")
        return input
    }

    @Test func agesEachOpenDeductionFromItsPaymentOrMemoDate() throws {
        let aging = DeductionAging(Self.input())
        #expect(aging.asOf == CalendarDate(year: 2026, month: 3, day: 1))
        #expect(aging.open.map(\.deduction.id) == ["d1", "d2", "d3", "d4", "d6", "a2"])
        #expect(aging.open.map(\.ageDays) == [9, 76, 120, nil, nil, 40])
        #expect(aging.open.map(\.bucket) == [.upTo30, .upTo90, .over90, .undated, .undated, .upTo60])
        #expect(aging.open.map(\.dateSource) == [.payment, .payment, .payment, .none, .none, .memo])
        #expect(aging.linkedToMemos.map(\.id) == ["d5"])
        #expect(aging.writtenOff == [F.usd("0.40")])
        #expect(aging.oldestFirst.map(\.deduction.id) == ["d3", "d2", "a2", "d1", "d4", "d6"])
    }

    @Test func totalsPerBucketCategoryAndPayerKeepCurrenciesApart() throws {
        let aging = DeductionAging(Self.input())
        #expect(aging.total.count == 6)
        #expect(aging.total.total == [Money(try FixedDecimal.parse("7.50"), "EUR"), F.usd("35.25")])
        #expect(aging.total.amounts(in: .upTo30) == [F.usd("15.00")])
        #expect(aging.total.amounts(in: .upTo60) == [F.usd("12.00")])
        #expect(aging.total.amounts(in: .upTo90) == [F.usd("5.00")])
        #expect(aging.total.amounts(in: .over90) == [Money(try FixedDecimal.parse("7.50"), "EUR")])
        #expect(aging.total.count(in: .undated) == 2)
        #expect(aging.total.amounts(in: .undated) == [F.usd("3.25")])
        #expect(aging.byCategory.map(\.key) == ["damage", "pricing", "promotion", "unidentified"])
        let damage = aging.byCategory[0]
        #expect(damage.count == 3)
        #expect(damage.total == [Money(try FixedDecimal.parse("7.50"), "EUR"), F.usd("16.25")])
        #expect(damage.counts == [1, 0, 0, 1, 1])
        #expect(aging.byPayer.map(\.key) == [F.hostilePayer, "Acme Foods"])
        #expect(aging.byPayer.map(\.id) == [nil, "92:C100"])
        #expect(aging.byPayer[1].total == [F.usd("35.25")])
    }

    @Test func withoutARunDateEveryDeductionIsUndated() {
        var input = Self.input()
        input.manifest.runTime = "not a time"
        let aging = DeductionAging(input)
        #expect(aging.asOf == nil)
        #expect(aging.open.allSatisfy { $0.bucket == .undated && $0.ageDays == nil })
        #expect(aging.open.map(\.date).compactMap { $0 }.count == 4)
    }

    @Test(arguments: [
        ("2", "3", "66.7"), ("1", "8", "12.5"), ("1", "3", "33.3"), ("3", "3", "100.0"), ("0", "5", "0.0"),
        ("0.05", "100", "0.1"), ("0.049", "100", "0.0"), ("-1", "8", "-12.5"), ("5", "0", nil), ("5", "-10", nil),
    ])
    func percentagesAreExactAndRoundedHalfUp(_ part: String, _ whole: String, _ expected: String?) throws {
        let rate = AutoMatchRate.percent(try FixedDecimal.parse(part), of: try FixedDecimal.parse(whole))
        #expect(rate == expected)
    }

    @Test func theAutoMatchRateCountsLinesAndAmountsSeparately() throws {
        var input = F.input()
        // Line 3 (90.00) only suggested: 2 of 4 lines applied, 330.00 of 460.00 paid.
        input.reconciliation.matches[2].decision = .suggested
        let rate = AutoMatchRate(input.reconciliation.matches)
        #expect(rate.linesApplied == 2 && rate.lines == 4)
        #expect(rate.linePercent == "50.0")
        #expect(rate.amounts.map(\.currency) == ["USD"])
        #expect(rate.amounts[0].applied == F.usd("330.00"))
        #expect(rate.amounts[0].total == F.usd("460.00"))
        #expect(rate.amounts[0].percent == "71.7")
        let none = AutoMatchRate([])
        #expect(none.linePercent == nil && none.amounts.isEmpty)
    }

    @Test func theRegisterCSVListsEachOpenDeductionWithItsAge() throws {
        let outputs = try F.write(Self.input())
        #expect(outputs.names.contains("deduction-register.csv"))
        let rows = F.parseCSV(outputs.text("deduction-register.csv"))
        #expect(
            rows[0] == [
                "deduction_id", "origin", "category", "payer_name", "payer_id_qualifier", "payer_id",
                "invoice_reference", "memo_number", "reason_code", "reason_code_list", "currency", "amount", "date",
                "date_from", "as_of", "age_days", "age_bucket", "payment_id", "line_id", "source_file",
                "source_line",
            ])
        #expect(rows.dropFirst().map { $0[0] } == ["d1", "d2", "d3", "d4", "d6", "a2"])
        let hostile = rows[3]
        #expect(hostile[3] == F.hostilePayer)
        #expect(hostile[10...16] == ["EUR", "7.50", "2025-11-01", "payment", "2026-03-01", "120", "over-90"])
        #expect(rows[4][12...16] == ["", "none", "2026-03-01", "", "undated"])
        #expect(rows[6][1] == "announced")
        #expect(rows[6][12...16] == ["2026-01-20", "memo", "2026-03-01", "40", "31-60"])
    }

    @Test func theSummaryCarriesTheAgingAndTheRates() throws {
        let outputs = try F.write(Self.input())
        let summary = try JSONSerialization.jsonObject(with: outputs.files["summary.json"]!) as! [String: Any]
        let open = summary["open_deductions"] as! [String: Any]
        #expect(open["as_of"] as? String == "2026-03-01")
        #expect(open["count"] as? Int == 6)
        let buckets = (open["by_age"] as! [[String: Any]]).map { "\($0["bucket"]!)=\($0["count"]!)" }
        #expect(buckets == ["0-30=1", "31-60=1", "61-90=1", "over-90=1", "undated=2"])
        #expect(open["linked_to_memos_count"] as? Int == 1)
        #expect(
            (open["written_off_total"] as! [[String: String]]) == [["amount": "0.40", "currency": "USD"]])
        let categories = (open["by_category"] as! [[String: Any]]).map { $0["category"] as! String }
        #expect(categories == ["damage", "pricing", "promotion", "unidentified"])
        let rate = summary["auto_match"] as! [String: Any]
        #expect(rate["lines_applied"] as? Int == 3 && rate["lines"] as? Int == 4)
        #expect(rate["lines_percent"] as? String == "75.0")
        let amounts = rate["amounts"] as! [[String: Any]]
        #expect(amounts.first?["percent"] as? String == "91.3")
    }

    @Test func theReportShowsTheAgingEscaped() throws {
        let html = try F.write(Self.input()).text("report.html")
        #expect(html.contains("<h3 id=\"aging\">3.3 Open deductions by age (6)</h3>"))
        #expect(html.contains("to <b>2026-03-01</b>, the date of the run time in the manifest"))
        #expect(
            html.contains(
                "<tr><td>undated</td><td class=\"num\">2</td>"
                    + "<td class=\"num\">3.25&nbsp;<span class=\"ccy\">USD</span></td></tr>"))
        #expect(html.contains("<h3>3.5 Open deductions by payer and age</h3>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(!html.contains(F.hostilePayer))
        #expect(html.contains("<th>Applied automatically, lines</th><td class=\"num\">3 of 4 (75.0&nbsp;%)</td>"))
        #expect(html.contains("2026-01-20 <span class=\"small none\">memo</span>"))
    }
}
