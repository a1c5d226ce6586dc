import RemitCore
import RemitMatch

/// `remit explain --json`: the trace as one JSON object, for programs.
///
/// Keys: `format` (`remit-explain`), `format_version`, `auto_apply_score`, `suggest_score`, `lines` (each
/// traced line with its `steps` and its `decision`, the object `matches.jsonl` holds for it) and `invoices`
/// (each invoice asked about, with `considered_by`). docs/matching.md describes every field.
public enum ExplanationJSON {
    static let formatVersion = 1

    /// The object, ending with a line break.
    public static func render(_ trace: MatchTrace) -> String {
        var writer = JSONWriter(reservingCapacity: 1 << 14)
        writer.beginObject()
        writer.field("format", "remit-explain")
        writer.field("format_version", formatVersion)
        writer.field("auto_apply_score", trace.autoApplyScore)
        writer.field("suggest_score", trace.suggestScore)
        writer.key("lines")
        writer.beginArray()
        for traced in trace.lines { line(traced, into: &writer) }
        writer.endArray()
        writer.key("invoices")
        writer.beginArray()
        for invoice in trace.invoices { self.invoice(invoice, trace, into: &writer) }
        writer.endArray()
        writer.endObject()
        writer.newline()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func line(_ traced: LineTrace, into writer: inout JSONWriter) {
        let line = traced.line
        writer.beginObject()
        writer.field("line_id", line.id)
        writer.field("payment_id", line.paymentID)
        writer.field("reference_qualifier", line.referenceQualifier)
        writer.field("reference", line.reference)
        writer.field("normalized_reference", line.normalizedReference)
        writer.party("payer", line.payer)
        writer.money("amount_paid", line.amountPaid)
        writer.money("discount_taken", line.discountTaken)
        writer.location("source", line.provenance.location)
        evidence("payer_match", traced.payerMatch, into: &writer)
        writer.key("steps")
        writer.beginArray()
        for step in traced.steps { self.step(step, into: &writer) }
        writer.endArray()
        writer.key("decision")
        MatchOutputs.write(traced.match, into: &writer)
        writer.endObject()
    }

    private static func step(_ step: RuleStep, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("number", step.number)
        writer.field("rule", step.rule)
        writer.field("outcome", step.outcome.rawValue)
        writer.field("note", step.note)
        writer.key("lookups")
        writer.beginArray()
        for lookup in step.lookups {
            writer.beginObject()
            writer.field("key", lookup.key)
            writer.key("candidates")
            writer.beginArray()
            for candidate in lookup.candidates { self.candidate(candidate, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("finding")
        if let finding = step.finding {
            writer.beginObject()
            writer.field("rule", finding.rule)
            writer.field("score", finding.score)
            writer.field("single_answer", finding.singleAnswer)
            writer.key("invoices")
            writer.beginArray()
            for number in finding.invoices { writer.string(number) }
            writer.endArray()
            evidence("evidence", finding.evidence, into: &writer)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.endObject()
    }

    private static func candidate(_ candidate: TraceCandidate, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("invoice_number", candidate.invoice.number)
        writer.field("customer_id", candidate.invoice.customerID)
        writer.field("customer_name", candidate.invoice.customerName)
        writer.money("open_amount", candidate.openAmount)
        writer.field("kept", candidate.kept)
        writer.field("chosen", candidate.chosen)
        writer.field("reason", candidate.reason)
        writer.location("source", candidate.invoice.location)
        writer.endObject()
    }

    private static func invoice(_ invoice: MatchTrace.TracedInvoice, _ trace: MatchTrace, into writer: inout JSONWriter)
    {
        let found = invoice.invoice
        writer.beginObject()
        writer.field("number", found.number)
        writer.field("customer_id", found.customerID)
        writer.field("customer_name", found.customerName)
        writer.money("open_amount", found.openAmount)
        writer.money("remaining", invoice.remaining)
        writer.field("settled_by", invoice.settledBy)
        writer.location("source", found.location)
        writer.key("considered_by")
        writer.beginArray()
        for (traced, steps) in trace.lines(considering: invoice) {
            writer.beginObject()
            writer.field("line_id", traced.line.id)
            writer.key("steps")
            writer.beginArray()
            for step in steps {
                writer.beginObject()
                writer.field("number", step.number)
                writer.field("rule", step.rule)
                writer.field("outcome", step.outcome.rawValue)
                if let candidate = MatchTrace.candidate(invoice, in: step) {
                    writer.field("kept", candidate.kept)
                    writer.field("chosen", candidate.chosen)
                    writer.field("reason", candidate.reason)
                }
                writer.endObject()
            }
            writer.endArray()
            writer.field("decision", traced.match.decision.rawValue)
            writer.field("rule", traced.match.rule)
            writer.field("invoice_number", traced.match.invoice?.number)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private static func evidence(_ name: StaticString, _ evidence: [Evidence], into writer: inout JSONWriter) {
        writer.key(name)
        writer.beginArray()
        for item in evidence {
            writer.beginObject()
            writer.field("name", item.name)
            writer.field("value", item.value)
            writer.endObject()
        }
        writer.endArray()
    }
}
