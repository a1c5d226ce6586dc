/// A group of bank accounts the bank sent as something other than a plain update: a BAI2 02 whose status
/// is 2 (deletion), 3 (correction) or 4 (test only).
///
/// Readers report one through `RecordSink.statusGroupEnded` when the group closes, with every account it
/// listed, so that a consumer can withdraw what the bank sent before for those accounts and that date, even
/// for an account of the group that holds no transaction.
public struct BankStatusGroup: Sendable, Hashable {
    /// What the bank says the group is.
    public enum Status: String, Sendable, Hashable {
        /// The bank withdraws the group it sent before for the same originator, accounts and as-of date.
        case deletion
        /// The group replaces the one the bank sent before for the same originator, accounts and as-of date.
        case correction
        /// Sent to test the link; nothing in it may be posted.
        case testOnly = "test_only"
    }

    public var status: Status
    /// Who originated the group (BAI2 02 field 2), as `Provenance.envelope.groupControl` carries it on the
    /// group's transactions; nil when blank.
    public var originator: String?
    public var asOfDate: CalendarDate?
    /// The accounts of the group's 03 records as the bank printed them, in file order.
    public var accounts: [String]
    /// The group header (the 02 record).
    public var location: SourceLocation

    public init(
        status: Status, originator: String?, asOfDate: CalendarDate?, accounts: [String], location: SourceLocation
    ) {
        self.status = status
        self.originator = originator
        self.asOfDate = asOfDate
        self.accounts = accounts
        self.location = location
    }
}
