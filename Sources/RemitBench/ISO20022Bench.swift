import Foundation
import RemitCore
import RemitISO20022

/// Reader-only throughput of the ISO 20022 reader: records are counted, not kept or written.
///
/// `main.swift` dispatches `remit-bench iso20022 [--single-thread] FILE` here. Generate an input with
/// `remit-bench generate camt054 500000000 FILE`; `bench/iso20022.sh` runs this next to `xmllint --stream`.
enum ISO20022Bench {
    /// Counts what the reader emits.
    struct CountingSink: RecordSink {
        var records = 0
        var diagnostics = 0
        var deductions = 0

        mutating func emit(_ record: CanonicalRecord) {
            records += 1
            if case .deduction = record { deductions += 1 }
        }

        mutating func report(_ diagnostic: Diagnostic) { diagnostics += 1 }
    }

    /// Reads `arguments[0]` once and prints bytes, time, MB/s, record counts and peak RSS.
    ///
    /// - Returns: the process exit code: 0, or 64 without a file argument.
    static func run(arguments: [String]) -> Int32 {
        let singleThread = arguments.contains("--single-thread")
        guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
            print("usage: remit-bench iso20022 [--single-thread] FILE")
            return 64
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var sink = CountingSink()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            var reader = ISO20022Reader(file: path, idPrefix: "bench", crosswalk: ReasonCrosswalk())
            reader.usesReadingThread = !singleThread
            reader.read(into: &sink)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(size) / 1_000_000
        print(
            "iso20022 \(path): \(size) bytes in \(String(format: "%.2f", seconds)) s = "
                + "\(String(format: "%.1f", megabytes / seconds)) MB/s; \(sink.records) records "
                + "(\(sink.deductions) deductions), \(sink.diagnostics) diagnostics; peak RSS \(peakRSS())")
        return 0
    }

    /// `VmHWM` from `/proc/self/status`, the process's peak resident set.
    static func peakRSS() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
