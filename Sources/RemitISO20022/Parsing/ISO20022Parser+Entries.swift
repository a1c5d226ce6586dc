import RemitCore

/// Turning a closed entry (or remt.001 remittance) into a bank transaction, payments and their remittance.
extension ISO20022Parser {
    /// Emits the entry's payments (one per transaction detail, or one for the entry when it has none), then
    /// its bank transaction, and adds it to the statement's figures.
    mutating func closeEntry<Sink: RecordSink>(into sink: inout Sink) {
        guard let open = entry else { return }
        entry = nil
        if transactionFailed {
            rejectTransaction(open.transactionID, at: open.location, into: &sink)
            return
        }
        guard let entryAmount = open.amount, let indicator = open.indicator else {
            sink.report(ISO20022Diagnostics.missingEntryAmount(at: place(open.location)))
            rejectTransaction(open.transactionID, at: open.location, into: &sink)
            return
        }
        // `CdtDbtInd` is the direction of this entry, reversal or not: ISO 20022 says a `CRDT` entry with
        // `RvslInd` true reverses an earlier debit, so the money comes in. The flag only marks the entry.
        let credit = indicator == "CRDT"
        let direction: Payment.Direction = credit ? .credit : .debit
        let date = open.bookingDate ?? open.valueDate
        let origin = self.origin(transactionID: open.transactionID)
        let amounts = detailAmounts(open, entryAmount: entryAmount, into: &sink)
        if let status = open.status, status != "BOOK" {
            // Pending, information-only and future entries are not cash: no payment may be applied from them.
            sink.report(ISO20022Diagnostics.notBooked(status, at: place(entryAmount.location)))
        } else {
            if open.details.isEmpty {
                var whole = DetailState(ordinal: open.ordinal, location: entryAmount.location)
                whole.amount = entryAmount
                emitPayment(
                    whole, amount: entryAmount, direction: direction, date: date,
                    origin: origin, into: &sink)
            }
            for (detail, amount) in zip(open.details, amounts) {
                if let own = detail.indicator, own != indicator {
                    sink.report(ISO20022Diagnostics.detailDirection(own, entry: indicator, at: place(amount.location)))
                }
                emitPayment(
                    detail, amount: amount, direction: direction, date: date,
                    origin: origin, into: &sink)
            }
        }
        let transaction = BankTransaction(
            id: bankIDPrefix + String(open.ordinal), account: report?.iban ?? report?.otherID ?? "",
            asOfDate: open.bookingDate,
            valueDate: open.valueDate, typeCode: open.bankTransactionCode, direction: direction,
            amount: entryAmount.money, fundsType: nil, bankReference: open.servicerReference ?? open.entryReference,
            customerReference: open.details.count == 1 ? open.details[0].endToEndID : nil, text: open.text,
            isReversal: open.isReversal, status: open.status,
            provenance: Provenance(location: place(entryAmount.location), origin: origin))
        sink.emit(.bankTransaction(transaction))
        count(open, amount: entryAmount, credit: credit)
    }

    /// Each detail's own amount; the entry amount for a sole detail without one; for one missing amount
    /// among several, the entry amount less the others. Warns when the details do not add up to the entry.
    private mutating func detailAmounts<Sink: RecordSink>(
        _ open: EntryState, entryAmount: ParsedAmount, into sink: inout Sink
    ) -> [ParsedAmount] {
        var amounts = open.details.map(\.ownAmount)
        if amounts.count == 1 && amounts[0] == nil {
            var inherited = entryAmount
            inherited.location = open.details[0].location
            amounts[0] = inherited
        }
        let missing = amounts.indices.filter { amounts[$0] == nil }
        let known = amounts.compactMap { $0 }
        let sameCurrency = known.allSatisfy { $0.currency == entryAmount.currency }
        var knownTotal = ExactSum()
        for amount in known where sameCurrency { knownTotal.add(amount.value) }
        var rest = ExactSum(entryAmount.value)
        rest.subtract(knownTotal)
        // What is left of the entry fits whenever it is not negative: it is at most the entry amount.
        if missing.count == 1 && sameCurrency && !rest.isNegative, let remainder = rest.value {
            let index = missing[0]
            let inferred = ParsedAmount(
                value: remainder, currency: entryAmount.currency, location: open.details[index].location)
            sink.report(ISO20022Diagnostics.amountInferred(inferred.money, at: place(open.details[index].location)))
            amounts[index] = inferred
        } else {
            for index in missing {
                sink.report(ISO20022Diagnostics.amountUnknown(at: place(open.details[index].location)))
                amounts[index] = ParsedAmount(
                    value: .zero, currency: entryAmount.currency, location: open.details[index].location)
            }
            if missing.isEmpty && !known.isEmpty && sameCurrency && !knownTotal.equals(entryAmount.value) {
                sink.report(
                    ISO20022Diagnostics.detailsDoNotSum(
                        entry: entryAmount.money, details: knownTotal.text(entryAmount.currency),
                        at: place(entryAmount.location)))
            }
        }
        return amounts.map { $0! }
    }

    /// A remt.001 `RmtInf`: one payment whose amount is the original instructed amount.
    mutating func closeRemittanceAdvice<Sink: RecordSink>(into sink: inout Sink) {
        guard let open = detail else { return }
        detail = nil
        let transactionID = "RmtInf@\(open.ordinal)"
        if transactionFailed {
            rejectTransaction(transactionID, at: open.location, into: &sink)
            return
        }
        var amount = open.ownAmount
        if amount == nil {
            // No OrgnlPmtInf amount: the remitted amounts are the best statement of what was paid.
            let remitted = open.blocks.compactMap(\.remitted)
            if let first = remitted.first, remitted.allSatisfy({ $0.currency == first.currency }) {
                var total = ExactSum()
                for block in remitted { total.add(block.value) }
                guard let value = total.value else {
                    sink.report(ISO20022Diagnostics.overflow(at: place(open.location)))
                    rejectTransaction(transactionID, at: open.location, into: &sink)
                    return
                }
                amount = ParsedAmount(value: value, currency: first.currency, location: open.location)
            }
        }
        guard let amount else {
            sink.report(ISO20022Diagnostics.amountUnknown(at: place(open.location)))
            rejectTransaction(transactionID, at: open.location, into: &sink)
            return
        }
        emitPayment(
            open, amount: amount, direction: .credit, date: open.date, origin: origin(transactionID: transactionID),
            into: &sink)
    }

    /// Emits one payment, its remittance lines and deductions, and its tie-out.
    mutating func emitPayment<Sink: RecordSink>(
        _ detail: DetailState, amount: ParsedAmount, direction: Payment.Direction, date: CalendarDate?,
        origin: ProvenanceOrigin, into sink: inout Sink
    ) {
        let paymentID = paymentIDPrefix + String(detail.ordinal)
        let endToEnd = detail.endToEndID == "NOTPROVIDED" ? nil : detail.endToEndID
        let payer = detail.debtor.isEmpty ? detail.ultimateDebtor : detail.debtor
        let signed = direction == .debit ? amount.value.negated() : amount.value
        let remittanceText = detail.unstructured.isEmpty ? nil : detail.unstructured.joined(separator: "\n")
        let payment = Payment(
            id: paymentID, payer: payer, payee: detail.creditor, method: nil, format: nil, handlingCode: nil,
            amount: Money(signed, amount.currency), direction: direction, date: date,
            traceNumber: endToEnd ?? detail.uetr, originatorID: nil,
            provenance: Provenance(location: place(amount.location), origin: origin), uetr: detail.uetr,
            remittanceID: detail.remittanceID, remittanceText: remittanceText,
            relatedRemittanceID: detail.relatedRemittanceID)
        sink.emit(.payment(payment))
        var context = PaymentContext(
            paymentID: paymentID, payer: payer, currency: amount.currency, amount: amount.value,
            negative: direction == .debit, trace: payment.traceNumber, origin: origin,
            singleBlock: detail.blocks.count == 1)
        for block in detail.blocks { emitBlock(block, context: &context, into: &sink) }
        if context.lineCount == 0 && !detail.unstructured.isEmpty {
            emitUnstructuredLine(detail, context: &context, into: &sink)
        }
        var difference = ExactSum(signed)
        difference.subtract(context.linesTotal)
        let linesTotal = context.linesTotal.value
        let imbalance = linesTotal == nil ? nil : difference.value
        if let linesTotal, let imbalance {
            if context.lineCount > 0 && !imbalance.isZero {
                sink.report(
                    ISO20022Diagnostics.imbalance(
                        payment: Money(signed, amount.currency), lines: Money(linesTotal, amount.currency),
                        at: place(amount.location)))
            }
        } else {
            sink.report(ISO20022Diagnostics.linesOverflow(at: place(amount.location)))
        }
        sink.transactionEnded(
            TransactionSummary(
                kind: kind?.family.rawValue ?? "iso20022", location: place(detail.location), envelope: envelope,
                status: .accepted, paymentID: paymentID, statedTotal: Money(signed, amount.currency),
                linesTotal: linesTotal.map { Money($0, amount.currency) }, adjustmentsTotal: .zero(amount.currency),
                imbalance: imbalance.map { Money($0, amount.currency) }, recordCount: 1 + context.recordCount,
                transactionID: origin.transactionID))
    }

    /// A payment with only free text: one line when the text names exactly one invoice-like reference.
    private mutating func emitUnstructuredLine<Sink: RecordSink>(
        _ detail: DetailState, context: inout PaymentContext, into sink: inout Sink
    ) {
        let candidates = InvoiceNumberScanner.candidates(in: detail.unstructured.joined(separator: " "))
        guard candidates.count == 1 else {
            if candidates.count > 1 {
                sink.report(
                    Diagnostic(
                        .note, code: "iso20022.ustrd-candidates",
                        "free-text remittance names \(candidates.count) possible invoices "
                            + "(\(candidates.joined(separator: ", "))) without amounts; no line written",
                        at: place(detail.location)))
            }
            return
        }
        let paid = context.negative ? context.amount.negated() : context.amount
        let line = RemittanceLine(
            id: lineIDPrefix + String(detail.ordinal) + ":ustrd", paymentID: context.paymentID,
            referenceQualifier: nil, reference: candidates[0],
            normalizedReference: ReferenceNormalizer.normalize(candidates[0]), purchaseOrder: nil, invoiceDate: nil,
            amountPaid: Money(paid, context.currency), invoiceAmount: nil, discountTaken: nil, payer: context.payer,
            provenance: Provenance(location: place(detail.location), origin: context.origin))
        sink.emit(.remittanceLine(line))
        context.add(line: paid)
    }
}
