import RemitCore

/// Keeps everything a reader sends, in order, for assertions.
struct CollectingSink: RecordSink {
    enum Event: Hashable {
        case record(CanonicalRecord)
        case diagnostic(Diagnostic)
        case summary(TransactionSummary)
    }

    var events: [Event] = []

    mutating func emit(_ record: CanonicalRecord) { events.append(.record(record)) }
    mutating func report(_ diagnostic: Diagnostic) { events.append(.diagnostic(diagnostic)) }
    mutating func transactionEnded(_ summary: TransactionSummary) { events.append(.summary(summary)) }

    var records: [CanonicalRecord] {
        events.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    var diagnostics: [Diagnostic] {
        events.compactMap { if case .diagnostic(let diagnostic) = $0 { diagnostic } else { nil } }
    }

    var summaries: [TransactionSummary] {
        events.compactMap { if case .summary(let summary) = $0 { summary } else { nil } }
    }

    var payments: [Payment] {
        records.compactMap { if case .payment(let payment) = $0 { payment } else { nil } }
    }

    var lines: [RemittanceLine] {
        records.compactMap { if case .remittanceLine(let line) = $0 { line } else { nil } }
    }

    var deductions: [Deduction] {
        records.compactMap { if case .deduction(let deduction) = $0 { deduction } else { nil } }
    }

    /// Diagnostic codes in order, for compact assertions.
    var codes: [String] { diagnostics.map(\.code) }

    func diagnostic(_ code: String) -> Diagnostic? { diagnostics.first { $0.code == code } }
}
