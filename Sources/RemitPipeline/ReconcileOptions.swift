import RemitCore

/// Everything `remit reconcile` was asked to do.
public struct ReconcileOptions: Sendable {
    public var invoicesPath: String
    public var invoiceLayout: String
    public var inputs: [String]
    public var outputDirectory: String
    public var strict: Bool
    public var defaultCurrency: String
    public var mappingsDirectory: String?
    /// ISO 8601 time for the manifest; see `RunTime`.
    public var runTime: String
    /// A match finding with at least this score (and a single answer) is applied; see docs/matching.md.
    public var autoApplyScore: Int
    /// A finding under `autoApplyScore` with at least this score is suggested.
    public var suggestScore: Int
    /// The run history (`--history FILE`): payments of earlier runs, so one sent again is not applied twice.
    public var historyPath: String?
    /// What this run's rows are keyed by in the history (see `RunTime.historyKey`); nil for `runTime`.
    public var historyRunKey: String?
    /// Matching bounds and thresholds beyond the two scores (`--name-similarity`, `--combination-*`).
    public var nameSimilarity: Int = 85
    public var combinationMaxSetSize: Int = 5
    public var combinationMaxSteps: Int = 200_000
    public var combinationMaxCandidates: Int = 60
    /// Whether an input that is a .zip is read member by member (see `InputFiles`). `remit watch` unpacks
    /// archives itself and turns this off, so that a member that is an archive is not opened in turn.
    public var opensArchives = true
    /// Most rows each long table of report.html lists (`--report-rows`); 0 lists every row. The CSV and
    /// JSON outputs always hold every row.
    public var reportRows = ReconcileOptions.defaultReportRows
    public static let defaultReportRows = 1000

    public init(
        invoicesPath: String, invoiceLayout: String = "generic", inputs: [String], outputDirectory: String,
        strict: Bool = false, defaultCurrency: String = Currency.defaultCode, mappingsDirectory: String?,
        runTime: String, autoApplyScore: Int = 85, suggestScore: Int = 50
    ) {
        self.invoicesPath = invoicesPath
        self.invoiceLayout = invoiceLayout
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.strict = strict
        self.defaultCurrency = defaultCurrency
        self.mappingsDirectory = mappingsDirectory
        self.runTime = runTime
        self.autoApplyScore = autoApplyScore
        self.suggestScore = suggestScore
    }

    /// The options as recorded in the manifest, in a fixed order, without paths that differ between machines.
    var manifestOptions: [String] {
        [
            "invoice-layout=\(invoiceLayout)", "strict=\(strict)", "currency=\(defaultCurrency)",
            "mappings=\(mappingsDirectory == nil ? "none" : "found")",
        ] + (historyPath == nil ? [] : ["history=used"])
            + (reportRows == Self.defaultReportRows ? [] : ["report-rows=\(reportRows)"])
    }
}
