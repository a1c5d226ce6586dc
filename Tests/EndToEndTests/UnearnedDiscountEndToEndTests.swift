import Foundation
import Testing

/// An unearned discount as the report states it: among the deducted figures, and in a column of its own per line.
@Suite struct UnearnedDiscountEndToEndTests {
    /// The README's main job: the two retail 820s. BigMart took 46.00 discount on 100102 a month late.
    static let retail = [
        "--run-time", "2026-12-03T12:00:00Z", "fixtures/retail/bigmart-2026-11-30.820",
        "fixtures/retail/corner-grocer-2026-12-01.820",
    ]

    /// `12.50` as 1250; nil for anything but an optional minus, digits, a point and two digits.
    static func cents(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, parts[1].allSatisfy(\.isNumber) else { return nil }
        let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        guard !whole.isEmpty, whole.allSatisfy(\.isNumber), let units = Int(whole + parts[1]) else { return nil }
        return parts[0].hasPrefix("-") ? -units : units
    }

    /// The USD cents of a money object `{"amount":…,"currency":"USD"}`, or of a list of them.
    static func usd(_ value: Any?) -> Int? {
        if let list = value as? [[String: Any]] {
            return list.filter { $0["currency"] as? String == "USD" }.compactMap { usd($0) }.reduce(0, +)
        }
        guard let money = value as? [String: Any], money["currency"] as? String == "USD",
            let amount = money["amount"] as? String
        else { return nil }
        return cents(amount)
    }

    @Test func anUnearnedDiscountIsAmongTheDeductedFiguresAndHasItsOwnColumn() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(
            ["reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path] + Self.retail)
        #expect(result.status == 0, "stderr: \(result.stderr)")

        // The match table's Deducted (summary.json `outcomes`, section 5.1) equals the register's deductions on
        // the lines applied to an invoice, the 46.00 unearned discount included.
        let matches = try JSONLines.read(out.appendingPathComponent("matches.jsonl"))
        let applied = Set(matches.filter { !($0["invoice"] is NSNull) }.compactMap { $0["line_id"] as? String })
        let register = try JSONLines.read(out.appendingPathComponent("deductions.jsonl"))
        let onApplied = register.filter { applied.contains($0["line_id"] as? String ?? "") }
        let registerTotal = onApplied.compactMap { Self.usd($0["amount"]) }.reduce(0, +)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                as? [String: Any])
        let outcomes = try #require(summary["outcomes"] as? [[String: Any]])
        let deducted = outcomes.compactMap { Self.usd($0["deducted"]) }.reduce(0, +)
        #expect(registerTotal == 64600)
        #expect(deducted == registerTotal)
        let short = try #require(outcomes.first { $0["outcome"] as? String == "short_paid" })
        #expect(Self.usd(short["deducted"]) == 64600)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let byOutcome = try #require(html.range(of: "<h3>5.1 By outcome</h3>"))
        let total = try #require(html.range(of: "<tr class=\"total\">", range: byOutcome.upperBound..<html.endIndex))
        let totalRow = html[total.lowerBound...].prefix { $0 != "\n" }
        let deductedCell = "<td class=\"num\">646.00&nbsp;<span class=\"ccy\">USD</span></td></tr>"
        #expect(totalRow.hasSuffix(deductedCell), "\(totalRow)")

        // Each applied line's own figures add up to its open amount.
        let line = try #require(matches.first { $0["reference"] as? String == "100102" })
        #expect(Self.usd(line["unearned_discount"]) == 4600)
        #expect(Self.usd(line["discount_taken"]) == 0)
        let parts = [
            "applied", "discount_taken", "unearned_discount", "stated_deductions", "unexplained", "written_off",
            "open_after",
        ]
        #expect(parts.compactMap { Self.usd(line[$0]) }.reduce(0, +) == Self.usd(line["open_before"]))
        let csv = try String(contentsOf: out.appendingPathComponent("matches.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("line_id,") && csv.contains(",discount_taken,unearned_discount,stated_deductions,"))
        #expect(csv.contains(",USD,2300.00,2254.00,2254.00,0.00,46.00,0.00,0.00,0.00,0.00,0.00,short_paid,"))
    }
}
