import RemitCore
import RemitMatch
import RemitReport
import Testing

/// The report sections that explain what is left over: why a line matched nothing, which invoices stay
/// open, and how the match table's deductions add up to the register.
@Suite struct ReportSectionsTests {
    typealias F = ReportFixture

    /// The fixture with the matcher's evidence on its unmatched line, a deduction on that line, a chargeback
    /// against the payment as a whole, and export rows numbered as the CSV reader numbers them.
    static func input() -> ReportInput {
        var input = F.input()
        input.reconciliation.matches[3].evidence += [
            Evidence("candidates", "1"), Evidence("belongs_to", "C900"),
            Evidence("reason", "the reference belongs to another customer"),
        ]
        for index in input.reconciliation.matches.indices {
            if let line = input.reconciliation.matches[index].invoice?.location.line {
                input.reconciliation.matches[index].invoice?.location.segmentIndex = line
            }
        }
        input.reconciliation.openInvoices[0].invoice.location.segmentIndex = 5

        let chargeback = Deduction(
            id: "abababababab:ded:9", paymentID: "abababababab:pay:1", lineID: nil, amount: F.usd("30.00"),
            reasonCode: "70", reasonCodeList: "X12-426", category: .compliance,
            categorySource: "mappings/x12-426.tsv:70", reasonText: nil, invoiceReference: nil, memoNumber: "CB-1",
            memoQualifier: "CM", payer: F.acme, paymentTrace: "TRN-77", origin: .stated,
            provenance: F.provenance(line: 9, segment: 9))
        let onUnmatched = F.deduction(
            8, line: 4, amount: "7.00", category: .damage, source: "mappings/x12-426.tsv:12", code: "AA",
            origin: .stated)
        input.reconciliation.deductions = [chargeback] + input.reconciliation.deductions + [onUnmatched]
        // The chargeback reduces the payment; every deduction is in the control total.
        input.files[0].deductions = 4
        input.files[0].paymentsTotal = [F.usd("430.00")]
        input.files[0].adjustmentsTotal = [F.usd("-30.00")]
        input.files[0].deductedTotal = [F.usd("57.00")]
        return input
    }

    @Test func theVariedFixtureStillTies() {
        #expect(ReportAnalysis(Self.input()).failures.map(\.equation) == [])
    }

    @Test func unmatchedLinesSayWhy() throws {
        let html = try F.write(Self.input()).text("report.html")
        #expect(
            html.contains(
                "<thead><tr><th>Line</th><th>Reference</th><th>Payer</th><th>Why unmatched</th>"
                    + "<th class=\"num\">Paid</th><th>Source</th></tr></thead>"))
        #expect(
            html.contains(
                "<td class=\"wrap\">the reference belongs to another customer<br>"
                    + "<span class=\"small\">belongs_to=C900</span></td>"
                    + "<td class=\"num\">40.00&nbsp;<span class=\"ccy\">USD</span></td>"
                    + "<td class=\"loc\">in/remit.820:4:1 segment 4</td></tr>"))
    }

    @Test func anUnmatchedLineWithoutAReasonShowsADash() throws {
        let html = try F.write().text("report.html")
        #expect(
            html.contains(
                "<td class=\"none\">\u{2013}</td><td class=\"num\">40.00&nbsp;<span class=\"ccy\">USD</span></td>"
                    + "<td class=\"loc\">in/remit.820:4:1 segment 4</td></tr>"))
    }

    @Test func exportRowsAreNamedAsRowsNotSegments() throws {
        let html = try F.write(Self.input()).text("report.html")
        #expect(html.contains("<tr><td class=\"id\">INV-1001</td><td class=\"loc\">in/open-ar.csv:2:1 row 2</td>"))
        #expect(!html.contains("in/open-ar.csv:2:1 segment"))
    }

    @Test func invoicesLeftOpenAreListedWithTheirTotal() throws {
        let html = try F.write(Self.input()).text("report.html")
        #expect(html.contains("<h3>2.4 Invoices left open (1)</h3>"))
        let table = [
            "<thead><tr><th>Invoice</th><th>Customer</th><th class=\"num\">Still open</th><th>Export row</th>",
            "</tr></thead>\n<tbody>\n<tr><td class=\"id\">INV-1004</td><td>Acme Foods (C100)</td>",
            "<td class=\"num\">60.00&nbsp;<span class=\"ccy\">USD</span></td>",
            "<td class=\"loc\">in/open-ar.csv:5:1 row 5</td></tr>\n",
            "<tr class=\"total\"><td colspan=\"2\">Total</td>",
            "<td class=\"num\">60.00&nbsp;<span class=\"ccy\">USD</span></td><td></td></tr>",
        ].joined()
        #expect(html.contains(table))
    }

    @Test(
        arguments: [
            ("Acme Foods", "C100", "<td>Acme Foods (C100)</td>"),
            ("Acme Foods", nil, "<td>Acme Foods</td>"),
            (nil, "C100", "<td>C100</td>"),
            (nil, nil, "<td class=\"none\">\u{2013}</td>"),
        ] as [(String?, String?, String)])
    func anOpenInvoiceNamesItsCustomerByWhatTheExportGave(name: String?, id: String?, cell: String) throws {
        var input = F.input()
        input.reconciliation.openInvoices[0].invoice.customerName = name
        input.reconciliation.openInvoices[0].invoice.customerID = id
        let html = try F.write(input).text("report.html")
        #expect(html.contains("<tr><td class=\"id\">INV-1004</td>" + cell))
    }

    @Test func deductionsOnNoLineAreExceptions() throws {
        let html = try F.write(Self.input()).text("report.html")
        #expect(
            html.contains(
                "<h3>4.5 Deductions not attached to any line (1)</h3>"))
        #expect(
            html.contains(
                "<tr><td class=\"id\">abababababab:ded:9</td><td>Acme Foods</td><td>compliance</td>"
                    + "<td>70 (X12-426)</td><td>CM CB-1</td><td class=\"num\">30.00&nbsp;<span class=\"ccy\">USD</span>"
                    + "</td><td class=\"loc\">in/remit.820:9:1 segment 9</td></tr>\n"
                    + "<tr class=\"total\"><td colspan=\"5\">Total</td>"
                    + "<td class=\"num\">30.00&nbsp;<span class=\"ccy\">USD</span></td><td></td></tr>"))
        #expect(html.contains("<h3>4.6 Transactions rejected or out of balance (0)</h3>"))
    }

    @Test func theMatchTableDeductedTotalAddsUpToTheRegister() throws {
        let input = Self.input()
        let placement = ReportAnalysis(input).deductionPlacement
        #expect(placement.onMatchedLines.map(\.id) == ["abababababab:ded:1", "abababababab:ded:2"])
        #expect(placement.onUnmatchedLines.map(\.id) == ["abababababab:ded:8"])
        #expect(placement.unattached.map(\.id) == ["abababababab:ded:9"])

        let html = try F.write(input).text("report.html")
        // 5.1's Deducted total counts matched lines only...
        #expect(
            html.contains(
                "<tr class=\"total\"><td>Total</td><td class=\"num\">4</td>"
                    + "<td class=\"num\">460.00&nbsp;<span class=\"ccy\">USD</span></td>"
                    + "<td class=\"num\">410.00&nbsp;<span class=\"ccy\">USD</span></td>"
                    + "<td class=\"num\">50.00&nbsp;<span class=\"ccy\">USD</span></td>"
                    + "<td class=\"num\">20.00&nbsp;<span class=\"ccy\">USD</span></td></tr>"))
        // ...and the table under it adds the rest up to the register.
        let usd = { (amount: String) in "<td class=\"num\">\(amount)&nbsp;<span class=\"ccy\">USD</span></td>" }
        #expect(
            html.contains(
                "<tr><td>On lines applied to an invoice (Deducted above)</td><td class=\"num\">2</td>"
                    + usd("20.00") + "</tr>\n"
                    + "<tr><td>On lines that matched no invoice (section 4.2)</td><td class=\"num\">1</td>"
                    + usd("7.00") + "</tr>\n"
                    + "<tr><td>Not attached to any line (section 4.5)</td><td class=\"num\">1</td>"
                    + usd("30.00") + "</tr>\n"
                    + "<tr class=\"total\"><td>Deduction register (sections 3 and 6)</td><td class=\"num\">4</td>"
                    + usd("57.00") + "</tr>"))
    }

    @Test func aRegisterWithNothingOffTheMatchTableShowsZeroParts() throws {
        let html = try F.write().text("report.html")
        #expect(
            html.contains(
                "<tr><td>On lines that matched no invoice (section 4.2)</td><td class=\"num\">0</td>"
                    + "<td class=\"num none\">\u{2013}</td></tr>"))
        #expect(html.contains("<h3>4.5 Deductions not attached to any line (0)</h3>\n<p class=\"none\">None.</p>"))
    }
}
