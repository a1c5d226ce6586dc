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
