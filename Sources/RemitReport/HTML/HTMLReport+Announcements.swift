import RemitCore
import RemitMatch

extension HTMLReport {
    /// Section 6.1, written only when the run read an 812: announced memos the run's 820s took, those not yet
    /// taken, and deductions of announcing payers that no memo announced.
    static func announcementSection(_ input: ReportInput, into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        let announcements = input.announcements
        guard !announcements.isEmpty else { return }
        html.raw("<section id=\"announcements\">\n<h3>6.1 Announced deductions (X12 812)</h3>\n")
        html.raw("<p class=\"explain\">A credit/debit memo announces a deduction; the 820 that withholds the money ")
        html.raw("quotes the memo number (ADX04 or RMR02). Announced amounts are not in sections 3 to 6: a memo ")
        html.raw("that was taken counts once, as the 820's deduction. This run's files are compared, and with ")
        html.raw("--history the memos earlier runs read.</p>\n")
        try linkedMemos(announcements.linked, into: &html, file: &file)
        html.raw("<h4>Announced, not yet taken (")
        html.integer(announcements.notYetTaken.count)
        html.raw(")</h4>\n")
        try deductionTable(
            announcements.notYetTaken, everyRowIn: "deduction-register.csv", into: &html, file: &file)
        html.raw("<h4>Taken, never announced (")
        html.integer(announcements.takenNotAnnounced.count)
        html.raw(")</h4>\n<p class=\"explain\">Stated deductions of payers that sent an 812 in this run whose memo ")
        html.raw("number no 812 of this run gave.</p>\n")
        try deductionTable(announcements.takenNotAnnounced, everyRowIn: "deductions.csv", into: &html, file: &file)
        html.raw("<h4>Superseded (")
        html.integer(announcements.superseded.count)
        html.raw(")</h4>\n<p class=\"explain\">Memo lines replaced by a later memo of the same number, or sent ")
        html.raw("again as a confirmation or duplicate; counted once, under the memo that stands.</p>\n")
        try deductionTable(announcements.superseded, everyRowIn: nil, into: &html, file: &file)
        html.raw("</section>\n")
    }

    private static func linkedMemos(
        _ links: [Announcements.Link], into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        html.raw("<h4>Announced and taken (")
        html.integer(links.count)
        html.raw(")</h4>\n")
        guard !links.isEmpty else {
            html.raw("<p class=\"none\">None.</p>\n")
            return
        }
        html.raw("<table>\n<thead><tr><th>Memo</th><th>Payer</th><th class=\"num\">Announced</th>")
        html.raw("<th class=\"num\">Taken</th><th>Agree</th><th>Taken by</th><th>Memo source</th></tr></thead>\n")
        html.raw("<tbody>\n")
        for link in html.listed(links) {
            html.raw("<tr>")
            html.cell(link.memoNumber)
            html.cell(link.announced[0].payer.displayName)
            html.moneyCell(link.announcedTotal)
            html.moneyCell(link.takenTotal)
            html.cell(link.amountsAgree ? "yes" : "NO")
            html.raw("<td class=\"id\">")
            html.text((link.takenBy.map(\.id) + link.takenByLines.map(\.id)).joined(separator: " "))
            html.raw("</td>")
            html.locationCell(link.announced[0].provenance.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: links.count, everyRowIn: "<code>announcements</code> of summary.json")
    }

    /// - Parameter everyRowIn: the output that holds every row, when the table may be cut short; nil lists all
    ///   rows, for deductions no other output holds.
    private static func deductionTable(
        _ deductions: [Deduction], everyRowIn: StaticString?, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        guard !deductions.isEmpty else {
            html.raw("<p class=\"none\">None.</p>\n")
            return
        }
        html.raw("<table>\n<thead><tr><th>Deduction</th><th>Payer</th><th>Memo</th><th>Invoice reference</th>")
        html.raw("<th>Category</th><th class=\"num\">Amount</th><th>Source</th></tr></thead>\n<tbody>\n")
        let rows = everyRowIn == nil ? deductions[...] : html.listed(deductions)
        for deduction in rows {
            html.raw("<tr><td class=\"id\">")
            html.text(deduction.id)
            html.raw("</td>")
            html.cell(deduction.payer.displayName)
            html.cell(deduction.memoNumber)
            html.cell(deduction.invoiceReference)
            html.cell(deduction.category.rawValue)
            html.moneyCell(deduction.amount)
            html.locationCell(deduction.provenance.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        if let everyRowIn { html.rowsLeftOff(total: deductions.count, everyRowIn: everyRowIn) }
    }
}
