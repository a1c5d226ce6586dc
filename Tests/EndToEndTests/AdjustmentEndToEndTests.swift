import Foundation
import Testing

/// `remit convert` on 812s: announced deductions, and a partner's own reason codes deciding the category.
@Suite struct AdjustmentEndToEndTests {
    static func records(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func anAnnouncedShortageIsWrittenWithItsMemoAndLineContext() throws {
        let result = try RemitProcess.run(["convert", "fixtures/x12/remit-812-shortage-lines.edi"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try Self.records(result.stdout)
        #expect(records.map { $0["origin"] as? String } == ["announced", "announced"])
        #expect(records.map { ($0["amount"] as? [String: Any])?["amount"] as? String } == ["44.00", "132.75"])
        let memo = try #require(records.first?["memo"] as? [String: Any])
        #expect(memo["purchase_order"] as? String == "PO-5502")
        #expect((memo["memo_total"] as? [String: Any])?["amount"] as? String == "176.75")
        #expect((memo["line_context"] as? [String])?.first == "LIN: 1 UP 012345678905 VN ACME-OAT-12")
        #expect(records.first?["category_source"] as? String == "mappings/reason-codes/x12-426.tsv:12")
    }

    @Test func bigMartsOwnCodeDecidesTheCategoryAndIsCited() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("bigmart.812")
        let segments = [
            "ISA*00*          *00*          *ZZ*BIGMART        *ZZ*ACMEFOODS      *260105*0930*U*00401*000000301*0*P*:",
            "GS*CD*BIGMART*ACMEFOODS*20260105*0930*301*X*004010", "ST*812*0001", "BCD*20260105*BM-77*I*3000*D",
            "N1*BY*BIGMART STORES INC*92*BM001", "CDD*AB*D**3000", "SE*5*0001", "GE*1*301", "IEA*1*000000301",
        ]
        try Data(segments.map { $0 + "~\n" }.joined().utf8).write(to: file)
        let result = try RemitProcess.run(["convert", file.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try #require(try Self.records(result.stdout).first)
        #expect(record["category"] as? String == "shortage", "AB is a payroll code in X12 426; BigMart means shortage")
        #expect(record["category_source"] as? String == "mappings/partners/bigmart/reason-codes.tsv:6")
        #expect(record["reason_code_list"] as? String == "X12-426")
    }

    @Test func aBadRowInAPartnerFileStopsTheRunWithItsLine() throws {
        let mappings = try RemitProcess.temporaryDirectory()
        let source = RemitProcess.packageRoot.appendingPathComponent("mappings")
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("reason-codes"), to: mappings.appendingPathComponent("reason-codes"))
        let partner = mappings.appendingPathComponent("partners/acme")
        try FileManager.default.createDirectory(at: partner, withIntermediateDirectories: true)
        try Data(#"{"name": "Acme"}"#.utf8).write(to: partner.appendingPathComponent("partner.json"))
        try Data("code_list\tcode\tcategory\nX12-426\t01\tpricing\nX12-426\t02\tnot-a-category\n".utf8)
            .write(to: partner.appendingPathComponent("reason-codes.tsv"))
        let result = try RemitProcess.run([
            "convert", "--mappings", mappings.path, "fixtures/x12/remit-812-compliance-fine.edi",
        ])
        #expect(result.status == 2, "broken mapping data: could not finish")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("partners/acme/reason-codes.tsv:3:1: error: unknown category 'not-a-category'"))
    }

    @Test func reconcileLinksBigMartsMemosToTheADXThatTakeThemAndCountsThemOnce() throws {
        let out = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run([
            "reconcile", "--invoices", "fixtures/retail/open-items.csv", "fixtures/retail/bigmart-2026-11-30.820",
            "fixtures/retail/corner-grocer-2026-12-01.820", "fixtures/retail/bigmart-2026-11-25.812", "--out",
            out.path,
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // The same 9 deductions and 896.00 as without the 812: announced memos are not counted again.
        #expect(
            result.stderr == "remit: 14 lines (12 matched, 2 unmatched, 0 rejected), 9 deductions (896.00 USD); "
                + "4 announced in 812 memos (3 taken, 1 not yet); all 29 tie-outs tie; 0 errors, 0 warnings; "
                + "wrote \(out.path)/report.html\n")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                as? [String: Any])
        let announcements = try #require(summary["announcements"] as? [String: Any])
        let linked = try #require(announcements["linked"] as? [[String: Any]])
        #expect(linked.map { $0["memo_number"] as? String } == ["CB7781", "DM55502"])
        #expect(linked.map { $0["amounts_agree"] as? Bool } == [true, true])
        #expect(announcements["not_yet_taken_count"] as? Int == 1)
        #expect(announcements["taken_not_announced_count"] as? Int == 4, "DM55501, DM55503, DM55504, DM55505")
        let register = try String(contentsOf: out.appendingPathComponent("deductions.jsonl"), encoding: .utf8)
        #expect(!register.contains("\"announced\""))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h3>6.1 Announced deductions (X12 812)</h3>"))
        #expect(html.contains("<h4>Announced, not yet taken (1)</h4>"))
    }
}
