import RemitCore

extension HTMLReport {
    /// Sections 3.3 to 3.6: the open deductions by age, by category and age, by payer and age, and one by one,
    /// oldest first.
    static func openDeductions(
        _ input: ReportInput, _ analysis: ReportAnalysis, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        let aging = analysis.deductionAging
        let announced = !input.announcements.isEmpty
        html.raw("<h3 id=\"aging\">3.3 Open deductions by age (")
        html.integer(aging.open.count)
        html.raw(")</h3>\n<p class=\"explain\">Days from the date of the payment that took the deduction ")
        if announced { html.raw("(for a memo announced in an 812 and not yet taken, the memo's date) ") }
        html.raw("to ")
        if let asOf = aging.asOf {
            html.raw("<b>")
            html.text(asOf.description)
            html.raw("</b>, the date of the run time in the manifest")
        } else {
            html.raw("the run date, which could not be read from the run time, so every deduction is undated")
        }
        if announced {
            html.raw(". Open are the deductions of the register except those that took a memo announced in an ")
            html.raw("812 of this run (")
            html.integer(aging.linkedToMemos.count)
            html.raw(aging.linkedToMemos.count == 1 ? " deduction, " : " deductions, ")
            html.money(MoneyTotals(aging.linkedToMemos.map(\.amount)).values)
            html.raw("), plus the memos announced and not yet taken (section 6.1)")
        } else {
            html.raw(". Open are all the deductions of the register")
        }
        if !aging.ofRepeatedPayments.isEmpty {
            html.raw(", except those of payments set aside as repeats of a payment read before (")
            html.integer(aging.ofRepeatedPayments.count)
            html.raw(aging.ofRepeatedPayments.count == 1 ? " deduction, " : " deductions, ")
            html.money(MoneyTotals(aging.ofRepeatedPayments.map(\.amount)).values)
            html.raw("; section 4.8): the payment they repeat carries them")
        }
        if aging.writtenOff.isEmpty {
            html.raw(". No shortfall was written off within tolerance (a write-off never becomes a deduction).</p>\n")
        } else {
            html.raw(". Shortfalls written off within tolerance (")
            html.money(aging.writtenOff)
            html.raw(") never became deductions.</p>\n")
        }
        guard !aging.open.isEmpty else {
            html.raw("<p class=\"none\">No open deductions.</p>\n")
            return
        }
        let buckets = AgeBucket.allCases.filter { $0 != .undated || aging.total.count(in: .undated) > 0 }
        html.raw("<table>\n<thead><tr><th>Age</th><th class=\"num\">Count</th><th class=\"num\">Amount</th>")
        html.raw("</tr></thead>\n<tbody>\n")
        for bucket in buckets {
            html.raw("<tr>")
            html.cell(bucket.label)
            html.countCell(aging.total.count(in: bucket))
            html.moneyCell(aging.total.amounts(in: bucket))
            html.raw("</tr>\n")
        }
        html.raw("<tr class=\"total\"><td>Open</td>")
        html.countCell(aging.total.count)
        html.moneyCell(aging.total.total)
        html.raw("</tr>\n</tbody>\n</table>\n")
        html.raw("<h3>3.4 Open deductions by category and age</h3>\n")
        agingTable(aging.byCategory, total: aging.total, first: "Category", ids: false, buckets, into: &html)
        html.raw("<h3>3.5 Open deductions by payer and age</h3>\n")
        agingTable(aging.byPayer, total: aging.total, first: "Payer", ids: true, buckets, into: &html)
        try oldestFirst(aging, into: &html, file: &file)
    }

    /// A table with one row per group: a column per age bucket, then the group's total and count.
    private static func agingTable(
        _ rows: [AgingRow], total: AgingRow, first: StaticString, ids: Bool, _ buckets: [AgeBucket],
        into html: inout HTMLWriter
    ) {
        html.raw("<table>\n<thead><tr><th>")
        html.raw(first)
        html.raw("</th>")
        if ids { html.raw("<th>Payer ID</th>") }
        for bucket in buckets {
            html.raw("<th class=\"num\">")
            html.text(bucket.label)
            html.raw("</th>")
        }
        html.raw("<th class=\"num\">Open</th><th class=\"num\">Count</th></tr></thead>\n<tbody>\n")
        for row in rows + [total] {
            let isTotal = row == total
            html.raw(isTotal ? "<tr class=\"total\">" : "<tr>")
            if isTotal {
                html.raw(ids ? "<td colspan=\"2\">Total</td>" : "<td>Total</td>")
            } else {
                html.cell(row.key)
                if ids { html.cell(row.id) }
            }
            for bucket in buckets { html.moneyCell(row.amounts(in: bucket)) }
            html.moneyCell(row.total)
            html.countCell(row.count)
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
    }

    /// Section 3.6: each open deduction, oldest first, with its date and age.
    private static func oldestFirst(_ aging: DeductionAging, into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        html.raw("<h3>3.6 Open deductions, oldest first</h3>\n<p class=\"explain\">deduction-register.csv ")
        html.raw("holds the same rows, in register order, with every column.</p>\n")
        html.raw("<table class=\"register\">\n<thead><tr><th>Deduction</th><th>Payer</th><th>Category</th>")
        html.raw("<th>Invoice reference</th><th>Memo</th><th>Origin</th><th>Date</th><th class=\"num\">Age (days)</th>")
        html.raw("<th class=\"num\">Amount</th><th>Source</th></tr></thead>\n<tbody>\n")
        for item in html.listed(aging.oldestFirst) {
            let deduction = item.deduction
            html.raw("<tr><td class=\"id\">")
            html.text(deduction.id)
            html.raw("</td>")
            html.cell(deduction.payer.displayName)
            html.cell(deduction.category.rawValue)
            html.cell(deduction.invoiceReference)
            html.cell(deduction.memoNumber)
            html.cell(deduction.origin.rawValue)
            html.raw("<td class=\"nowrap\">")
            if let date = item.date {
                html.text(date.description)
                html.raw(item.dateSource == .memo ? " <span class=\"small none\">memo</span>" : "")
            } else {
                html.raw("<span class=\"none\">undated</span>")
            }
            html.raw("</td>")
            if let age = item.ageDays { html.countCell(age) } else { html.raw("<td class=\"num none\">\u{2013}</td>") }
            html.moneyCell(deduction.amount)
            html.locationCell(deduction.provenance.location)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: aging.oldestFirst.count, everyRowIn: "deduction-register.csv")
    }

    /// After the outcome table of section 5.1: what matching applied on its own, by lines and by amount.
    static func autoMatchRates(_ analysis: ReportAnalysis, into html: inout HTMLWriter) {
        let rate = analysis.autoMatch
        html.raw("<p class=\"explain\">Applied automatically: lines applied by a rule over all lines of this ")
        html.raw("table, and what those lines paid over what all lines paid, per currency. Suggested lines count as ")
        html.raw(
            "not applied.</p>\n<table class=\"kv\">\n<tbody>\n<tr><th>Auto-match rate, lines</th><td class=\"num\">")
        lineRate(rate, into: &html)
        html.raw("</td></tr>\n<tr><th>Auto-match rate, amount</th><td class=\"num\">")
        amountRate(rate, into: &html)
        html.raw("</td></tr>\n</tbody>\n</table>\n")
    }

    /// `12 of 14 (85.7 %)`.
    static func lineRate(_ rate: AutoMatchRate, into html: inout HTMLWriter) {
        html.integer(rate.linesApplied)
        html.raw(" of ")
        html.integer(rate.lines)
        if let percent = rate.linePercent {
            html.raw(" (")
            html.text(percent)
            html.raw("&nbsp;%)")
        }
    }

    /// `14930.00 of 16000.00 USD (93.3 %)`, one currency per line.
    static func amountRate(_ rate: AutoMatchRate, into html: inout HTMLWriter) {
        if rate.amounts.isEmpty { html.raw("0") }
        for (index, amounts) in rate.amounts.enumerated() {
            if index > 0 { html.raw("<br>") }
            html.text(amounts.applied.formattedAmount)
            html.raw(" of ")
            html.text(amounts.total.formattedAmount)
            html.raw("&nbsp;<span class=\"ccy\">")
            html.text(amounts.currency)
            html.raw("</span>")
            if let percent = amounts.percent {
                html.raw(" (")
                html.text(percent)
                html.raw("&nbsp;%)")
            }
        }
    }
}
