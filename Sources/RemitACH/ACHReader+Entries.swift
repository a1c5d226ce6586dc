import RemitCore

extension ACHReader {
    /// Turns the open entry into records, once its last addenda has been read.
    mutating func closeEntry<Sink: RecordSink>(into sink: inout Sink) {
        guard let open = entry else { return }
        entry = nil
        if open.isCTX, let stated = open.record.number(55, 58), stated != Int64(open.addendaSeen) {
            sink.report(
                ACHDiagnostics.addendaCount(stated: stated, actual: open.addendaSeen, at: open.record.at(55, 58)))
        }
        if !open.addenda.isEmpty { open.checkSequenceCoverage(into: &sink) }
        guard let cents = open.cents else { return }
        switch open.kind {
        case .credit, .debit: break
        case .prenoteCredit, .prenoteDebit:
            sink.report(ACHDiagnostics.entrySkipped("a prenote (zero-dollar test entry)", at: open.record.at(2, 3)))
            return
        case .returnCredit, .returnDebit:
            // TODO: returns and notifications of change (addenda 98/99) are not read as reversals of the
            // payment they return; they are only noted.
            sink.report(
                ACHDiagnostics.entrySkipped("a return or notification of change", at: open.record.at(2, 3)))
            return
        case .unknown: return
        }
        // TODO: IAT entries put amounts and names in seven mandatory addenda of their own; not read yet.
        if open.batch.sec == "IAT" {
            sink.report(ACHDiagnostics.unsupportedSEC("IAT", at: open.record.location))
            return
        }
        if open.isCTX, CTXRemittance.carriesX12(open) {
            CTXRemittance(entry: open, cents: cents, reader: self).read(into: &sink)
            return
        }
        let payment = entryPayment(open, cents: cents, text: open.addendaText)
        sink.emit(.payment(payment))
        let lines = CCDRemittance.lines(open, into: &sink)
        guard !lines.isEmpty else {
            sink.transactionEnded(entrySummary(open, payment))
            return
        }
        emitLines(lines, of: payment, entry: open, into: &sink)
    }

    /// The RMR lines of a CCD+ addenda as remittance lines of `payment`, then the entry's tie-out.
    private func emitLines<Sink: RecordSink>(
        _ lines: [CCDRemittance.Line], of payment: Payment, entry: ACHEntry, into sink: inout Sink
    ) {
        let currency = payment.amount.currency
        let sign: Int64 = payment.direction == .debit ? -1 : 1
        var total = MoneyTotals()
        for (index, line) in lines.enumerated() {
            // One RMR without an amount paid settles the whole entry.
            let paid =
                line.paid
                ?? (lines.count == 1
                    ? FixedDecimal(units: payment.amount.amount.units * sign, scale: payment.amount.amount.scale)
                    : .zero)
            total.add(Money(paid, currency))
            sink.emit(
                .remittanceLine(
                    RemittanceLine(
                        id: "\(idPrefix):line:\(entry.record.number).\(index + 1)", paymentID: payment.id,
                        referenceQualifier: line.qualifier, reference: line.reference,
                        normalizedReference: ReferenceNormalizer.normalize(line.reference), purchaseOrder: nil,
                        invoiceDate: nil, amountPaid: Money(paid, currency),
                        invoiceAmount: line.invoiceAmount.map { Money($0, currency) },
                        discountTaken: line.discount.map { Money($0, currency) }, payer: payment.payer,
                        provenance: Provenance(location: line.location, origin: payment.provenance.origin))))
        }
        let linesTotal = total.values.first ?? .zero(currency)
        let stated = Money(
            FixedDecimal(units: payment.amount.amount.units * sign, scale: payment.amount.amount.scale), currency)
        // The entry has ten digits of cents and each RMR04 is a plausible money amount, so only a lines total
        // that overflowed can leave the difference unknown; it is then reported as not tying.
        let difference = total.overflowed ? nil : try? stated.amount.subtracting(linesTotal.amount)
        let imbalance = difference.map { Money($0, currency) }
        if difference?.isZero != true {
            sink.report(ACHDiagnostics.ccdLinesImbalance(entry: stated, lines: linesTotal, at: entry.record.at(30, 39)))
        }
        sink.transactionEnded(
            TransactionSummary(
                kind: "ach-" + entry.batch.sec.lowercased(), location: entry.record.location,
                envelope: payment.provenance.envelope, status: .accepted, paymentID: payment.id,
                statedTotal: stated, linesTotal: linesTotal, adjustmentsTotal: .zero(currency),
                imbalance: imbalance, recordCount: 1 + lines.count, transactionID: payment.provenance.transactionID))
    }

    /// The payment an entry makes on its own: the ACH figures, with the addenda text as remittance text.
    func entryPayment(_ entry: ACHEntry, cents: Int64, text: String?) -> Payment {
        let record = entry.record
        let name = entry.isCTX ? record.text(59, 74) : record.text(55, 76)
        return Payment(
            id: "\(idPrefix):pay:\(record.number)",
            payer: Party(name: entry.batch.companyName, id: entry.batch.companyID),
            payee: Party(name: name, id: record.text(40, 54)), method: "ACH", format: entry.batch.sec,
            handlingCode: nil, amount: Self.money(cents, entry.kind),
            direction: entry.kind == .debit ? .debit : .credit,
            date: entry.batch.effectiveDate, traceNumber: entry.traceNumber, originatorID: entry.batch.companyID,
            provenance: Provenance(
                location: record.location, fileSHA256: fileSHA256, envelope: batchEnvelope(entry),
                transactionID: "6@\(record.number)"),
            remittanceText: text)
    }

    /// The tie-out of a payment without lines: all of it is unexplained, as for any advice without detail.
    func entrySummary(_ entry: ACHEntry, _ payment: Payment) -> TransactionSummary {
        let currency = payment.amount.currency
        return TransactionSummary(
            kind: "ach-" + entry.batch.sec.lowercased(), location: entry.record.location,
            envelope: payment.provenance.envelope, status: .accepted, paymentID: payment.id,
            statedTotal: payment.amount, linesTotal: .zero(currency), adjustmentsTotal: .zero(currency),
            imbalance: payment.amount, recordCount: 1, transactionID: payment.provenance.transactionID)
    }

    /// The file's keys plus the batch number as the group.
    func batchEnvelope(_ entry: ACHEntry) -> EnvelopeKeys {
        var keys = envelope
        keys.groupControl = entry.batch.batchNumber
        return keys
    }

    /// Cents as US dollars, negative for a debit. NACHA moves US dollars only.
    static func money(_ cents: Int64, _ kind: ACHEntry.Kind) -> Money {
        Money(FixedDecimal(units: kind == .debit ? -cents : cents, scale: 2), Currency.defaultCode)
    }
}
