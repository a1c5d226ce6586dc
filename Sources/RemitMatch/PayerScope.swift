import RemitCore

/// The open invoices a payer may be paying, and how the payer was recognised as their customer.
struct PayerScope {
    /// Export indices, in export order.
    var invoices: [Int]
    var members: Set<Int>
    /// `payer_match` and, for a name-similarity match, the similarity and the customer.
    var evidence: [Evidence]

    init(invoices: [Int], evidence: [Evidence]) {
        self.invoices = invoices
        members = Set(invoices)
        self.evidence = evidence
    }
}
