import Foundation
import Testing

/// Compares a run's output files with golden copies under `fixtures/`.
///
/// Set `REMIT_RECORD_GOLDEN=1` to re-record them after a deliberate change, then review the diff.
enum GoldenFiles {
    static func check(
        _ names: [String], in out: URL, against folder: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let expected = RemitProcess.packageRoot.appendingPathComponent(folder)
        let record = ProcessInfo.processInfo.environment["REMIT_RECORD_GOLDEN"] == "1"
        if record { try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true) }
        for name in names {
            let actual = try Data(contentsOf: out.appendingPathComponent(name))
            let golden = expected.appendingPathComponent(name)
            if record {
                try actual.write(to: golden)
                continue
            }
            let wanted = try Data(contentsOf: golden)
            #expect(actual == wanted, "\(name) differs from \(folder)/\(name)", sourceLocation: sourceLocation)
        }
    }
}
