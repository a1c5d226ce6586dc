import RemitCore

/// A 49, 98 or 99 record: the control total and counts the sender computed for what it closes.
public struct BAI2Trailer: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case account = "49"
        case group = "98"
        case file = "99"
    }

    public var kind: Kind
    /// Signed sum of the amounts it closes, in minor units; nil when left blank.
    public var controlTotal: Int64?
    /// Number of accounts (98) or groups (99); nil for 49 or when left out.
    public var childCount: Int?
    /// Number of physical records from the header through this trailer, continuations included.
    public var recordCount: Int?
    public var location: SourceLocation
}
