import RemitCore

/// Control totals for one input file, and the problems found in it.
///
/// The money totals cover the transactions that were accepted; a rejected transaction's figures stay out
/// of them and it is listed in `transactionExceptions` instead. The report ties these totals to the match
/// table and the deduction register, so they must be summed from the records as read, not derived from
/// the matches.
public struct FileSummary: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Every transaction was read.
        case processed
        /// Some transactions or records were rejected; the rest was used.
        case partial
        /// Nothing usable was read (unreadable, wrong format, or every transaction rejected).
        case rejected
    }

    public var path: String
    public var format: String
    public var sha256: String
    public var size: Int64
    public var status: Status

    public var payments: Int
    public var linesIn: Int
    public var linesMatched: Int
    public var linesUnmatched: Int
    /// Lines read but set aside because their transaction was rejected.
    public var linesRejected: Int
    public var deductions: Int
    /// Bank account entries read (BAI2 16 records, ISO 20022 entries); their credits are paired with remittances
    /// by reassociation.
    public var bankTransactions: Int
    public var transactionsAccepted: Int
    public var transactionsRejected: Int

    /// Σ payment amounts as stated (X12 BPR02), per currency.
    public var paymentsTotal: [Money]
    /// Σ amounts paid on lines.
    public var linesPaidTotal: [Money]
    /// Σ stated adjustments, signed as sent (negative reduces the payment).
    public var adjustmentsTotal: [Money]
    /// Σ transaction imbalances (stated total − lines − adjustments).
    public var imbalanceTotal: [Money]
    /// Cash applied to invoices.
    public var appliedTotal: [Money]
    /// Cash not applied: unmatched lines and overpayments.
    public var unappliedTotal: [Money]
    /// Σ deduction amounts (stated and unexplained).
    public var deductedTotal: [Money]
    /// True when one of the totals above was too large to represent and leaves a currency out; the
    /// money tie-outs of this summary are then not computable.
    public var totalsOverflowed = false

    /// The first problems found in full, all of them counted.
    public var diagnostics: DiagnosticList
    /// Transactions that were rejected or whose stated total does not balance, in input order: the report
    /// lists each one with its location as an exception.
    public var transactionExceptions: [TransactionSummary]

    public init(path: String, format: String, sha256: String, size: Int64) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.size = size
        status = .processed
        payments = 0
        linesIn = 0
        linesMatched = 0
        linesUnmatched = 0
        linesRejected = 0
        deductions = 0
        bankTransactions = 0
        transactionsAccepted = 0
        transactionsRejected = 0
        paymentsTotal = []
        linesPaidTotal = []
        adjustmentsTotal = []
        imbalanceTotal = []
        appliedTotal = []
        unappliedTotal = []
        deductedTotal = []
        diagnostics = []
        transactionExceptions = []
    }

    /// lines in = matched + unmatched + rejected.
    public var linesTieOut: Bool { linesIn == linesMatched + linesUnmatched + linesRejected }
}
