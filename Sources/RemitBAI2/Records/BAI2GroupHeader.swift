import RemitCore

/// The 02 record: one originating bank's accounts for one as-of date.
public struct BAI2GroupHeader: Sendable, Hashable {
    public var ultimateReceiver: String?
    public var originator: String
    /// 1 update, 2 deletion, 3 correction, 4 test only.
    public var status: Int?
    public var asOfDate: CalendarDate?
    public var asOfTime: BAI2Time?
    /// As stated; nil when defaulted (the group is then in the reader's default currency, USD by the spec).
    public var currency: String?
    /// 1 interim previous-day, 2 final previous-day, 3 interim same-day, 4 final same-day.
    public var asOfDateModifier: Int?
    public var location: SourceLocation
}
