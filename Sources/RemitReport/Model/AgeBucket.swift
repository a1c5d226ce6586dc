/// The age groups of open deductions: days from the deduction's date to the run's as-of date.
public enum AgeBucket: String, Sendable, Hashable, CaseIterable {
    /// 30 days or fewer; a date after the as-of date counts here too.
    case upTo30 = "0-30"
    case upTo60 = "31-60"
    case upTo90 = "61-90"
    case over90 = "over-90"
    /// No date to measure from: the payment (or the 812 memo) gave none.
    case undated

    /// The bucket of an age in days; nil (no date) is `undated`.
    public static func of(days: Int?) -> AgeBucket {
        guard let days else { return .undated }
        switch days {
        case ...30: return .upTo30
        case 31...60: return .upTo60
        case 61...90: return .upTo90
        default: return .over90
        }
    }

    /// How a report heading names the bucket: `0–30 days`, `over 90 days`, `undated`.
    public var label: String {
        switch self {
        case .upTo30: "0\u{2013}30 days"
        case .upTo60: "31\u{2013}60 days"
        case .upTo90: "61\u{2013}90 days"
        case .over90: "over 90 days"
        case .undated: "undated"
        }
    }
}
