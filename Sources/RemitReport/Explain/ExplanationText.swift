import RemitCore
import RemitMatch

/// The text `remit explain` prints: for each line asked about, every rule in order with what it looked at and
/// why, then the decision; for an invoice, every line that looked at it.
///
/// Values from the inputs are printed as read, except control characters (a reference could carry a terminal
/// escape or a line break), which are shown as U+FFFD so each printed line stays one line of the trace.
public enum ExplanationText {
    /// The whole explanation, ending with a line break.
    public static func render(_ trace: MatchTrace) -> String {
        var out = Lines()
        if !trace.invoices.isEmpty {
            for (number, invoice) in trace.invoices.enumerated() {
                if number > 0 { out.add("") }
                invoiceSection(invoice, trace, into: &out)
            }
            return out.text
        }
        out.add(
            "Rules run in order, 0 to 6; a finding with one answer scoring at least \(trace.autoApplyScore) is "
                + "applied, one scoring at least \(trace.suggestScore) is suggested (see docs/matching.md).")
        for traced in trace.lines {
            out.add("")
            lineSection(traced, into: &out)
        }
        return out.text
    }

    private static func lineSection(_ traced: LineTrace, into out: inout Lines) {
        let line = traced.line
        out.add("Remittance line \(line.id)")
        var facts = "  reference \(quoted(line.reference))"
        if let qualifier = line.referenceQualifier { facts += " (\(qualifier))" }
        facts += ", normalized \(quoted(line.normalizedReference)); paid \(line.amountPaid)"
        if let discount = line.discountTaken { facts += ", discount taken \(discount)" }
        out.add(facts + "; payment \(line.paymentID)")
        out.add(
            "  payer \(payer(line.payer)); "
                + (traced.payerMatch.isEmpty
                    ? "tied to no customer of the export"
                    : "tied to the export's customers by " + listed(traced.payerMatch)))
        out.add("  from \(describe(line.provenance.location))")
        for step in traced.steps {
            var heading = "  \(step.number) \(step.rule): \(describe(step.outcome))"
            if let finding = step.finding, step.tried { heading += " " + describe(finding) }
            out.add(heading + (step.note.isEmpty ? "" : ". \(step.note)"))
            for lookup in step.lookups {
                out.add(
                    "      \(lookup.key): "
                        + (lookup.candidates.isEmpty ? "no invoice" : counted(lookup.candidates.count, "invoice")))
                for candidate in lookup.candidates { out.add("        " + describe(candidate)) }
            }
            // A deciding step's evidence is the decision's, printed once below.
            if let finding = step.finding, step.outcome == .belowSuggestScore {
                out.add("      evidence: " + listed(finding.evidence))
            }
        }
        out.add("  Decision: " + decision(traced.match))
        out.add("    evidence: " + listed(traced.match.evidence))
    }

    private static func invoiceSection(_ invoice: MatchTrace.TracedInvoice, _ trace: MatchTrace, into out: inout Lines)
    {
        let found = invoice.invoice
        out.add("Invoice \(found.number)" + (customer(found).map { ", customer \($0)" } ?? ""))
        out.add(
            "  open in the export \(found.openAmount); after the run \(invoice.remaining)"
                + (invoice.settledBy.map { ", settled by \($0)" } ?? ""))
        out.add("  from \(describe(found.location, exportRow: true))")
        let lookers = trace.lines(considering: invoice)
        guard !lookers.isEmpty else {
            out.add("  No remittance line looked at it.")
            return
        }
        out.add("  \(counted(lookers.count, "line")) looked at it:")
        for (traced, steps) in lookers {
            let line = traced.line
            out.add("")
            out.add(
                "  line \(line.id): reference \(quoted(line.reference)), paid \(line.amountPaid), payer "
                    + payer(line.payer))
            for step in steps {
                out.add(
                    "    \(step.number) \(step.rule): \(describe(step.outcome))"
                        + (step.finding.map { " " + describe($0) } ?? ""))
                if let candidate = MatchTrace.candidate(invoice, in: step) { out.add("      " + describe(candidate)) }
            }
            out.add("    decision: " + decision(traced.match))
        }
    }

    /// `chosen    100101, customer BM001, open 1500.00 USD: open, an invoice of the payer, in USD`.
    static func describe(_ candidate: TraceCandidate) -> String {
        let mark = candidate.chosen ? "chosen    " : candidate.kept ? "kept      " : "set aside "
        return mark + "\(candidate.invoice.number), customer \(candidate.customer), open \(candidate.openAmount): "
            + candidate.reason
    }

    static func describe(_ outcome: RuleStep.Outcome) -> String {
        switch outcome {
        case .notTried: "not tried"
        case .nothingFound: "nothing found"
        case .belowSuggestScore: "found, under the suggestion threshold"
        case .refused: "decided, left unmatched"
        case .suggested: "decided, suggested"
        case .applied: "decided, applied"
        }
    }

    /// `(combination, score 85)`, noting a finding with several answers.
    private static func describe(_ finding: TraceFinding) -> String {
        "(\(finding.rule), score \(finding.score)" + (finding.singleAnswer ? ")" : ", several answers or unproven)")
    }

    /// `applied, rule exact-reference, score 100, outcome short_paid; invoice 100103, applied 930.00 USD`.
    private static func decision(_ match: LineMatch) -> String {
        var text =
            "\(match.decision.rawValue), rule \(match.rule), score \(match.score), outcome \(match.outcome.rawValue)"
        if let invoice = match.invoice {
            text += "; invoice " + ([invoice.number] + match.allocations.map(\.invoice.number)).joined(separator: " + ")
            text += ", applied \(match.applied)"
        } else if let reason = match.evidence.last(where: { $0.name == "reason" }) {
            text += "; " + reason.value
        }
        return text
    }

    private static func describe(_ location: SourceLocation, exportRow: Bool = false) -> String {
        var text = location.compilerStyle
        if let segment = location.segmentIndex { text += exportRow ? " row \(segment)" : " segment \(segment)" }
        if let element = location.element { text += " " + element }
        if let path = location.path { text += " " + path }
        return text
    }

    private static func payer(_ party: Party) -> String {
        let id = party.id.map { id in party.idQualifier.map { "\($0):\(id)" } ?? id }
        switch (party.name, id) {
        case (let name?, let id?): return "\(name) (\(id))"
        case (let name?, nil): return name
        case (nil, let id?): return id
        case (nil, nil): return "(not named)"
        }
    }

    private static func customer(_ invoice: Invoice) -> String? {
        switch (invoice.customerID, invoice.customerName) {
        case (let id?, let name?): "\(id) \(name)"
        case (let id?, nil): id
        case (nil, let name?): name
        case (nil, nil): nil
        }
    }

    private static func listed(_ evidence: [Evidence]) -> String {
        evidence.map(\.description).joined(separator: "; ")
    }

    /// Text in single quotes, so an empty or spaced reference shows.
    private static func quoted(_ text: String) -> String { "'\(text)'" }

    private static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)" + (count == 1 ? "" : "s") }

    /// Printed lines, each cleared of control characters.
    struct Lines {
        private(set) var text = ""

        mutating func add(_ line: String) {
            for scalar in line.unicodeScalars {
                let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                text.unicodeScalars.append(control ? "\u{FFFD}" : scalar)
            }
            text += "\n"
        }
    }
}
