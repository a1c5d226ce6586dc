import Foundation
import RemitCore

/// A logger shaped like swift-log's: a level, a short constant message and dotted key=value metadata.
///
/// Each event is one line, written with one `write(2)` so lines from a killed process are never torn or
/// held in a buffer.
package struct WatchLogger: Sendable {
    package var label: String
    package var minimum: LogLevel
    package var format: LogFormat
    /// Where lines go; standard error unless a test collects them.
    package var sink: @Sendable (String) -> Void

    package init(
        label: String = "remit.watch", minimum: LogLevel = .info, format: LogFormat = .text,
        sink: @escaping @Sendable (String) -> Void = WatchLogger.standardError
    ) {
        self.label = label
        self.minimum = minimum
        self.format = format
        self.sink = sink
    }

    package static let standardError: @Sendable (String) -> Void = { line in
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { try? SystemCalls.live.writeAll(2, $0, path: "<stderr>") }
    }

    package func log(_ level: LogLevel, _ message: String, _ metadata: KeyValuePairs<String, String> = [:]) {
        guard level >= minimum else { return }
        sink(line(level, message, Array(metadata), time: Date()))
    }

    package func info(_ message: String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.info, message, metadata)
    }

    package func notice(_ message: String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.notice, message, metadata)
    }

    package func warning(_ message: String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.warning, message, metadata)
    }

    package func error(_ message: String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.error, message, metadata)
    }

    package func debug(_ message: String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.debug, message, metadata)
    }

    /// One formatted line, without its newline.
    package func line(_ level: LogLevel, _ message: String, _ metadata: [(key: String, value: String)], time: Date)
        -> String
    {
        let stamp = Self.timestamp(time)
        switch format {
        case .text:
            var text = "\(stamp) \(level.rawValue) \(label): \(message)"
            for (key, value) in metadata { text += " \(key)=\(Self.quotedIfNeeded(value))" }
            return text
        case .json:
            var writer = JSONWriter()
            writer.beginObject()
            writer.field("time", stamp)
            writer.field("level", level.rawValue)
            writer.field("label", label)
            writer.field("message", message)
            for (key, value) in metadata {
                writer.key(key)
                // Counts and durations are numbers for a log shipper to add up and compare.
                if Self.numericKeys.contains(key), let number = Int(value) {
                    writer.integer(number)
                } else {
                    writer.string(value)
                }
            }
            writer.endObject()
            return String(decoding: writer.bytes, as: UTF8.self)
        }
    }

    /// Metadata keys whose values are counts or durations, written as JSON numbers.
    static let numericKeys: Set<String> = [
        "records", "errors", "duration_ms", "processed", "failed", "duplicates", "quarantined", "timeout.seconds",
    ]

    /// A value with spaces, quotes, `=` or control characters is quoted so a line splits unambiguously.
    static func quotedIfNeeded(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "\"" && $0 != "=" }
        if plain { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `2026-12-04T08:30:00.123Z`, UTC, milliseconds.
    static func timestamp(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(millis / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = String(1000 + millis % 1000).dropFirst()
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
