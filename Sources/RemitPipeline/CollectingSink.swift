import RemitCore

/// Keeps every record of one input in memory for matching, and sets aside transactions that were rejected.
///
/// Diagnostics are printed as they arrive and only the first `DiagnosticList.defaultLimit` are kept (all
/// are counted): a file of millions of problems must not hold them all in memory.
struct CollectingSink: RecordSink {
    var payments: [Payment] = []
    var lines: [RemittanceLine] = []
    var deductions: [Deduction] = []
    var bankTransactions: [BankTransaction] = []
    var statusGroups: [BankStatusGroup] = []
    /// Under `--strict`, warnings are kept and printed as errors.
    var diagnostics = DiagnosticList()
    var transactions: [TransactionSummary] = []
    /// Lines read but set aside with their rejected transaction.
    var rejectedLines = 0
    var rejectedRecords = 0
    private var strictRule: StrictTransactionRule
    private let printer: DiagnosticPrinter?

    /// - Parameter printer: prints each diagnostic as it is reported; `nil` prints none.
    init(strict: Bool = false, printer: DiagnosticPrinter? = nil) {
        strictRule = StrictTransactionRule(strict: strict)
        self.printer = printer
    }

    mutating func emit(_ record: CanonicalRecord) {
        switch record {
        case .payment(let payment): payments.append(payment)
        case .remittanceLine(let line): lines.append(line)
        case .deduction(let deduction): deductions.append(deduction)
        case .bankTransaction(let transaction): bankTransactions.append(transaction)
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        strictRule.noteReported(diagnostic)
        keep(strictRule.strict ? diagnostic.promoted() : diagnostic)
    }

    private mutating func keep(_ diagnostic: Diagnostic) {
        printer?.print(diagnostic)
        diagnostics.append(diagnostic)
    }

    mutating func transactionEnded(_ summary: TransactionSummary) {
        let (summary, strictError) = strictRule.judge(summary)
        if let strictError { keep(strictError) }
        transactions.append(summary)
        guard summary.status == .rejected else { return }
        let id = summary.transactionID
        let before = payments.count + lines.count + deductions.count + bankTransactions.count
        let linesBefore = lines.count
        // A transaction's records arrive together, just before its end: they sit at the tail of each list, so
        // only the tail is looked at (looking at every record made a file of many rejections quadratic).
        Self.dropTail(of: &payments, transactionID: id)
        Self.dropTail(of: &lines, transactionID: id)
        Self.dropTail(of: &deductions, transactionID: id)
        Self.dropTail(of: &bankTransactions, transactionID: id)
        // Lines the parser dropped when it rejected the transaction never became records; count them too.
        rejectedLines += max(linesBefore - lines.count, summary.linesRead)
        rejectedRecords += before - (payments.count + lines.count + deductions.count + bankTransactions.count)
    }

    mutating func statusGroupEnded(_ group: BankStatusGroup) { statusGroups.append(group) }

    private static func dropTail<Record: HasProvenance>(of records: inout [Record], transactionID: String) {
        var keep = records.count
        while keep > 0 && records[keep - 1].provenance.transactionID == transactionID { keep -= 1 }
        records.removeSubrange(keep...)
    }
}

/// The records a sink sets aside by transaction.
protocol HasProvenance {
    var provenance: Provenance { get }
}

extension Payment: HasProvenance {}
extension RemittanceLine: HasProvenance {}
extension Deduction: HasProvenance {}
extension BankTransaction: HasProvenance {}
