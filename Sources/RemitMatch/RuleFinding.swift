/// What one match rule found for one line, before the thresholds decide whether it is applied.
struct RuleFinding {
    var rule: String
    /// 0–100.
    var score: Int
    /// False when the rule found several answers or could not prove its answer unique: then it is at most
    /// suggested, whatever the score.
    var mayApply: Bool
    /// Export indices of the invoices found; for a combination, all members in export order.
    var invoices: [Int]
    var evidence: [Evidence]
    /// Why the finding is only suggested, when the rule knows better than "score under the threshold".
    var note: String? = nil
}
