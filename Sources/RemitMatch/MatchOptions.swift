/// Settings that change how lines are matched.
public struct MatchOptions: Sendable, Hashable {
    /// Match a reference to an invoice of another customer when the payer is not a customer the export knows.
    public var allowUnknownPayer: Bool

    public init(allowUnknownPayer: Bool = true) {
        self.allowUnknownPayer = allowUnknownPayer
    }
}
