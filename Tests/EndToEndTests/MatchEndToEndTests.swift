import Foundation
import Testing

/// `remit reconcile` on the matching fixtures: a combination applied, an ambiguous one suggested, and one
/// payment sent twice in two files, applied once.
@Suite struct MatchEndToEndTests {
    static let arguments = [
        "reconcile", "--invoices", "fixtures/matching/open-items.csv", "--run-time", "2026-12-03T12:00:00Z",
        "fixtures/matching/remittances/corner-2026-12-01.820",
        "fixtures/matching/remittances/corner-resent-2026-12-01.820",
        "fixtures/matching/remittances/harbor-2026-12-01.820",
    ]

    @Test func combinationsSuggestionsAndARepeatedPayment() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.hasPrefix(
                "remit: 4 lines (2 matched, 2 unmatched, 0 rejected; 1 suggested, 1 duplicate), 0 deductions; "
                    + "all 20 tie-outs tie;"), "\(result.stderr)")
        let matches = try JSONLines.read(out.appendingPathComponent("matches.jsonl"))
        #expect(
            matches.map { $0["rule"] as! String } == [
                "exact-reference", "duplicate-payment", "combination", "combination",
            ])
        #expect(matches.map { $0["decision"] as! String } == ["applied", "none", "applied", "suggested"])
        let also = (matches[2]["also_applied_to"] as! [[String: Any]]).map { $0["number"] as! String }
        #expect(also == ["700302"])
        #expect((matches[2]["invoice"] as! [String: Any])["number"] as? String == "700303")
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect(summary["all_tie"] as? Bool == true)
        let findings = summary["findings"] as! [[String: Any]]
        #expect(findings.map { $0["kind"] as! String } == ["payment_repeated"])
        let decisions = summary["decisions"] as! [String: Int]
        #expect(decisions == ["applied": 2, "suggested": 1, "none": 1])
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            .replacingOccurrences(of: "<wbr>", with: "")
        #expect(report.contains("4.8 Duplicates found by matching (1)"))
        #expect(report.contains("sets=900501+900502 | 900503+900504"))
    }
}

extension MatchEndToEndTests {
    @Test func theAutoApplyScoreIsAnOption() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--out", out.path, "--auto-apply-score", "90"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // The combination scores 85: now only suggested.
        #expect(result.stderr.contains("(1 matched, 3 unmatched, 0 rejected; 2 suggested, 1 duplicate)"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"match-auto-apply-score=90\""))
    }

    @Test(arguments: [["--auto-apply-score", "x"], ["--auto-apply-score", "102"], ["--suggest-score", "90"]])
    func aBadScoreIsAUsageError(_ extra: [String]) throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--out", out.path] + extra)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--auto-apply-score takes a whole number"))
    }
}
