import RemitCore

extension MatchRun {
    /// Rule 2, `partner-cleanup-reference`: the reference after the payer's partner clean-up rules (prefix,
    /// suffix, keep-last) equals one open invoice of the payer.
    mutating func cleanedReference(_ index: Int) -> RuleFinding? {
        let line = lines[index]
        guard let partner = options.partners.partner(for: line.payer), let settings = partner.matching,
            settings.hasReferenceCleanup, let cleaned = settings.cleanedReference(line.reference),
            cleaned != line.normalizedReference, !cleaned.isEmpty, let scope = scope(for: line.payer)
        else { return nil }
        let currency = line.amountPaid.currency
        let hits = ledger.candidates(for: cleaned).filter {
            scope.members.contains($0) && ledger.isOpen($0) && ledger.invoices[$0].openAmount.currency == currency
        }
        if trace != nil {
            traceLookup(
                index, key: "cleaned reference \(cleaned)", looked: ledger.candidates(for: cleaned), scope: scope)
        }
        guard !hits.isEmpty else { return nil }
        var evidence = [
            Evidence("normalized_reference", line.normalizedReference), Evidence("cleaned_reference", cleaned),
            Evidence("partner", partner.key),
        ]
        evidence += scope.evidence
        if hits.count == 1 {
            evidence.append(Evidence("invoice", ledger.invoices[hits[0]].number))
            return RuleFinding(
                rule: "partner-cleanup-reference", score: 95, mayApply: true, invoices: hits, evidence: evidence)
        }
        evidence.append(Evidence("suggested", numbers(hits)))
        return RuleFinding(
            rule: "partner-cleanup-reference", score: 60, mayApply: false, invoices: hits, evidence: evidence,
            note: "several open invoices of the payer have the cleaned reference; none applied")
    }

    /// Rule 3, `purchase-order`: the line's purchase order, or its reference read as one, equals the PO of
    /// the payer's open invoices. One invoice: applied. Several: the one whose amount agrees, if only one does.
    mutating func purchaseOrder(_ index: Int) -> RuleFinding? {
        let line = lines[index]
        guard let scope = scope(for: line.payer) else { return nil }
        var keys: [(key: String, source: String)] = []
        if let po = line.purchaseOrder.map(ReferenceNormalizer.normalize), !po.isEmpty { keys.append((po, "po")) }
        if !line.normalizedReference.isEmpty, !keys.contains(where: { $0.key == line.normalizedReference }) {
            keys.append((line.normalizedReference, "reference"))
        }
        let currency = line.amountPaid.currency
        for (key, source) in keys {
            let hits = ledger.purchaseOrderCandidates(for: key).filter {
                scope.members.contains($0) && ledger.isOpen($0) && ledger.invoices[$0].openAmount.currency == currency
            }
            if trace != nil {
                traceLookup(
                    index, key: "purchase order \(key) (the line's \(source == "po" ? "PO" : "reference"))",
                    looked: ledger.purchaseOrderCandidates(for: key), scope: scope, judgesAmount: true)
            }
            guard !hits.isEmpty else { continue }
            var evidence = [
                Evidence("normalized_reference", line.normalizedReference), Evidence("purchase_order", key),
                Evidence("purchase_order_from", source),
            ]
            evidence += scope.evidence
            evidence.append(Evidence("candidates", String(hits.count)))
            if hits.count == 1 {
                // A reference that only happens to equal a PO is trusted when the amount agrees too.
                if source == "reference" && !amountAgrees(line, open: ledger.remaining[hits[0]]) {
                    evidence.append(Evidence("amount_agrees", "no"))
                    evidence.append(Evidence("suggested", ledger.invoices[hits[0]].number))
                    return RuleFinding(
                        rule: "purchase-order", score: 80, mayApply: true, invoices: hits, evidence: evidence)
                }
                evidence.append(Evidence("invoice", ledger.invoices[hits[0]].number))
                return RuleFinding(
                    rule: "purchase-order", score: 90, mayApply: true, invoices: hits, evidence: evidence)
            }
            let agreeing = hits.filter { amountAgrees(line, open: ledger.remaining[$0]) }
            if agreeing.count == 1 {
                evidence.append(Evidence("amount_agrees", "yes"))
                evidence.append(Evidence("invoice", ledger.invoices[agreeing[0]].number))
                return RuleFinding(
                    rule: "purchase-order", score: 85, mayApply: true, invoices: agreeing, evidence: evidence)
            }
            evidence.append(Evidence("suggested", numbers(agreeing.isEmpty ? hits : agreeing)))
            return RuleFinding(
                rule: "purchase-order", score: 60, mayApply: false, invoices: hits, evidence: evidence,
                note: "several open invoices carry this purchase order and the amount does not single one out")
        }
        return nil
    }

    /// Rule 4, `reference-one-edit`: one of the payer's open invoice numbers is one edit away from the
    /// reference (a character dropped, added or changed, or two neighbours swapped) and the amount agrees.
    mutating func oneEditReference(_ index: Int) -> RuleFinding? {
        let line = lines[index]
        let reference = line.normalizedReference
        guard reference.count >= 4, let scope = scope(for: line.payer) else { return nil }
        let currency = line.amountPaid.currency
        let hits = ledger.nearCandidates(for: reference, among: scope).filter {
            let invoice = ledger.invoices[$0]
            return scope.members.contains($0) && ledger.isOpen($0) && invoice.openAmount.currency == currency
                && invoice.normalizedNumber.count >= 4 && EditDistance.isOneEdit(reference, invoice.normalizedNumber)
        }
        if trace != nil {
            traceLookup(
                index, key: "invoice numbers one edit from \(reference)", looked: ledger.nearCandidates(for: reference),
                kept: hits, scope: scope, otherwise: "not one edit from the reference, or under 4 characters",
                judgesAmount: true)
        }
        guard !hits.isEmpty else { return nil }
        let agreeing = hits.filter { amountAgrees(line, open: ledger.remaining[$0]) }
        var evidence = [Evidence("normalized_reference", reference)]
        evidence += scope.evidence
        evidence.append(Evidence("one_edit_from", numbers(hits)))
        if agreeing.count == 1 {
            evidence.append(Evidence("amount_agrees", "yes"))
            evidence.append(Evidence("invoice", ledger.invoices[agreeing[0]].number))
            return RuleFinding(
                rule: "reference-one-edit", score: 85, mayApply: true, invoices: agreeing, evidence: evidence)
        }
        if agreeing.isEmpty {
            evidence.append(Evidence("amount_agrees", "no"))
            evidence.append(Evidence("suggested", numbers(hits)))
            return RuleFinding(
                rule: "reference-one-edit", score: 55, mayApply: false, invoices: hits, evidence: evidence,
                note: "a reference one edit away, but the amount does not agree")
        }
        evidence.append(Evidence("suggested", numbers(agreeing)))
        return RuleFinding(
            rule: "reference-one-edit", score: 60, mayApply: false, invoices: agreeing, evidence: evidence,
            note: "several invoices one edit away agree with the amount; none applied")
    }

    /// Rule 5, `free-text-reference`: an open invoice number of the payer appears in the payment's free text
    /// (ISO 20022 `Ustrd`) or inside a long reference, or one with letters around a number (`SI-0043614`), as
    /// a word or as a run of at least 4 digits.
    mutating func freeTextReference(_ index: Int) -> RuleFinding? {
        let line = lines[index]
        var texts: [String] = []
        if let text = payments[line.paymentID]?.remittanceText { texts.append(text) }
        if line.reference.contains(where: \.isWhitespace) || line.reference.count > 20
            || FreeText.wrapsNumber(line.reference)
        {
            texts.append(line.reference)
        }
        guard !texts.isEmpty, let scope = scope(for: line.payer) else { return nil }
        let currency = line.amountPaid.currency
        var hits: [Int] = []
        var words: [String] = []
        for token in texts.flatMap(FreeText.tokens) where token != line.normalizedReference {
            if trace != nil, !ledger.candidates(for: token).isEmpty {
                traceLookup(
                    index, key: "word \(token) of the text", looked: ledger.candidates(for: token), scope: scope,
                    judgesAmount: true)
            }
            for hit in ledger.candidates(for: token)
            where scope.members.contains(hit) && ledger.isOpen(hit)
                && ledger.invoices[hit].openAmount.currency == currency && !hits.contains(hit)
            {
                hits.append(hit)
                words.append(token)
            }
        }
        guard !hits.isEmpty else { return nil }
        var evidence = [Evidence("normalized_reference", line.normalizedReference)]
        evidence += scope.evidence
        evidence.append(Evidence("found_in_text", Matcher.listed(words)))
        if hits.count == 1 {
            let agrees = amountAgrees(line, open: ledger.remaining[hits[0]])
            evidence.append(Evidence("amount_agrees", agrees ? "yes" : "no"))
            evidence.append(Evidence(agrees ? "invoice" : "suggested", ledger.invoices[hits[0]].number))
            return RuleFinding(
                rule: "free-text-reference", score: agrees ? 85 : 70, mayApply: true, invoices: hits,
                evidence: evidence)
        }
        evidence.append(Evidence("suggested", numbers(hits)))
        return RuleFinding(
            rule: "free-text-reference", score: 60, mayApply: false, invoices: hits, evidence: evidence,
            note: "the text names several open invoices; none applied")
    }
}
