import Foundation

/// Scores what `remit reconcile` wrote in `matches.jsonl` against a scenario's `truth.jsonl`.
///
/// A truth line and a match row are the same remittance line when their file names (without folders),
/// source lines and columns agree. Precision is applied-right out of applied; recall is applied-right out of lines with
/// an answer. An application to any other invoice set, or to anything for a line that must not be applied,
/// is wrong.
package struct ScenarioScore: Sendable {
    package struct Line: Sendable {
        package var truth: TruthRecord
        /// Nil when Remit wrote no row for this line.
        package var match: MatchRow?

        package var isApplied: Bool { match?.decision == "applied" }
        package var isRight: Bool {
            guard let match, isApplied, !truth.invoices.isEmpty else { return false }
            return Set(match.appliedTo) == Set(truth.invoices) && match.appliedTo.count == truth.invoices.count
        }
        package var isWrong: Bool { isApplied && !isRight }

        var tally: ScoreTally {
            var tally = ScoreTally()
            tally.lines = 1
            tally.withAnswer = truth.invoices.isEmpty ? 0 : 1
            tally.applied = isApplied ? 1 : 0
            tally.right = isRight ? 1 : 0
            tally.wrong = isWrong ? 1 : 0
            tally.suggested = match?.decision == "suggested" ? 1 : 0
            tally.missing = match == nil ? 1 : 0
            return tally
        }
    }

    package var lines: [Line]
    /// Rows of `matches.jsonl` no truth line names (a scenario and a run that do not belong together).
    package var unexpected: [MatchRow]

    package init(truth: [TruthRecord], matches: [MatchRow]) {
        var byKey: [String: Int] = [:]
        for (index, row) in matches.enumerated() {
            byKey[Self.key(row.fileName, row.source.line, row.source.column ?? 0)] = index
        }
        var used = Set<Int>()
        lines = truth.map { record in
            let index = byKey[Self.key(record.file, record.line, record.column)]
            if let index { used.insert(index) }
            return Line(truth: record, match: index.map { matches[$0] })
        }
        unexpected = matches.indices.filter { !used.contains($0) }.map { matches[$0] }
    }

    static func key(_ file: String, _ line: Int, _ column: Int) -> String { "\(file):\(line):\(column)" }

    /// Reads both files.
    ///
    /// - Throws: `ScenarioScoreError` naming the file and line that cannot be read.
    package init(truthPath: String, matchesPath: String) throws {
        let truth: [TruthRecord] = try Self.readLines(truthPath)
        let matches: [MatchRow] = try Self.readLines(matchesPath)
        self.init(truth: truth, matches: matches)
    }

    static func readLines<Row: Decodable>(_ path: String) throws -> [Row] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScenarioScoreError(path: path, line: 0, message: "cannot be read: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var rows: [Row] = []
        for (number, text) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where !text.isEmpty {
            do {
                rows.append(try decoder.decode(Row.self, from: Data(text)))
            } catch {
                throw ScenarioScoreError(path: path, line: number + 1, message: "not a row the scorer knows: \(error)")
            }
        }
        return rows
    }

    package var overall: ScoreTally { tally(lines) }

    /// One tally per format, in the order formats first appear in the truth file.
    package var byFormat: [(format: String, tally: ScoreTally)] {
        grouped { [$0.truth.format] }
    }

    /// One tally per noise kind (a line with two kinds counts under both), and `clean` for lines with none.
    package var byNoise: [(kind: String, tally: ScoreTally)] {
        grouped { $0.truth.noise.isEmpty ? ["clean"] : $0.truth.noise }
    }

    /// One tally per trap kind.
    package var byTrap: [(trap: String, tally: ScoreTally)] {
        grouped { $0.truth.trap.map { [$0] } ?? [] }
    }

    package var wrong: [Line] { lines.filter(\.isWrong) }

    /// Lines with an answer that were not applied rightly, counted by what Remit decided and why.
    package var misses: [(what: String, count: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines where !line.truth.invoices.isEmpty && !line.isRight {
            let what: String
            if let match = line.match {
                what = "\(match.decision) by \(match.rule)" + (match.reason.map { ": " + $0 } ?? "")
            } else {
                what = "no row in matches.jsonl"
            }
            if counts[what] == nil { order.append(what) }
            counts[what, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.sorted {
            $0.count > $1.count || ($0.count == $1.count && $0.what < $1.what)
        }
    }

    private func tally(_ selected: [Line]) -> ScoreTally {
        var total = ScoreTally()
        for line in selected { total.add(line.tally) }
        return total
    }

    private func grouped(_ keys: (Line) -> [String]) -> [(String, ScoreTally)] {
        var order: [String] = []
        var tallies: [String: ScoreTally] = [:]
        for line in lines {
            for key in keys(line) {
                if tallies[key] == nil { order.append(key) }
                tallies[key, default: ScoreTally()].add(line.tally)
            }
        }
        return order.map { ($0, tallies[$0]!) }
    }
}

/// A truth or matches file that cannot be read.
package struct ScenarioScoreError: Error, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var message: String

    package var description: String { "\(path):\(line): error: \(message)" }
}
