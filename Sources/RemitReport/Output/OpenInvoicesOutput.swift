import RemitCore
import RemitMatch

/// `open-invoices.csv`: the invoices the run left open, in export order.
enum OpenInvoicesOutput {
    static func writeCSV(_ invoices: [OpenInvoice], to file: inout OutputFile) throws(SystemCallError) {
        var writer = CSVWriter()
        writer.writeHeader(CSVColumn.header(columns))
        for invoice in invoices {
            writer.writeRow(CSVColumn.row(columns, invoice))
            try file.write(writer.bytes)
            writer.removeAll()
        }
        try file.write(writer.bytes)
    }

    /// Amounts are in `currency`, the invoice's currency; one in another currency is written with its code.
    static let columns: [CSVColumn<OpenInvoice>] = [
        CSVColumn("invoice_number") { .text($0.invoice.number) },
        CSVColumn("customer_id") { .optional($0.invoice.customerID) },
        CSVColumn("customer_name") { .optional($0.invoice.customerName) },
        CSVColumn("purchase_order") { .optional($0.invoice.purchaseOrder) },
        CSVColumn("invoice_date") { .optional($0.invoice.invoiceDate?.description) },
        CSVColumn("due_date") { .optional($0.invoice.dueDate?.description) },
        CSVColumn("terms") { .optional($0.invoice.terms) },
        CSVColumn("currency") { .text($0.invoice.amount.currency) },
        CSVColumn("amount") { amount($0.invoice.amount, in: $0) },
        CSVColumn("open_before") { amount($0.invoice.openAmount, in: $0) },
        CSVColumn("applied_this_run") { amount($0.appliedThisRun, in: $0) },
        CSVColumn("remaining") { amount($0.remaining, in: $0) },
        CSVColumn("source_file") { .text($0.invoice.location.file) },
        CSVColumn("source_line") { .integer($0.invoice.location.line) },
    ]

    private static func amount(_ value: Money, in invoice: OpenInvoice) -> CSVCell {
        value.currency == invoice.invoice.amount.currency ? .number(value.formattedAmount) : .text(value.description)
    }
}
