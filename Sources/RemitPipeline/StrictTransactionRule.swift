import RemitCore

/// Under `--strict`, a transaction in which any problem was reported is rejected as a whole.
///
/// Parsers reject a transaction only for problems that make it unreadable; a warning (an imbalance, a count
/// that does not check out, an unreadable date) leaves it accepted. A user who asks for `--strict` wants
/// nothing applied from a transaction that needed a warning, so the sinks pass each transaction's end through
/// this rule. A problem belongs to the transaction that ends next when it lies at or after that
/// transaction's first byte; problems between transactions (a group trailer's count) reject none.
struct StrictTransactionRule {
    let strict: Bool
    /// Byte offsets of the warnings and errors reported since the last transaction ended.
    private var problemOffsets: [Int64] = []

    init(strict: Bool) {
        self.strict = strict
    }

    mutating func noteReported(_ diagnostic: Diagnostic) {
        guard strict, diagnostic.severity != .note else { return }
        problemOffsets.append(diagnostic.location.byteOffset)
    }

    /// The summary to keep, rejected when strict and a problem lies inside it, and the error saying so.
    mutating func judge(_ summary: TransactionSummary) -> (TransactionSummary, Diagnostic?) {
        defer { problemOffsets.removeAll(keepingCapacity: true) }
        guard strict, summary.status == .accepted else { return (summary, nil) }
        let start = summary.location.byteOffset
        let inside = problemOffsets.filter { $0 >= start }.count
        guard inside > 0 else { return (summary, nil) }
        var rejected = summary
        rejected.status = .rejected
        let problem = Diagnostic(
            .error, code: "strict.rejected",
            "transaction \(summary.transactionID) rejected under --strict: \(inside) "
                + (inside == 1 ? "problem" : "problems") + " reported in it (above)",
            at: summary.location, hint: "without --strict it is read and the problems stay warnings")
        return (rejected, problem)
    }
}
