import Foundation
import RemitCore
import RemitInvoices
import RemitMatch
import RemitReport

/// `remit reconcile`: the main job, from remittance files and an invoice export to the auditor's report.
public enum ReconcileJob {
    /// Reads the export and every input, matches, and writes the outputs into the output folder.
    ///
    /// A bad input file is reported and the others go on.
    /// - Throws: when the export or its layout cannot be read at all, or an output cannot be written.
    public static func run(
        _ options: ReconcileOptions, settings: ParseSettings, printer: DiagnosticPrinter, calls: SystemCalls = .live
    ) throws -> JobOutcome {
        let history = try options.historyPath.map { path throws(Diagnostic) in try RunHistory(path: path) }
        let read = try MatchInputs.read(options, settings: settings, printer: printer, calls: calls, history: history)
        let export = read.export
        var inputs = read.inputs
        let reconciliation = Matcher(options: read.matchOptions).reconcile(
            lines: read.lines, deductions: read.deductionsToMatch, invoices: export.invoices, payments: read.payments)
        let announcedHere = read.deductions.filter { $0.origin == .announced }
        // Memos an earlier run read (`--history`) that this run's 820s quote are linked as if read here.
        let earlierAnnounced =
            try history.map { history throws(Diagnostic) in
                try Self.earlierAnnouncements(
                    history, announcedHere: announcedHere, reconciliation: reconciliation, inputs: inputs)
            } ?? []
        var announcements = MemoLinker(partners: read.partners).link(
            deductions: earlierAnnounced + announcedHere + reconciliation.deductions,
            lines: read.lines
        ).announcements
        // An earlier run's memo that nothing here took stays that run's business.
        let earlierIDs = Set(earlierAnnounced.map(\.id))
        announcements.notYetTaken.removeAll { earlierIDs.contains($0.id) }
        announcements.superseded.removeAll { earlierIDs.contains($0.id) }
        let (reassociation, orderWarnings) = CashReassociation.run(inputs: inputs, settings: settings)
        for (index, warning) in orderWarnings {
            printer.print(warning)
            inputs[index].diagnostics.append(warning)
        }
        var summaries = FileSummaryBuilder.summaries(inputs: inputs, reconciliation: reconciliation)
        for index in summaries.indices {
            summaries[index].transactionExceptions = inputs[index].transactions.filter {
                $0.status == .rejected || !($0.imbalance?.isZero ?? true)
            }
        }
        let manifest = RunManifest(
            remitVersion: RemitVersion.current, runTime: options.runTime,
            options: options.manifestOptions + read.matchOptions.manifestOptions,
            inputs: [
                RunManifest.InputFile(
                    path: options.invoicesPath, role: "invoices", size: read.exportSize,
                    sha256: read.exportSHA256)
            ]
                + inputs.map {
                    RunManifest.InputFile(
                        path: $0.path, role: $0.format.rawValue, size: $0.size,
                        sha256: $0.sha256)
                })
        let openTotal = MoneyTotals(export.invoices.map(\.openAmount))
        var exportSummary = InvoiceExportSummary(
            path: options.invoicesPath, layout: export.layoutName, rowsRead: export.rowsRead,
            rowsSkipped: export.rowsSkipped, rowsRejected: export.rowsRejected,
            invoices: export.invoices.count, openTotal: openTotal.values, diagnostics: export.diagnostics)
        exportSummary.openTotalOverflowed = openTotal.overflowed
        try createOutputDirectory(options.outputDirectory)
        // Outputs are renamed into place: one with the name of an input in the output folder would replace it.
        for name in ReportWriter.fileNames {
            let target = options.outputDirectory + "/" + name
            if let input = FileIdentity.input(among: [options.invoicesPath] + options.inputs, sameAs: target) {
                throw Diagnostic(
                    .error, code: "output.is-input",
                    "the output \(name) would replace the input \(input), which is the same file",
                    at: .wholeFile(target), hint: "give --out a folder that holds none of the inputs under these names")
            }
        }
        var reportInput = ReportInput(
            manifest: manifest, files: summaries, invoiceExport: exportSummary, reconciliation: reconciliation,
            reassociation: reassociation)
        reportInput.announcements = announcements
        reportInput.rowLimit = options.reportRows == 0 ? nil : options.reportRows
        for payment in read.payments where reportInput.paymentDates[payment.id] == nil {
            reportInput.paymentDates[payment.id] = payment.date
        }
        let analysis = try ReportWriter.writeAll(reportInput, to: options.outputDirectory, calls: calls)
        if let history {
            // Remembered only once the outputs are written; a repeat set aside is not remembered in its turn.
            let repeats = Set(reconciliation.matches.filter { $0.rule == "duplicate-payment" }.map(\.line.paymentID))
            try history.record(
                read.paymentKeys.filter { !repeats.contains($0.payment.id) }, announcements: announcedHere,
                inputs: inputs.filter { !$0.unreadable }.map { ($0.sha256, $0.path) },
                runTime: options.historyRunKey ?? options.runTime)
        }

        // The lists keep only the first diagnostics of each input; their counts are exact.
        let errors = inputs.reduce(export.diagnostics.errors) { $0 + $1.diagnostics.errors }
        let warnings = inputs.reduce(export.diagnostics.warnings) { $0 + $1.diagnostics.warnings }
        let rejected = read.inputRejected
        let overall = analysis.overall
        let deducted = overall.deductedTotal.map(\.description).joined(separator: " + ")
        let ties =
            analysis.allTie
            ? "all \(analysis.tieOuts.count) tie-outs tie"
            : "\(analysis.failures.count) of \(analysis.tieOuts.count) tie-outs DO NOT TIE"
        // `--out out/` and `--out out` name the same folder; print the report's path once, without "//".
        let folder = options.outputDirectory.hasSuffix("/") ? options.outputDirectory : options.outputDirectory + "/"
        let closing =
            "\(counted(overall.linesIn, "line")) (\(overall.linesMatched) matched, \(overall.linesUnmatched) "
            + "unmatched, \(overall.linesRejected) rejected\(matchingNotes(reconciliation))), "
            + "\(counted(overall.deductions, "deduction"))"
            + (deducted.isEmpty ? "" : " (\(deducted))")
            + announced(announcements)
            + (overall.bankTransactions == 0
                ? ""
                : "; \(counted(overall.bankTransactions, "bank transaction")) ("
                    + counted(
                        reassociation.pairings.filter { $0.bankTransaction != nil && !$0.payments.isEmpty }.count,
                        "credit")
                    + " paired, \(reassociation.with(.cashWithoutRemittance).count) without remittance"
                    + setAsideNote(reassociation) + ")")
            + "; \(ties); \(counted(errors, "error")), \(counted(warnings, "warning")); wrote \(folder)report.html"
        return JobOutcome(
            inputRejected: rejected, recordsWritten: reconciliation.matches.count, errors: errors,
            warnings: warnings, closingLine: closing)
    }

    /// The announced deductions of earlier runs whose memo numbers this run's stated deductions (ADX04) or
    /// remittance lines (RMR02) quote, unless this run announces the same number itself.
    static func earlierAnnouncements(
        _ history: RunHistory, announcedHere: [Deduction], reconciliation: Reconciliation, inputs: [ParsedInput]
    ) throws(Diagnostic) -> [Deduction] {
        let stated = reconciliation.deductions.filter { $0.origin == .stated }.compactMap(\.memoNumber)
        let quoted = Set((stated + inputs.flatMap(\.lines).map(\.reference)).compactMap(MemoLinker.key))
        let here = Set(announcedHere.compactMap(\.memoNumber).compactMap(MemoLinker.key))
        return try history.earlierAnnouncements(
            memoKeys: quoted.subtracting(here), excluding: Set(inputs.map(\.sha256)))
    }

    /// `, 3 set aside` when the bank withdrew credits or sent them as a test; empty otherwise.
    static func setAsideNote(_ reassociation: Reassociation) -> String {
        let count = reassociation.with(.setAside).count
        return count == 0 ? "" : ", \(count) set aside"
    }

    /// `; 1 suggested, 2 duplicates` when matching suggested lines or found duplicates; empty otherwise.
    static func matchingNotes(_ reconciliation: Reconciliation) -> String {
        let suggested = reconciliation.matches.filter { $0.decision == .suggested }.count
        var notes: [String] = []
        if suggested > 0 { notes.append("\(suggested) suggested") }
        if !reconciliation.findings.isEmpty { notes.append(counted(reconciliation.findings.count, "duplicate")) }
        return notes.isEmpty ? "" : "; " + notes.joined(separator: ", ")
    }

    /// `; 3 announced in 812 memos (1 taken, 2 not yet)`, or nothing when the run read no 812.
    static func announced(_ announcements: Announcements) -> String {
        guard !announcements.isEmpty else { return "" }
        let taken = announcements.linked.reduce(0) { $0 + $1.announced.count }
        let total = taken + announcements.notYetTaken.count
        return "; \(total) announced in 812 memos (\(taken) taken, \(announcements.notYetTaken.count) not yet)"
    }

    /// `1 line`, `0 lines`, `2 lines`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }

    /// Creates the output folder and any missing parents.
    ///
    /// - Throws: `Diagnostic` naming the folder and what is in the way (a file of that name, no permission).
    static func createOutputDirectory(_ path: String) throws(Diagnostic) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw Diagnostic(
                    .error, code: "output.not-a-folder", "--out names a file, not a folder", at: .wholeFile(path),
                    hint: "give a folder (it is created when missing)")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw Diagnostic(
                .error, code: "output.create-folder", "cannot create the output folder: \(reason)",
                at: .wholeFile(path))
        }
    }
}
