import RemitCore
import RemitMatch

/// `matches.jsonl` and `matches.csv`: what became of every remittance line.
enum MatchOutputs {
    static func writeJSONLines(_ matches: [LineMatch], to file: inout OutputFile) throws(SystemCallError) {
        var writer = JSONWriter()
        for match in matches {
            write(match, into: &writer)
            writer.newline()
            try file.write(writer.bytes)
            writer.removeAll()
        }
    }

    static func writeCSV(_ matches: [LineMatch], to file: inout OutputFile) throws(SystemCallError) {
        var writer = CSVWriter()
        writer.writeHeader(CSVColumn.header(columns))
        for match in matches {
            writer.writeRow(CSVColumn.row(columns, match))
            try file.write(writer.bytes)
            writer.removeAll()
        }
        try file.write(writer.bytes)
    }

    /// One match as a JSON object; `invoice` is `null` for an unmatched line, amounts keep their currency.
    static func write(_ match: LineMatch, into writer: inout JSONWriter) {
        let line = match.line
        writer.beginObject()
        writer.field("line_id", line.id)
        writer.field("payment_id", line.paymentID)
        writer.field("reference_qualifier", line.referenceQualifier)
        writer.field("reference", line.reference)
        writer.field("normalized_reference", line.normalizedReference)
        writer.party("payer", line.payer)
        writer.key("invoice")
        if let invoice = match.invoice {
            writer.beginObject()
            writer.field("number", invoice.number)
            writer.field("customer_id", invoice.customerID)
            writer.field("customer_name", invoice.customerName)
            writer.field("purchase_order", invoice.purchaseOrder)
            writer.location("source", invoice.location)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("also_applied_to")
        writer.beginArray()
        for allocation in match.allocations {
            writer.beginObject()
            writer.field("number", allocation.invoice.number)
            writer.money("open_before", allocation.openBefore)
            writer.money("applied", allocation.applied)
            writer.location("source", allocation.invoice.location)
            writer.endObject()
        }
        writer.endArray()
        writer.money("open_before", match.openBefore)
        writer.money("amount_paid", line.amountPaid)
        writer.money("applied", match.applied)
        writer.money("discount_taken", match.discountTaken)
        writer.money("unearned_discount", match.unearnedDiscount)
        writer.money("stated_deductions", match.statedDeductions)
        writer.money("unexplained", match.unexplained)
        writer.money("written_off", match.writtenOff)
        writer.money("unapplied", match.unapplied)
        writer.money("open_after", match.openAfter)
        writer.field("outcome", match.outcome.rawValue)
        writer.field("rule", match.rule)
        writer.field("score", match.score)
        writer.field("decision", match.decision.rawValue)
        writer.key("evidence")
        writer.beginArray()
        for evidence in match.evidence {
            writer.beginObject()
            writer.field("name", evidence.name)
            writer.field("value", evidence.value)
            writer.endObject()
        }
        writer.endArray()
        writer.key("source")
        line.provenance.writeJSON(into: &writer)
        writer.endObject()
    }

    /// The match table's columns. Amounts are in the row's `currency` (the currency the line was paid in);
    /// an amount in any other currency is written as text with its code, e.g. `12.50 EUR`, so it is seen.
    static let columns: [CSVColumn<LineMatch>] = [
        CSVColumn("line_id") { .text($0.line.id) },
        CSVColumn("payment_id") { .text($0.line.paymentID) },
        CSVColumn("reference_qualifier") { .optional($0.line.referenceQualifier) },
        CSVColumn("reference") { .text($0.line.reference) },
        CSVColumn("normalized_reference") { .text($0.line.normalizedReference) },
        CSVColumn("payer_name") { .optional($0.line.payer.name) },
        CSVColumn("payer_id_qualifier") { .optional($0.line.payer.idQualifier) },
        CSVColumn("payer_id") { .optional($0.line.payer.id) },
        CSVColumn("invoice_number") { .optional($0.invoice?.number) },
        CSVColumn("invoice_customer_id") { .optional($0.invoice?.customerID) },
        CSVColumn("invoice_customer_name") { .optional($0.invoice?.customerName) },
        CSVColumn("also_applied_to") { .text($0.allocations.map(\.invoice.number).joined(separator: " ")) },
        CSVColumn("currency") { .text($0.line.amountPaid.currency) },
        CSVColumn("open_before") { amount($0.openBefore, in: $0) },
        CSVColumn("amount_paid") { amount($0.line.amountPaid, in: $0) },
        CSVColumn("applied") { amount($0.applied, in: $0) },
        CSVColumn("discount_taken") { amount($0.discountTaken, in: $0) },
        CSVColumn("unearned_discount") { amount($0.unearnedDiscount, in: $0) },
        CSVColumn("stated_deductions") { amount($0.statedDeductions, in: $0) },
        CSVColumn("unexplained") { amount($0.unexplained, in: $0) },
        CSVColumn("written_off") { amount($0.writtenOff, in: $0) },
        CSVColumn("unapplied") { amount($0.unapplied, in: $0) },
        CSVColumn("open_after") { amount($0.openAfter, in: $0) },
        CSVColumn("outcome") { .text($0.outcome.rawValue) },
        CSVColumn("rule") { .text($0.rule) },
        CSVColumn("score") { .integer($0.score) },
        CSVColumn("decision") { .text($0.decision.rawValue) },
        CSVColumn("evidence") { .text(evidenceText($0.evidence)) },
        CSVColumn("invoice_source_file") { .optional($0.invoice?.location.file) },
        CSVColumn("invoice_source_line") { .integer($0.invoice?.location.line) },
        CSVColumn("source_file") { .text($0.line.provenance.location.file) },
        CSVColumn("source_line") { .integer($0.line.provenance.location.line) },
        CSVColumn("source_column") { .integer($0.line.provenance.location.column) },
        CSVColumn("source_byte_offset") { .number(String($0.line.provenance.location.byteOffset)) },
        CSVColumn("source_segment_index") { .integer($0.line.provenance.location.segmentIndex) },
        CSVColumn("source_path") { .optional($0.line.provenance.location.path) },
        CSVColumn("source_sha256") { .text($0.line.provenance.fileSHA256) },
        CSVColumn("source_transaction_id") { .text($0.line.provenance.transactionID) },
    ]

    /// `name=value; name=value`, in the order the rule looked.
    static func evidenceText(_ evidence: [Evidence]) -> String {
        evidence.map(\.description).joined(separator: "; ")
    }

    private static func amount(_ value: Money?, in match: LineMatch) -> CSVCell {
        guard let value else { return .number("") }
        if value.currency == match.line.amountPaid.currency { return .number(value.formattedAmount) }
        return .text(value.description)
    }
}
