import RemitCore

/// The 02 record: one originating bank's accounts for one as-of date.
public struct BAI2GroupHeader: Sendable, Hashable {
    public var ultimateReceiver: String?
    public var originator: String
    /// 1 update, 2 deletion, 3 correction, 4 test only; nil when blank or not a number.
    public var status: Int?
    public var asOfDate: CalendarDate?
    public var asOfTime: BAI2Time?
    /// As stated; nil when defaulted (the group is then in the reader's default currency, USD by the spec).
    public var currency: String?
    /// 1 interim previous-day, 2 final previous-day, 3 interim same-day, 4 final same-day.
    public var asOfDateModifier: Int?
    public var location: SourceLocation

    /// What the status makes of the group; nil for an update, and for a value that is none of the four (read as an
    /// update, with a warning).
    public var bankStatus: BankStatusGroup.Status? {
        switch status {
        case 2: .deletion
        case 3: .correction
        case 4: .testOnly
        default: nil
        }
    }
}
