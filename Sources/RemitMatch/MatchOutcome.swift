/// What became of one remittance line.
public enum MatchOutcome: String, Sendable, Hashable, CaseIterable {
    /// The line paid the invoice's open amount exactly (after any discount taken).
    case paidInFull = "paid_in_full"
    /// Less than the open amount arrived; the difference is deductions.
    case shortPaid = "short_paid"
    /// More than the open amount arrived; the excess is unapplied cash.
    case overpaid
    /// No invoice in the export fits the line; all its cash is unapplied.
    case unmatched
}
