import Foundation
import Testing

/// `remit reconcile` on the retail fixtures with their 812, two months after the payments: which deductions are
/// open, how old, and that the as-of date follows `--run-time` and `SOURCE_DATE_EPOCH` alike.
@Suite struct DeductionRegisterEndToEndTests {
    static let arguments = [
        "reconcile", "--invoices", "fixtures/retail/open-items.csv", "fixtures/retail/bigmart-2026-11-30.820",
        "fixtures/retail/corner-grocer-2026-12-01.820", "fixtures/retail/bigmart-2026-11-25.812",
        "fixtures/retail/bigmart-mueller-camt054-2026-12-02.xml",
    ]

    @Test func agesTheOpenDeductionsAsOfTheRunDate() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--run-time", "2027-01-31T12:00:00Z", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("deduction-register.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = rows[0].map(String.init)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let open = rows.dropFirst().map {
            "\($0[column("deduction_id")]) \($0[column("date")]) \($0[column("age_days")]) \($0[column("age_bucket")])"
        }
        // The ADX deductions that took memos CB7781 and DM55502 (ded:12, ded:23) are not open; memo DM55510,
        // announced on 2026-11-25 and not yet taken, is.
        #expect(
            open == [
                "8d75bdfb0737:ded:20 2026-11-30 62 61-90",
                "8d75bdfb0737:line:22:unexplained 2026-11-30 62 61-90",
                "8d75bdfb0737:line:25:unexplained 2026-11-30 62 61-90",
                "8d75bdfb0737:ded:29 2026-11-30 62 61-90",
                "8d75bdfb0737:ded:32 2026-11-30 62 61-90",
                "8d75bdfb0737:ded:35 2026-11-30 62 61-90",
                "de293e25ba74:ded:61 2026-12-02 60 31-60",
                "8d75bdfb0737:line:17:unearned-discount 2026-11-30 62 61-90",
                "c4e459ba57a0:ded:20 2026-11-25 67 61-90",
            ])
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let aging = summary["open_deductions"] as! [String: Any]
        #expect(aging["as_of"] as? String == "2027-01-31")
        #expect(aging["count"] as? Int == 9)
        #expect((aging["total"] as! [[String: String]]) == [["amount": "625.80", "currency": "USD"]])
        #expect(aging["linked_to_memos_count"] as? Int == 2)
        #expect((aging["linked_to_memos_total"] as! [[String: String]]) == [["amount": "370.00", "currency": "USD"]])
        let rate = summary["auto_match"] as! [String: Any]
        #expect(rate["lines_applied"] as? Int == 15 && rate["lines"] as? Int == 17)
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("<h3 id=\"aging\">3.3 Open deductions by age (9)</h3>"))
        #expect(report.contains("<th>Open over 90 days</th><td class=\"num none\">\u{2013}</td>"))
    }

    @Test func sourceDateEpochPinsTheAsOfDateAsRunTimeDoes() throws {
        let byOption = try RemitProcess.temporaryDirectory()
        let byEpoch = try RemitProcess.temporaryDirectory()
        _ = try RemitProcess.run(Self.arguments + ["--run-time", "2027-01-31T12:00:00Z", "--out", byOption.path])
        let result = try RemitProcess.run(
            Self.arguments + ["--out", byEpoch.path], environment: ["SOURCE_DATE_EPOCH": "1801396800"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for name in ["deduction-register.csv", "summary.json", "report.html"] {
            let first = try Data(contentsOf: byOption.appendingPathComponent(name))
            let second = try Data(contentsOf: byEpoch.appendingPathComponent(name))
            #expect(first == second, "\(name) differs")
        }
    }
}
