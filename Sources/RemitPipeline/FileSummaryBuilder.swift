import RemitCore
import RemitMatch
import RemitReport

/// Works out each input's control totals from what it held and what matching decided.
enum FileSummaryBuilder {
    /// - Parameters:
    ///   - inputs: parsed inputs in run order.
    ///   - reconciliation: the matcher's result over the lines of all inputs, in the same order.
    static func summaries(inputs: [ParsedInput], reconciliation: Reconciliation) -> [FileSummary] {
        var matchesByFile: [String: [LineMatch]] = [:]
        for match in reconciliation.matches {
            matchesByFile[match.line.provenance.location.file, default: []].append(match)
        }
        var deductionsByFile: [String: [Deduction]] = [:]
        for deduction in reconciliation.deductions {
            deductionsByFile[deduction.provenance.location.file, default: []].append(deduction)
        }
        // Records name their file by path; when one path is given twice, its records belong to the first
        // (the second was set aside as a duplicate and holds none).
        var counted: Set<String> = []
        return inputs.map { input in
            guard counted.insert(input.path).inserted else { return summary(of: input, matches: [], deductions: []) }
            return summary(
                of: input, matches: matchesByFile[input.path] ?? [], deductions: deductionsByFile[input.path] ?? [])
        }
    }

    static func summary(of input: ParsedInput, matches: [LineMatch], deductions: [Deduction]) -> FileSummary {
        var summary = FileSummary(
            path: input.path, format: input.format.rawValue, sha256: input.sha256, size: input.size)
        summary.payments = input.payments.count
        summary.linesIn = input.lines.count + input.rejectedLines
        summary.linesMatched = matches.filter { $0.invoice != nil }.count
        summary.linesUnmatched = matches.count - summary.linesMatched
        summary.linesRejected = input.rejectedLines
        summary.deductions = deductions.count
        summary.bankTransactions = input.bankTransactions.count
        summary.transactionsAccepted = input.transactions.filter { $0.status == .accepted }.count
        summary.transactionsRejected = input.transactions.count - summary.transactionsAccepted
        // An 812 moves no cash: its memo's own tie-out (BCD04 against the CDD lines) stays out of the cash check.
        let accepted = input.transactions.filter { $0.status == .accepted && $0.kind != "812" }
        // A total too large to represent leaves its currency out and marks the summary's tie-outs not computable.
        func total(_ amounts: [Money]) -> [Money] {
            let totals = MoneyTotals(amounts)
            if totals.overflowed { summary.totalsOverflowed = true }
            return totals.values
        }
        summary.paymentsTotal = total(input.payments.map(\.amount))
        summary.linesPaidTotal = total(input.lines.map(\.amountPaid))
        summary.adjustmentsTotal = total(accepted.compactMap(\.adjustmentsTotal))
        summary.imbalanceTotal = total(accepted.compactMap(\.imbalance))
        summary.appliedTotal = total(matches.map(\.applied))
        summary.unappliedTotal = total(matches.map(\.unapplied))
        summary.deductedTotal = total(deductions.map(\.amount))
        summary.diagnostics = input.diagnostics
        if input.unreadable || (summary.transactionsAccepted == 0 && summary.transactionsRejected > 0) {
            summary.status = .rejected
        } else if input.hasErrors || summary.transactionsRejected > 0 {
            summary.status = .partial
        }
        return summary
    }
}
