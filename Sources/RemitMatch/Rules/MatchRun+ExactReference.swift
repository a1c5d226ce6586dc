import RemitCore

extension MatchRun {
    /// Rule 1, `exact-reference` (and `exact-reference-unknown-payer`).
    ///
    /// - Returns: the decision, or nil when no invoice at all has the line's normalized reference, so that
    ///   later rules may try.
    mutating func exactReference(_ index: Int) -> LineMatch? {
        let line = lines[index]
        let currency = line.amountPaid.currency
        var evidence = [Evidence("normalized_reference", line.normalizedReference)]
        guard !line.normalizedReference.isEmpty else {
            // Only punctuation or letters outside A–Z: nothing to compare, and all such references would agree.
            // Rules on other facts (PO, free text, amount) may still place the line.
            firstLook[index] = evidence
            firstReason[index] = "the reference has no letters A-Z or digits to match on"
            return nil
        }
        let candidates = ledger.candidates(for: line.normalizedReference)
        guard !candidates.isEmpty else {
            evidence.append(Evidence("candidates", "0"))
            firstLook[index] = evidence
            return nil
        }
        var ofPayer: [Int] = []
        var ofOthers: [Int] = []
        var undecided: [Int] = []
        for candidate in candidates {
            switch sameCustomer(line.payer, candidate) {
            case true?: ofPayer.append(candidate)
            case false?: ofOthers.append(candidate)
            case nil: undecided.append(candidate)
            }
        }
        // A payer the export does not know, but whose name is near one customer's, is taken as that customer:
        // the reference must then be one of that customer's invoices.
        var similar: PayerScope?
        if ofPayer.isEmpty, !ledger.knowsPayer(line.payer), let scope = scope(for: line.payer) {
            similar = scope
            ofPayer = candidates.filter { scope.members.contains($0) }
            ofOthers = candidates.filter { !scope.members.contains($0) }
            undecided = []
        }
        if trace != nil {
            traceExact(index, ofPayer: ofPayer, ofOthers: ofOthers, undecided: undecided, similar: similar)
        }
        evidence.append(Evidence("candidates", String(candidates.count)))
        let chosen: Int
        let rule: String
        if ofPayer.count == 1 {
            chosen = ofPayer[0]
            rule = "exact-reference"
            evidence.append(Evidence("customer", describeCustomer(ledger.invoices[chosen])))
            if let similar {
                evidence += similar.evidence
            } else {
                let how = payerMatch(line.payer, chosen)
                if how == "partner", let partner = options.partners.partner(for: line.payer) {
                    evidence.append(Evidence("partner", partner.key))
                }
                evidence.append(Evidence("payer_match", how))
            }
        } else if ofPayer.count > 1 {
            evidence.append(Evidence("invoices", numbers(ofPayer)))
            return unmatched(line, evidence: evidence, why: "several invoices of this payer share the reference")
        } else if options.allowUnknownPayer, similar == nil, !ledger.knowsPayer(line.payer),
            ofOthers.count + undecided.count == 1
        {
            chosen = (ofOthers + undecided)[0]
            rule = "exact-reference-unknown-payer"
            evidence.append(Evidence("customer", describeCustomer(ledger.invoices[chosen])))
            evidence.append(Evidence("payer_in_export", "no"))
        } else if !ofOthers.isEmpty && undecided.isEmpty {
            let owners = Matcher.listed(ofOthers.map { describeCustomer(ledger.invoices[$0]) })
            evidence.append(Evidence("belongs_to", owners))
            referencesOfOtherCustomers.append(index)
            return unmatched(line, evidence: evidence, why: "the reference belongs to another customer")
        } else {
            evidence.append(Evidence("invoices", numbers(ofOthers + undecided)))
            return unmatched(line, evidence: evidence, why: "several invoices share the reference")
        }
        let invoice = ledger.invoices[chosen]
        evidence.append(Evidence("invoice", invoice.number))
        guard invoice.openAmount.currency == currency else {
            evidence.append(Evidence("invoice_currency", invoice.openAmount.currency))
            return unmatched(line, evidence: evidence, why: "the invoice is in another currency")
        }
        if let doubt = doubtedExactReference(index, chosen: chosen, rule: rule, similar: similar, evidence: evidence) {
            return doubt
        }
        guard options.autoApplyScore <= 100 else {
            // `--auto-apply-score 101`: nothing is applied, not even an exact reference; it is suggested.
            return unmatched(
                line, evidence: evidence,
                why: "suggested only: score 100 is under the auto-apply threshold \(options.autoApplyScore)",
                rule: rule, score: 100, decision: .suggested)
        }
        return settle(index, invoiceIndex: chosen, others: [], rule: rule, score: 100, evidence: evidence)
    }
}
