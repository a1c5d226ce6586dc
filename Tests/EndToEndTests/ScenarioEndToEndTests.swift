import Foundation
import RemitScenario
import Testing

/// The built `remit reconcile` on a generated moderate-noise scenario, against the export in every shipped
/// layout: the matching goal of automatic application (precision at least 99.9 %, recall at least 97 %)
/// and no trap applied wrongly.
@Suite struct ScenarioEndToEndTests {
    /// Written once for all layouts; the seed was fixed before the scenario was first run.
    static let directory: URL = {
        let directory = try! RemitProcess.temporaryDirectory()
        try! Scenario(noise: .moderate, seed: 2026, invoices: 1_500).write(to: directory.path)
        return directory
    }()

    @Test(arguments: ScenarioExportLayout.allCases)
    func moderateNoiseMeetsTheMatchingGoal(_ layout: ScenarioExportLayout) throws {
        let directory = Self.directory
        let remittances = directory.appendingPathComponent("remittances")
        let files = try FileManager.default.contentsOfDirectory(atPath: remittances.path).sorted()
        let out = directory.appendingPathComponent("out-" + layout.rawValue)
        let result = try RemitProcess.run(
            [
                "reconcile", "--invoices", directory.appendingPathComponent(layout.fileName).path, "--invoice-layout",
                layout.rawValue, "--run-time", "2026-12-05T00:00:00Z", "--out", out.path,
            ] + files.map { remittances.appendingPathComponent($0).path })
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains(": error:"), "\(result.stderr)")

        let score = try ScenarioScore(
            truthPath: directory.appendingPathComponent("truth.jsonl").path,
            matchesPath: out.appendingPathComponent("matches.jsonl").path)
        let overall = score.overall
        #expect(overall.missing == 0 && score.unexpected.isEmpty, "every line scored: \(score.report)")
        #expect(overall.applied > 800)
        // precision >= 99.9 % and recall >= 97 %, in whole numbers
        #expect(overall.right * 1000 >= overall.applied * 999, "\(score.report)")
        #expect(overall.right * 100 >= overall.withAnswer * 97, "\(score.report)")
        for (trap, tally) in score.byTrap {
            #expect(tally.lines > 0 && tally.wrong == 0, "trap \(trap): \(score.report)")
        }
        #expect(Set(score.byTrap.map(\.trap)).count == 5)
    }
}
