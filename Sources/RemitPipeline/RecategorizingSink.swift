import RemitCore

/// Passes records on to `base`, giving each deduction the category its partner's reason codes decide.
struct RecategorizingSink<Base: RecordSink>: RecordSink {
    var base: Base
    let codes: PartnerReasonCodes

    mutating func emit(_ record: CanonicalRecord) {
        if case .deduction(let deduction) = record {
            base.emit(.deduction(codes.recategorize(deduction)))
        } else {
            base.emit(record)
        }
    }

    mutating func report(_ diagnostic: Diagnostic) { base.report(diagnostic) }

    mutating func transactionEnded(_ summary: TransactionSummary) { base.transactionEnded(summary) }

    mutating func statusGroupEnded(_ group: BankStatusGroup) { base.statusGroupEnded(group) }
}
