import Foundation
import Testing

@testable import RemitWatch

/// Kills `remit watch` with SIGKILL at random moments while feeding it files, restarts it, and checks that
/// the end state is what one uninterrupted run gives.
///
/// `REMIT_WATCH_KILLS` sets the number of kills (50 by default; `bench/watch-crash.sh` runs 500).
@Suite(.serialized) struct WatchCrashTests {
    static var kills: Int { Int(ProcessInfo.processInfo.environment["REMIT_WATCH_KILLS"] ?? "") ?? 50 }

    /// The files fed in one round: two originals `f-NNNN.820`, and every fifth round a copy of an earlier
    /// original named `g-NNNN.820`, which sorts after every original.
    static func batch(_ round: Int) -> [(name: String, bytes: [UInt8])] {
        var files = (0..<2).map { part in
            (
                name: "f-\(String(round * 2 + part + 10_000).dropFirst()).820",
                bytes: Sample820.bytes(1000 + round * 2 + part)
            )
        }
        if round % 5 == 4 {
            files.append(
                (name: "g-\(String(round + 10_000).dropFirst()).820", bytes: Sample820.bytes(1000 + round * 2 - 5)))
        }
        return files
    }

    @Test func everyInputIsProcessedExactlyOnceAcrossRandomKills() throws {
        let harness = try WatchHarness()
        var generator = SystemRandomNumberGenerator()
        var fed: [(name: String, bytes: [UInt8])] = []
        var interrupted = 0
        for round in 0..<Self.kills {
            // Two workers in the killed runs, one in the reference: the outputs must not depend on it.
            try harness.start(["--workers", "2"])
            for file in Self.batch(round) {
                try harness.moveIn(file.name, file.bytes)
                fed.append(file)
            }
            // Up to 100 ms: sometimes during start-up, often in the middle of a file.
            usleep(UInt32.random(in: 0..<100_000, using: &generator))
            #expect(harness.stop(SIGKILL) == 128 + SIGKILL)
            if harness.exists("out/ledger.sqlite3"), try !harness.ledger().unfinished().isEmpty { interrupted += 1 }
        }
        print(
            "remit watch crash test: \(Self.kills) kills, \(interrupted) with a file between steps, \(fed.count) files")
        // Some kills must land between two steps of a file, or the test proves nothing.
        #expect(interrupted > 0)
        try harness.start(["--once"])
        #expect(harness.waitForExit() == 0, "log: \(harness.log.suffix(2000))")

        // Nothing lost, nothing twice: every fed name is in exactly one of the folders, none left in the inbox.
        #expect(harness.names(in: "").isEmpty)
        let processed = harness.names(in: "processed")
        let duplicates = harness.names(in: "duplicates")
        #expect(harness.names(in: "failed").isEmpty && harness.names(in: "quarantine").isEmpty)
        #expect((processed + duplicates).sorted() == fed.map(\.name).sorted())
        #expect(processed.allSatisfy { $0.hasPrefix("f-") } && duplicates.allSatisfy { $0.hasPrefix("g-") })

        // The ledger agrees with the folders.
        let ledger = try harness.ledger()
        let entries = try ledger.entries()
        #expect(entries.count == processed.count)
        #expect(Set(entries.compactMap(\.sha256)).count == entries.count)
        for entry in entries {
            #expect(entry.state == .done && entry.outcome == .processed, "\(entry)")
            #expect(entry.destination == "processed/" + entry.name)
            #expect(entry.outputs.count == WatchInboxTests.outputs.count)
            for output in entry.outputs { #expect(harness.exists("out/" + output)) }
        }
        #expect(try ledger.duplicates().map(\.name).sorted() == duplicates)

        // No partial output: no hidden work folders left, and each folder is byte for byte what an
        // uninterrupted run over the same files writes.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.out.path).filter {
            $0.hasPrefix(".") && $0 != ".staging"
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let reference = try WatchHarness()
        for file in fed { try reference.drop(file.name, file.bytes) }
        try reference.start(["--once"])
        #expect(reference.waitForExit() == 0)
        for entry in entries {
            for output in entry.outputs {
                let crashed = try Data(contentsOf: harness.out.appendingPathComponent(output))
                let clean = try Data(contentsOf: reference.out.appendingPathComponent(output))
                #expect(crashed == clean, "\(output) differs from an uninterrupted run")
            }
        }
    }
}
