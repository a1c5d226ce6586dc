import RemitCore

extension JSONWriter {
    /// `{"amount":"12.50","currency":"USD"}` as an array element.
    mutating func moneyObject(_ value: Money) {
        beginObject()
        field("amount", value.formattedAmount)
        field("currency", value.currency)
        endObject()
    }

    /// `"name":[{"amount":…,"currency":…},…]`, written even when empty.
    mutating func moneyList(_ name: StaticString, _ values: [Money]) {
        key(name)
        beginArray()
        for value in values { moneyObject(value) }
        endArray()
    }

    mutating func location(_ name: StaticString, _ location: SourceLocation) {
        key(name)
        beginObject()
        field("file", location.file)
        field("line", location.line)
        field("column", location.column)
        field("byte_offset", Int(location.byteOffset))
        field("segment_index", location.segmentIndex)
        field("element", location.element)
        field("path", location.path)
        endObject()
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        beginObject()
        field("severity", diagnostic.severity.rawValue)
        field("code", diagnostic.code)
        field("message", diagnostic.message)
        location("location", diagnostic.location)
        field("hint", diagnostic.hint)
        field("text", diagnostic.description)
        endObject()
    }

    mutating func diagnosticCounts(_ name: StaticString, _ counts: DiagnosticCounts) {
        key(name)
        beginObject()
        field("error", counts.errors)
        field("warning", counts.warnings)
        field("note", counts.notes)
        endObject()
    }

    mutating func envelope(_ name: StaticString, _ envelope: EnvelopeKeys) {
        guard !envelope.isEmpty else { return }
        key(name)
        beginObject()
        field("interchange_control", envelope.interchangeControl)
        field("group_control", envelope.groupControl)
        field("transaction_control", envelope.transactionControl)
        field("sender_id", envelope.senderID)
        field("receiver_id", envelope.receiverID)
        field("version", envelope.version)
        endObject()
    }

    mutating func transactionSummary(_ summary: TransactionSummary) {
        beginObject()
        field("kind", summary.kind)
        field("status", summary.status.rawValue)
        field("payment_id", summary.paymentID)
        field("transaction_id", summary.transactionID)
        money("stated_total", summary.statedTotal)
        money("lines_total", summary.linesTotal)
        money("adjustments_total", summary.adjustmentsTotal)
        money("imbalance", summary.imbalance)
        field("record_count", summary.recordCount)
        location("location", summary.location)
        envelope("envelope", summary.envelope)
        endObject()
    }
}
