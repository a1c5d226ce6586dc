import RemitCore

/// Cash a combination match applied to one invoice besides the line's primary invoice (the set's largest).
public struct InvoiceAllocation: Sendable, Hashable {
    public var invoice: Invoice
    /// The invoice's open amount before this line.
    public var openBefore: Money
    /// Cash applied to it: its whole open amount, since the rest of the line's difference sits on the primary.
    public var applied: Money

    public init(invoice: Invoice, openBefore: Money, applied: Money) {
        self.invoice = invoice
        self.openBefore = openBefore
        self.applied = applied
    }
}
