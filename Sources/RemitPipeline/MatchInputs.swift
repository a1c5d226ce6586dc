import RemitCore
import RemitInvoices
import RemitMatch

/// What `remit reconcile` and `remit explain` read before matching, so both match the same records the same
/// way.
struct MatchInputs {
    var export: InvoiceExport
    var exportSHA256: String
    var exportSize: Int64
    /// One per input file, in command-line order.
    var inputs: [ParsedInput]
    var partners: PartnerDirectory
    var matchOptions: MatchOptions
    /// With a run history: each payment with lines and the keys a repeat of it would share.
    var paymentKeys: [RunHistory.PaymentKeys] = []

    /// Reads the export, every input (printing their diagnostics as found) and the partner files, and warns
    /// about payment terms of the export that the discount check cannot read.
    ///
    /// - Throws: when the export or its layout cannot be read at all, or a partner file is broken.
    /// - Parameter history: the run history (`--history`), whose payments of earlier runs are set aside when
    ///   read again.
    static func read(
        _ options: ReconcileOptions, settings: ParseSettings, printer: DiagnosticPrinter, calls: SystemCalls,
        history: RunHistory? = nil
    ) throws -> MatchInputs {
        let layout = try InvoiceLayout.resolve(
            nameOrPath: options.invoiceLayout,
            mappingsDirectory: options.mappingsDirectory ?? "mappings")
        let (exportSHA, exportSize) = try SHA256Hasher.hashFile(options.invoicesPath, calls: calls)
        var export = try InvoiceExportReader.read(
            path: options.invoicesPath, layout: layout, calls: calls, onDiagnostic: { printer.print($0) })

        var inputs: [ParsedInput] = []
        var seen: [String: String] = [:]
        // Each member of a .zip is an input of its own, named `archive.zip!member.xml`.
        func read(_ file: InputFiles.File) {
            if let failure = file.failure {
                inputs.append(InputProcessor.refused(file.name, failure, printer: printer))
                return
            }
            // Diagnostics are printed as they are found; the parsed input keeps only the first ones.
            let parsed = InputProcessor.process(
                path: file.path, name: file.name, settings: settings, calls: calls, printer: printer
            ) { seen[$0] }
            if !parsed.unreadable { seen[parsed.sha256] = file.name }
            inputs.append(parsed)
        }
        for path in options.inputs {
            guard options.opensArchives else {
                read(InputFiles.File(path: path, name: path))
                continue
            }
            do {
                try InputFiles().forEach(path, read)
            } catch {
                // The archive as a whole was refused, or could not be unpacked: an input error like any other.
                let diagnostic =
                    error as? Diagnostic
                    ?? Diagnostic(
                        .error, code: "zip.unreadable", "cannot unpack the archive: \(error)", at: .wholeFile(path))
                var refused = InputProcessor.refused(path, diagnostic, printer: printer)
                // The manifest still fingerprints the archive itself, so the refused file can be traced.
                if let (sha256, size) = try? SHA256Hasher.hashFile(path, calls: calls) {
                    refused.sha256 = sha256
                    refused.size = size
                }
                inputs.append(refused)
            }
        }

        // A broken partner file stops the run (exit 2) as a broken crosswalk does: matching without it would
        // quietly decide differently.
        let partners =
            try settings.mappingsDirectory.map { try PartnerDirectory.load(mappingsDirectory: $0) }
            ?? PartnerDirectory()
        var matchOptions = MatchOptions(
            partners: partners, autoApplyScore: options.autoApplyScore, suggestScore: options.suggestScore,
            nameSimilarityThreshold: options.nameSimilarity, combinationMaxSetSize: options.combinationMaxSetSize,
            combinationMaxSteps: options.combinationMaxSteps,
            combinationMaxCandidates: options.combinationMaxCandidates)
        if let folder = settings.mappingsDirectory {
            matchOptions.paymentTerms = try ParseSettings.loadPaymentTerms(mappingsDirectory: folder)
        }
        // Terms the discount check cannot read turn it off for their invoices; that is said, once per terms,
        // on stderr and among the export's diagnostics in the report.
        for unknown in matchOptions.paymentTerms.unknownTerms(in: export.invoices) {
            printer.print(unknown.diagnostic)
            export.diagnostics.append(unknown.diagnostic)
        }
        var paymentKeys: [RunHistory.PaymentKeys] = []
        if let history {
            // Payments of earlier runs: one read again is set aside, not applied twice.
            paymentKeys = Self.paymentKeys(inputs, matcher: Matcher(options: matchOptions))
            matchOptions.earlierPayments = try history.earlierPayments(
                matching: paymentKeys, excluding: Set(inputs.map(\.sha256)),
                runTime: options.historyRunKey ?? options.runTime)
        }
        var read = MatchInputs(
            export: export, exportSHA256: exportSHA, exportSize: exportSize, inputs: inputs, partners: partners,
            matchOptions: matchOptions)
        read.paymentKeys = paymentKeys
        return read
    }

    /// Each payment that has remittance lines, with the keys a repeat of it would share.
    static func paymentKeys(_ inputs: [ParsedInput], matcher: Matcher) -> [RunHistory.PaymentKeys] {
        inputs.flatMap { input in
            var references: [String: [String]] = [:]
            for line in input.lines { references[line.paymentID, default: []].append(line.normalizedReference) }
            return input.payments.compactMap { payment -> RunHistory.PaymentKeys? in
                guard let lines = references[payment.id] else { return nil }
                return RunHistory.PaymentKeys(
                    payment: payment, keys: matcher.paymentKeys(payment, references: lines),
                    inputSHA256: input.sha256)
            }
        }
    }

    var lines: [RemittanceLine] { inputs.flatMap(\.lines) }

    /// Every deduction read, the announced ones included.
    var deductions: [Deduction] { inputs.flatMap(\.deductions) }

    var payments: [Payment] { inputs.flatMap(\.payments) }

    /// The deductions matching takes: announced deductions (812) are expectations, not money withheld, so they
    /// stay out of matching and the register, and are linked to the 820 deductions that take them.
    var deductionsToMatch: [Deduction] { deductions.filter { $0.origin != .announced } }

    /// Whether some input, transaction or export row was rejected.
    var inputRejected: Bool {
        let errors = inputs.reduce(export.diagnostics.errors) { $0 + $1.diagnostics.errors }
        return errors > 0 || export.rowsRejected > 0 || inputs.contains { $0.unreadable || $0.rejectedRecords > 0 }
    }
}
