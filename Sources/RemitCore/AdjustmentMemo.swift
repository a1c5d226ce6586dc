/// What a payer's credit/debit memo (an X12 812) says about an announced deduction, beyond the deduction itself.
///
/// Carried by deductions whose origin is `announced`. The memo number itself is `Deduction.memoNumber`, the
/// invoice it concerns `Deduction.invoiceReference`.
public struct AdjustmentMemo: Sendable, Hashable {
    /// BCD01: the date of the memo.
    public var date: CalendarDate?
    /// BCD03: transaction handling code as sent.
    public var handlingCode: String?
    /// The memo's net amount (BCD04) with the sign of BCD05: positive when the payer debits us.
    public var memoTotal: Money?
    /// The credit/debit flag that gave this deduction its sign (CDD02, else BCD05), as sent: `C` or `D`.
    public var creditDebitFlag: String?
    /// BCD06 and BCD07's partner: the date of the invoice the memo concerns.
    public var invoiceDate: CalendarDate?
    /// BCD08: the payer's vendor order number.
    public var vendorOrder: String?
    /// BCD09 and BCD10: the purchase order.
    public var purchaseOrderDate: CalendarDate?
    public var purchaseOrder: String?
    /// BCD11: transaction set purpose (`00` original, `05` replace, ...).
    public var purpose: String?
    /// CDD03: the payer's reference for the adjusted line.
    public var lineReference: String?
    /// CDD07 and CDD08: quantity credited or debited and its unit.
    public var quantity: String?
    public var unit: String?
    /// The item detail under the line (LIN, QTY, PO4, PID), one entry per segment: the segment ID, a colon,
    /// then its non-empty elements separated by spaces, e.g. `LIN: 1 UP 012345678905`.
    public var lineContext: [String]

    public init(
        date: CalendarDate? = nil, handlingCode: String? = nil, memoTotal: Money? = nil,
        creditDebitFlag: String? = nil, invoiceDate: CalendarDate? = nil, vendorOrder: String? = nil,
        purchaseOrderDate: CalendarDate? = nil, purchaseOrder: String? = nil, purpose: String? = nil,
        lineReference: String? = nil, quantity: String? = nil, unit: String? = nil, lineContext: [String] = []
    ) {
        self.date = date
        self.handlingCode = handlingCode
        self.memoTotal = memoTotal
        self.creditDebitFlag = creditDebitFlag
        self.invoiceDate = invoiceDate
        self.vendorOrder = vendorOrder
        self.purchaseOrderDate = purchaseOrderDate
        self.purchaseOrder = purchaseOrder
        self.purpose = purpose
        self.lineReference = lineReference
        self.quantity = quantity
        self.unit = unit
        self.lineContext = lineContext
    }
}
