import RemitCore

/// The 03 record: an account, its currency, and the status and summary figures the bank reports for it.
public struct BAI2AccountIdentifier: Sendable, Hashable {
    /// One type code with its amount, item count and availability.
    public struct Entry: Sendable, Hashable {
        public var typeCode: String
        /// In the currency's minor units; nil when defaulted.
        public var amount: Int64?
        public var itemCount: Int?
        public var funds: BAI2Funds?
        public var location: SourceLocation
    }

    /// As the bank prints it, leading zeros and blanks kept.
    public var account: String
    /// As stated; nil when defaulted (the group's currency applies).
    public var currency: String?
    public var entries: [Entry]
    public var location: SourceLocation
}
