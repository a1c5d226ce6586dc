/// One open item from an ERP export.
public struct Invoice: Sendable, Hashable {
    public var number: String
    public var normalizedNumber: String
    public var customerID: String?
    public var customerName: String?
    public var purchaseOrder: String?
    public var invoiceDate: CalendarDate?
    public var dueDate: CalendarDate?
    public var amount: Money
    /// What is still owed; equals `amount` when the export has no open-amount column.
    public var openAmount: Money
    public var terms: String?
    public var location: SourceLocation

    public init(
        number: String, normalizedNumber: String, customerID: String?, customerName: String?, purchaseOrder: String?,
        invoiceDate: CalendarDate?, dueDate: CalendarDate?, amount: Money, openAmount: Money, terms: String?,
        location: SourceLocation
    ) {
        self.number = number
        self.normalizedNumber = normalizedNumber
        self.customerID = customerID
        self.customerName = customerName
        self.purchaseOrder = purchaseOrder
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.amount = amount
        self.openAmount = openAmount
        self.terms = terms
        self.location = location
    }
}
