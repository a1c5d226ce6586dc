import RemitCore

/// Everything matching considered for one remittance line: each rule in order, and the decision.
public struct LineTrace: Sendable, Hashable {
    public var line: RemittanceLine
    /// How the payer was tied to the export's customers (`payer_match=id`, ...); empty when it was not.
    public var payerMatch: [Evidence]
    /// One step per rule, 0 to 6, in the order rules run.
    public var steps: [RuleStep]
    /// The decision, exactly as `matches.jsonl` writes it.
    public var match: LineMatch

    /// The steps that looked at `exportIndex`, each with the candidate entries for it.
    package func steps(considering exportIndex: Int) -> [RuleStep] {
        steps.filter { step in
            step.lookups.contains { lookup in lookup.candidates.contains { $0.exportIndex == exportIndex } }
        }
    }
}
