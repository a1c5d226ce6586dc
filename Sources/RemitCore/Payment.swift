/// One payment as a remittance advice describes it: who paid whom, how much, when and how.
public struct Payment: Sendable, Hashable {
    /// Stable identifier, unique within a run: derived from the file and the payment's position.
    public var id: String
    public var payer: Party
    public var payee: Party
    /// Payment method as sent, e.g. X12 BPR04 `ACH`, `CHK`, `FWT`, `NON`.
    public var method: String?
    /// Payment format as sent, e.g. BPR05 `CTX`, `CCP`.
    public var format: String?
    /// X12 BPR01 transaction handling code (`C`, `I`, ...), when the source has one.
    public var handlingCode: String?
    /// The amount moved; negative for a debit.
    public var amount: Money
    /// `credit` or `debit` from the payee's point of view.
    public var direction: Direction
    public var date: CalendarDate?
    /// The reassociation key the bank also reports: X12 TRN02, an ACH trace, an EndToEndId.
    public var traceNumber: String?
    public var originatorID: String?
    /// The SWIFT gpi tracking id (ISO 20022 `Refs/UETR`), when the source has one.
    public var uetr: String?
    /// The id of a separate remittance advice for this payment (ISO 20022 `RmtInf/RmtId` in remt.001).
    public var remittanceID: String?
    /// The id of the separate remittance advice the bank says this payment goes with (ISO 20022 camt
    /// `RltdRmtInf/RmtId`): the `remittanceID` of a remt.001 payment.
    public var relatedRemittanceID: String?
    /// Free-text remittance exactly as sent (ISO 20022 `Ustrd`, several joined by line ends).
    public var remittanceText: String?
    /// References that belong to the whole payment (X12 heading REF), in the order sent.
    public var references: [PaymentReference]
    public var provenance: Provenance

    public enum Direction: String, Sendable, Hashable {
        case credit, debit
    }

    public init(
        id: String, payer: Party, payee: Party, method: String?, format: String?, handlingCode: String?,
        amount: Money, direction: Direction, date: CalendarDate?, traceNumber: String?, originatorID: String?,
        provenance: Provenance, uetr: String? = nil, remittanceID: String? = nil, remittanceText: String? = nil,
        references: [PaymentReference] = [], relatedRemittanceID: String? = nil
    ) {
        self.id = id
        self.payer = payer
        self.payee = payee
        self.method = method
        self.format = format
        self.handlingCode = handlingCode
        self.amount = amount
        self.direction = direction
        self.date = date
        self.traceNumber = traceNumber
        self.originatorID = originatorID
        self.provenance = provenance
        self.uetr = uetr
        self.remittanceID = remittanceID
        self.remittanceText = remittanceText
        self.references = references
        self.relatedRemittanceID = relatedRemittanceID
    }
}
