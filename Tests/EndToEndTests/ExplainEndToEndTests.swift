import Foundation
import Testing

/// Runs the built `remit explain` on the bundled matching and retail fixtures: what it prints (against golden
/// copies in `fixtures/matching/explain/`), that its decisions are `remit reconcile`'s, and how it refuses a
/// selector that names nothing. Set `REMIT_RECORD_GOLDEN=1` to re-record the copies, then review the diff.
@Suite struct ExplainEndToEndTests {
    static let matching = [
        "--invoices", "fixtures/matching/open-items.csv", "fixtures/matching/remittances/corner-2026-12-01.820",
        "fixtures/matching/remittances/corner-resent-2026-12-01.820",
        "fixtures/matching/remittances/harbor-2026-12-01.820",
    ]
    static let retail = [
        "--invoices", "fixtures/retail/open-items.csv", "fixtures/retail/bigmart-2026-11-30.820",
        "fixtures/retail/corner-grocer-2026-12-01.820", "fixtures/retail/bigmart-mueller-camt054-2026-12-02.xml",
    ]

    /// Each golden file and the `remit explain` arguments that print it.
    static let cases: [(name: String, arguments: [String])] = [
        ("reference-stmt-nov.txt", matching + ["--reference", "STMT-NOV"]),
        ("reference-stmt-nov.json", matching + ["--reference", "STMT-NOV", "--json"]),
        ("line-repeated-payment.txt", matching + ["--line", "7ed873f46993:line:8"]),
        ("invoice-900503.txt", matching + ["--invoice", "900503"]),
        ("retail-reference-300002.txt", retail + ["--reference", "300002"]),
        ("retail-invoice-100101.json", retail + ["--invoice", "100101", "--json"]),
    ]

    @Test func printsWhatTheGoldenCopiesHold() throws {
        let out = try RemitProcess.temporaryDirectory()
        for (name, arguments) in Self.cases {
            let result = try RemitProcess.run(["explain"] + arguments)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(name): \(result.stderr)")
            try Data(result.stdout.utf8).write(to: out.appendingPathComponent(name))
        }
        try GoldenFiles.check(Self.cases.map(\.name), in: out, against: "fixtures/matching/explain")
    }

    @Test func decidesEachLineAsReconcileDid() throws {
        let out = try RemitProcess.temporaryDirectory()
        let reconcile = try RemitProcess.run(["reconcile"] + Self.matching + ["--out", out.path])
        #expect(reconcile.status == 0, "stderr: \(reconcile.stderr)")
        for match in try JSONLines.read(out.appendingPathComponent("matches.jsonl")) {
            let id = match["line_id"] as! String
            let result = try RemitProcess.run(["explain"] + Self.matching + ["--line", id, "--json"])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let explained = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            let lines = explained["lines"] as! [[String: Any]]
            #expect(lines.count == 1)
            let decision = try #require(lines.first?["decision"] as? [String: Any])
            #expect(NSDictionary(dictionary: decision).isEqual(to: match), "\(id) is decided differently")
            let steps = lines[0]["steps"] as! [[String: Any]]
            #expect(steps.map { $0["number"] as! Int } == Array(0...6))
            // The step that decided is the match's rule (rule 6 answers `combination` for a set).
            let deciding = steps.first { ["applied", "suggested", "refused"].contains($0["outcome"] as! String) }
            let finding = deciding?["finding"] as? [String: Any]
            #expect(finding?["rule"] as? String == match["rule"] as? String)
        }
    }

    @Test(arguments: [
        (["--line", "nope:line:1"], "no remittance line of the inputs has the id 'nope:line:1'"),
        (["--reference", "NOPE-1"], "no remittance line of the inputs has the reference 'NOPE-1'"),
        (["--line", "9125258b2c74:line:8", "--reference", "STMT-NOV"], "has the id '9125258b2c74:line:8' and the"),
        (["--invoice", "123456789"], "no invoice of fixtures/matching/open-items.csv has the number '123456789'"),
        (["--invoice", "900503", "--line", "x"], "--invoice cannot be combined with --line or --reference"),
        ([], "explain needs --line ID, --reference REF or --invoice NUMBER"),
    ])
    func aSelectorThatNamesNothingIsAUsageError(_ selector: [String], _ message: String) throws {
        let result = try RemitProcess.run(["explain"] + Self.matching + selector)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aReconcileCommandLineCanBeReused() throws {
        let result = try RemitProcess.run(
            ["explain"] + Self.matching + [
                "--out", "/nonexistent/out", "--run-time", "2026-12-03T12:00:00Z", "--auto-apply-score", "90",
                "--reference", "STMT-NOV",
            ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // The combination scores 85: under 90 it is only suggested, as reconcile would decide.
        #expect(result.stdout.contains("6 amount-only: decided, suggested (combination, score 85)"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/out"))
        let help = try RemitProcess.run(["explain", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("remit explain --invoices FILE (--line ID | --reference REF | --invoice NUMBER)"))
    }
}
