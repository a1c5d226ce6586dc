import RemitCore

extension MatchRun {
    /// Rule 1's check before applying an exact reference whose amount does not agree with the invoice it names.
    ///
    /// Such a line is normally a short pay (or, when an earlier line closed the invoice, a second payment of
    /// it), and is applied. It is only suggested when the amount makes the reference doubtful:
    ///
    /// - an open invoice one edit from the reference (of the payer's, or of anybody's when the payer is not in
    ///   the export) agrees with the amount: the payer probably swapped or mistyped a digit, and the invoice it
    ///   named is not the one it paid;
    /// - the payer is not in the export (`exact-reference-unknown-payer`): the reference is then the only
    ///   tie between the payer and the invoice, and a disagreeing amount leaves nothing to confirm it.
    ///
    /// - Parameter similar: the customer an unknown payer's name is near, when rule 1 took the payer as it.
    /// - Returns: the suggestion, or nil when the reference may be applied.
    mutating func doubtedExactReference(
        _ index: Int, chosen: Int, rule: String, similar: PayerScope?, evidence: [Evidence]
    ) -> LineMatch? {
        let line = lines[index]
        // An invoice an earlier line closed is judged by what the export had open: a second payment of it
        // agrees with that amount when the payer really paid it twice.
        let open = ledger.isOpen(chosen) ? ledger.remaining[chosen] : ledger.invoices[chosen].openAmount.amount
        guard !amountAgrees(line, open: open) else { return nil }
        // Worked out only now: most lines' amounts agree. A payer not in the export searches every invoice.
        let payerScope = rule == "exact-reference" ? similar ?? scope(for: line.payer) : nil
        let reference = line.normalizedReference
        let currency = line.amountPaid.currency
        var near: [Int] = []
        if reference.count >= 4 {
            // The payer's own invoices are compared one by one when it has few (see `nearCandidates(for:among:)`);
            // the cheap tests come first and the amount last, so most invoices cost one comparison of numbers.
            let looked =
                payerScope.map { ledger.nearCandidates(for: reference, among: $0) }
                ?? ledger.nearCandidates(for: reference)
            for candidate in looked where candidate != chosen && ledger.isOpen(candidate) {
                let number = ledger.invoices[candidate].normalizedNumber
                if EditDistance.isOneEdit(reference, number) && number.count >= 4
                    && ledger.invoices[candidate].openAmount.currency == currency
                    && (payerScope?.members.contains(candidate) ?? true)
                    && amountAgrees(line, open: ledger.remaining[candidate])
                {
                    near.append(candidate)
                }
            }
        }
        let unknownPayer = rule == "exact-reference-unknown-payer"
        guard unknownPayer || !near.isEmpty else { return nil }
        // The invoice named is a candidate now, listed under `suggested`.
        var evidence = evidence.filter { $0.name != "invoice" }
        evidence.append(Evidence("amount_agrees", "no"))
        let why: String
        let score: Int
        if near.isEmpty {
            score = 70
            why = "the payer is not in the export and the amount does not agree with the invoice named; not applied"
        } else {
            evidence.append(Evidence("one_edit_from", numbers(near)))
            score = 60
            why = "the amount does not agree with the invoice named but does with one a digit away; none applied"
        }
        evidence.append(Evidence("suggested", numbers([chosen] + near)))
        let decision: MatchDecision = score >= options.suggestScore ? .suggested : .none
        return unmatched(line, evidence: evidence, why: why, rule: rule, score: score, decision: decision)
    }
}
