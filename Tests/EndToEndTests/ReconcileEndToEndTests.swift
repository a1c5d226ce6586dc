import Foundation
import Testing

/// Runs `remit reconcile` on the bundled retail fixtures and compares every output with the golden copies
/// in `fixtures/retail/expected/`. Set `REMIT_RECORD_GOLDEN=1` to re-record them after a deliberate change,
/// then review the diff before committing.
@Suite(.serialized) struct ReconcileEndToEndTests {
    static let outputs = [
        "deductions.jsonl", "deductions.csv", "deduction-register.csv", "matches.jsonl", "matches.csv",
        "open-invoices.csv", "invoice-tie-outs.jsonl",
        "reassociation.jsonl", "reassociation.csv", "summary.json", "report.html",
    ]
    static let arguments = [
        "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--run-time", "2026-12-03T12:00:00Z",
        "fixtures/retail/bigmart-2026-11-30.820", "fixtures/retail/corner-grocer-2026-12-01.820",
        "fixtures/retail/bigmart-mueller-camt054-2026-12-02.xml",
    ]

    @Test func matchesTheGoldenOutputs() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try GoldenFiles.check(Self.outputs, in: out, against: "fixtures/retail/expected")
    }

    @Test func printsOneClosingLineNamingTheReport() throws {
        // The README's main job: the two retail 820s.
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "fixtures/retail/bigmart-2026-11-30.820",
            "fixtures/retail/corner-grocer-2026-12-01.820", "--out", out.path + "/",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr == "remit: 14 lines (12 matched, 2 unmatched, 0 rejected), 9 deductions (896.00 USD); "
                + "all 25 tie-outs tie; 0 errors, 0 warnings; wrote \(out.path)/report.html\n")
    }

    @Test func aBrokenPartnerFileStopsTheRun() throws {
        let mappings = try RemitProcess.temporaryDirectory()
        let source = RemitProcess.packageRoot.appendingPathComponent("mappings")
        for folder in ["reason-codes", "layouts"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(folder), to: mappings.appendingPathComponent(folder))
        }
        let partner = mappings.appendingPathComponent("partners/bigmart")
        try FileManager.default.createDirectory(at: partner, withIntermediateDirectories: true)
        try Data(#"{"name": "BigMart", "payer_ids": "BM001"}"#.utf8).write(
            to: partner.appendingPathComponent("partner.json"))
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(Self.arguments + ["--mappings", mappings.path, "--out", out.path])
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(partner.appendingPathComponent("partner.json").path))
    }

    @Test func isByteIdenticalAcrossRuns() throws {
        let first = try RemitProcess.temporaryDirectory()
        let second = try RemitProcess.temporaryDirectory()
        _ = try RemitProcess.run(Self.arguments + ["--out", first.path])
        _ = try RemitProcess.run(Self.arguments + ["--out", second.path], environment: ["LANG": "de_DE.UTF-8"])
        for name in Self.outputs {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    @Test func decidesEachRetailLineAsAnAnalystWould() throws {
        let out = try RemitProcess.temporaryDirectory()
        _ = try RemitProcess.run(Self.arguments + ["--out", out.path])
        let matches = try JSONLines.read(out.appendingPathComponent("matches.jsonl"))
        let outcome = Dictionary(
            uniqueKeysWithValues: matches.map {
                ($0["reference"] as! String, $0["outcome"] as! String)
            })
        #expect(outcome["100101"] == "paid_in_full")
        // 2254.00 paid + 46.00 discount, but the 2/10 window closed on 2026-11-01 and the payment is of 11-30.
        #expect(outcome["100102"] == "short_paid")
        #expect(outcome["100103"] == "short_paid")
        #expect(outcome["100104"] == "short_paid")
        #expect(outcome["100105"] == "short_paid")
        #expect(outcome["100106"] == "paid_in_full")  // export says 000100106
        #expect(outcome["100107"] == "overpaid")
        #expect(outcome["999999"] == "unmatched")
        #expect(outcome["300002"] == "unmatched")  // Corner Grocer's invoice, paid by BigMart
        #expect(outcome["200050"] == "paid_in_full")  // credit memo taken
        #expect(outcome["INV-300001"] == "paid_in_full")
        // The camt.054: two Strd blocks of BigMart's payment and a Ustrd-only euro payment from Müller & Söhne.
        #expect(outcome["100111"] == "paid_in_full")
        #expect(outcome["100112"] == "short_paid")  // 288.00 paid, 24.80 stated short delivery (EDIFACT 4465 '4')
        #expect(outcome["INV-10041"] == "paid_in_full")

        let deductions = try JSONLines.read(out.appendingPathComponent("deductions.jsonl"))
        let byReference = Dictionary(grouping: deductions) { ($0["invoice_reference"] as? String) ?? "(payment)" }
        let amount = { (record: [String: Any]) in (record["amount"] as! [String: Any])["amount"] as! String }
        #expect(byReference["(payment)"]?.map(amount) == ["250.00"])
        #expect(byReference["(payment)"]?.first?["category"] as? String == "compliance")
        #expect(byReference["100104"]?.map(amount) == ["120.00", "80.00"])
        #expect(byReference["100104"]?.map { $0["category"] as! String } == ["shortage", "unidentified"])
        #expect(byReference["100105"]?.map(amount) == ["60.00"])
        #expect(byReference["100102"]?.map(amount) == ["46.00"])
        #expect(byReference["100102"]?.first?["category"] as? String == "unearned_discount")
        #expect(byReference["100107"] == nil)
        #expect(byReference["100112"]?.map(amount) == ["24.80"])
        #expect(byReference["100112"]?.first?["category"] as? String == "shortage")
        #expect(byReference["100112"]?.first?["reason_code_list"] as? String == "EDIFACT-4465")
        #expect(deductions.count == 10)

        let open = try String(contentsOf: out.appendingPathComponent("open-invoices.csv"), encoding: .utf8)
        let openNumbers = open.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",").first.map(String.init)
        }
        #expect(openNumbers == ["300002", "10042"])

        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect(summary["all_tie"] as? Bool == true)
    }

    @Test func aBadFileIsReportedAndTheOthersGoOn() throws {
        let out = try RemitProcess.temporaryDirectory()
        let junk = out.appendingPathComponent("junk.820")
        try Data("this is not a remittance\n".utf8).write(to: junk)
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path, junk.path,
            "fixtures/retail/corner-grocer-2026-12-01.820",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(junk.path):1:1: error: not a recognised remittance or bank file"))
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let files = summary["files"] as! [[String: Any]]
        #expect(files.map { $0["status"] as! String } == ["rejected", "processed"])
        #expect(files[1]["lines_matched"] as? Int == 1)
    }

    @Test func theSameFileTwiceIsAppliedOnce() throws {
        let out = try RemitProcess.temporaryDirectory()
        let copy = out.appendingPathComponent("copy.820")
        try FileManager.default.copyItem(
            atPath: RemitProcess.fixture("retail/corner-grocer-2026-12-01.820"), toPath: copy.path)
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path,
            "fixtures/retail/corner-grocer-2026-12-01.820", copy.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("same content as fixtures/retail/corner-grocer-2026-12-01.820"))
        let matches = try JSONLines.read(out.appendingPathComponent("matches.jsonl"))
        #expect(matches.count == 1)
    }

    @Test func anOutputFolderThatIsAFileIsNamed() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let file = dir.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        let result = try RemitProcess.run(Self.arguments + ["--out", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file.path): error: --out names a file, not a folder"), "\(result.stderr)")
    }

    @Test func refusesAnOutputFolderWhereAnOutputWouldReplaceAnInput() throws {
        let dir = try RemitProcess.temporaryDirectory()
        let export = dir.appendingPathComponent("open-invoices.csv")
        try FileManager.default.copyItem(atPath: RemitProcess.fixture("retail/open-items.csv"), toPath: export.path)
        let before = try Data(contentsOf: export)
        let result = try RemitProcess.run([
            "reconcile", "--invoices", export.path, "--out", dir.path, "fixtures/retail/bigmart-2026-11-30.820",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("the output open-invoices.csv would replace the input \(export.path)"))
        #expect(try Data(contentsOf: export) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.html").path))
    }

    @Test func theSamePathTwiceIsCountedOnce() throws {
        let out = try RemitProcess.temporaryDirectory()
        let file = "fixtures/retail/bigmart-2026-11-30.820"
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path, file, file,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("13 lines (11 matched, 2 unmatched, 0 rejected), 9 deductions (896.00 USD)"))
        #expect(result.stderr.contains("all 24 tie-outs tie"), "stderr: \(result.stderr)")
        let summary =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let files = summary["files"] as! [[String: Any]]
        #expect(files.count == 2)
        #expect(files[1]["lines_matched"] as? Int == 0)
        #expect(files[1]["deductions"] as? Int == 0)
    }

    @Test func linesOfARejectedTransactionAreCountedAsRejected() throws {
        // The 820 in this file has a BPR02 that is not a number: the set is rejected at its second segment,
        // before its RMR became a record. Its line must still be counted, as rejected.
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path,
            "fixtures/x12/remit-820-bad-amount.edi",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("2 lines (0 matched, 1 unmatched, 1 rejected)"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("all 9 tie-outs tie"))
    }

    @Test func strictRejectsATransactionThatNeededAWarning() throws {
        let out = try RemitProcess.temporaryDirectory()
        let arguments = [
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "--out", out.path,
            "fixtures/x12/remit-820-se-count-wrong.edi",
        ]
        let lenient = try RemitProcess.run(arguments)
        #expect(lenient.status == 0, "stderr: \(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: SE01 says '7'"))
        #expect(lenient.stderr.contains("1 line (0 matched, 1 unmatched, 0 rejected)"))
        let strict = try RemitProcess.run(arguments + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: SE01 says '7'"))
        #expect(strict.stderr.contains("1 line (0 matched, 0 unmatched, 1 rejected)"), "stderr: \(strict.stderr)")
    }
}

enum JSONLines {
    static func read(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }
}
