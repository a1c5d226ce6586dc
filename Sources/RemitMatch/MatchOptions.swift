import RemitCore

/// Settings that change how lines are matched.
public struct MatchOptions: Sendable {
    /// Match a reference to an invoice of another customer when the payer is not a customer the export knows.
    public var allowUnknownPayer: Bool
    /// Trading partners from `mappings/partners/`: the ids and names one customer is known by in remittances
    /// and in the invoice export, and each partner's `matching.json`.
    public var partners: PartnerDirectory
    /// Settings for payers whose partner has no `matching.json` (no clean-up, no tolerance, no grace days).
    public var defaults: PartnerMatchingSettings
    /// A rule's finding with at least this score, and a single answer, is applied.
    public var autoApplyScore: Int
    /// A finding under `autoApplyScore` with at least this score is reported as a suggestion.
    public var suggestScore: Int
    /// How alike (0–100) a payer's name must be to one export customer's for the payer to be taken as that
    /// customer when ids, names and partner files do not say.
    public var nameSimilarityThreshold: Int
    /// Most invoices in one combination.
    public var combinationMaxSetSize: Int
    /// Most search steps for one line's combination search; past it the search stops and nothing is applied.
    public var combinationMaxSteps: Int
    /// Most open invoices of one payer a combination search considers; with more, nothing is applied.
    public var combinationMaxCandidates: Int
    /// Payments read by earlier runs (from the run history): one read again is set aside, not applied twice.
    public var earlierPayments = EarlierPayments()
    /// The company's payment-term keys (`mappings/payment-terms/`), for exports that give a key, not terms.
    public var paymentTerms = PaymentTermsTable()

    public init(
        allowUnknownPayer: Bool = true, partners: PartnerDirectory = PartnerDirectory(),
        defaults: PartnerMatchingSettings = PartnerMatchingSettings(), autoApplyScore: Int = 85,
        suggestScore: Int = 50, nameSimilarityThreshold: Int = 85, combinationMaxSetSize: Int = 5,
        combinationMaxSteps: Int = 200_000, combinationMaxCandidates: Int = 60
    ) {
        self.allowUnknownPayer = allowUnknownPayer
        self.partners = partners
        self.defaults = defaults
        self.autoApplyScore = autoApplyScore
        self.suggestScore = suggestScore
        self.nameSimilarityThreshold = nameSimilarityThreshold
        self.combinationMaxSetSize = combinationMaxSetSize
        self.combinationMaxSteps = combinationMaxSteps
        self.combinationMaxCandidates = combinationMaxCandidates
    }

    /// The thresholds and bounds as `name=value`, for the run manifest.
    public var manifestOptions: [String] {
        [
            "match-auto-apply-score=\(autoApplyScore)", "match-suggest-score=\(suggestScore)",
            "match-name-similarity=\(nameSimilarityThreshold)",
            "match-combination-max-set-size=\(combinationMaxSetSize)",
            "match-combination-max-steps=\(combinationMaxSteps)",
            "match-combination-max-candidates=\(combinationMaxCandidates)",
        ]
    }

    /// The matching settings of the payer's partner, or `defaults`.
    func settings(for payer: Party) -> PartnerMatchingSettings {
        partners.partner(for: payer)?.matching ?? defaults
    }
}
