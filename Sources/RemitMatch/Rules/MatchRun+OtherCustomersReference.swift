import RemitCore

extension MatchRun {
    /// After rule 4: a line whose exact reference belongs to another customer is tried once more, by rule 4
    /// alone, against the payer's own open invoices. A number one edit from the reference whose amount agrees
    /// is applied (the payer swapped or mistyped a digit and landed on someone else's invoice); anything less
    /// leaves rule 1's refusal standing, so no weaker rule ever uses such a reference.
    mutating func retryReferencesOfOtherCustomers() {
        for index in referencesOfOtherCustomers where decided[index]?.decision == MatchDecision.none {
            guard let refused = decided[index], var finding = oneEditReference(index), finding.mayApply,
                finding.score >= options.autoApplyScore
            else { continue }
            if let owners = refused.evidence.first(where: { $0.name == "belongs_to" }) {
                finding.evidence.insert(owners, at: 1)
            }
            decided[index] = nil
            conclude(index, finding)
            if decided[index] == nil { decided[index] = refused }
        }
    }
}
