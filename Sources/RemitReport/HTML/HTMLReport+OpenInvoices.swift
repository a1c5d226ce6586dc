import RemitCore
import RemitMatch

extension HTMLReport {
    /// Section 2.4: the invoices the run left open, whose total is `still open` in the receivables tie-out.
    static func openInvoices(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        let open = input.reconciliation.openInvoices
        html.raw("<h3>2.4 Invoices left open (")
        html.integer(open.count)
        html.raw(")</h3>\n")
        guard !open.isEmpty else {
            html.raw("<p class=\"none\">None: the run settled every invoice of the export.</p>\n")
            return
        }
        html.raw("<p class=\"explain\">Invoices of the export still owed after this run, in export order. Their ")
        html.raw("total is <b>still open</b> in the receivables tie-out; open-invoices.csv has every column.</p>\n")
        html.raw("<table>\n<thead><tr><th>Invoice</th><th>Customer</th><th class=\"num\">Still open</th>")
        html.raw("<th>Export row</th></tr></thead>\n<tbody>\n")
        for item in html.listed(open) {
            let invoice = item.invoice
            html.raw("<tr><td class=\"id\">")
            html.text(invoice.number)
            html.raw("</td>")
            html.cell(customer(of: invoice))
            html.moneyCell(item.remaining)
            html.exportRowCell(invoice.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("<tr class=\"total\"><td colspan=\"2\">Total</td>")
        html.moneyCell(analysis.openRemaining)
        html.raw("<td></td></tr>\n</tbody>\n</table>\n")
        html.rowsLeftOff(total: open.count, everyRowIn: "open-invoices.csv")
    }

    /// `Name (ID)`, or whichever of the two the export gave.
    private static func customer(of invoice: Invoice) -> String? {
        switch (invoice.customerName, invoice.customerID) {
        case (let name?, let id?): "\(name) (\(id))"
        case (let name?, nil): name
        case (nil, let id?): id
        case (nil, nil): nil
        }
    }
}
