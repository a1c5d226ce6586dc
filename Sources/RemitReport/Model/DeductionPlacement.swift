import RemitCore
import RemitMatch

/// The deduction register split by where each deduction sits: on a matched line, on a line that matched
/// no invoice, or on no line at all.
///
/// The match table's Deducted figures count only the first part; the register (and the `deductions`
/// tie-out) counts all three. Showing the split lets a reader add the one up to the other.
public struct DeductionPlacement: Sendable, Hashable {
    /// Attached to a line that was applied to an invoice; these make up the match table's Deducted total.
    public var onMatchedLines: [Deduction]
    /// Attached to a line that matched no invoice.
    public var onUnmatchedLines: [Deduction]
    /// Attached to no line: taken against the payment as a whole (an X12 ADX before any RMR).
    public var unattached: [Deduction]

    /// Splits `reconciliation.deductions`, keeping register order within each part.
    public init(_ reconciliation: Reconciliation) {
        let matched = Set(reconciliation.matches.filter { $0.invoice != nil }.map(\.line.id))
        onMatchedLines = []
        onUnmatchedLines = []
        unattached = []
        for deduction in reconciliation.deductions {
            if let lineID = deduction.lineID {
                if matched.contains(lineID) {
                    onMatchedLines.append(deduction)
                } else {
                    onUnmatchedLines.append(deduction)
                }
            } else {
                unattached.append(deduction)
            }
        }
    }
}
