/// Writes the book as an open-items export in the conventions of one of Remit's shipped layouts.
///
/// Every layout lists the same invoices and credit memos; subtotal and total rows (when the noise level
/// has them), payment rows (in the exports that list them: NetSuite, QuickBooks, Oracle) and each
/// layout's own habits (title lines, quoting, separators, number and date forms) differ.
public enum ScenarioExportLayout: String, Sendable, CaseIterable {
    case generic
    case sapFBL5N = "sap-fbl5n"
    case netsuite
    case quickbooksAging = "quickbooks-aging"
    case oracleReceivables = "oracle-receivables"

    /// The export's file name in a scenario directory, e.g. `open-items.sap-fbl5n.csv`.
    public var fileName: String {
        "open-items." + rawValue + (self == .oracleReceivables ? ".tsv" : ".csv")
    }

    func write(_ book: ScenarioBook, subtotals: Bool) -> String {
        let groups = ExportGroups(book: book)
        switch self {
        case .generic: return ExportRows.generic(groups, subtotals: subtotals)
        case .sapFBL5N: return ExportRows.sap(groups, subtotals: subtotals)
        case .netsuite: return ExportRows.netsuite(groups, subtotals: subtotals)
        case .quickbooksAging: return ExportRows.quickbooks(groups)
        case .oracleReceivables: return ExportRows.oracle(groups, subtotals: subtotals)
        }
    }
}

/// The book's rows per customer, in customer order, each customer's items by date then number.
struct ExportGroups {
    struct Group {
        var customer: ScenarioCustomer
        var items: [ScenarioInvoice]
        var receipts: [ScenarioReceipt]
        var total: Cents { items.reduce(Cents.zero) { $0 + $1.amount } }
    }

    var groups: [Group]
    var total: Cents { groups.reduce(Cents.zero) { $0 + $1.total } }

    init(book: ScenarioBook) {
        groups = book.customers.enumerated().map { customer, record in
            let items = record.invoices.map { book.invoices[$0] }.sorted {
                ($0.date, $0.number) < ($1.date, $1.number)
            }
            let receipts = book.receipts.filter { $0.customer == customer }
            return Group(customer: record, items: items, receipts: receipts)
        }
    }
}
