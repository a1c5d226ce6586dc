import RemitCore

/// The 16 record: one transaction on the account, with the text of the 88 records that continue it.
public struct BAI2Detail: Sendable, Hashable {
    public var typeCode: String
    /// In the currency's minor units; nil when defaulted (non-monetary 890 details).
    public var amount: Int64?
    public var funds: BAI2Funds?
    public var bankReference: String?
    public var customerReference: String?
    /// Text segments joined by one space, each without the `/` and blanks that close it; nil when none.
    public var text: String?
    public var location: SourceLocation
}
