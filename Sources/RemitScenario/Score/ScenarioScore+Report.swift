extension ScenarioScore {
    /// The scorer's printout: a table per format and overall, traps, noise kinds, every wrong application,
    /// and the misses grouped by what Remit decided.
    package var report: String {
        var text = "format       lines  answer  applied  right  wrong  suggested  missing  precision  recall\n"
        for (format, tally) in byFormat { text += row(format, tally) }
        text += row("overall", overall)
        text += "\ntraps        lines  answer  applied  right  wrong  suggested  missing\n"
        for (trap, tally) in byTrap { text += row(trap, tally, rates: false) }
        text += "\nnoise kind                        lines  answer  applied  right  wrong  suggested  recall\n"
        for (kind, tally) in byNoise.sorted(by: { $0.kind < $1.kind }) {
            text += pad(kind, 32) + number(tally.lines, 7) + number(tally.withAnswer, 8) + number(tally.applied, 9)
            text += number(tally.right, 7) + number(tally.wrong, 7) + number(tally.suggested, 11)
            text += "  " + ScoreTally.percent(tally.recallBasisPoints) + "\n"
        }
        let wrongLines = wrong
        text += "\nwrong applications: \(wrongLines.count)\n"
        for line in wrongLines { text += "  " + describe(line) + "\n" }
        let missed = misses
        text += "\nlines with an answer not applied rightly: \(missed.reduce(0) { $0 + $1.count })\n"
        for (what, count) in missed { text += "  \(count)  \(what)\n" }
        if !unexpected.isEmpty {
            text += "\nrows of matches.jsonl no truth line names: \(unexpected.count) (first: "
            text += "\(unexpected[0].fileName):\(unexpected[0].source.line))\n"
        }
        return text
    }

    /// One line: where, what was sent, what Remit did and what was true.
    func describe(_ line: Line) -> String {
        let truth = line.truth
        var text = "\(truth.file):\(truth.line) \(truth.format) payer '\(truth.payer)' reference '\(truth.reference)' "
        text += "paid \(truth.amount): "
        if let match = line.match {
            text += "applied to \(match.appliedTo.joined(separator: "+")) by \(match.rule) (\(match.score))"
        }
        text += "; truth " + (truth.invoices.isEmpty ? "none" : truth.invoices.joined(separator: "+"))
        if !truth.invoices.elementsEqual(truth.pays) { text += " (pays " + truth.pays.joined(separator: "+") + ")" }
        let kinds = truth.noise + (truth.trap.map { ["trap " + $0] } ?? [])
        if !kinds.isEmpty { text += " [" + kinds.joined(separator: ", ") + "]" }
        return text
    }

    private func row(_ label: String, _ tally: ScoreTally, rates: Bool = true) -> String {
        var text = pad(label, 11) + number(tally.lines, 7) + number(tally.withAnswer, 8) + number(tally.applied, 9)
        text += number(tally.right, 7) + number(tally.wrong, 7) + number(tally.suggested, 11)
        text += number(tally.missing, 9)
        if rates {
            text += "  " + pad(ScoreTally.percent(tally.precisionBasisPoints), 9)
            text += "  " + ScoreTally.percent(tally.recallBasisPoints)
        }
        return text + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    private func number(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(1, width - text.count)) + text
    }
}
