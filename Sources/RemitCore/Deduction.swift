/// Money the payer kept back, with the reason as given and the category Remit assigned.
public struct Deduction: Sendable, Hashable {
    public var id: String
    public var paymentID: String?
    /// The remittance line this deduction is attached to, when the source attaches it to one.
    public var lineID: String?
    /// Positive: the amount by which the payer reduced what it paid.
    public var amount: Money
    /// The reason code exactly as sent, nil when the payer gave none.
    public var reasonCode: String?
    /// The code list `reasonCode` belongs to, e.g. `X12-426`, `EDIFACT-4465`.
    public var reasonCodeList: String?
    public var category: DeductionCategory
    /// Which mapping row decided `category`, e.g. `mappings/reason-codes.csv:41` or `rule:short-pay`.
    public var categorySource: String
    /// Free text that came with the deduction, joined with ` | ` when several notes were given.
    public var reasonText: String?
    /// The invoice reference the payer attached the deduction to, as sent.
    public var invoiceReference: String?
    /// The payer's own number for the deduction: a debit memo or claim number.
    public var memoNumber: String?
    public var memoQualifier: String?
    public var payer: Party
    /// The trace number of the payment that took the deduction.
    public var paymentTrace: String?
    public var origin: Origin
    public var provenance: Provenance
    /// The memo that announced the deduction (origin `announced`); nil for other origins.
    public var memo: AdjustmentMemo?

    /// How the deduction came to be known.
    public enum Origin: String, Sendable, Hashable {
        /// Stated by the payer with an amount and usually a reason (X12 ADX, ISO AdjstmntAmtAndRsn).
        case stated
        /// Not stated: the difference between what was owed and what was paid.
        case shortPay = "short_pay"
        /// Found by matching against the invoice export.
        case matching
        /// Announced by the payer in a credit/debit memo (X12 812) before or apart from the payment that takes it.
        case announced
    }

    public init(
        id: String, paymentID: String?, lineID: String?, amount: Money, reasonCode: String?, reasonCodeList: String?,
        category: DeductionCategory, categorySource: String, reasonText: String?, invoiceReference: String?,
        memoNumber: String?, memoQualifier: String?, payer: Party, paymentTrace: String?, origin: Origin,
        provenance: Provenance, memo: AdjustmentMemo? = nil
    ) {
        self.id = id
        self.paymentID = paymentID
        self.lineID = lineID
        self.amount = amount
        self.reasonCode = reasonCode
        self.reasonCodeList = reasonCodeList
        self.category = category
        self.categorySource = categorySource
        self.reasonText = reasonText
        self.invoiceReference = invoiceReference
        self.memoNumber = memoNumber
        self.memoQualifier = memoQualifier
        self.payer = payer
        self.paymentTrace = paymentTrace
        self.origin = origin
        self.provenance = provenance
        self.memo = memo
    }
}
