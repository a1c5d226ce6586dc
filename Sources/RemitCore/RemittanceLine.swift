/// One open item a payment settles, as the payer listed it (an X12 RMR, an ISO 20022 RfrdDocInf).
public struct RemittanceLine: Sendable, Hashable {
    public var id: String
    public var paymentID: String
    /// Reference qualifier as sent, e.g. `IV` (invoice), `PO`, `R7`, `CM`.
    public var referenceQualifier: String?
    /// The reference exactly as sent.
    public var reference: String
    /// The reference after `ReferenceNormalizer`, the key the matcher uses.
    public var normalizedReference: String
    public var purchaseOrder: String?
    public var invoiceDate: CalendarDate?
    public var amountPaid: Money
    /// The invoice's total as the payer states it, when stated.
    public var invoiceAmount: Money?
    public var discountTaken: Money?
    /// The payer, repeated from the payment for convenience when the line is read alone.
    public var payer: Party
    public var provenance: Provenance

    public init(
        id: String, paymentID: String, referenceQualifier: String?, reference: String, normalizedReference: String,
        purchaseOrder: String?, invoiceDate: CalendarDate?, amountPaid: Money, invoiceAmount: Money?,
        discountTaken: Money?, payer: Party, provenance: Provenance
    ) {
        self.id = id
        self.paymentID = paymentID
        self.referenceQualifier = referenceQualifier
        self.reference = reference
        self.normalizedReference = normalizedReference
        self.purchaseOrder = purchaseOrder
        self.invoiceDate = invoiceDate
        self.amountPaid = amountPaid
        self.invoiceAmount = invoiceAmount
        self.discountTaken = discountTaken
        self.payer = payer
        self.provenance = provenance
    }
}
