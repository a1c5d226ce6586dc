import RemitCore

/// The hooks through which a run records what its rules consider, for `Matcher.explain`.
///
/// Rules call these only behind `if trace != nil`, so a run without a trace builds no candidate, no phrase and
/// no lookup list: the cost is one nil check per hook.
extension MatchRun {
    /// Rule 0 for each recorded line: whether its payment was set aside as one read twice.
    mutating func traceRepeatedPayments() {
        for index in lines.indices {
            trace!.begin(step: 0, line: index)
            guard trace!.isRecording(index) else { continue }
            if payments.isEmpty {
                trace!.step.outcome = .notTried
                trace!.step.note = "no payments were given to compare"
            } else if decided[index] == nil {
                trace!.step.note = "the payment was not read from another file before"
            }
            traceEnd(index)
        }
    }

    /// Starts recording rule `step` for line `index`, when the line is traced.
    mutating func traceBegin(_ step: Int, _ index: Int) {
        trace!.begin(step: step, line: index)
    }

    /// Closes the step being recorded for line `index`, reading its outcome from what the rule decided.
    mutating func traceEnd(_ index: Int) {
        guard trace!.isRecording(index) else { return }
        defer { trace!.end() }
        guard let match = decided[index] else {
            if let finding = trace!.step.finding {
                trace!.step.outcome = .belowSuggestScore
                trace!.step.note =
                    "found \(finding.rule) scoring \(finding.score), under the suggestion threshold "
                    + "\(options.suggestScore); the next rule tries"
            }
            return
        }
        switch match.decision {
        case .applied: trace!.step.outcome = .applied
        case .suggested: trace!.step.outcome = .suggested
        case .none: trace!.step.outcome = .refused
        }
        let reason = match.evidence.last { $0.name == "reason" }?.value
        let numbers = (match.invoice.map { [$0.number] } ?? []) + match.allocations.map(\.invoice.number)
        if trace!.step.finding == nil {
            // Rules 0 and 1 decide without a `RuleFinding`: their decision is the finding.
            trace!.step.finding = TraceFinding(
                rule: match.rule, score: match.score, singleAnswer: true, invoices: numbers, evidence: match.evidence)
        }
        if let invoice = match.invoice {
            for lookup in trace!.step.lookups.indices {
                for slot in trace!.step.lookups[lookup].candidates.indices
                where trace!.step.lookups[lookup].candidates[slot].invoice == invoice {
                    trace!.step.lookups[lookup].candidates[slot].chosen = true
                    trace!.step.lookups[lookup].candidates[slot].kept = true
                }
            }
        }
        switch match.decision {
        case .applied:
            trace!.step.note =
                "applied to \(numbers.joined(separator: " + ")), the score reaching the auto-apply threshold "
                + "\(options.autoApplyScore)"
        case .suggested: trace!.step.note = reason ?? "score under the auto-apply threshold"
        case .none: trace!.step.note = reason ?? "left unmatched"
        }
    }

    /// Records what a rule looked up for line `index`: `looked` are the invoices found under `key`; those in
    /// `kept` (all that pass the payer, open and currency filters when nil) passed the rule's filters, and
    /// the others are described by the first filter they failed, or by `otherwise`.
    ///
    /// - Parameter judgesAmount: add whether the line's amount agrees with each invoice kept.
    mutating func traceLookup(
        _ index: Int, key: String, looked: [Int], kept: [Int]? = nil, scope: PayerScope?, otherwise: String = "",
        judgesAmount: Bool = false
    ) {
        guard trace!.isRecording(index) else { return }
        let line = lines[index]
        let keptSet = kept.map(Set.init)
        var candidates: [TraceCandidate] = []
        for invoice in looked {
            if let why = setAside(invoice, for: line, scope: scope) {
                candidates.append(candidate(invoice, kept: false, reason: why))
            } else if let keptSet, !keptSet.contains(invoice) {
                candidates.append(candidate(invoice, kept: false, reason: otherwise))
            } else {
                var reason = "open, an invoice of the payer, in \(line.amountPaid.currency)"
                if judgesAmount {
                    reason +=
                        amountAgrees(line, open: ledger.remaining[invoice])
                        ? "; the amount agrees" : "; the amount does not agree"
                }
                candidates.append(candidate(invoice, kept: true, reason: reason))
            }
        }
        trace!.step.lookups.append(TraceLookup(key: key, candidates: candidates))
    }

    /// Rule 1's lookup: every invoice with the line's reference, sorted by whose it is.
    mutating func traceExact(_ index: Int, ofPayer: [Int], ofOthers: [Int], undecided: [Int], similar: PayerScope?) {
        guard trace!.isRecording(index) else { return }
        let line = lines[index]
        var candidates: [TraceCandidate] = []
        for invoice in (ofPayer + ofOthers + undecided).sorted() {
            var reason: String
            let kept = ofPayer.contains(invoice)
            if kept {
                reason =
                    similar == nil ? "an invoice of the payer" : "an invoice of the customer the payer's name is near"
                if ofPayer.count > 1 { reason += ", one of \(ofPayer.count) with this reference" }
            } else if ofOthers.contains(invoice) {
                reason = "an invoice of another customer (\(describeCustomer(ledger.invoices[invoice])))"
            } else {
                reason = "neither ids nor names say whose invoice it is"
            }
            if !ledger.isOpen(invoice) {
                reason += ledger.closedBy[invoice].map { "; settled earlier in this run by \($0)" } ?? "; nothing open"
            }
            if ledger.invoices[invoice].openAmount.currency != line.amountPaid.currency {
                reason += "; in \(ledger.invoices[invoice].openAmount.currency)"
            }
            candidates.append(candidate(invoice, kept: kept, reason: reason))
        }
        trace!.step.lookups.append(TraceLookup(key: "reference \(line.normalizedReference)", candidates: candidates))
    }

    /// Keeps a rule's finding on the step being recorded and marks the invoices it names.
    mutating func traceFinding(_ index: Int, _ finding: RuleFinding) {
        guard trace!.isRecording(index) else { return }
        trace!.step.finding = TraceFinding(
            rule: finding.rule, score: finding.score, singleAnswer: finding.mayApply,
            invoices: finding.invoices.map { ledger.invoices[$0].number }, evidence: finding.evidence)
        let named = Set(finding.invoices)
        for lookup in trace!.step.lookups.indices {
            for slot in trace!.step.lookups[lookup].candidates.indices
            where named.contains(trace!.step.lookups[lookup].candidates[slot].exportIndex) {
                trace!.step.lookups[lookup].candidates[slot].chosen = true
            }
        }
    }

    /// Marks the members of the invoice sets the combination search found, naming the set each belongs to.
    mutating func traceSets(_ index: Int, _ sets: [[Int]]) {
        guard trace!.isRecording(index), let last = trace!.step.lookups.indices.last else { return }
        for (number, set) in sets.enumerated() {
            let members = set.map { ledger.invoices[$0].number }.joined(separator: "+")
            for slot in trace!.step.lookups[last].candidates.indices
            where set.contains(trace!.step.lookups[last].candidates[slot].exportIndex) {
                trace!.step.lookups[last].candidates[slot].chosen = true
                trace!.step.lookups[last].candidates[slot].reason +=
                    sets.count == 1
                    ? "; the set that fits: \(members)" : "; in set \(number + 1) of \(sets.count) that fit: \(members)"
            }
        }
    }

    /// Why a rule passed an invoice over before its own test: not the payer's, closed, another currency.
    private func setAside(_ invoice: Int, for line: RemittanceLine, scope: PayerScope?) -> String? {
        if let scope, !scope.members.contains(invoice) {
            return "not an invoice of the payer (customer \(describeCustomer(ledger.invoices[invoice])))"
        }
        if !ledger.isOpen(invoice) {
            return ledger.closedBy[invoice].map { "settled earlier in this run by \($0)" }
                ?? "nothing open on it in the export"
        }
        let currency = ledger.invoices[invoice].openAmount.currency
        if currency != line.amountPaid.currency { return "in \(currency), the line is in \(line.amountPaid.currency)" }
        return nil
    }

    private func candidate(_ invoice: Int, kept: Bool, reason: String) -> TraceCandidate {
        let found = ledger.invoices[invoice]
        return TraceCandidate(
            invoice: found, openAmount: Money(ledger.remaining[invoice], found.openAmount.currency), kept: kept,
            reason: reason, exportIndex: invoice)
    }
}
