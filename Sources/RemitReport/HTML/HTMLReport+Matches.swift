import RemitCore
import RemitMatch

extension HTMLReport {
    static func matchTable(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        let matches = input.reconciliation.matches
        html.raw("<section id=\"matches\">\n<h2>5. Match table</h2>\n<h3>5.1 By outcome</h3>\n")
        html.raw("<table>\n<thead><tr><th>Outcome</th><th class=\"num\">Lines</th><th class=\"num\">Paid</th>")
        html.raw("<th class=\"num\">Applied</th><th class=\"num\">Unapplied</th><th class=\"num\">Deducted</th>")
        html.raw("</tr></thead>\n<tbody>\n")
        for outcome in analysis.outcomes {
            html.raw("<tr>")
            html.cell(outcome.outcome.rawValue)
            html.countCell(outcome.count)
            html.moneyCell(outcome.paid)
            html.moneyCell(outcome.applied)
            html.moneyCell(outcome.unapplied)
            html.moneyCell(outcome.deducted)
            html.raw("</tr>\n")
        }
        html.raw("<tr class=\"total\"><td>Total</td>")
        html.countCell(matches.count)
        html.moneyCell(MoneyTotals(matches.map(\.line.amountPaid)).values)
        html.moneyCell(MoneyTotals(matches.map(\.applied)).values)
        html.moneyCell(MoneyTotals(matches.map(\.unapplied)).values)
        var deducted = MoneyTotals(matches.map(\.statedDeductions))
        deducted.add(MoneyTotals(matches.map(\.unearnedDiscount)))
        deducted.add(MoneyTotals(matches.map(\.unexplained)))
        html.moneyCell(deducted.values)
        html.raw("</tr>\n</tbody>\n</table>\n")
        deductedToRegister(input, analysis, into: &html)
        autoMatchRates(analysis, into: &html)

        html.raw("<h3>5.2 Every line</h3>\n")
        guard !matches.isEmpty else {
            html.raw("<p class=\"none\">No remittance lines.</p>\n</section>\n")
            return
        }
        html.raw("<table class=\"matches\">\n<thead><tr><th>Line</th><th>Reference</th><th>Payer</th>")
        html.raw("<th>Invoice</th><th>Outcome</th><th>Rule and evidence</th><th>Cur&shy;rency</th>")
        html.raw("<th class=\"num\">Open before</th>")
        html.raw("<th class=\"num\">Paid</th><th class=\"num\">Applied</th><th class=\"num\">Discount</th>")
        html.raw("<th class=\"num\">Unearned dis&shy;count</th>")
        html.raw("<th class=\"num\">Stated deduc&shy;tions</th><th class=\"num\">Unex&shy;plained</th>")
        html.raw("<th class=\"num\">Unapplied</th><th class=\"num\">Open after</th><th>Source</th></tr></thead>\n")
        html.raw("<tbody>\n")
        for match in html.listed(matches) {
            html.raw("<tr><td class=\"id\">")
            html.text(match.line.id)
            html.raw("</td><td class=\"wrap\">")
            html.text(match.line.reference)
            if match.line.normalizedReference != match.line.reference {
                html.raw("<br><span class=\"small none\">")
                html.text(match.line.normalizedReference)
                html.raw("</span>")
            }
            html.raw("</td>")
            html.cell(match.line.payer.displayName)
            if let invoice = match.invoice {
                html.raw("<td><span class=\"nowrap\">")
                html.text(invoice.number)
                html.raw("</span>")
                for allocation in match.allocations {
                    html.raw("<br><span class=\"nowrap\">+ ")
                    html.text(allocation.invoice.number)
                    html.raw("</span>")
                }
                if let customer = invoice.customerName ?? invoice.customerID {
                    html.raw("<br><span class=\"small none\">")
                    html.text(customer)
                    html.raw("</span>")
                }
                html.raw("</td>")
            } else {
                html.cell(nil as String?)
            }
            html.cell(match.outcome.rawValue)
            html.raw("<td class=\"small wrap\">")
            html.text(match.rule)
            html.raw(" (")
            html.integer(match.score)
            html.raw(match.decision == .suggested ? ") suggested" : ")")
            for evidence in match.evidence {
                html.raw("<br>")
                html.breakableText(evidence.description)
            }
            html.raw("</td>")
            let currency = match.line.amountPaid.currency
            html.cell(currency)
            html.moneyCell(match.openBefore, in: currency)
            html.moneyCell(match.line.amountPaid, in: currency)
            html.moneyCell(match.applied, in: currency)
            html.moneyCell(match.discountTaken, in: currency)
            html.moneyCell(match.unearnedDiscount, in: currency)
            html.moneyCell(match.statedDeductions, in: currency)
            html.moneyCell(match.unexplained, in: currency)
            html.moneyCell(match.unapplied, in: currency)
            html.moneyCell(match.openAfter, in: currency)
            html.locationCell(match.line.provenance.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: matches.count, everyRowIn: "matches.csv and matches.jsonl")
        html.raw("</section>\n")
    }

    /// How the Deducted total above adds up to the deduction register of sections 3 and 6.
    private static func deductedToRegister(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter
    ) {
        let register = input.reconciliation.deductions
        guard !register.isEmpty else { return }
        let placement = analysis.deductionPlacement
        html.raw("<p class=\"explain\">Deducted above counts only the deductions of lines applied to an ")
        html.raw("invoice: stated deductions, unearned discounts and unexplained short pay. The whole deduction ")
        html.raw("register, as totalled in section 3, adds up so:</p>\n")
        html.raw("<table>\n<thead><tr><th>Deductions in the register</th><th class=\"num\">Count</th>")
        html.raw("<th class=\"num\">Amount</th></tr></thead>\n<tbody>\n")
        let parts: [(StaticString, [Deduction])] = [
            ("On lines applied to an invoice (Deducted above)", placement.onMatchedLines),
            ("On lines that matched no invoice (section 4.2)", placement.onUnmatchedLines),
            ("Not attached to any line (section 4.5)", placement.unattached),
        ]
        for (label, deductions) in parts {
            html.raw("<tr><td>")
            html.raw(label)
            html.raw("</td>")
            html.countCell(deductions.count)
            html.moneyCell(MoneyTotals(deductions.map(\.amount)).values)
            html.raw("</tr>\n")
        }
        html.raw("<tr class=\"total\"><td>Deduction register (sections 3 and 6)</td>")
        html.countCell(register.count)
        html.moneyCell(MoneyTotals(register.map(\.amount)).values)
        html.raw("</tr>\n</tbody>\n</table>\n")
    }
}
