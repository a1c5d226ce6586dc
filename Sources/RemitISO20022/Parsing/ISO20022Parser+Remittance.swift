import RemitCore

/// A `Strd` block becomes one remittance line and the deductions its amounts state or imply.
///
/// Arithmetic per block, in the payment's currency: due − discounts − credit notes − adjustments (those
/// that reduce) − remitted = the gap. Withheld tax explains the gap first (a `TaxAmt` on a block that
/// was paid in full is the invoice's tax, not a deduction); what is left is an `unidentified` short pay.
extension ISO20022Parser {
    /// Code lists an adjustment reason is looked up in, in order. `AdjstmntAmtAndRsn/Rsn` has no ISO list;
    /// senders use EDIFACT 4465 numbers or, in the US, X12 426 codes.
    static let reasonCodeLists = ["EDIFACT-4465", "X12-426"]

    mutating func emitBlock<Sink: RecordSink>(
        _ block: StructuredBlock, context: inout PaymentContext, into sink: inout Sink
    ) {
        let reference = block.documentNumber ?? block.creditorReference
        let qualifier = block.documentNumber != nil ? block.documentType : block.creditorReferenceType
        if reference == nil { sink.report(ISO20022Diagnostics.missingReference(at: place(block.location))) }
        let due = usable(block.due, context, into: &sink)
        var withheld: [(StructuredBlock.Adjustment, FixedDecimal)] = []
        let discount: FixedDecimal?
        let creditNote: FixedDecimal?
        let tax: FixedDecimal?
        let paid: FixedDecimal
        let gap: FixedDecimal?
        // Withheld tax explains the gap first, up to the gap; the rest is unexplained.
        var taxTaken = FixedDecimal.zero
        var unexplained = FixedDecimal.zero
        // Each amount is plausible, but a block may hold any number of them: a sum too large skips the block.
        do throws(FixedDecimal.OverflowError) {
            discount = try total(block.discounts, context, into: &sink)
            creditNote = try total(block.creditNotes, context, into: &sink)
            tax = try total(block.taxes, context, into: &sink)
            for adjustment in block.adjustments {
                guard let amount = usable(adjustment.amount, context, into: &sink) else { continue }
                // Without an indicator an adjustment is read as reducing the payment, as most senders mean it.
                withheld.append((adjustment, adjustment.indicator == "DBIT" ? amount.negated() : amount))
            }
            var explained = try (discount ?? .zero).adding(creditNote ?? .zero)
            for (_, amount) in withheld { explained = try explained.adding(amount) }
            if let remitted = usable(block.remitted, context, into: &sink) {
                paid = remitted
            } else if context.singleBlock {
                paid = context.amount
            } else if let due {
                paid = try due.subtracting(explained)
            } else {
                sink.report(ISO20022Diagnostics.amountUnknown(at: place(block.location)))
                paid = .zero
            }
            gap = try due.map { (due) throws(FixedDecimal.OverflowError) in
                try due.subtracting(explained).subtracting(paid)
            }
            if let gap, gap > .zero {
                if let tax, tax > .zero { taxTaken = tax < gap ? tax : gap }
                unexplained = try gap.subtracting(taxTaken)
            }
        } catch {
            sink.report(ISO20022Diagnostics.overflow(at: place(block.location)))
            return
        }
        let negate = (block.documentType == "CREN") != context.negative
        let lineID = lineIDPrefix + String(block.ordinal)
        let line = RemittanceLine(
            id: lineID, paymentID: context.paymentID, referenceQualifier: qualifier, reference: reference ?? "",
            normalizedReference: ReferenceNormalizer.normalize(reference ?? ""), purchaseOrder: nil,
            invoiceDate: block.documentDate, amountPaid: Money(negate ? paid.negated() : paid, context.currency),
            invoiceAmount: due.map { Money(negate ? $0.negated() : $0, context.currency) },
            discountTaken: discount.map { Money($0, context.currency) }, payer: context.payer,
            provenance: Provenance(location: place(block.remitted?.location ?? block.location), origin: context.origin))
        sink.emit(.remittanceLine(line))
        context.add(line: line.amountPaid.amount)

        let shared = DeductionTemplate(lineID: lineID, reference: reference, context: context)
        for (adjustment, amount) in withheld {
            let (category, source, list) = categorize(adjustment.reason)
            emit(
                shared.make(
                    id: deductionIDPrefix + String(adjustment.ordinal), amount: amount, reason: adjustment.reason,
                    list: list, category: category, source: source, text: adjustment.text, origin: .stated,

                    provenance: Provenance(
                        location: place(adjustment.amount?.location ?? adjustment.location), origin: context.origin)),
                context: &context, into: &sink)
        }
        if let creditNote, !creditNote.isZero {
            emit(
                shared.make(
                    id: deductionIDPrefix + String(block.ordinal) + ":credit-note", amount: creditNote, reason: nil,
                    list: nil, category: .unidentified, source: "rule:credit-note-applied",
                    text: "credit note applied (CdtNoteAmt)", origin: .stated,

                    provenance: Provenance(
                        location: place(block.creditNotes.first?.location ?? block.location), origin: context.origin)),
                context: &context, into: &sink)
        }
        if taxTaken > .zero {
            emit(
                shared.make(
                    id: deductionIDPrefix + String(block.ordinal) + ":tax", amount: taxTaken, reason: nil, list: nil,
                    category: .tax, source: "rule:tax-withheld", text: "tax amount (TaxAmt) withheld",
                    origin: .stated,
                    provenance: Provenance(
                        location: place(block.taxes.first?.location ?? block.location), origin: context.origin)),
                context: &context, into: &sink)
        }
        guard unexplained > .zero else { return }
        emit(
            shared.make(
                id: deductionIDPrefix + String(block.ordinal) + ":short", amount: unexplained, reason: nil,
                list: nil, category: .unidentified, source: "rule:short-pay", text: nil, origin: .shortPay,

                provenance: Provenance(location: place(block.due?.location ?? block.location), origin: context.origin)),
            context: &context, into: &sink)
    }

    private mutating func emit<Sink: RecordSink>(
        _ deduction: Deduction, context: inout PaymentContext, into sink: inout Sink
    ) {
        sink.emit(.deduction(deduction))
        context.recordCount += 1
    }

    /// The category of an adjustment reason, the row or rule that decided, and the code list it belongs to.
    func categorize(_ code: String?) -> (DeductionCategory, String, String?) {
        guard let code, !code.isEmpty else { return (.unidentified, "rule:no-reason-code", nil) }
        for list in Self.reasonCodeLists {
            if let entry = crosswalk.entry(code: code, codeList: list) { return (entry.category, entry.source, list) }
        }
        return (.unidentified, "rule:unmapped-code", Self.reasonCodeLists[0])
    }

    /// The amount when it is in the payment's currency; otherwise a warning and nil.
    private func usable<Sink: RecordSink>(
        _ amount: ParsedAmount?, _ context: PaymentContext, into sink: inout Sink
    ) -> FixedDecimal? {
        guard let amount else { return nil }
        guard amount.currency == context.currency else {
            sink.report(
                ISO20022Diagnostics.currencyMismatch(
                    amount.currency, expected: context.currency, at: place(amount.location)))
            return nil
        }
        return amount.value
    }

    private func total<Sink: RecordSink>(
        _ amounts: [ParsedAmount], _ context: PaymentContext, into sink: inout Sink
    ) throws(FixedDecimal.OverflowError) -> FixedDecimal? {
        var result: FixedDecimal?
        for amount in amounts {
            if let value = usable(amount, context, into: &sink) { result = try (result ?? .zero).adding(value) }
        }
        return result
    }

    /// The fields every deduction of one block shares.
    private struct DeductionTemplate {
        var lineID: String
        var reference: String?
        var context: PaymentContext

        func make(
            id: String, amount: FixedDecimal, reason: String?, list: String?, category: DeductionCategory,
            source: String, text: String?, origin: Deduction.Origin, provenance: Provenance
        ) -> Deduction {
            Deduction(
                id: id, paymentID: context.paymentID, lineID: lineID, amount: Money(amount, context.currency),
                reasonCode: reason, reasonCodeList: list, category: category, categorySource: source,
                reasonText: text, invoiceReference: reference, memoNumber: nil, memoQualifier: nil,
                payer: context.payer, paymentTrace: context.trace, origin: origin,
                provenance: provenance)
        }
    }
}
