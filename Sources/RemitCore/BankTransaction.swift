/// One movement on a bank account as the bank reports it (a BAI2 16 record, an ISO 20022 Ntry).
public struct BankTransaction: Sendable, Hashable {
    public var id: String
    /// The account as the bank names it; never more than the bank itself printed.
    public var account: String
    public var asOfDate: CalendarDate?
    public var valueDate: CalendarDate?
    /// Bank transaction type: a BAI type code (`165`) or an ISO 20022 bank transaction code (`PMNT/RCDT/ESCT`).
    public var typeCode: String
    public var direction: Payment.Direction
    /// Positive; `direction` says which way it moved.
    public var amount: Money
    public var fundsType: String?
    public var bankReference: String?
    public var customerReference: String?
    public var text: String?
    /// True when the bank reports this entry as reversing an earlier one.
    public var isReversal: Bool
    /// The bank's status for the entry: ISO 20022 `Sts` as sent (`BOOK`, `PDNG`, `INFO`, `FUTR`; only booked
    /// entries are cash), or for BAI2 the raw value of the group's `BankStatusGroup.Status` (`deletion`,
    /// `correction`, `test_only`), nil for a group sent as an update.
    public var status: String?
    public var provenance: Provenance

    public init(
        id: String, account: String, asOfDate: CalendarDate?, valueDate: CalendarDate?, typeCode: String,
        direction: Payment.Direction, amount: Money, fundsType: String?, bankReference: String?,
        customerReference: String?, text: String?, isReversal: Bool, status: String? = nil,
        provenance: Provenance
    ) {
        self.id = id
        self.account = account
        self.asOfDate = asOfDate
        self.valueDate = valueDate
        self.typeCode = typeCode
        self.direction = direction
        self.amount = amount
        self.fundsType = fundsType
        self.bankReference = bankReference
        self.customerReference = customerReference
        self.text = text
        self.isReversal = isReversal
        self.status = status
        self.provenance = provenance
    }
}
