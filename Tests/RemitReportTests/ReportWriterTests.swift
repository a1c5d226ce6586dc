import Foundation
import RemitCore
import RemitMatch
import RemitReport
import Testing

@Suite struct ReportWriterTests {
    typealias F = ReportFixture

    @Test func writesEveryOutputAndNoTemporaryFile() throws {
        #expect(try F.write().names == ReportWriter.fileNames.sorted())
    }

    @Test func deductionRegisterHasOneRecordPerDeductionInBothForms() throws {
        let out = try F.write()
        let lines = out.text("deductions.jsonl").split(separator: "\n")
        #expect(lines.count == 2)
        var expected = JSONWriter()
        CanonicalRecord.deduction(F.input().reconciliation.deductions[0]).writeJSON(into: &expected)
        #expect(String(lines[0]) == String(decoding: expected.bytes, as: UTF8.self))

        let rows = F.records(out.text("deductions.csv"))
        #expect(rows.count == 2)
        #expect(rows[0]["amount"] == "15.00")
        #expect(rows[0]["currency"] == "USD")
        #expect(rows[0]["category"] == "damage")
        #expect(rows[0]["category_source"] == "mappings/x12-426.tsv:12")
        #expect(rows[0]["reason_code"] == "AA")
        #expect(rows[0]["source_file"] == "in/remit.820")
        #expect(rows[0]["source_line"] == "12")
        #expect(rows[0]["source_segment_index"] == "12")
        #expect(rows[0]["source_sha256"] == F.sha)
        #expect(rows[1]["origin"] == "short_pay")
        #expect(rows[1]["category"] == "unidentified")
        #expect(rows[1]["reason_code"] == "")
    }

    @Test func matchTableStatesTheArithmeticOfEveryLine() throws {
        let out = try F.write()
        let text = out.text("matches.csv")
        let rows = F.records(text)
        #expect(rows.map { $0["outcome"] } == ["paid_in_full", "short_paid", "overpaid", "unmatched"])
        let short = rows[1]
        #expect(short["invoice_number"] == "INV-1002")
        #expect(short["open_before"] == "250.00")
        #expect(short["amount_paid"] == "230.00")
        #expect(short["applied"] == "230.00")
        #expect(short["stated_deductions"] == "15.00")
        #expect(short["unexplained"] == "5.00")
        #expect(short["open_after"] == "0.00")
        #expect(short["evidence"] == "normalized_reference=1002")
        #expect(short["invoice_source_line"] == "3")
        #expect(rows[2]["unapplied"] == "10.00")
        let unmatched = rows[3]
        #expect(unmatched["invoice_number"] == "")
        #expect(unmatched["open_before"] == "")
        #expect(unmatched["unapplied"] == "40.00")
        #expect(unmatched["payer_name"] == F.hostilePayer)
        #expect(unmatched["source_line"] == "4")
        // The hostile reference is guarded, and the row is written exactly as RFC 4180 wants it.
        #expect(unmatched["reference"] == "'" + F.hostileReference)
        #expect(text.hasPrefix("line_id,payment_id,reference_qualifier,reference,normalized_reference,payer_name,"))
        #expect(
            text.contains(
                "\r\nabababababab:line:4,abababababab:pay:2,IV,"
                    + "\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"Click\"\")\",HYPERLINKHTTPEVILEXAMPLEXCLICK,"
                    + "\"<script>alert(1)</script> & \"\"Co\"\"\",,,,,,,USD,,40.00,0.00,,0.00,0.00,0.00,0.00,40.00,,"
                    + "unmatched,none,0,none,normalized_reference=HYPERLINKHTTPEVILEXAMPLEXCLICK,,,"
                    + "in/remit.820,4,1,120,4,,"
                    + F.sha + ",ST@3\r\n"))
    }

    @Test func matchLinesInJSONNameTheInvoiceOrNull() throws {
        let out = try F.write()
        let lines = out.text("matches.jsonl").split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let short = try F.json(lines[1])
        #expect(short["line_id"] as? String == "abababababab:line:2")
        #expect((short["invoice"] as? [String: Any])?["number"] as? String == "INV-1002")
        #expect((short["unexplained"] as? [String: String]) == ["amount": "5.00", "currency": "USD"])
        #expect((short["evidence"] as? [[String: String]]) == [["name": "normalized_reference", "value": "1002"]])
        #expect((short["source"] as? [String: Any])?["line"] as? Int == 2)
        let unmatched = try F.json(lines[3])
        #expect(unmatched["invoice"] is NSNull)
        #expect(unmatched["outcome"] as? String == "unmatched")
        #expect(unmatched["open_before"] == nil)
    }

    @Test func openInvoicesListIsExact() throws {
        let out = try F.write()
        #expect(
            out.text("open-invoices.csv")
                == "invoice_number,customer_id,customer_name,purchase_order,invoice_date,due_date,terms,currency,"
                + "amount,open_before,applied_this_run,remaining,source_file,source_line\r\n"
                + "INV-1004,C100,Acme Foods,PO-5,2026-01-05,2026-02-04,NET30,USD,60.00,60.00,0.00,60.00,"
                + "in/open-ar.csv,5\r\n")
    }

    @Test func summaryStatesTotalsTieOutsBreakdownsAndDiagnostics() throws {
        let out = try F.write()
        let summary = try F.json(out.text("summary.json"))
        #expect(summary["all_tie"] as? Bool == true)
        let manifest = try #require(summary["manifest"] as? [String: Any])
        #expect(manifest["run_time"] as? String == "2026-03-01T09:30:00Z")
        #expect((manifest["inputs"] as? [[String: Any]])?.count == 2)
        let file = try #require((summary["files"] as? [[String: Any]])?.first)
        #expect(file["lines_in"] as? Int == 4)
        #expect(file["status"] as? String == "processed")
        #expect((file["payments_total"] as? [[String: String]]) == [["amount": "460.00", "currency": "USD"]])
        #expect((file["adjustments_total"] as? [[String: String]]) == [])
        #expect((file["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "x12.se-count")
        let tieOuts = try #require(summary["tie_outs"] as? [[String: Any]])
        // The invoice checks that tie are in invoice-tie-outs.jsonl, counted here.
        #expect(
            tieOuts.map { $0["check"] as? String } == [
                "lines", "cash", "application", "deductions", "lines", "cash", "application", "deductions",
                "receivables",
            ])
        #expect(tieOuts.allSatisfy { $0["ties"] as? Bool == true })
        let invoiceTieOuts = try #require(summary["invoice_tie_outs"] as? [String: Any])
        #expect(invoiceTieOuts["count"] as? Int == 3 && invoiceTieOuts["tie"] as? Int == 3)
        #expect(invoiceTieOuts["file"] as? String == "invoice-tie-outs.jsonl")
        let invoiceChecks = out.text("invoice-tie-outs.jsonl").split(separator: "\n").map { try? F.json(String($0)) }
        #expect(invoiceChecks.map { $0?["check"] as? String } == ["invoice", "invoice", "invoice"])
        let receivables = tieOuts[8]
        #expect(
            (receivables["left"] as? [String: Any])?["amounts"] as? [[String: String]] == [
                ["amount": "490.00", "currency": "USD"]
            ])
        let categories = try #require((summary["deductions"] as? [String: Any])?["by_category"] as? [[String: Any]])
        #expect(categories.map { $0["category"] as? String } == ["damage", "unidentified"])
        #expect(categories[0]["amounts"] as? [[String: String]] == [["amount": "15.00", "currency": "USD"]])
        let payers = try #require((summary["deductions"] as? [String: Any])?["by_payer"] as? [[String: Any]])
        #expect(payers.count == 1)
        #expect(payers[0]["payer"] as? String == "Acme Foods")
        #expect(payers[0]["payer_id"] as? String == "92:C100")
        #expect(payers[0]["count"] as? Int == 2)
        #expect(summary["diagnostics"] as? [String: Int] == ["error": 0, "warning": 1, "note": 0])
    }

    @Test func reportSaysWhenChecksDoNotTie() throws {
        var input = F.input()
        input.files[0].linesIn = 5
        input.reconciliation.matches[1].openAfter = F.usd("5.00")
        let analysis = ReportAnalysis(input)
        let failing = analysis.failures.map { "\($0.check.rawValue) \($0.scope)" }
        #expect(failing == ["lines in/remit.820", "lines all inputs", "invoice INV-1002"])
        #expect(analysis.failures[0].difference == .count(1))
        #expect(analysis.failures[2].difference == .money([F.usd("-5.00")]))

        let out = try F.write(input)
        let summary = try F.json(out.text("summary.json"))
        #expect(summary["all_tie"] as? Bool == false)
        let tieOuts = try #require(summary["tie_outs"] as? [[String: Any]])
        #expect(tieOuts.filter { $0["ties"] as? Bool == false }.count == 3)
        let html = out.text("report.html")
        #expect(html.contains("3 of 12 tie-outs DO NOT TIE"))
        #expect(html.components(separatedBy: "DOES NOT TIE").count - 1 == 6)
        #expect(html.contains("<td class=\"num\">-5.00&nbsp;<span class=\"ccy\">USD</span></td>"))
    }

    @Test func reportSaysEverythingTiesWhenItDoes() throws {
        let html = try F.write().text("report.html")
        #expect(html.contains("<p class=\"verdict ok\">All 12 tie-outs tie.</p>"))
        #expect(!html.contains("DOES NOT TIE"))
    }

    @Test func reportEscapesEveryValueFromTheInputs() throws {
        let html = try F.write().text("report.html")
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(html.contains("=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;Click&quot;)"))
    }

    @Test func reportIsSelfContainedAndOpensWithTheManifest() throws {
        let html = try F.write().text("report.html")
        for forbidden in ["<script", "<link", "<img", "src=", "@import", "url("] {
            #expect(!html.contains(forbidden), "report.html contains \(forbidden)")
        }
        let manifest = try #require(html.range(of: "<h2>1. Run manifest</h2>"))
        let tieOuts = try #require(html.range(of: "<h2>2. Control totals and tie-outs</h2>"))
        let deductions = try #require(html.range(of: "<h2>3. Deductions by category, payer and age</h2>"))
        let exceptions = try #require(html.range(of: "<h2>4. Exceptions</h2>"))
        let matches = try #require(html.range(of: "<h2>5. Match table</h2>"))
        #expect(manifest.lowerBound < tieOuts.lowerBound)
        #expect(tieOuts.lowerBound < deductions.lowerBound)
        #expect(deductions.lowerBound < exceptions.lowerBound)
        #expect(exceptions.lowerBound < matches.lowerBound)
        #expect(html.contains(F.sha))
        #expect(html.contains("<td class=\"num\">1234</td>"))
        #expect(html.contains("2026-03-01T09:30:00Z"))
        #expect(html.contains("<code>tolerance=0.00</code>"))
    }

    @Test func reportListsExceptionsWithTheirSourceLocations() throws {
        let html = try F.write().text("report.html")
        #expect(html.contains("<h3>4.2 Unmatched lines (1)</h3>"))
        #expect(html.contains("<h3>4.3 Overpayments (1)</h3>"))
        #expect(html.contains("<h3>4.4 Short pays (1)</h3>"))
        #expect(html.contains("<td class=\"loc\">in/remit.820:4:1 segment 4</td>"))
        #expect(
            html.contains(
                "<li class=\"warning\">in/remit.820:7:1: warning: SE01 says 14 segments, counted 15 "
                    + "[segment 20, SE01, byte 240] <span class=\"ccy\">[x12.se-count]</span></li>"))
    }

    @Test func sameInputGivesByteIdenticalFiles() throws {
        let first = try F.write()
        let second = try F.write()
        #expect(first.names == ReportWriter.fileNames.sorted())
        for name in ReportWriter.fileNames {
            #expect(first.files[name] == second.files[name], "\(name) differs between runs")
        }
    }

    @Test func outputsLargerThanTheWriteBufferComeOutWhole() throws {
        var input = F.input()
        let template = input.reconciliation.matches[3]
        input.reconciliation.matches = (1...4000).map { index in
            var match = template
            match.line.id = "abababababab:line:\(index)"
            return match
        }
        let out = try F.write(input)
        let jsonLines = out.text("matches.jsonl")
        #expect(jsonLines.utf8.count > 1 << 21)
        let lines = jsonLines.split(separator: "\n")
        #expect(lines.count == 4000)
        #expect(lines.last?.hasPrefix("{\"line_id\":\"abababababab:line:4000\"") == true)
        #expect(F.parseCSV(out.text("matches.csv")).count == 4001)
        let html = out.text("report.html")
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(html.contains("<h3>4.2 Unmatched lines (4000)</h3>"))
    }
}
