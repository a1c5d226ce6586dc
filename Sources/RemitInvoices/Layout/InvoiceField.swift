/// The invoice attributes a layout can map to columns of an export.
///
/// The raw values are the names used in layout files.
public enum InvoiceField: String, Sendable, Hashable, CaseIterable, Comparable {
    case invoiceNumber = "invoice_number"
    case customerID = "customer_id"
    case customerName = "customer_name"
    case purchaseOrder = "po_number"
    case invoiceDate = "invoice_date"
    case dueDate = "due_date"
    case amount
    case openAmount = "open_amount"
    case currency
    case terms

    /// The fields every export must have a column for.
    public static let alwaysRequired: Set<InvoiceField> = [.invoiceNumber, .amount]

    public static func < (lhs: InvoiceField, rhs: InvoiceField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
