import RemitCore

/// What one matching rule did for one remittance line.
///
/// Rules are numbered as in docs/matching.md: 0 `duplicate-payment`, 1 `exact-reference`, 2
/// `partner-cleanup-reference`, 3 `purchase-order`, 4 `reference-one-edit`, 5 `free-text-reference`, 6
/// `amount-only` (which reports `combination` when its answer is a set of invoices).
public struct RuleStep: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The rule did not run for the line: an earlier rule had decided it, or the rule had nothing to run on.
        case notTried = "not_tried"
        /// The rule ran and found nothing; the next rule tries.
        case nothingFound = "nothing_found"
        /// The rule found something scoring under the suggestion threshold; it was dropped and the next rule tries.
        case belowSuggestScore = "below_suggest_score"
        /// The rule decided: the line stays unmatched and weaker rules do not try it (a reference that belongs
        /// to another customer, a payment read twice, ...).
        case refused
        /// The rule's finding was suggested: the line stays unmatched, the candidates in its evidence.
        case suggested
        /// The rule's finding was applied to the invoice or invoices.
        case applied
    }

    /// The rule's number in the order rules run, 0 to 6.
    public var number: Int
    /// The rule's name in that order; `finding.rule` may be more specific (`combination`).
    public var rule: String
    public var outcome: Outcome
    /// One sentence: why the rule did not run, why it found nothing, or what it decided.
    public var note: String
    /// What the rule looked up, in the order it looked.
    public var lookups: [TraceLookup]
    /// What the rule found, when it found something.
    public var finding: TraceFinding?

    package init(number: Int, rule: String, outcome: Outcome, note: String = "") {
        self.number = number
        self.rule = rule
        self.outcome = outcome
        self.note = note
        lookups = []
        finding = nil
    }

    /// Whether the rule ran for the line.
    public var tried: Bool { outcome != .notTried }
}

/// A rule's finding before (and whatever) the thresholds decided: its rule name, score and evidence.
public struct TraceFinding: Sendable, Hashable {
    /// `exact-reference-unknown-payer`, `combination`, ...: the rule as `matches.csv` would name it.
    public var rule: String
    public var score: Int
    /// False when the rule found several answers or could not prove its answer unique: never applied then.
    public var singleAnswer: Bool
    /// The invoices the finding names, as the export writes their numbers.
    public var invoices: [String]
    public var evidence: [Evidence]
}
