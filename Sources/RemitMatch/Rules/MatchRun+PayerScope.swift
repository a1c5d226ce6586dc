import RemitCore

extension MatchRun {
    /// The payer's invoices: those of the same customer by partner file, id or name; failing those, those of
    /// the one export customer whose name is similar enough (when two are, neither). Nil when the payer
    /// cannot be tied to a customer.
    mutating func scope(for payer: Party) -> PayerScope? {
        let slot = payerSlot(payer)
        if let cached = scopes[slot] { return cached }
        let result = findScope(for: payer)
        scopes[slot] = result
        return result
    }

    private func findScope(for payer: Party) -> PayerScope? {
        let same = ledger.invoicesOf(payer)
        if let first = same.first {
            return PayerScope(invoices: same, evidence: [Evidence("payer_match", payerMatch(payer, first))])
        }
        guard !ledger.knowsPayer(payer), let name = payer.name.flatMap(CustomerKey.comparableName) else { return nil }
        // Exactly one customer may come near enough: two near customers leave the payer unknown.
        var near: [(similarity: Int, slot: Int)] = []
        for (slot, customer) in ledger.customersByName.enumerated() {
            if let similarity = EditDistance.similarity(name, customer.key, atLeast: options.nameSimilarityThreshold) {
                near.append((similarity, slot))
            }
        }
        guard near.count == 1, let best = near.first else { return nil }
        let customer = ledger.customersByName[best.slot]
        return PayerScope(
            invoices: customer.invoices,
            evidence: [
                Evidence("payer_match", "name-similarity"), Evidence("payer_similarity", String(best.similarity)),
                Evidence("payer_customer", customer.label),
            ])
    }

    /// `partner`, `id` or `name`: which of `CustomerKey.sameCustomer`'s tests joined payer and the customer
    /// of the invoice at `index`.
    func payerMatch(_ payer: Party, _ index: Int) -> String {
        let facts = payerFacts(payer)
        let customer = ledger.customer(of: index)
        switch facts.sameIgnoringPartners(as: customer) {
        case true?:
            return facts.id != nil && customer.id != nil ? "id" : "name"
        default:
            return "partner"
        }
    }
}
