import RemitCore

/// When the money of a summary or detail becomes available (the funds type and the fields it adds).
///
/// Availability amounts are in the same minor units as the amount they qualify, may be signed, and never
/// count towards control totals.
public enum BAI2Funds: Sendable, Hashable {
    /// `Z` (or a defaulted field): availability unknown.
    case unknown
    /// `0`
    case immediate
    /// `1`
    case oneDay
    /// `2`
    case twoOrMoreDays
    /// `S`: three amounts, available immediately, in one day, in two or more days; any may be defaulted.
    case distributed(immediate: Int64?, oneDay: Int64?, twoOrMoreDays: Int64?)
    /// `V`: available on a value date, at a value time when given.
    case valueDated(date: CalendarDate?, time: BAI2Time?)
    /// `D`: a number of distributions, each an amount available after a number of days.
    case distributedByDays([Distribution])

    public struct Distribution: Sendable, Hashable {
        public var days: Int?
        public var amount: Int64?

        public init(days: Int?, amount: Int64?) {
            self.days = days
            self.amount = amount
        }
    }

    /// The funds type code as BAI2 writes it: `Z`, `0`, `1`, `2`, `S`, `V` or `D`.
    public var code: String {
        switch self {
        case .unknown: return "Z"
        case .immediate: return "0"
        case .oneDay: return "1"
        case .twoOrMoreDays: return "2"
        case .distributed: return "S"
        case .valueDated: return "V"
        case .distributedByDays: return "D"
        }
    }

    /// How many fields follow a funds type code, given its first byte and, for `D`, the number of
    /// distributions; nil when the code is not a funds type.
    static func extraFields(code: UInt8, distributions: Int = 0) -> Int? {
        switch code {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"), UInt8(ascii: "0"), UInt8(ascii: "1"), UInt8(ascii: "2"): return 0
        case UInt8(ascii: "S"), UInt8(ascii: "s"): return 3
        case UInt8(ascii: "V"), UInt8(ascii: "v"): return 2
        case UInt8(ascii: "D"), UInt8(ascii: "d"): return 1 + 2 * distributions
        default: return nil
        }
    }
}
