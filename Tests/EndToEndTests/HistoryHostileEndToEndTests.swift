import Foundation
import Testing

/// `--history` given something other than a history Remit keeps alone: runs sharing one file at the same
/// time, an empty path.
@Suite struct HistoryHostileEndToEndTests {
    /// Results of runs made on several threads at once.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`.
        private var values: [Int: Result<RemitProcess.Result, any Error>] = [:]

        func set(_ index: Int, _ value: Result<RemitProcess.Result, any Error>) {
            lock.withLock { values[index] = value }
        }

        func get(_ index: Int) throws -> RemitProcess.Result {
            try lock.withLock { values[index] }!.get()
        }
    }

    /// Two runs started together on one history, one with a payment and one with the same payment resent:
    /// whichever records first, the other sets the payment aside. Without a lock held from reading the
    /// history to recording in it, both read it empty and both apply the payment.
    @Test func twoRunsAtOnceDoNotBothApplyAResentPayment() throws {
        let folder = try RemitProcess.temporaryDirectory()
        for attempt in 0..<4 {
            let history = folder.appendingPathComponent("history-\(attempt).sqlite3")
            let inputs = [HistoryEndToEndTests.first, HistoryEndToEndTests.resent]
            let outs = (0..<2).map { folder.appendingPathComponent("run-\(attempt)-\($0)") }
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                results.set(
                    index,
                    Result {
                        try HistoryEndToEndTests.reconcile(
                            [inputs[index]], out: outs[index], history: history,
                            runTime: "2026-12-0\(index + 1)T18:00:00Z")
                    })
            }
            for index in 0..<2 {
                let result = try results.get(index)
                #expect(result.status == 0, "run \(index): \(result.stderr)")
            }
            let rules = try outs.map(HistoryEndToEndTests.rules)
            let repeats = rules.filter { $0 == ["duplicate-payment"] }.count
            #expect(repeats == 1, "attempt \(attempt): \(rules)")
        }
    }

    /// An empty `--history` (an unset shell variable) would make SQLite keep a temporary history that is
    /// gone after the run: refused instead.
    @Test func anEmptyHistoryPathIsRefused() throws {
        let folder = try RemitProcess.temporaryDirectory()
        let result = try RemitProcess.run(
            [
                "reconcile", "--invoices", "fixtures/matching/open-items.csv", "--history", "",
                "--out", folder.path, HistoryEndToEndTests.first,
            ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--history needs a value, not an empty one"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path))
    }
}
