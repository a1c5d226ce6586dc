import RemitCore
import RemitMatch

extension SummaryJSON {
    /// `"cash":{…}`: reassociation counts by status, per bank account credits in, paired, unpaired and set
    /// aside, and per bank file its trailer checks.
    static func cash(_ input: ReportInput, into writer: inout JSONWriter) {
        let cash = CashSummary(input)
        writer.key("cash")
        writer.beginObject()
        writer.key("by_status")
        writer.beginArray()
        for status in CashPairing.Status.allCases {
            let pairings = input.reassociation.with(status)
            writer.beginObject()
            writer.field("status", status.rawValue)
            writer.field("count", pairings.count)
            let amounts = pairings.compactMap { $0.bankTransaction?.amount ?? $0.paymentsTotal }
            writer.moneyList("amounts", MoneyTotals(amounts).values)
            writer.endObject()
        }
        writer.endArray()
        writer.key("accounts")
        writer.beginArray()
        for account in cash.accounts {
            writer.beginObject()
            writer.field("account", account.account)
            writer.field("currency", account.currency)
            writer.field("credits_in", account.creditsIn)
            writer.money("credits_in_total", account.money(account.creditsInTotal))
            writer.field("paired", account.paired)
            writer.money("paired_total", account.money(account.pairedTotal))
            writer.field("unpaired", account.unpaired)
            writer.money("unpaired_total", account.money(account.unpairedTotal))
            writer.field("amount_differences", account.differences)
            writer.money("difference_total", account.money(account.differenceTotal))
            writer.field("set_aside", account.setAside)
            writer.money("set_aside_total", account.money(account.setAsideTotal))
            writer.endObject()
        }
        writer.endArray()
        writer.field("remittance_without_cash", cash.remittanceWithoutCash)
        writer.moneyList("remittance_without_cash_total", cash.remittanceWithoutCashTotal)
        writer.key("bank_files")
        writer.beginArray()
        for file in cash.files {
            writer.beginObject()
            writer.field("path", file.path)
            writer.field("format", file.format)
            writer.field("bank_transactions", file.bankTransactions)
            writer.field("trailers_tie", file.trailerProblems.isEmpty)
            writer.key("trailer_problems")
            writer.beginArray()
            for diagnostic in file.trailerProblems { writer.diagnostic(diagnostic) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
