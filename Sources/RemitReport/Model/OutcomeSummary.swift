import RemitCore
import RemitMatch

/// Lines with one match outcome: how many, and their money per currency.
public struct OutcomeSummary: Sendable, Hashable {
    public var outcome: MatchOutcome
    public var count: Int
    public var paid: [Money]
    public var applied: [Money]
    public var unapplied: [Money]
    /// What the lines' payers deducted: stated deductions, unearned discounts and unexplained differences,
    /// which are the deductions of the register on these lines.
    public var deducted: [Money]

    public init(
        outcome: MatchOutcome, count: Int, paid: [Money], applied: [Money], unapplied: [Money],
        deducted: [Money]
    ) {
        self.outcome = outcome
        self.count = count
        self.paid = paid
        self.applied = applied
        self.unapplied = unapplied
        self.deducted = deducted
    }

    /// One summary per outcome, in `MatchOutcome.allCases` order, including outcomes no line had.
    public static func summarize(_ matches: [LineMatch]) -> [OutcomeSummary] {
        MatchOutcome.allCases.map { outcome in
            var count = 0
            var paid = MoneyTotals()
            var applied = MoneyTotals()
            var unapplied = MoneyTotals()
            var deducted = MoneyTotals()
            for match in matches where match.outcome == outcome {
                count += 1
                paid.add(match.line.amountPaid)
                applied.add(match.applied)
                unapplied.add(match.unapplied)
                deducted.add(match.statedDeductions)
                deducted.add(match.unearnedDiscount)
                deducted.add(match.unexplained)
            }
            return OutcomeSummary(
                outcome: outcome, count: count, paid: paid.values, applied: applied.values,
                unapplied: unapplied.values, deducted: deducted.values)
        }
    }
}
