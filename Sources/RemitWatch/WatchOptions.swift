import RemitCore
import RemitPipeline

/// Everything `remit watch` was asked to do.
package struct WatchOptions: Sendable {
    package var inbox: String
    /// An invoice export file, or a folder of exports.
    package var invoices: String
    package var invoiceLayout: String
    package var outputDirectory: String
    /// The SQLite ledger; `DIR/ledger.sqlite3` by default.
    package var ledgerPath: String
    package var settings: ParseSettings
    /// A pinned run time for every report (`--run-time`, `SOURCE_DATE_EPOCH`); nil uses each file's claim time.
    package var runTime: String?
    /// Seconds a graceful stop may take.
    package var shutdownTimeout: Double
    /// A file found by the start-up scan is left until it has not changed for this long (milliseconds).
    package var settleMillis: Int64
    /// Stop after the inbox is empty instead of waiting (`--once`): for cron jobs and tests.
    package var once: Bool
    package var limits: ArchiveLimits
    /// Files handled at once; each worker has its own ledger connection.
    package var workers: Int
    /// The run history (`--history`): payments of files handled earlier, so one resent is not applied twice.
    package var historyPath: String?

    package init(
        inbox: String, invoices: String, invoiceLayout: String = "generic", outputDirectory: String,
        ledgerPath: String? = nil, settings: ParseSettings, runTime: String? = nil, shutdownTimeout: Double = 30,
        settleMillis: Int64 = 1000, once: Bool = false, limits: ArchiveLimits = ArchiveLimits(),
        workers: Int = 1
    ) {
        self.inbox = Self.trimmed(inbox)
        self.invoices = invoices
        self.invoiceLayout = invoiceLayout
        self.outputDirectory = Self.trimmed(outputDirectory)
        self.ledgerPath = ledgerPath ?? Self.trimmed(outputDirectory) + "/ledger.sqlite3"
        self.settings = settings
        self.runTime = runTime
        self.shutdownTimeout = shutdownTimeout
        self.settleMillis = settleMillis
        self.once = once
        self.limits = limits
        self.workers = max(1, workers)
    }

    /// `inbox/` and `inbox` name one folder; paths in reports are built as `inbox/NAME` either way.
    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
