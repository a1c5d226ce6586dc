import RemitCore

extension MatchRun {
    /// The payer's invoices: those of the same customer by partner file, id or name; failing those, those of
    /// the one export customer whose name is similar enough (when two are, neither). Nil when the payer
    /// cannot be tied to a customer.
    mutating func scope(for payer: Party) -> PayerScope? {
        if let cached = scopes[payer] { return cached }
        let result = findScope(for: payer)
        scopes[payer] = result
        return result
    }

    private func findScope(for payer: Party) -> PayerScope? {
        let invoices = ledger.invoices
        let same = ledger.invoicesOf(payer)
        if let first = same.first {
            return PayerScope(invoices: same, evidence: [Evidence("payer_match", payerMatch(payer, invoices[first]))])
        }
        guard !ledger.knowsPayer(payer), let name = payer.name.flatMap(CustomerKey.comparableName) else { return nil }
        // Exactly one customer may come near enough: two near customers leave the payer unknown.
        var near: [(similarity: Int, slot: Int)] = []
        for (slot, customer) in ledger.customersByName.enumerated() {
            let similarity = EditDistance.similarity(name, customer.key)
            if similarity >= options.nameSimilarityThreshold { near.append((similarity, slot)) }
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

    /// `partner`, `id` or `name`: which of `CustomerKey.sameCustomer`'s tests joined payer and customer.
    func payerMatch(_ payer: Party, _ invoice: Invoice) -> String {
        switch CustomerKey.sameCustomer(payer, invoice, partners: PartnerDirectory()) {
        case true?:
            return CustomerKey.id(payer.id) != nil && CustomerKey.id(invoice.customerID) != nil ? "id" : "name"
        default:
            return "partner"
        }
    }
}
