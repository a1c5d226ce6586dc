/// Whether a rule's finding was acted on.
public enum MatchDecision: String, Sendable, Hashable, CaseIterable {
    /// The line was applied to the invoice (or invoices) automatically: the score reached the auto-apply threshold
    /// and the rule found exactly one answer.
    case applied
    /// A candidate was found but not applied: its score is under the auto-apply threshold, or several answers fit.
    /// The line's cash stays unapplied; the evidence names the candidates for a person to confirm.
    case suggested
    /// Nothing was found worth suggesting.
    case none
}
