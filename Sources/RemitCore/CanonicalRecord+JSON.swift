/// The JSON Lines form of canonical records. Field names are documented in `docs/records.md` and
/// `docs/schema/records.schema.json`; they are stable, so add fields, never rename them.
extension CanonicalRecord {
    /// Appends the record as one JSON object (no newline).
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("record_type", recordType)
        switch self {
        case .payment(let payment): payment.writeFields(into: &writer)
        case .remittanceLine(let line): line.writeFields(into: &writer)
        case .deduction(let deduction): deduction.writeFields(into: &writer)
        case .bankTransaction(let transaction): transaction.writeFields(into: &writer)
        }
        writer.key("source")
        provenance.writeJSON(into: &writer)
        writer.endObject()
    }
}

extension JSONWriter {
    /// Writes `name` as `{"amount":"12.50","currency":"USD"}`; amounts are strings so no reader rounds them.
    public mutating func money(_ name: StaticString, _ value: Money?) {
        guard let value else { return }
        moneyField(
            name, amount: value.amount, minimumScale: Currency.minorDigits(of: value.currency),
            currency: value.currency)
    }

    public mutating func date(_ name: StaticString, _ value: CalendarDate?) {
        guard let value else { return }
        key(name)
        dateString(value)
    }

    public mutating func party(_ name: StaticString, _ value: Party) {
        guard !value.isEmpty else { return }
        key(name)
        // Every record of a payment names the same payer: written once, then copied.
        cachedFragment(for: value.identity) { writer in
            writer.beginObject()
            writer.field("name", value.name)
            writer.field("id_qualifier", value.idQualifier)
            writer.field("id", value.id)
            writer.endObject()
        }
    }
}

extension Payment {
    func writeFields(into writer: inout JSONWriter) {
        writer.field("id", id)
        writer.party("payer", payer)
        writer.party("payee", payee)
        writer.money("amount", amount)
        writer.field("direction", direction.rawValue)
        writer.date("date", date)
        writer.field("method", method)
        writer.field("format", format)
        writer.field("handling_code", handlingCode)
        writer.field("trace_number", traceNumber)
        writer.field("originator_id", originatorID)
        writer.field("uetr", uetr)
        writer.field("remittance_id", remittanceID)
        writer.field("related_remittance_id", relatedRemittanceID)
        writer.field("remittance_text", remittanceText)
        guard !references.isEmpty else { return }
        writer.key("references")
        writer.beginArray()
        for reference in references {
            writer.beginObject()
            writer.field("qualifier", reference.qualifier)
            writer.field("value", reference.value)
            writer.field("description", reference.description)
            writer.endObject()
        }
        writer.endArray()
    }
}

extension RemittanceLine {
    func writeFields(into writer: inout JSONWriter) {
        writer.field("id", id)
        writer.field("payment_id", paymentID)
        writer.field("reference_qualifier", referenceQualifier)
        writer.field("reference", reference)
        writer.field("normalized_reference", normalizedReference)
        writer.field("purchase_order", purchaseOrder)
        writer.date("invoice_date", invoiceDate)
        writer.money("amount_paid", amountPaid)
        writer.money("invoice_amount", invoiceAmount)
        writer.money("discount_taken", discountTaken)
        writer.party("payer", payer)
    }
}

extension Deduction {
    func writeFields(into writer: inout JSONWriter) {
        writer.field("id", id)
        writer.field("payment_id", paymentID)
        writer.field("line_id", lineID)
        writer.money("amount", amount)
        writer.field("origin", origin.rawValue)
        writer.field("category", category.rawValue)
        writer.field("category_source", categorySource)
        writer.field("reason_code", reasonCode)
        writer.field("reason_code_list", reasonCodeList)
        writer.field("reason_text", reasonText)
        writer.field("invoice_reference", invoiceReference)
        writer.field("memo_number", memoNumber)
        writer.field("memo_qualifier", memoQualifier)
        writer.party("payer", payer)
        writer.field("payment_trace", paymentTrace)
        if let memo { memo.writeJSON(into: &writer) }
    }
}

extension AdjustmentMemo {
    /// Writes `"memo":{...}` with the fields the memo has.
    func writeJSON(into writer: inout JSONWriter) {
        writer.key("memo")
        writer.beginObject()
        writer.date("date", date)
        writer.field("handling_code", handlingCode)
        writer.money("memo_total", memoTotal)
        writer.field("credit_debit", creditDebitFlag)
        writer.date("invoice_date", invoiceDate)
        writer.field("vendor_order", vendorOrder)
        writer.date("purchase_order_date", purchaseOrderDate)
        writer.field("purchase_order", purchaseOrder)
        writer.field("purpose", purpose)
        writer.field("line_reference", lineReference)
        writer.field("quantity", quantity)
        writer.field("unit", unit)
        if !lineContext.isEmpty {
            writer.key("line_context")
            writer.beginArray()
            for entry in lineContext { writer.string(entry) }
            writer.endArray()
        }
        writer.endObject()
    }
}

extension BankTransaction {
    func writeFields(into writer: inout JSONWriter) {
        writer.field("id", id)
        writer.field("account", account)
        writer.date("as_of_date", asOfDate)
        writer.date("value_date", valueDate)
        writer.field("type_code", typeCode)
        writer.field("direction", direction.rawValue)
        writer.money("amount", amount)
        writer.field("funds_type", fundsType)
        writer.field("bank_reference", bankReference)
        writer.field("customer_reference", customerReference)
        writer.field("text", text)
        writer.field("reversal", isReversal)
        writer.field("status", status)
    }
}

extension Provenance {
    /// `{"file":…,"sha256":…,"line":…,…}` with the envelope keys flattened in.
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("file", location.file)
        if !fileSHA256.isEmpty { writer.field("sha256", fileSHA256) }
        writer.field("line", location.line)
        writer.field("column", location.column)
        writer.field("byte_offset", Int(location.byteOffset))
        writer.field("segment_index", location.segmentIndex)
        writer.field("element", location.element)
        writer.field("path", location.path)
        // The same for every record of a transaction: written once, then copied.
        writer.cachedFragment(for: origin) { writer in
            let envelope = origin.envelope
            writer.field("interchange_control", envelope.interchangeControl)
            writer.field("group_control", envelope.groupControl)
            writer.field("transaction_control", envelope.transactionControl)
            writer.field("sender_id", envelope.senderID)
            writer.field("receiver_id", envelope.receiverID)
            writer.field("version", envelope.version)
            if !origin.transactionID.isEmpty { writer.field("transaction_id", origin.transactionID) }
        }
        writer.endObject()
    }
}
