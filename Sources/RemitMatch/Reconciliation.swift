import RemitCore

/// Everything matching decided for a run, in a deterministic order.
public struct Reconciliation: Sendable {
    /// One per remittance line, in input order.
    public var matches: [LineMatch]
    /// Stated deductions plus the unexplained remainders matching found, in input order.
    public var deductions: [Deduction]
    /// Invoices with an open amount left after the run, in export order.
    public var openInvoices: [OpenInvoice]
    /// Duplicates and over-applications noticed within this run, in the order they were found.
    public var findings: [MatchFinding]

    public init(
        matches: [LineMatch], deductions: [Deduction], openInvoices: [OpenInvoice], findings: [MatchFinding] = []
    ) {
        self.matches = matches
        self.deductions = deductions
        self.openInvoices = openInvoices
        self.findings = findings
    }
}

/// An invoice still open after the run, with what the run applied to it.
public struct OpenInvoice: Sendable, Hashable {
    public var invoice: Invoice
    /// What is still owed after this run.
    public var remaining: Money
    /// Cash this run applied to it (zero when untouched).
    public var appliedThisRun: Money

    public init(invoice: Invoice, remaining: Money, appliedThisRun: Money) {
        self.invoice = invoice
        self.remaining = remaining
        self.appliedThisRun = appliedThisRun
    }
}
