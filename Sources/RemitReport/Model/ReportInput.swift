import RemitCore
import RemitMatch

/// Everything `remit reconcile` hands to the report: what was read, and what matching decided.
public struct ReportInput: Sendable {
    public var manifest: RunManifest
    /// One per remittance input, in input order.
    public var files: [FileSummary]
    public var invoiceExport: InvoiceExportSummary
    public var reconciliation: Reconciliation
    /// Bank credits paired with the remittances that fund them.
    public var reassociation: Reassociation
    /// What became of the deductions announced in 812 memos; empty when the run read none.
    public var announcements = Announcements()
    /// The date of each payment read, by payment id: what open deductions are aged from.
    public var paymentDates: [String: CalendarDate] = [:]
    /// Most rows a long table of report.html lists (every line, every deduction, ...); nil lists them all.
    /// Totals and counts always cover every row, and the CSV and JSON outputs hold every one.
    public var rowLimit: Int?

    public init(
        manifest: RunManifest, files: [FileSummary], invoiceExport: InvoiceExportSummary,
        reconciliation: Reconciliation, reassociation: Reassociation = Reassociation()
    ) {
        self.reassociation = reassociation
        self.manifest = manifest
        self.files = files
        self.invoiceExport = invoiceExport
        self.reconciliation = reconciliation
    }
}
