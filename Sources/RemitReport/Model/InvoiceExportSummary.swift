import RemitCore

/// What was read from the ERP invoice export: the other side every remittance line is matched against.
public struct InvoiceExportSummary: Sendable, Hashable {
    public var path: String
    /// The column layout recognised or configured, e.g. `sap-fbl5n` or `generic`.
    public var layout: String
    /// Data rows read, not counting the header.
    public var rowsRead: Int
    /// Rows that are not invoices and were skipped by the layout's rules (blank lines, subtotals, totals).
    public var rowsSkipped: Int
    /// Rows set aside with an error diagnostic (bad amount, missing invoice number, ...).
    public var rowsRejected: Int
    /// Invoices taken from the rows that were kept.
    public var invoices: Int
    /// Σ open amounts of those invoices as the export states them, per currency. The receivables tie-out
    /// starts from this figure, so it must be summed from the export, not from the matches.
    public var openTotal: [Money]
    /// True when some currency's open total was too large to represent and is missing from `openTotal`.
    public var openTotalOverflowed = false
    /// The first problems found in full, all of them counted.
    public var diagnostics: DiagnosticList

    public init(
        path: String, layout: String, rowsRead: Int, rowsSkipped: Int, rowsRejected: Int = 0, invoices: Int,
        openTotal: [Money],
        diagnostics: DiagnosticList
    ) {
        self.path = path
        self.layout = layout
        self.rowsRead = rowsRead
        self.rowsSkipped = rowsSkipped
        self.rowsRejected = rowsRejected
        self.invoices = invoices
        self.openTotal = openTotal
        self.diagnostics = diagnostics
    }
}
