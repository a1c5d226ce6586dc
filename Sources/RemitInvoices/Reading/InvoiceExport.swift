import RemitCore

/// The invoices read from one ERP export, with the account of every record that did not become one.
///
/// Every record after the header is counted exactly once: `rowsRead == invoices.count + rowsSkipped +
/// rowsRejected`. That balance is the completeness evidence for the receivables side of a reconciliation.
public struct InvoiceExport: Sendable, Hashable {
    /// The export's path as given.
    public var file: String
    public var layoutName: String
    /// In file order.
    public var invoices: [Invoice]
    /// Problems found, in file order: CSV format errors, unreadable cells (errors), duplicates (warnings),
    /// columns the layout names but the file lacks (notes). The first `DiagnosticList.defaultLimit` are
    /// kept in full and all are counted; a reader that must see each one passes `onDiagnostic`.
    public var diagnostics: DiagnosticList
    /// Line of the header record.
    public var headerLine: Int
    /// Records ignored before the header: the layout's `skip_lines`, plus an Excel `sep=` line.
    public var recordsBeforeHeader: Int
    /// Records after the header, blank ones included.
    public var rowsRead: Int
    /// Records that could not be read; each has at least one error diagnostic.
    public var rowsRejected: Int
    /// Skipped records by reason, in the order reasons were first met.
    public var skipped: [SkipCount]
    public var bytesRead: Int64

    public init(file: String, layoutName: String) {
        self.file = file
        self.layoutName = layoutName
        invoices = []
        diagnostics = []
        headerLine = 0
        recordsBeforeHeader = 0
        rowsRead = 0
        rowsRejected = 0
        skipped = []
        bytesRead = 0
    }

    /// Records skipped as not being invoices (blank, totals, and whatever the layout's rules name).
    public var rowsSkipped: Int { skipped.reduce(0) { $0 + $1.count } }
}

/// How many records were skipped for one reason.
public struct SkipCount: Sendable, Hashable {
    public var reason: String
    public var count: Int

    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}
