import RemitCore
import RemitMatch

extension HTMLReport {
    /// Section 7: per bank account the customer credits in, paired and unpaired, and apart from them those set
    /// aside; the bank files' trailer checks; then every reassociation decision with its rule and evidence.
    static func cash(_ input: ReportInput, into html: inout HTMLWriter, file: inout OutputFile)
        throws(SystemCallError)
    {
        let cash = CashSummary(input)
        html.raw("<section id=\"cash\">\n<h2>7. Cash</h2>\n")
        html.raw("<p class=\"explain\">Customer credits on the bank files (BAI2 details whose type code carries ")
        html.raw("a payment, booked ISO 20022 credit entries) paired with the remittance that funds them: by ")
        html.raw("trace number, then by amount, date and payer name. reassociation.csv has every column. ")
        html.raw("Credits the bank says are not cash are set aside and are not among the credits in: those of a ")
        html.raw("BAI2 group sent as test only or as a deletion, and those a later deletion or correction group ")
        html.raw("of this run withdraws (same originator, account and as-of date).</p>\n")
        html.raw("<h3>7.1 By bank account</h3>\n")
        if cash.accounts.isEmpty {
            html.raw("<p class=\"none\">No customer credits: no bank file was read, or it held none.</p>\n")
        } else {
            html.raw("<table>\n<thead><tr><th>Account</th><th>Cur&shy;rency</th><th class=\"num\">Credits in</th>")
            html.raw(
                "<th class=\"num\">Amount in</th><th class=\"num\">Paired</th><th class=\"num\">Amount paired</th>")
            html.raw("<th class=\"num\">Unpaired</th><th class=\"num\">Unapplied cash</th>")
            html.raw("<th class=\"num\">Amount differences</th><th class=\"num\">Bank &minus; remittance</th>")
            html.raw("<th class=\"num\">Set aside</th><th class=\"num\">Amount set aside</th>")
            html.raw("</tr></thead>\n<tbody>\n")
            for account in cash.accounts {
                html.raw("<tr><td class=\"id\">")
                html.text(account.account)
                html.raw("</td>")
                html.cell(account.currency)
                html.countCell(account.creditsIn)
                html.moneyCell(account.money(account.creditsInTotal), in: account.currency)
                html.countCell(account.paired)
                html.moneyCell(account.money(account.pairedTotal), in: account.currency)
                html.countCell(account.unpaired)
                html.moneyCell(account.money(account.unpairedTotal), in: account.currency)
                html.countCell(account.differences)
                html.moneyCell(account.money(account.differenceTotal), in: account.currency)
                html.countCell(account.setAside)
                html.moneyCell(account.money(account.setAsideTotal), in: account.currency)
                html.raw("</tr>\n")
            }
            html.raw("</tbody>\n</table>\n")
        }
        html.raw("<p>Remittance without cash (advice of a payment no bank file shows): ")
        html.integer(cash.remittanceWithoutCash)
        if !cash.remittanceWithoutCashTotal.isEmpty {
            html.raw(", ")
            html.money(cash.remittanceWithoutCashTotal)
        }
        html.raw(".</p>\n<h3>7.2 Bank file trailers</h3>\n")
        if cash.files.isEmpty {
            html.raw("<p class=\"none\">No bank file was read.</p>\n")
        } else {
            html.raw("<table>\n<thead><tr><th>File</th><th>Format</th><th class=\"num\">Bank transactions</th>")
            html.raw("<th>Trailer control totals and counts</th></tr></thead>\n<tbody>\n")
            for bankFile in cash.files {
                html.raw("<tr><td class=\"loc\">")
                html.breakableText(bankFile.path)
                html.raw("</td>")
                html.cell(bankFile.format)
                html.countCell(bankFile.bankTransactions)
                if bankFile.trailerProblems.isEmpty {
                    html.raw("<td><span class=\"ties\">tie</span></td>")
                } else {
                    html.raw("<td class=\"wrap\"><span class=\"fails\">DO NOT TIE</span>")
                    for problem in bankFile.trailerProblems {
                        html.raw("<br>")
                        html.text(HTMLWriter.describe(problem.location) + ": " + problem.message)
                    }
                    html.raw("</td>")
                }
                html.raw("</tr>\n")
            }
            html.raw("</tbody>\n</table>\n")
        }
        try pairingTable(input.reassociation, into: &html, file: &file)
        html.raw("</section>\n")
    }

    private static func pairingTable(
        _ reassociation: Reassociation, into html: inout HTMLWriter, file: inout OutputFile
    ) throws(SystemCallError) {
        html.raw("<h3>7.3 Every credit and remittance</h3>\n")
        guard !reassociation.pairings.isEmpty else {
            html.raw("<p class=\"none\">Nothing to pair.</p>\n")
            return
        }
        html.raw("<table class=\"matches\">\n<thead><tr><th>Status</th><th>Rule and evidence</th>")
        html.raw("<th>Bank credit</th><th class=\"num\">Bank amount</th><th>Payments</th>")
        html.raw("<th class=\"num\">Remittance amount</th><th class=\"num\">Difference</th></tr></thead>\n<tbody>\n")
        for pairing in html.listed(reassociation.pairings) {
            html.raw("<tr>")
            html.cell(pairing.status.rawValue)
            html.raw("<td class=\"wrap\">")
            html.text(pairing.rule)
            if pairing.score > 0 {
                html.raw(" (")
                html.integer(pairing.score)
                html.raw(")")
            }
            if !pairing.evidence.isEmpty {
                html.raw("<br><span class=\"small\">")
                html.breakableText(MatchOutputs.evidenceText(pairing.evidence))
                html.raw("</span>")
            }
            html.raw("</td>")
            if let credit = pairing.bankTransaction {
                html.raw("<td class=\"wrap\">")
                html.text(
                    "\(credit.account) \(credit.typeCode) \(ReassociationOutputs.bankDate(credit)?.description ?? "")")
                html.raw("<br><span class=\"small loc\">")
                html.breakableText(HTMLWriter.describe(credit.provenance.location))
                html.raw("</span></td>")
                html.moneyCell(credit.amount)
            } else {
                html.raw("<td class=\"none\">\u{2013}</td><td class=\"num none\">\u{2013}</td>")
            }
            if pairing.payments.isEmpty {
                html.raw("<td class=\"none\">\u{2013}</td>")
            } else {
                html.raw("<td class=\"wrap\">")
                for (index, payment) in pairing.payments.enumerated() {
                    if index > 0 { html.raw("<br>") }
                    html.text(payment.payer.name ?? payment.id)
                    if let trace = payment.traceNumber { html.text(" trace " + trace) }
                    html.raw("<br><span class=\"small loc\">")
                    html.breakableText(HTMLWriter.describe(payment.provenance.location))
                    html.raw("</span>")
                }
                html.raw("</td>")
            }
            html.moneyCell(pairing.paymentsTotal)
            html.moneyCell(pairing.difference)
            html.raw("</tr>\n")
            try html.drain(into: &file)
        }
        html.raw("</tbody>\n</table>\n")
        html.rowsLeftOff(total: reassociation.pairings.count, everyRowIn: "reassociation.csv and reassociation.jsonl")
    }
}
