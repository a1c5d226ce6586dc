import RemitCore

extension HTMLReport {
    static func deductionBreakdown(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        let deductions = input.reconciliation.deductions
        html.raw("<section id=\"deductions\">\n<h2>3. Deductions by category, payer and age</h2>\n")
        html.raw("<p class=\"explain\">Stated deductions and the unexplained differences matching found. ")
        html.raw("Every one is listed with its reason and source in section 6. These totals include deductions ")
        html.raw("attached to no remittance line (section 4.5), which the match table cannot show; section 5.1 ")
        html.raw("adds its Deducted column up to them. Sections 3.3 to 3.6 age those still open.</p>\n")
        if deductions.isEmpty {
            html.raw("<p class=\"none\">No deductions.</p>\n")
        } else {
            breakdownTables(deductions, analysis, into: &html)
        }
        try openDeductions(input, analysis, into: &html, file: &file)
        html.raw("</section>\n")
    }

    /// Sections 3.1 and 3.2: the register by category and by payer.
    private static func breakdownTables(
        _ deductions: [Deduction], _ analysis: ReportAnalysis, into html: inout HTMLWriter
    ) {
        let total = MoneyTotals(deductions.map(\.amount)).values
        html.raw("<h3>3.1 By category</h3>\n<table>\n<thead><tr><th>Category</th><th class=\"num\">Count</th>")
        html.raw("<th class=\"num\">Amount</th></tr></thead>\n<tbody>\n")
        for group in analysis.deductionsByCategory {
            html.raw("<tr>")
            html.cell(group.key)
            html.countCell(group.count)
            html.moneyCell(group.amounts)
            html.raw("</tr>\n")
        }
        html.raw("<tr class=\"total\"><td>Total</td>")
        html.countCell(deductions.count)
        html.moneyCell(total)
        html.raw("</tr>\n</tbody>\n</table>\n")

        html.raw("<h3>3.2 By payer</h3>\n<table>\n<thead><tr><th>Payer</th><th>Payer ID</th>")
        html.raw("<th class=\"num\">Count</th><th class=\"num\">Amount</th></tr></thead>\n<tbody>\n")
        for group in analysis.deductionsByPayer {
            html.raw("<tr>")
            html.cell(group.key)
            html.cell(group.id)
            html.countCell(group.count)
            html.moneyCell(group.amounts)
            html.raw("</tr>\n")
        }
        html.raw("<tr class=\"total\"><td colspan=\"2\">Total</td>")
        html.countCell(deductions.count)
        html.moneyCell(total)
        html.raw("</tr>\n</tbody>\n</table>\n")
    }

    /// Section 4.5: deductions taken against a payment as a whole, which no invoice absorbs.
    static func unattachedDeductions(_ deductions: [Deduction], into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        html.raw("<h3>4.5 Deductions not attached to any line (")
        html.integer(deductions.count)
        html.raw(")</h3>\n")
        guard !deductions.isEmpty else {
            html.raw("<p class=\"none\">None.</p>\n")
            return
        }
        html.raw("<p class=\"explain\">Taken against a payment as a whole (an X12 ADX before any RMR), not ")
        html.raw("against an invoice, so matching settles no invoice with them: each needs clearing by hand. They ")
        html.raw("count in sections 3 and 6, not in the match table.</p>\n")
        html.raw("<table>\n<thead><tr><th>Deduction</th><th>Payer</th><th>Category</th><th>Reason code</th>")
        html.raw("<th>Memo</th><th class=\"num\">Amount</th><th>Source</th></tr></thead>\n<tbody>\n")
        for deduction in html.listed(deductions) {
            html.raw("<tr><td class=\"id\">")
            html.text(deduction.id)
            html.raw("</td>")
            html.cell(deduction.payer.displayName)
            html.cell(deduction.category.rawValue)
            html.cell(reasonCode(of: deduction))
            html.cell(memo(of: deduction))
            html.moneyCell(deduction.amount)
            html.locationCell(deduction.provenance.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("<tr class=\"total\"><td colspan=\"5\">Total</td>")
        html.moneyCell(MoneyTotals(deductions.map(\.amount)).values)
        html.raw("<td></td></tr>\n</tbody>\n</table>\n")
        html.rowsLeftOff(total: deductions.count, everyRowIn: "deductions.csv")
    }

    /// `CODE (LIST)`, or the code alone when the list is not known.
    private static func reasonCode(of deduction: Deduction) -> String? {
        deduction.reasonCode.map { code in deduction.reasonCodeList.map { "\(code) (\($0))" } ?? code }
    }

    /// `QUALIFIER NUMBER`, or the number alone.
    private static func memo(of deduction: Deduction) -> String? {
        deduction.memoNumber.map { number in deduction.memoQualifier.map { "\($0) \(number)" } ?? number }
    }

    static func deductionRegister(_ input: ReportInput, into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        let deductions = input.reconciliation.deductions
        html.raw("<section id=\"register\">\n<h2>6. Deduction register</h2>\n")
        if deductions.isEmpty {
            html.raw("<p class=\"none\">No deductions.</p>\n</section>\n")
            return
        }
        html.raw("<table class=\"register\">\n<thead><tr><th>Deduction</th><th>Payer</th><th>Invoice reference</th>")
        html.raw("<th>Category</th><th>Decided by</th><th>Reason code</th><th>Reason text</th><th>Memo</th>")
        html.raw("<th>Origin</th><th class=\"num\">Amount</th><th>Source</th></tr></thead>\n<tbody>\n")
        for deduction in html.listed(deductions) {
            html.raw("<tr><td class=\"id\">")
            html.text(deduction.id)
            html.raw("</td>")
            html.cell(deduction.payer.displayName)
            html.cell(deduction.invoiceReference)
            html.cell(deduction.category.rawValue)
            html.raw("<td class=\"small\">")
            html.text(deduction.categorySource)
            html.raw("</td>")
            html.cell(reasonCode(of: deduction))
            html.cell(deduction.reasonText)
            html.cell(memo(of: deduction))
            html.cell(deduction.origin.rawValue)
            html.moneyCell(deduction.amount)
            html.locationCell(deduction.provenance.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: deductions.count, everyRowIn: "deduction-register.csv and deductions.csv")
        html.raw("</section>\n")
    }
}
