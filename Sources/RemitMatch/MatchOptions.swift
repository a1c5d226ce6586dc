import RemitCore

/// Settings that change how lines are matched.
public struct MatchOptions: Sendable {
    /// Match a reference to an invoice of another customer when the payer is not a customer the export knows.
    public var allowUnknownPayer: Bool
    /// Trading partners from `mappings/partners/`: the ids and names one customer is known by in remittances
    /// and in the invoice export.
    public var partners: PartnerDirectory

    public init(allowUnknownPayer: Bool = true, partners: PartnerDirectory = PartnerDirectory()) {
        self.allowUnknownPayer = allowUnknownPayer
        self.partners = partners
    }
}
