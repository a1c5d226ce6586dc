import RemitCore

/// One remittance input after parsing: its fingerprint, what it held and what went wrong.
public struct ParsedInput: Sendable {
    public var path: String
    public var format: InputFormat
    public var sha256: String
    public var size: Int64
    public var payments: [Payment]
    public var lines: [RemittanceLine]
    public var deductions: [Deduction]
    public var bankTransactions: [BankTransaction]
    /// The bank groups sent as a deletion, correction or test (BAI2 02 status 2, 3, 4), in file order.
    public var statusGroups: [BankStatusGroup] = []
    public var transactions: [TransactionSummary]
    /// The first problems found in full, all of them counted.
    public var diagnostics: DiagnosticList
    public var rejectedLines: Int
    public var rejectedRecords: Int
    /// True when the file could not be read at all (missing, unreadable, unknown format).
    public var unreadable: Bool

    public var hasErrors: Bool { unreadable || diagnostics.errors > 0 }
}
