import Foundation
import Testing

/// Payment terms the discount check cannot read (an ERP key missing from `mappings/payment-terms`) are reported
/// as a warning, once per key, instead of turning the check off unseen.
@Suite struct PaymentTermsEndToEndTests {
    /// The README's main job: the two retail 820s. BigMart took 46.00 discount on 100102 a month late.
    static let retail = [
        "--run-time", "2026-12-03T12:00:00Z", "fixtures/retail/bigmart-2026-11-30.820",
        "fixtures/retail/corner-grocer-2026-12-01.820",
    ]

    /// The retail export with payment-terms keys in place of terms on four rows.
    static func exportWithKeys(in folder: URL) throws -> URL {
        let source = RemitProcess.packageRoot.appendingPathComponent("fixtures/retail/open-items.csv")
        var rows = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
        func replaceTerms(_ invoice: String, with key: String) {
            guard let index = rows.firstIndex(where: { $0.hasPrefix(invoice + ",") }),
                let comma = rows[index].lastIndex(of: ",")
            else { return }
            rows[index] = rows[index][...comma] + key
        }
        replaceTerms("100102", with: "ZB01")  // on line 3; BigMart's 46.00 discount is not judged
        replaceTerms("100104", with: "zb01 ")
        replaceTerms("100108", with: "ZB01")
        replaceTerms("300001", with: "Z999")  // line 15
        let export = folder.appendingPathComponent("open-items.csv")
        try Data(rows.joined(separator: "\n").utf8).write(to: export)
        return export
    }

    @Test func aTermsKeyNotInThePaymentTermsTableIsAWarningOncePerKey() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let export = try Self.exportWithKeys(in: folder)
        let out = folder.appendingPathComponent("out")
        let result = try RemitProcess.run(
            ["reconcile", "--invoices", export.path, "--out", out.path] + Self.retail)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 2, "\(result.stderr)")
        #expect(warnings.first?.hasPrefix(export.path + ":3:1: warning: payment terms 'ZB01'") == true, "\(warnings)")
        #expect(warnings.first?.contains("3 invoices") == true, "\(warnings)")
        #expect(warnings.last?.hasPrefix(export.path + ":15:1: warning: payment terms 'Z999'") == true, "\(warnings)")
        #expect(warnings.last?.contains("1 invoice") == true, "\(warnings)")
        #expect(result.stderr.contains("0 errors, 2 warnings;"), "\(result.stderr)")

        // The report lists them among the export's diagnostics (section 4, summary.json).
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                as? [String: Any])
        let exportSummary = try #require(summary["invoice_export"] as? [String: Any])
        let diagnostics = try #require(exportSummary["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["invoice.terms-unknown", "invoice.terms-unknown"])
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("payment terms &#39;ZB01&#39;"))
    }

    @Test func aKeyThePaymentTermsTableListsIsNoWarning() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let export = try Self.exportWithKeys(in: folder)
        let mappings = folder.appendingPathComponent("mappings")
        try FileManager.default.copyItem(at: RemitProcess.packageRoot.appendingPathComponent("mappings"), to: mappings)
        try Data("key\tterms\nZB01\t2/10 NET 30\n".utf8).write(
            to: mappings.appendingPathComponent("payment-terms/sap.tsv"))
        let out = folder.appendingPathComponent("out")
        let result = try RemitProcess.run(
            ["reconcile", "--invoices", export.path, "--mappings", mappings.path, "--out", out.path] + Self.retail)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 1, "\(result.stderr)")
        #expect(warnings.first?.contains("'Z999'") == true, "\(warnings)")
        // ZB01 stands for 2/10 NET 30: the late discount on 100102 is judged unearned again.
        let matches = try JSONLines.read(out.appendingPathComponent("matches.jsonl"))
        let line = try #require(matches.first { $0["reference"] as? String == "100102" })
        #expect(line["outcome"] as? String == "short_paid")
    }
}
