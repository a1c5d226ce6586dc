import Foundation
import Testing

/// Deductions that no open amount was left for: a second payment of an invoice an earlier line settled, with
/// its own deduction, and stated deductions larger than the short pay. The report still ties, and shows the
/// excess as a term of its own rather than hiding it.
@Suite struct TieOutEndToEndTests {
    static let remittance = "fixtures/tieout/fairline-2026-12-02.820"

    static func tieOuts(_ out: URL) throws -> (allTie: Bool, checks: [[String: Any]]) {
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                as? [String: Any])
        // The checks per input and for the run, then each matched invoice's, which has a file of its own.
        let invoices = try String(contentsOf: out.appendingPathComponent("invoice-tie-outs.jsonl"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let checks = try #require(summary["tie_outs"] as? [[String: Any]])
            .filter { $0["check"] as? String != "invoice" }
        return (summary["all_tie"] as? Bool ?? false, checks + invoices)
    }

    /// The amounts of the term labelled `label` in the check whose scope is `scope`, or nil without one.
    static func term(_ label: String, in checks: [[String: Any]], scope: String) -> [String]? {
        let check = checks.first { $0["scope"] as? String == scope && $0["check"] as? String != "lines" }
        let terms = check?["right"] as? [[String: Any]] ?? []
        let term = terms.first { $0["label"] as? String == label }
        return (term?["amounts"] as? [[String: Any]])?.compactMap { $0["amount"] as? String }
    }

    @Test func deductionsBeyondTheOpenAmountAreShownAndTheReportTies() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/tieout/open-items.csv", "--out", out.path, Self.remittance,
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("3 deductions (49.00 USD); all 12 tie-outs tie; 0 errors, 0 warnings"))
        let (allTie, checks) = try Self.tieOuts(out)
        #expect(allTie)
        let beyond = "deductions beyond the open amount"
        // 900001: 488.00 and 12.00 settle it; the second payment's 12.00 finds nothing open.
        #expect(Self.term("deducted", in: checks, scope: "900001") == ["24.00"])
        #expect(Self.term(beyond, in: checks, scope: "900001") == ["-12.00"])
        // 900002: short by 10.00, 25.00 stated.
        #expect(Self.term(beyond, in: checks, scope: "900002") == ["-15.00"])
        // 900003 is paid in full: no such term.
        #expect(Self.term(beyond, in: checks, scope: "900003") == nil)
        #expect(Self.term(beyond, in: checks, scope: "fixtures/tieout/open-items.csv") == ["-27.00"])
        // The register keeps every deduction, excess included.
        let register = try String(contentsOf: out.appendingPathComponent("deductions.csv"), encoding: .utf8)
        #expect(register.split(whereSeparator: \.isNewline).count == 4, "header and three deductions")
    }
}
