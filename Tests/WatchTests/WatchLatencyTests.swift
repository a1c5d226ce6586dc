import Foundation
import Testing

@testable import RemitWatch

/// Measures how long a small file takes from being closed in the inbox to its report being complete.
///
/// The figure is printed; the test fails only far above the 200 ms target, since CI machines are shared.
/// Run it against a release build for the README figure: `bench/watch-speed.sh`.
@Suite(.serialized) struct WatchLatencyTests {
    static let samples = Int(ProcessInfo.processInfo.environment["REMIT_WATCH_SAMPLES"] ?? "") ?? 15

    @Test func aSmallFileIsReportedQuickly() throws {
        let harness = try WatchHarness()
        try harness.start()
        #expect(harness.waitUntil { harness.log.contains("watching") })
        var latencies: [Double] = []
        for index in 0..<Self.samples {
            let name = "lat-\(index).820"
            let started = Date()
            try harness.drop(name, Sample820.bytes(5000 + index))
            let report = harness.out.appendingPathComponent(name + "/report.html").path
            #expect(harness.waitUntil(seconds: 10) { FileManager.default.fileExists(atPath: report) })
            latencies.append(Date().timeIntervalSince(started) * 1000)
            usleep(20_000)
        }
        #expect(harness.stop() == 0)
        let median = latencies.sorted()[latencies.count / 2]
        print(
            "remit watch latency: median \(Int(median)) ms over \(latencies.count) files, "
                + "max \(Int(latencies.max() ?? 0)) ms"
        )
        #expect(median < 1000)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["REMIT_WATCH_THROUGHPUT"] != nil))
    func aThousandFilesDroppedAtOnce() throws {
        let count = Int(ProcessInfo.processInfo.environment["REMIT_WATCH_THROUGHPUT"] ?? "") ?? 1000
        let workers = ProcessInfo.processInfo.environment["REMIT_WATCH_WORKERS"] ?? "1"
        let harness = try WatchHarness()
        try harness.start(["--workers", workers])
        #expect(harness.waitUntil { harness.log.contains("watching") })
        let staging = harness.root.appendingPathComponent("burst")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for index in 0..<count {
            try Data(Sample820.bytes(20_000 + index)).write(to: staging.appendingPathComponent("b-\(index).820"))
        }
        let started = Date()
        for index in 0..<count {
            rename(
                staging.appendingPathComponent("b-\(index).820").path,
                harness.inbox.appendingPathComponent("b-\(index).820").path)
        }
        #expect(
            harness.waitUntil(seconds: 600, every: 200_000) {
                ((try? FileManager.default.contentsOfDirectory(
                    atPath: harness.inbox.appendingPathComponent("processed").path))?
                    .count ?? 0) == count
            })
        let seconds = Date().timeIntervalSince(started)
        #expect(harness.stop() == 0)
        let durations = harness.log.split(separator: " ").filter { $0.hasPrefix("duration_ms=") }.compactMap {
            Int($0.dropFirst("duration_ms=".count).prefix { $0.isNumber })
        }.sorted()
        if !durations.isEmpty {
            print("remit watch per-file time in the service: median \(durations[durations.count / 2]) ms")
        }
        print(
            "remit watch throughput (--workers \(workers)): \(count) files in \(String(format: "%.1f", seconds)) s = "
                + "\(String(format: "%.1f", Double(count) / seconds)) files/s"
        )
    }
}
