import Foundation
import Testing

/// Inputs with thousands of problems: every one is printed and counted, only the first of each file is
/// listed in `summary.json` and `report.html`, and both say how many were left out.
@Suite struct ManyDiagnosticsEndToEndTests {
    static let listed = 1000
    static let emptySegments = 3000
    static let badRows = 1500

    @Test func listsTheFirstProblemsOfEachFileAndCountsAll() throws {
        let out = try RemitProcess.temporaryDirectory()
        // The retail 820 with empty segments after its GS, each a warning; its transaction still reads.
        let x12 = try String(
            contentsOfFile: RemitProcess.fixture("retail/corner-grocer-2026-12-01.820"), encoding: .utf8)
        let gs = try #require(x12.range(of: "GS*"))
        let afterGS = try #require(x12[gs.upperBound...].range(of: "~"))
        let noisy = out.appendingPathComponent("empties.820")
        try Data(
            (x12[..<afterGS.lowerBound] + String(repeating: "~", count: Self.emptySegments)
                + x12[afterGS.lowerBound...]).utf8
        ).write(to: noisy)
        // The retail export followed by rows of one cell, each an error.
        let csv = try String(contentsOfFile: RemitProcess.fixture("retail/open-items.csv"), encoding: .utf8)
        let export = out.appendingPathComponent("open-items.csv")
        try Data((csv + String(repeating: "x\n", count: Self.badRows)).utf8).write(to: export)

        let result = try RemitProcess.run([
            "reconcile", "--invoices", export.path, "--out", out.path + "/report", noisy.path,
        ])
        #expect(result.status == 1)
        let stderr = result.stderr.split(separator: "\n")
        #expect(stderr.filter { $0.contains(": warning: empty segment") }.count == Self.emptySegments)
        #expect(stderr.filter { $0.hasPrefix(export.path) && $0.contains(": error: ") }.count == Self.badRows)
        #expect(result.stderr.contains("; \(Self.badRows) errors, \(Self.emptySegments) warnings; wrote "))

        let data = try Data(contentsOf: out.appendingPathComponent("report/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let file = try #require((summary["files"] as? [[String: Any]])?.first)
        #expect(file["status"] as? String == "processed")
        #expect((file["diagnostic_counts"] as? [String: Int])?["warning"] == Self.emptySegments)
        #expect((file["diagnostics"] as? [Any])?.count == Self.listed)
        #expect(file["diagnostics_not_listed"] as? Int == Self.emptySegments - Self.listed)
        let invoices = try #require(summary["invoice_export"] as? [String: Any])
        #expect((invoices["diagnostic_counts"] as? [String: Int])?["error"] == Self.badRows)
        #expect((invoices["diagnostics"] as? [Any])?.count == Self.listed)
        #expect(invoices["diagnostics_not_listed"] as? Int == Self.badRows - Self.listed)
        #expect(
            summary["diagnostics"] as? [String: Int] == [
                "error": Self.badRows, "warning": Self.emptySegments, "note": 0,
            ])
        #expect(summary["diagnostics_not_listed"] as? Int == Self.emptySegments + Self.badRows - 2 * Self.listed)

        let html = try String(contentsOf: out.appendingPathComponent("report/report.html"), encoding: .utf8)
        #expect(html.contains("… and 2000 more problems (2000 warnings) not listed"))
        #expect(html.contains("… and 500 more problems (500 errors) not listed"))
        #expect(html.components(separatedBy: "empty segment (two terminators in a row)").count - 1 == Self.listed)
    }
}
