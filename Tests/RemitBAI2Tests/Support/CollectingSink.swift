import RemitCore

/// Keeps everything the reader sends, in order, for assertions.
struct CollectingSink: RecordSink {
    enum Event: Hashable {
        case record(CanonicalRecord)
        case diagnostic(Diagnostic)
        case summary(TransactionSummary)
        case statusGroup(BankStatusGroup)
    }

    var events: [Event] = []

    mutating func emit(_ record: CanonicalRecord) { events.append(.record(record)) }
    mutating func report(_ diagnostic: Diagnostic) { events.append(.diagnostic(diagnostic)) }
    mutating func transactionEnded(_ summary: TransactionSummary) { events.append(.summary(summary)) }
    mutating func statusGroupEnded(_ group: BankStatusGroup) { events.append(.statusGroup(group)) }

    var transactions: [BankTransaction] {
        events.compactMap {
            if case .record(.bankTransaction(let transaction)) = $0 { transaction } else { nil }
        }
    }

    var diagnostics: [Diagnostic] {
        events.compactMap { if case .diagnostic(let diagnostic) = $0 { diagnostic } else { nil } }
    }

    var summaries: [TransactionSummary] {
        events.compactMap { if case .summary(let summary) = $0 { summary } else { nil } }
    }

    var statusGroups: [BankStatusGroup] {
        events.compactMap { if case .statusGroup(let group) = $0 { group } else { nil } }
    }

    /// Diagnostic codes in order, for compact assertions.
    var codes: [String] { diagnostics.map(\.code) }

    func diagnostic(_ code: String) -> Diagnostic? { diagnostics.first { $0.code == code } }
}
