import RemitCore

extension MatchRun {
    /// Rules 6 and 7, `amount-only` and `combination`, for lines no reference rule placed: the sets of the
    /// payer's open invoices whose open amounts add up to what the line settles (paid + discount + stated
    /// deductions), or exceed it by no more than the payer's tolerance. Searched exhaustively up to the set
    /// size and step bounds. One set, proven unique: applied. Several: suggested, never applied.
    mutating func amountOnly(_ index: Int) -> RuleFinding? {
        let line = lines[index]
        guard let scope = scope(for: line.payer) else { return nil }
        let currency = line.amountPaid.currency
        let statedTotal = (stated[line.id] ?? []).reduce(FixedDecimal.zero) { $0 + $1.amount.amount }
        let settled = line.amountPaid.amount + (line.discountTaken?.amount ?? .zero) + statedTotal
        guard settled > .zero else { return nil }
        // Credit memos and overpaid items (negative open amounts) are left out: the search needs positive amounts.
        let candidates = openInScope(scope, currency: currency).filter { ledger.remaining[$0] > .zero }
        if trace != nil {
            traceLookup(
                index, key: "open invoices of the payer in \(currency)", looked: openInScope(scope, currency: currency),
                kept: candidates, scope: scope, otherwise: "no positive open amount; the search takes none")
        }
        guard !candidates.isEmpty else { return nil }
        let settings = settings(for: line.payer)
        let digits = Currency.minorDigits(of: currency)
        let tolerance = settings.toleranceLimit(on: settled, minorDigits: digits)
        var evidence = [Evidence("normalized_reference", line.normalizedReference)]
        evidence += scope.evidence
        evidence.append(Evidence("amount_settled", Money(settled, currency).formattedAmount))
        if !tolerance.isZero { evidence.append(Evidence("tolerance", Money(tolerance, currency).formattedAmount)) }
        guard candidates.count <= options.combinationMaxCandidates else {
            // Too many to search for sets: single invoices that fit can be named, not proven the only answer.
            evidence.append(Evidence("search_candidates", String(candidates.count)))
            evidence.append(Evidence("search_complete", "no"))
            let singles = candidates.filter {
                ledger.remaining[$0] >= settled && ledger.remaining[$0] - settled <= tolerance
            }
            guard !singles.isEmpty else { return nil }
            evidence.append(Evidence("suggested", numbers(Array(singles.prefix(5)))))
            return RuleFinding(
                rule: "amount-only", score: 60, mayApply: false, invoices: singles, evidence: evidence,
                note: "more open invoices than the combination search takes; the invoices whose amount fits are "
                    + "suggested, none applied")
        }
        let scale = ([settled.scale, tolerance.scale, digits] + candidates.map { ledger.remaining[$0].scale }).max()!
        guard let target = settled.rescaled(to: scale), let below = tolerance.rescaled(to: scale) else { return nil }
        var amounts: [Int64] = []
        for candidate in candidates {
            guard let amount = ledger.remaining[candidate].rescaled(to: scale) else { return nil }
            amounts.append(amount.units)
        }
        let search = CombinationSearch(
            maxSetSize: options.combinationMaxSetSize, maxSteps: options.combinationMaxSteps)
        let result = search.run(amounts: amounts, target: target.units + below.units, below: below.units)
        guard !result.sets.isEmpty else { return nil }
        let sets = result.sets.map { $0.map { candidates[$0] } }
        if trace != nil { traceSets(index, sets) }
        evidence.append(Evidence("search_candidates", String(candidates.count)))
        evidence.append(Evidence("search_steps", String(result.steps)))
        evidence.append(Evidence("search_complete", result.complete ? "yes" : "no"))
        let rule = sets.allSatisfy { $0.count == 1 } ? "amount-only" : "combination"
        if sets.count == 1 {
            // The largest invoice goes last: `settle` applies the others in full and lets the last take the
            // shortfall, which the largest can always absorb.
            var set = sets[0]
            if let largest = set.indices.max(by: { ledger.remaining[set[$0]] < ledger.remaining[set[$1]] }) {
                set.append(set.remove(at: largest))
            }
            evidence.append(Evidence(result.complete ? "invoices" : "suggested", numbers(set)))
            return RuleFinding(
                rule: set.count == 1 ? "amount-only" : "combination", score: result.complete ? 85 : 60,
                mayApply: result.complete, invoices: set, evidence: evidence,
                note: result.complete
                    ? nil : "the search stopped at its step bound before it could prove this set the only one")
        }
        let listed = sets.map { $0.map { ledger.invoices[$0].number }.joined(separator: "+") }.joined(separator: " | ")
        evidence.append(Evidence("sets", (sets.count >= search.maxSolutions ? "at least " : "") + listed))
        return RuleFinding(
            rule: rule, score: 60, mayApply: false, invoices: sets[0], evidence: evidence,
            note: "\(sets.count >= search.maxSolutions ? "at least " : "")\(sets.count) invoice sets fit the amount; "
                + "ambiguous, none applied")
    }
}
