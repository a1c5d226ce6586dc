import RemitCore

/// Streams records to an output as the parser produces them, holding back one transaction at a time.
///
/// Records wait until their transaction closes, so a transaction rejected at its end (a missing SE, say)
/// is not half written. A transaction larger than `holdLimit` records is written as it goes; if it is
/// rejected after that, an error says how many of its records were already written.
struct ConvertSink: RecordSink {
    let output: BufferedOutput
    var encoder: RecordEncoder
    let printer: DiagnosticPrinter
    let strict: Bool
    var holdLimit = 10_000
    private var held: [CanonicalRecord] = []
    private var spilledTransaction: String?
    private var spilledCount = 0
    private(set) var written = 0
    private(set) var errors = 0
    private(set) var warnings = 0
    private(set) var failure: Error?
    private var strictRule: StrictTransactionRule

    init(output: BufferedOutput, strict: Bool, printer: DiagnosticPrinter, encoder: RecordEncoder) {
        self.output = output
        self.strict = strict
        strictRule = StrictTransactionRule(strict: strict)
        self.printer = printer
        self.encoder = encoder
    }

    mutating func emit(_ record: CanonicalRecord) {
        held.append(record)
        if held.count >= holdLimit {
            if spilledTransaction == nil { spilledTransaction = record.provenance.transactionID }
            spilledCount += held.count
            writeHeld()
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        strictRule.noteReported(diagnostic)
        let shown = strict ? diagnostic.promoted() : diagnostic
        switch shown.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: break
        }
        printer.print(shown)
    }

    mutating func transactionEnded(_ summary: TransactionSummary) {
        let (summary, strictError) = strictRule.judge(summary)
        if let strictError { report(strictError) }
        if summary.status == .rejected {
            let dropped = held.filter { $0.provenance.transactionID == summary.transactionID }.count
            held.removeAll { $0.provenance.transactionID == summary.transactionID }
            if spilledTransaction == summary.transactionID, spilledCount > 0 {
                report(
                    Diagnostic(
                        .error, code: "convert.partial-transaction",
                        "\(spilledCount) records of this rejected transaction were already written; discard records "
                            + "with source.transaction_id \(summary.transactionID)", at: summary.location))
            }
            _ = dropped
        }
        writeHeld()
        spilledTransaction = nil
        spilledCount = 0
    }

    mutating func finish() {
        writeHeld()
    }

    private mutating func writeHeld() {
        guard failure == nil else {
            held.removeAll()
            return
        }
        do {
            for record in held {
                try encoder.write(record, to: output)
                written += 1
            }
        } catch {
            failure = error
        }
        held.removeAll(keepingCapacity: true)
    }
}
