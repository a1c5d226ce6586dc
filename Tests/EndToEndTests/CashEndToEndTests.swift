import Foundation
import Testing

/// Runs `remit reconcile` on the cash set (a BAI2 statement, a NACHA file with CTX and CCD+ entries, and 820s
/// describing the same payments) and compares every output with the golden copies in `fixtures/cash/expected/`.
/// Set `REMIT_RECORD_GOLDEN=1` to re-record them after a deliberate change, then review the diff.
@Suite(.serialized) struct CashEndToEndTests {
    static let outputs = [
        "deductions.jsonl", "deductions.csv", "deduction-register.csv", "matches.jsonl", "matches.csv",
        "open-invoices.csv", "invoice-tie-outs.jsonl",
        "reassociation.jsonl", "reassociation.csv", "summary.json", "report.html",
    ]
    static let arguments = [
        "reconcile", "--invoices", "fixtures/cash/open-items.csv", "--run-time", "2026-12-04T12:00:00Z",
        "fixtures/cash/acme-bank-2026-12-04.bai2", "fixtures/cash/acme-ach-2026-12-04.ach",
        "fixtures/cash/corner-grocer-2026-12-03.820", "fixtures/cash/mapletree-2026-12-02.820",
        "fixtures/cash/orchard-fresh-2026-12-04.820",
    ]

    @Test func matchesTheGoldenOutputs() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try GoldenFiles.check(Self.outputs, in: out, against: "fixtures/cash/expected")
    }

    @Test func everyCreditAndAdviceIsDecidedAsTheFixtureREADMESays() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("7 bank transactions (5 credits paired, 1 without remittance)"))
        let rows = try String(contentsOf: out.appendingPathComponent("reassociation.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
        let decided = rows.map { "\($0[0]) \($0[1]) \($0[8])|\($0[15])" }
        #expect(
            decided == [
                "paired trace 2450.00|2450.00", "paired trace 780.00|780.00", "paired trace 315.50|315.50",
                "paired amount-date-payer 1034.00|1034.00", "amount_difference trace 995.00|1000.00",
                "cash_without_remittance none 5000.00|", "remittance_without_cash none |640.00",
            ])
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
        let cash = try #require(summary["cash"] as? [String: Any])
        let accounts = try #require(cash["accounts"] as? [[String: Any]])
        #expect(accounts.count == 1)
        #expect(accounts[0]["credits_in"] as? Int == 6)
        #expect(accounts[0]["paired"] as? Int == 5)
        #expect(accounts[0]["unpaired"] as? Int == 1)
        #expect(cash["remittance_without_cash"] as? Int == 1)
        let files = try #require(cash["bank_files"] as? [[String: Any]])
        #expect(files.map { $0["trailers_tie"] as? Bool } == [true, true])
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h2>7. Cash</h2>"))
    }

    @Test func theCTXLinesAreMatchedLikeAny820s() throws {
        let out = try RemitProcess.temporaryDirectory()
        _ = try RemitProcess.run(Self.arguments + ["--out", out.path])
        let matches = try String(contentsOf: out.appendingPathComponent("matches.csv"), encoding: .utf8)
        for invoice in ["400101", "400102", "400201", "400401", "400501", "400601"] {
            #expect(matches.contains(",\(invoice),"), "invoice \(invoice) not matched")
        }
    }

    @Test func convertReadsANACHAFileByItsContent() throws {
        let result = try RemitProcess.run(["convert", "fixtures/ach/remit-ctx-amount-mismatch-crlf.ach"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains(
                "fixtures/ach/remit-ctx-amount-mismatch-crlf.ach:6:21: warning: BPR02 says 510.00 USD, the ACH entry "
                    + "moved 500.00 USD"))
        #expect(result.stdout.contains(#""trace_number":"021000020000201""#))
    }

    @Test func strictRejectsTheCTXWhoseAmountDisagrees() throws {
        let result = try RemitProcess.run(["convert", "--strict", "fixtures/ach/remit-ctx-amount-mismatch-crlf.ach"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("transaction 6@3/ST@3 rejected under --strict"))
    }
}
