/// A BAI time of day: `HHMM` from 0000 to 2400, where 2400 (and the 9999 some banks send) means the end of
/// the day. A clock form `HH:MM` or `HH:MM:SS`, seen from at least one UK bank, is accepted too.
public enum BAI2Time: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after midnight, 0 through 1439, and the seconds when the file gave them.
    case clock(minutes: Int, seconds: Int?)
    /// 2400 or 9999: the end of the date, not the next day's midnight.
    case endOfDay

    /// Reads the time's text; nil when it is none of the accepted forms.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) -> BAI2Time? where Bytes.Element == UInt8 {
        let text = Array(bytes)
        switch text.count {
        case 4:
            guard let value = BAI2Number.digits(text[...]) else { return nil }
            if value == 2400 || value == 9999 { return .endOfDay }
            return clock(hours: value / 100, minutes: value % 100, seconds: nil)
        case 5, 8:
            guard text[2] == UInt8(ascii: ":"), let hours = BAI2Number.digits(text[0..<2]),
                let minutes = BAI2Number.digits(text[3..<5])
            else { return nil }
            var seconds: Int?
            if text.count == 8 {
                guard text[5] == UInt8(ascii: ":"), let value = BAI2Number.digits(text[6..<8]), value < 60 else {
                    return nil
                }
                seconds = value
            }
            if hours == 24 && minutes == 0 && (seconds ?? 0) == 0 { return .endOfDay }
            return clock(hours: hours, minutes: minutes, seconds: seconds)
        default:
            return nil
        }
    }

    private static func clock(hours: Int, minutes: Int, seconds: Int?) -> BAI2Time? {
        guard hours < 24, minutes < 60 else { return nil }
        return .clock(minutes: hours * 60 + minutes, seconds: seconds)
    }

    /// `HH:MM`, `HH:MM:SS`, or `end of day`.
    public var description: String {
        switch self {
        case .endOfDay: return "end of day"
        case .clock(let minutes, let seconds):
            func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            let base = pad(minutes / 60) + ":" + pad(minutes % 60)
            return seconds.map { base + ":" + pad($0) } ?? base
        }
    }
}
