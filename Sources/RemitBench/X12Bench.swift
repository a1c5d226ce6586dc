import RemitCore
import RemitPipeline
import RemitX12

/// Counts what a parser produces and adds up its money, so nothing it builds can be optimised away.
struct CountingSink: RecordSink {
    var payments = 0
    var lines = 0
    var deductions = 0
    var bankTransactions = 0
    var errors = 0
    var warnings = 0
    var transactions = 0
    /// Sum of every amount's units, a checksum that depends on each record.
    var checksum: Int64 = 0

    mutating func emit(_ record: CanonicalRecord) {
        switch record {
        case .payment(let payment):
            payments += 1
            checksum &+= payment.amount.amount.units
        case .remittanceLine(let line):
            lines += 1
            checksum &+= line.amountPaid.amount.units
        case .deduction(let deduction):
            deductions += 1
            checksum &+= deduction.amount.amount.units
        case .bankTransaction(let transaction):
            bankTransactions += 1
            checksum &+= transaction.amount.amount.units
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errors += 1 } else if diagnostic.severity == .warning { warnings += 1 }
    }

    mutating func transactionEnded(_ summary: TransactionSummary) { transactions += 1 }

    var detail: String {
        "\(transactions) transactions, \(payments) payments, \(lines) lines, \(deductions) deductions, "
            + "\(bankTransactions) bank transactions, \(errors) errors, \(warnings) warnings, checksum \(checksum)"
    }
}

/// Parse and normalize only: the X12 reader turns every segment into canonical records.
enum X12Bench {
    static func run(path: String) throws {
        let crosswalk = try BenchMappings.crosswalk()
        let clock = BenchClock()
        var sink = CountingSink()
        var reader = X12Reader(file: path, fileSHA256: "0", idPrefix: "bench", crosswalk: crosswalk)
        let bytes = try FileReader(path: path).forEachChunk { reader.feed($0, into: &sink) }
        reader.finish(into: &sink)
        BenchFigures.report(label: "x12 parse+normalize", bytes: bytes, seconds: clock.seconds, detail: sink.detail)
    }
}

/// The whole `remit convert` path, as an integrator runs it, with its JSON Lines going to /dev/null.
enum ConvertBench {
    static func run(path: String) throws {
        let settings = ParseSettings(crosswalk: try BenchMappings.crosswalk())
        let options = ConvertOptions(inputs: [path], format: .jsonl, outputPath: "/dev/null", settings: settings)
        let size = try FileReader(path: path).forEachChunk { _ in }
        let clock = BenchClock()
        let outcome = try ConvertJob.run(options, printer: DiagnosticPrinter(minimum: .error))
        BenchFigures.report(
            label: "convert to JSON Lines", bytes: size, seconds: clock.seconds,
            detail: "\(outcome.recordsWritten) records written, \(outcome.errors) errors")
    }
}

enum BenchMappings {
    /// The repository's reason-code crosswalk, found as `remit` finds it.
    static func crosswalk() throws -> ReasonCrosswalk {
        guard
            let folder = MappingsDirectory.locate(
                explicit: nil, environment: [:], executablePath: CommandLine.arguments[0])
        else { return ReasonCrosswalk() }
        return try ParseSettings.loadCrosswalk(mappingsDirectory: folder)
    }
}
