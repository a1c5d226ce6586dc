import Foundation
import Testing

@testable import RemitScenario

/// The scorer: right, wrong, suggested and missing lines, traps, combinations, and files that do not match.
@Suite struct ScenarioScoreTests {
    static func truth(
        _ file: String, _ line: Int, invoices: [String], trap: String? = nil, noise: [String] = []
    ) -> TruthRecord {
        TruthRecord(
            file: file, line: line, column: 0, format: "camt.054", payer: "P", payerID: nil, reference: "R",
            amount: "1.00", invoices: invoices, pays: invoices, noise: noise, trap: trap)
    }

    static func row(_ file: String, _ line: Int, decision: String, invoice: String? = nil, also: [String] = [])
        throws -> MatchRow
    {
        let invoiceJSON = invoice.map { "{\"number\":\"\($0)\"}" } ?? "null"
        let alsoJSON = also.map { "{\"number\":\"\($0)\"}" }.joined(separator: ",")
        let json = """
            {"reference":"R","invoice":\(invoiceJSON),"also_applied_to":[\(alsoJSON)],"rule":"r","score":90,\
            "decision":"\(decision)","evidence":[{"name":"reason","value":"why"}],\
            "source":{"file":"in/\(file)","line":\(line),"column":0}}
            """
        return try JSONDecoder().decode(MatchRow.self, from: Data(json.utf8))
    }

    @Test func countsRightWrongSuggestedAndMissingLines() throws {
        let truth = [
            Self.truth("a.xml", 1, invoices: ["1"]),
            Self.truth("a.xml", 2, invoices: ["2"]),
            Self.truth("a.xml", 3, invoices: ["3", "4"]),
            Self.truth("a.xml", 4, invoices: ["5"]),
            Self.truth("a.xml", 5, invoices: [], trap: "equal-amounts"),
            Self.truth("b.xml", 1, invoices: ["6"]),
        ]
        let matches = [
            try Self.row("a.xml", 1, decision: "applied", invoice: "1"),
            try Self.row("a.xml", 2, decision: "applied", invoice: "9"),
            try Self.row("a.xml", 3, decision: "applied", invoice: "4", also: ["3"]),
            try Self.row("a.xml", 4, decision: "suggested"),
            try Self.row("a.xml", 5, decision: "applied", invoice: "7"),
            try Self.row("c.xml", 1, decision: "none"),
        ]
        let score = ScenarioScore(truth: truth, matches: matches)
        let overall = score.overall
        #expect(overall.lines == 6 && overall.withAnswer == 5)
        #expect(overall.applied == 4 && overall.right == 2 && overall.wrong == 2)
        #expect(overall.suggested == 1 && overall.missing == 1)
        #expect(ScoreTally.percent(overall.precisionBasisPoints) == "50.00 %")
        #expect(ScoreTally.percent(overall.recallBasisPoints) == "40.00 %")
        #expect(score.byTrap.map(\.trap) == ["equal-amounts"] && score.byTrap[0].tally.wrong == 1)
        #expect(score.wrong.map(\.truth.line) == [2, 5])
        #expect(score.unexpected.map(\.fileName) == ["c.xml"])
        #expect(score.misses.map(\.count).reduce(0, +) == 3)
        #expect(score.report.contains("wrong applications: 2"))
    }

    @Test func aCombinationIsRightOnlyWithExactlyItsInvoices() throws {
        let truth = [Self.truth("a.xml", 1, invoices: ["1", "2"]), Self.truth("a.xml", 2, invoices: ["1", "2"])]
        let matches = [
            try Self.row("a.xml", 1, decision: "applied", invoice: "1"),
            try Self.row("a.xml", 2, decision: "applied", invoice: "2", also: ["1", "3"]),
        ]
        let score = ScenarioScore(truth: truth, matches: matches)
        #expect(score.overall.right == 0 && score.overall.wrong == 2)
    }

    @Test func percentagesRoundDownSoAMissIsNeverHidden() {
        #expect(ScoreTally.percent(ScoreTally.basisPoints(19_999, of: 20_000)) == "99.99 %")
        #expect(ScoreTally.percent(ScoreTally.basisPoints(0, of: 0)) == "n/a")
    }
}
