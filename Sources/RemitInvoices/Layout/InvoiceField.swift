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

    public static func < (lhs: InvoiceField, rhs: InvoiceField) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Position in `allCases`, for array-indexed lookups on the per-row path.
    var ordinal: Int {
        switch self {
        case .invoiceNumber: return 0
        case .customerID: return 1
        case .customerName: return 2
        case .purchaseOrder: return 3
        case .invoiceDate: return 4
        case .dueDate: return 5
        case .amount: return 6
        case .openAmount: return 7
        case .currency: return 8
        case .terms: return 9
        }
    }
}
