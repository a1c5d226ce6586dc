import RemitCore
import RemitMatch

/// The figures a report derives from its input, computed once so every output states the same numbers.
public struct ReportAnalysis: Sendable {
    /// Per input file (lines, cash, application, deductions), then the same for all inputs, then
    /// receivables, then one per matched invoice in order of first match.
    public var tieOuts: [TieOut]
    /// The files' control totals added up; `path` is `all inputs` and `diagnostics` stays empty.
    public var overall: FileSummary
    public var outcomes: [OutcomeSummary]
    public var deductionsByCategory: [DeductionGroup]
    public var deductionsByPayer: [DeductionGroup]
    /// Diagnostics of every input, the invoice export included.
    public var diagnosticCounts: DiagnosticCounts
    /// Σ of what the run left open, per currency.
    public var openRemaining: [Money]
    /// The register split into deductions on matched lines, on unmatched lines and on no line.
    public var deductionPlacement: DeductionPlacement
    /// The deductions still open, aged, with totals per bucket, category and payer.
    public var deductionAging: DeductionAging
    /// Lines, and their amount, that matching applied on its own.
    public var autoMatch: AutoMatchRate

    /// The scope name of the checks over all inputs together.
    public static let allInputs = "all inputs"

    public init(_ input: ReportInput) {
        overall = ReportAnalysis.total(of: input.files)
        outcomes = OutcomeSummary.summarize(input.reconciliation.matches)
        deductionsByCategory = DeductionGroup.byCategory(input.reconciliation.deductions)
        deductionsByPayer = DeductionGroup.byPayer(input.reconciliation.deductions)
        var counts = DiagnosticCounts()
        for file in input.files { counts.add(file.diagnostics) }
        counts.add(input.invoiceExport.diagnostics)
        diagnosticCounts = counts
        openRemaining = MoneyTotals(input.reconciliation.openInvoices.map(\.remaining)).values
        deductionPlacement = DeductionPlacement(input.reconciliation)
        deductionAging = DeductionAging(input)
        autoMatch = AutoMatchRate(input.reconciliation.matches)
        tieOuts = ReportAnalysis.tieOuts(input, overall: overall)
    }

    /// Whether every check ties.
    public var allTie: Bool { tieOuts.allSatisfy(\.ties) }

    /// The checks that do not tie, in report order.
    public var failures: [TieOut] { tieOuts.filter { !$0.ties } }

    static func total(of files: [FileSummary]) -> FileSummary {
        var total = FileSummary(path: allInputs, format: "", sha256: "", size: files.reduce(0) { $0 + $1.size })
        var paymentsTotal = MoneyTotals()
        var linesPaidTotal = MoneyTotals()
        var adjustmentsTotal = MoneyTotals()
        var imbalanceTotal = MoneyTotals()
        var appliedTotal = MoneyTotals()
        var unappliedTotal = MoneyTotals()
        var deductedTotal = MoneyTotals()
        for file in files {
            total.payments += file.payments
            total.linesIn += file.linesIn
            total.linesMatched += file.linesMatched
            total.linesUnmatched += file.linesUnmatched
            total.linesRejected += file.linesRejected
            total.deductions += file.deductions
            total.bankTransactions += file.bankTransactions
            total.transactionsAccepted += file.transactionsAccepted
            total.transactionsRejected += file.transactionsRejected
            paymentsTotal.add(MoneyTotals(file.paymentsTotal))
            linesPaidTotal.add(MoneyTotals(file.linesPaidTotal))
            adjustmentsTotal.add(MoneyTotals(file.adjustmentsTotal))
            imbalanceTotal.add(MoneyTotals(file.imbalanceTotal))
            appliedTotal.add(MoneyTotals(file.appliedTotal))
            unappliedTotal.add(MoneyTotals(file.unappliedTotal))
            deductedTotal.add(MoneyTotals(file.deductedTotal))
            if file.totalsOverflowed { total.totalsOverflowed = true }
        }
        let sums = [
            paymentsTotal, linesPaidTotal, adjustmentsTotal, imbalanceTotal, appliedTotal, unappliedTotal,
            deductedTotal,
        ]
        if sums.contains(where: \.overflowed) { total.totalsOverflowed = true }
        total.paymentsTotal = paymentsTotal.values
        total.linesPaidTotal = linesPaidTotal.values
        total.adjustmentsTotal = adjustmentsTotal.values
        total.imbalanceTotal = imbalanceTotal.values
        total.appliedTotal = appliedTotal.values
        total.unappliedTotal = unappliedTotal.values
        total.deductedTotal = deductedTotal.values
        let statuses = files.map(\.status)
        if !statuses.isEmpty && statuses.allSatisfy({ $0 == .rejected }) {
            total.status = .rejected
        } else if statuses.contains(where: { $0 != .processed }) {
            total.status = .partial
        }
        return total
    }
}
