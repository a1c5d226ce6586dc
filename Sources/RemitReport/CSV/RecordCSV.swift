import RemitCore

/// The CSV form of canonical records: one fixed header per record kind, fields named as in JSON Lines.
///
/// Nested JSON objects are flattened with their key as prefix: `payer.name` becomes `payer_name`, the
/// `source` object becomes `source_file`, `source_line`, ... . A money field `x` becomes the columns `x`
/// (plain decimal) and `x_currency`, except a field named `amount`, whose currency column is `currency`.
/// Absent values are empty cells.
public enum RecordCSV {
    /// The record kinds, as `CanonicalRecord.recordType` names them.
    public static let kinds = ["payment", "remittance_line", "deduction", "bank_transaction"]

    /// The column names for records of `kind`, or an empty list for a kind Remit does not know.
    public static func header(for kind: String) -> [String] {
        switch kind {
        case "payment": return CSVColumn.header(paymentColumns)
        case "remittance_line": return CSVColumn.header(lineColumns)
        case "deduction": return CSVColumn.header(deductionColumns)
        case "bank_transaction": return CSVColumn.header(bankTransactionColumns)
        default: return []
        }
    }

    /// The cells of one record, in the order of `header(for: record.recordType)`.
    public static func row(_ record: CanonicalRecord) -> [CSVCell] {
        switch record {
        case .payment(let payment): return CSVColumn.row(paymentColumns, payment)
        case .remittanceLine(let line): return CSVColumn.row(lineColumns, line)
        case .deduction(let deduction): return CSVColumn.row(deductionColumns, deduction)
        case .bankTransaction(let transaction): return CSVColumn.row(bankTransactionColumns, transaction)
        }
    }

    static let paymentColumns: [CSVColumn<Payment>] =
        [CSVColumn("record_type") { _ in "payment" }, CSVColumn("id") { .text($0.id) }]
        + CSVColumn.party("payer").map { $0.lifted { (payment: Payment) in payment.payer } }
        + CSVColumn.party("payee").map { $0.lifted { (payment: Payment) in payment.payee } }
        + [
            CSVColumn("amount") { .amount($0.amount) },
            CSVColumn("currency") { .currency($0.amount) },
            CSVColumn("direction") { .text($0.direction.rawValue) },
            CSVColumn("date") { .optional($0.date?.description) },
            CSVColumn("method") { .optional($0.method) },
            CSVColumn("format") { .optional($0.format) },
            CSVColumn("handling_code") { .optional($0.handlingCode) },
            CSVColumn("trace_number") { .optional($0.traceNumber) },
            CSVColumn("originator_id") { .optional($0.originatorID) },
            CSVColumn("uetr") { .optional($0.uetr) },
            CSVColumn("remittance_id") { .optional($0.remittanceID) },
            CSVColumn("related_remittance_id") { .optional($0.relatedRemittanceID) },
            CSVColumn("remittance_text") { .optional($0.remittanceText) },
            CSVColumn("references") {
                .optional($0.references.isEmpty ? nil : $0.references.map(\.text).joined(separator: " | "))
            },
        ]
        + CSVColumn.source.map { $0.lifted { (payment: Payment) in payment.provenance } }

    static let lineColumns: [CSVColumn<RemittanceLine>] =
        [
            CSVColumn("record_type") { _ in "remittance_line" },
            CSVColumn("id") { .text($0.id) },
            CSVColumn("payment_id") { .text($0.paymentID) },
            CSVColumn("reference_qualifier") { .optional($0.referenceQualifier) },
            CSVColumn("reference") { .text($0.reference) },
            CSVColumn("normalized_reference") { .text($0.normalizedReference) },
            CSVColumn("purchase_order") { .optional($0.purchaseOrder) },
            CSVColumn("invoice_date") { .optional($0.invoiceDate?.description) },
            CSVColumn("amount_paid") { .amount($0.amountPaid) },
            CSVColumn("amount_paid_currency") { .currency($0.amountPaid) },
            CSVColumn("invoice_amount") { .amount($0.invoiceAmount) },
            CSVColumn("invoice_amount_currency") { .currency($0.invoiceAmount) },
            CSVColumn("discount_taken") { .amount($0.discountTaken) },
            CSVColumn("discount_taken_currency") { .currency($0.discountTaken) },
        ]
        + CSVColumn.party("payer").map { $0.lifted { (line: RemittanceLine) in line.payer } }
        + CSVColumn.source.map { $0.lifted { (line: RemittanceLine) in line.provenance } }

    static let deductionColumns: [CSVColumn<Deduction>] =
        [
            CSVColumn("record_type") { _ in "deduction" },
            CSVColumn("id") { .text($0.id) },
            CSVColumn("payment_id") { .optional($0.paymentID) },
            CSVColumn("line_id") { .optional($0.lineID) },
            CSVColumn("amount") { .amount($0.amount) },
            CSVColumn("currency") { .currency($0.amount) },
            CSVColumn("origin") { .text($0.origin.rawValue) },
            CSVColumn("category") { .text($0.category.rawValue) },
            CSVColumn("category_source") { .text($0.categorySource) },
            CSVColumn("reason_code") { .optional($0.reasonCode) },
            CSVColumn("reason_code_list") { .optional($0.reasonCodeList) },
            CSVColumn("reason_text") { .optional($0.reasonText) },
            CSVColumn("invoice_reference") { .optional($0.invoiceReference) },
            CSVColumn("memo_number") { .optional($0.memoNumber) },
            CSVColumn("memo_qualifier") { .optional($0.memoQualifier) },
        ]
        + CSVColumn.party("payer").map { $0.lifted { (deduction: Deduction) in deduction.payer } }
        + [CSVColumn("payment_trace") { .optional($0.paymentTrace) }]
        + CSVColumn.source.map { $0.lifted { (deduction: Deduction) in deduction.provenance } }

    static let bankTransactionColumns: [CSVColumn<BankTransaction>] =
        [
            CSVColumn("record_type") { _ in "bank_transaction" },
            CSVColumn("id") { .text($0.id) },
            CSVColumn("account") { .text($0.account) },
            CSVColumn("as_of_date") { .optional($0.asOfDate?.description) },
            CSVColumn("value_date") { .optional($0.valueDate?.description) },
            CSVColumn("type_code") { .text($0.typeCode) },
            CSVColumn("direction") { .text($0.direction.rawValue) },
            CSVColumn("amount") { .amount($0.amount) },
            CSVColumn("currency") { .currency($0.amount) },
            CSVColumn("funds_type") { .optional($0.fundsType) },
            CSVColumn("bank_reference") { .optional($0.bankReference) },
            CSVColumn("customer_reference") { .optional($0.customerReference) },
            CSVColumn("text") { .optional($0.text) },
            CSVColumn("reversal") { .text($0.isReversal ? "true" : "false") },
            CSVColumn("status") { .optional($0.status) },
        ]
        + CSVColumn.source.map { $0.lifted { (transaction: BankTransaction) in transaction.provenance } }
}
