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
    /// Byte offsets of the warnings and errors reported since the last transaction ended, the first
    /// `keptOffsets` of them; the rest are only counted, so a transaction with millions of problems costs
    /// no more memory than one with a few thousand.
    private var problemOffsets: [Int64] = []
    /// Problems past the first `keptOffsets`.
    private var uncounted = 0
    static let keptOffsets = 4096

    init(strict: Bool) {
        self.strict = strict
    }

    mutating func noteReported(_ diagnostic: Diagnostic) {
        guard strict, diagnostic.severity != .note else { return }
        guard problemOffsets.count < Self.keptOffsets else {
            uncounted += 1
            return
        }
        problemOffsets.append(diagnostic.location.byteOffset)
    }

    /// The summary to keep, rejected when strict and a problem lies inside it, and the error saying so.
    mutating func judge(_ summary: TransactionSummary) -> (TransactionSummary, Diagnostic?) {
        defer {
            problemOffsets.removeAll(keepingCapacity: true)
            uncounted = 0
        }
        guard strict, summary.status == .accepted else { return (summary, nil) }
        let start = summary.location.byteOffset
        // Problems past the kept ones were reported after them, so inside the transaction as far as can be
        // told; counting them all errs towards rejecting, which is what --strict asks for.
        let inside = problemOffsets.filter { $0 >= start }.count + uncounted
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
