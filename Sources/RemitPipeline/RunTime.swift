import Foundation

/// The time recorded in a run's manifest.
///
/// Reports must be reproducible, so the time can be pinned: `--run-time 2026-12-03T10:00:00Z`, or the
/// `SOURCE_DATE_EPOCH` environment variable (seconds since 1970), as reproducible-build tools use it.
public enum RunTime {
    public enum Failure: Error, CustomStringConvertible {
        case badOption(String)
        case badEpoch(String)

        public var description: String {
            switch self {
            case .badOption(let text):
                return "--run-time '\(text)' is not an ISO 8601 UTC time like 2026-12-03T10:00:00Z"
            case .badEpoch(let text): return "SOURCE_DATE_EPOCH '\(text)' is not a whole number of seconds"
            }
        }
    }

    public static func resolve(option: String?, environment: [String: String], now: Date = Date()) throws -> String {
        if let option {
            guard let date = ISO8601DateFormatter().date(from: option) else { throw Failure.badOption(option) }
            return format(date)
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch) else { throw Failure.badEpoch(epoch) }
            return format(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        return format(now)
    }

    /// The key a run's rows carry in the run history (`--history`), which tells a rerun from a resend: a run
    /// whose time was pinned (`--run-time` or `SOURCE_DATE_EPOCH`) is keyed by it, so running it again replaces
    /// its own rows. Otherwise the key is the clock to the nanosecond: two runs in the same second (a script
    /// reconciling files back to back) are two runs, and a file the second reads again is a resend.
    public static func historyKey(option: String?, environment: [String: String], runTime: String) -> String {
        guard option == nil, environment["SOURCE_DATE_EPOCH"] == nil else { return runTime }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let seconds = format(Date(timeIntervalSince1970: TimeInterval(now.tv_sec)))
        let nanos = String(now.tv_nsec)
        return seconds.dropLast() + "." + String(repeating: "0", count: max(0, 9 - nanos.count)) + nanos + "Z"
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
