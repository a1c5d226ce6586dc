import RemitCore

/// A deduction still open after the run, with the date its age is measured from.
public struct OpenDeduction: Sendable, Hashable {
    /// Where the date came from.
    public enum DateSource: String, Sendable, Hashable {
        /// The date of the payment the deduction came with (X12 BPR16, ISO 20022 booking or value date, ACH
        /// effective date).
        case payment
        /// The date of the 812 memo that announced it (BCD01), for a memo no payment has taken yet.
        case memo
        /// Neither gave a date.
        case none
    }

    public var deduction: Deduction
    public var date: CalendarDate?
    public var dateSource: DateSource
    /// Days from `date` to the as-of date; negative for a date after it, nil without a date.
    public var ageDays: Int?
    public var bucket: AgeBucket

    public init(deduction: Deduction, date: CalendarDate?, dateSource: DateSource, asOf: CalendarDate?) {
        self.deduction = deduction
        self.date = date
        self.dateSource = date == nil ? .none : dateSource
        if let date, let asOf {
            ageDays = CalendarDate.days(from: date, to: asOf)
        } else {
            ageDays = nil
        }
        bucket = AgeBucket.of(days: ageDays)
    }
}
