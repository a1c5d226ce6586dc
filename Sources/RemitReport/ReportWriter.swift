import RemitCore

/// Writes the output files of `remit reconcile --out DIR`.
///
/// Outputs: `deductions.jsonl`, `deductions.csv`, `deduction-register.csv`, `matches.jsonl`, `matches.csv`,
/// `open-invoices.csv`, `reassociation.jsonl`, `reassociation.csv`, `invoice-tie-outs.jsonl`, `summary.json`
/// and `report.html`,
/// described in `docs/reports.md`. The same input gives byte-identical
/// files: nothing depends on the clock, the locale or hash order.
public enum ReportWriter {
    /// The files `writeAll` creates, in the order they are written and renamed into place.
    public static let fileNames = Output.allCases.map(\.rawValue)

    private enum Output: String, CaseIterable {
        case deductionsJSONLines = "deductions.jsonl"
        case deductionsCSV = "deductions.csv"
        case deductionRegisterCSV = "deduction-register.csv"
        case matchesJSONLines = "matches.jsonl"
        case matchesCSV = "matches.csv"
        case openInvoicesCSV = "open-invoices.csv"
        case reassociationJSONLines = "reassociation.jsonl"
        case reassociationCSV = "reassociation.csv"
        case invoiceTieOuts = "invoice-tie-outs.jsonl"
        case summary = "summary.json"
        case html = "report.html"
    }

    /// Writes every output into `directory`, which must exist.
    ///
    /// Each file is written under a temporary name in `directory` (`.report.html.tmp`, ...), synced to
    /// disk and closed; once all are complete they are renamed into place and the directory is synced. A
    /// reader never sees a partly written file; after a failure the previous outputs are still whole.
    ///
    /// - Parameters:
    ///   - input: what the run read and decided.
    ///   - directory: the output directory.
    ///   - calls: the system calls to use; tests pass failing ones.
    /// - Returns: the figures the report states, including the tie-outs, so the caller can set its exit
    ///   status from `allTie` without computing them again.
    /// - Throws: `SystemCallError` naming the call and path that failed.
    @discardableResult
    public static func writeAll(_ input: ReportInput, to directory: String, calls: SystemCalls = .live)
        throws(SystemCallError) -> ReportAnalysis
    {
        let analysis = ReportAnalysis(input)
        let reconciliation = input.reconciliation
        var written: [OutputFile] = []
        for output in Output.allCases {
            var file = try OutputFile(name: output.rawValue, directory: directory, calls: calls)
            do {
                switch output {
                case .deductionsJSONLines: try DeductionOutputs.writeJSONLines(reconciliation.deductions, to: &file)
                case .deductionsCSV: try DeductionOutputs.writeCSV(reconciliation.deductions, to: &file)
                case .deductionRegisterCSV: try DeductionRegisterOutput.writeCSV(analysis.deductionAging, to: &file)
                case .matchesJSONLines: try MatchOutputs.writeJSONLines(reconciliation.matches, to: &file)
                case .matchesCSV: try MatchOutputs.writeCSV(reconciliation.matches, to: &file)
                case .openInvoicesCSV: try OpenInvoicesOutput.writeCSV(reconciliation.openInvoices, to: &file)
                case .reassociationJSONLines:
                    try ReassociationOutputs.writeJSONLines(input.reassociation, to: &file)
                case .reassociationCSV: try ReassociationOutputs.writeCSV(input.reassociation, to: &file)
                case .invoiceTieOuts: try SummaryJSON.writeInvoiceTieOuts(analysis, to: &file)
                case .summary: try SummaryJSON.write(input, analysis, to: &file)
                case .html: try HTMLReport.write(input, analysis, to: &file)
                }
            } catch {
                file.abandon()
                throw error
            }
            try file.finish()
            written.append(file)
        }
        for file in written {
            try calls.renameFile(file.temporaryPath, to: file.finalPath)
        }
        // The renames are directory entries; syncing the directory makes them durable too.
        let directoryFD = try calls.openForReading(directory)
        do {
            try calls.sync(directoryFD, path: directory)
        } catch {
            try? calls.closeFile(directoryFD, path: directory)
            throw error
        }
        try calls.closeFile(directoryFD, path: directory)
        return analysis
    }
}
