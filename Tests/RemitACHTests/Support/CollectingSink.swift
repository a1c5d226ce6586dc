import RemitCore

/// Keeps everything the reader sends, in order, for assertions.
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

    var payments: [Payment] {
        events.compactMap { if case .record(.payment(let payment)) = $0 { payment } else { nil } }
    }

    var lines: [RemittanceLine] {
        events.compactMap { if case .record(.remittanceLine(let line)) = $0 { line } else { nil } }
    }

    var deductions: [Deduction] {
        events.compactMap { if case .record(.deduction(let deduction)) = $0 { deduction } else { nil } }
    }

    var diagnostics: [Diagnostic] {
        events.compactMap { if case .diagnostic(let diagnostic) = $0 { diagnostic } else { nil } }
    }

    var summaries: [TransactionSummary] {
        events.compactMap { if case .summary(let summary) = $0 { summary } else { nil } }
    }

    /// Diagnostic codes in order, for compact assertions.
    var codes: [String] { diagnostics.map(\.code) }

    func diagnostic(_ code: String) -> Diagnostic? { diagnostics.first { $0.code == code } }
}
