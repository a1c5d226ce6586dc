import RemitCore
import RemitMatch

/// `reassociation.jsonl` and `reassociation.csv`: every bank credit with the remittance it was paired with,
/// then every remittance left without cash.
enum ReassociationOutputs {
    static func writeJSONLines(_ reassociation: Reassociation, to file: inout OutputFile) throws(SystemCallError) {
        var writer = JSONWriter()
        for pairing in reassociation.pairings {
            write(pairing, into: &writer)
            writer.newline()
            try file.write(writer.bytes)
            writer.removeAll()
        }
    }

    static func writeCSV(_ reassociation: Reassociation, to file: inout OutputFile) throws(SystemCallError) {
        var writer = CSVWriter()
        writer.writeHeader(CSVColumn.header(columns))
        for pairing in reassociation.pairings {
            writer.writeRow(CSVColumn.row(columns, pairing))
            try file.write(writer.bytes)
            writer.removeAll()
        }
        try file.write(writer.bytes)
    }

    /// One pairing: the bank transaction and payments in their canonical record form (`null` and `[]` when
    /// absent), the totals, the rule and its evidence.
    static func write(_ pairing: CashPairing, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("status", pairing.status.rawValue)
        writer.field("rule", pairing.rule)
        writer.field("score", pairing.score)
        writer.key("bank_transaction")
        if let transaction = pairing.bankTransaction {
            CanonicalRecord.bankTransaction(transaction).writeJSON(into: &writer)
        } else {
            writer.null()
        }
        writer.key("payments")
        writer.beginArray()
        for payment in pairing.payments { CanonicalRecord.payment(payment).writeJSON(into: &writer) }
        writer.endArray()
        writer.money("payments_total", pairing.paymentsTotal)
        writer.money("difference", pairing.difference)
        writer.key("evidence")
        writer.beginArray()
        for evidence in pairing.evidence {
            writer.beginObject()
            writer.field("name", evidence.name)
            writer.field("value", evidence.value)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// Several payments of one pairing are joined with ` | ` in the payment columns.
    static let columns: [CSVColumn<CashPairing>] = [
        CSVColumn("status") { .text($0.status.rawValue) },
        CSVColumn("rule") { .text($0.rule) },
        CSVColumn("score") { .integer($0.score) },
        CSVColumn("account") { .optional($0.bankTransaction?.account) },
        CSVColumn("bank_transaction_id") { .optional($0.bankTransaction?.id) },
        CSVColumn("bank_type_code") { .optional($0.bankTransaction?.typeCode) },
        CSVColumn("bank_date") { .optional(bankDate($0.bankTransaction)?.description) },
        CSVColumn("currency") { .text(($0.bankTransaction?.amount ?? $0.paymentsTotal)?.currency ?? "") },
        CSVColumn("bank_amount") { .amount($0.bankTransaction?.amount) },
        CSVColumn("bank_reference") { .optional($0.bankTransaction?.bankReference) },
        CSVColumn("customer_reference") { .optional($0.bankTransaction?.customerReference) },
        CSVColumn("payment_ids") { .text(joined($0.payments.map(\.id))) },
        CSVColumn("payer_names") { .text(joined($0.payments.map { $0.payer.name ?? "" })) },
        CSVColumn("trace_numbers") { .text(joined($0.payments.map { $0.traceNumber ?? "" })) },
        CSVColumn("payment_dates") { .text(joined($0.payments.map { $0.date?.description ?? "" })) },
        CSVColumn("payments_total") { .amount($0.paymentsTotal) },
        CSVColumn("difference") { .amount($0.difference) },
        CSVColumn("evidence") { .text(MatchOutputs.evidenceText($0.evidence)) },
        CSVColumn("bank_source_file") { .optional($0.bankTransaction?.provenance.location.file) },
        CSVColumn("bank_source_line") { .integer($0.bankTransaction?.provenance.location.line) },
        CSVColumn("bank_source_byte_offset") {
            .number($0.bankTransaction.map { String($0.provenance.location.byteOffset) } ?? "")
        },
        CSVColumn("payment_source_file") { .text(joined($0.payments.map(\.provenance.location.file))) },
        CSVColumn("payment_source_line") {
            .text(joined($0.payments.map { String($0.provenance.location.line) }))
        },
    ]

    static func bankDate(_ transaction: BankTransaction?) -> CalendarDate? {
        transaction.flatMap { $0.valueDate ?? $0.asOfDate }
    }

    private static func joined(_ values: [String]) -> String { values.joined(separator: " | ") }
}
