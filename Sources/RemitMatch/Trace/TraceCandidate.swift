import RemitCore

/// One invoice a rule looked at for a remittance line, as it stood at that moment, and what the rule made of it.
public struct TraceCandidate: Sendable, Hashable {
    public var invoice: Invoice
    /// What was still open on the invoice when the rule looked: less than the export's open amount once an
    /// earlier line of the run took cash from it.
    public var openAmount: Money
    /// Whether the invoice passed the rule's filters (the payer's, still open, in the line's currency, and
    /// whatever the rule itself requires).
    public var kept: Bool
    /// Whether the rule's finding named the invoice: the invoice applied or suggested, or a member of the set.
    public var chosen: Bool
    /// Why it was kept or set aside, as a phrase: `an invoice of the payer`, `in EUR, the line is in USD`.
    public var reason: String
    /// The invoice's position in the export, so a trace can be asked about one invoice.
    package var exportIndex: Int

    package init(invoice: Invoice, openAmount: Money, kept: Bool, reason: String, exportIndex: Int) {
        self.invoice = invoice
        self.openAmount = openAmount
        self.kept = kept
        self.chosen = false
        self.reason = reason
        self.exportIndex = exportIndex
    }

    /// The invoice's customer as a rule's evidence names it: its id, else its name.
    public var customer: String { invoice.customerID ?? invoice.customerName ?? "(none)" }
}

/// What one rule looked up for a line (a reference, a purchase order, a word of the free text, the payer's
/// open invoices) and the invoices it found under it.
public struct TraceLookup: Sendable, Hashable {
    /// What was looked up, as a phrase: `reference 100101`, `purchase order 4500007 (the line's PO)`.
    public var key: String
    /// The invoices found, in export order; empty when none has the key.
    public var candidates: [TraceCandidate]

    public init(key: String, candidates: [TraceCandidate]) {
        self.key = key
        self.candidates = candidates
    }
}
