import RemitCore
import RemitX12

/// Reads the X12 820 a CTX entry carries in its addenda, as a payment whose cash is the entry.
///
/// The addenda's 80-character payloads are joined in sequence order and given to `X12Reader` in one piece
/// (at most 9,999 × 80 bytes). What it produces is held until the 820 is read, then passed on with every
/// location moved to the addenda byte it came from, the ids and transaction ids made unique per entry, and
/// the first payment taking the entry's amount, direction, trace number and effective date.
struct CTXRemittance {
    let entry: ACHEntry
    let cents: Int64
    let reader: ACHReader
    let ordered: [ACHEntry.Addenda]

    init(entry: ACHEntry, cents: Int64, reader: ACHReader) {
        self.entry = entry
        self.cents = cents
        self.reader = reader
        ordered = entry.orderedAddenda
    }

    /// Whether the addenda text starts (after blanks) with an X12 interchange header.
    static func carriesX12(_ entry: ACHEntry) -> Bool {
        guard let first = entry.orderedAddenda.first else { return false }
        let text = first.payload.drop { $0 == UInt8(ascii: " ") }
        return text.starts(with: Array("ISA".utf8))
    }

    /// Collects what the X12 reader produces, in order.
    private struct Collector: RecordSink {
        enum Event {
            case record(CanonicalRecord)
            case problem(Diagnostic)
            case ended(TransactionSummary)
        }
        var events: [Event] = []
        mutating func emit(_ record: CanonicalRecord) { events.append(.record(record)) }
        mutating func report(_ diagnostic: Diagnostic) { events.append(.problem(diagnostic)) }
        mutating func transactionEnded(_ summary: TransactionSummary) { events.append(.ended(summary)) }
    }

    func read<Sink: RecordSink>(into sink: inout Sink) {
        var payload = ordered.flatMap(\.payload)
        while payload.last == UInt8(ascii: " ") { payload.removeLast() }
        let number = entry.record.number
        var x12 = X12Reader(
            file: reader.file, fileSHA256: reader.fileSHA256, idPrefix: "\(reader.idPrefix):entry\(number)",
            options: reader.options.x12, crosswalk: reader.options.crosswalk)
        var collector = Collector()
        payload.withUnsafeBytes { x12.feed($0, into: &collector) }
        x12.finish(into: &collector)

        let payments = collector.events.compactMap { event -> Payment? in
            if case .record(.payment(let payment)) = event { return payment }
            return nil
        }
        if payments.count > 1 {
            sink.report(ACHDiagnostics.ctxSeveralPayments(payments.count, at: entry.record.location))
        }
        let first = payments.first
        let entryAmount = ACHReader.money(cents, entry.kind)
        for event in collector.events {
            switch event {
            case .problem(let diagnostic):
                var moved = diagnostic
                moved.location = place(diagnostic.location)
                sink.report(moved)
            case .record(let record):
                sink.emit(adjusted(record, firstID: first?.id, entryAmount: entryAmount, into: &sink))
            case .ended(var summary):
                summary.location = place(summary.location)
                summary.transactionID = transactionID(summary.transactionID)
                if let first, summary.paymentID == first.id, let stated = summary.statedTotal {
                    let amount = Money(entryAmount.amount, stated.currency)
                    if let imbalance = summary.imbalance {
                        let delta = amount.amount - stated.amount
                        summary.imbalance = Money(imbalance.amount + delta, imbalance.currency)
                    }
                    summary.statedTotal = amount
                }
                sink.transactionEnded(summary)
            }
        }
        if first == nil {
            sink.report(ACHDiagnostics.ctxNoPayment(at: entry.record.location))
            let payment = reader.entryPayment(entry, cents: cents, text: nil)
            sink.emit(.payment(payment))
            sink.transactionEnded(reader.entrySummary(entry, payment))
        }
    }

    /// The payer with the batch's company name when the 820 names no payer at all.
    private func filledParty(_ payer: Party) -> Party {
        payer.isEmpty ? Party(name: entry.batch.companyName) : payer
    }

    /// One record of the 820 as the ACH file places it.
    private func adjusted<Sink: RecordSink>(
        _ record: CanonicalRecord, firstID: String?, entryAmount: Money, into sink: inout Sink
    ) -> CanonicalRecord {
        switch record {
        case .payment(var payment):
            payment.provenance = provenance(payment.provenance)
            guard payment.id == firstID else { return .payment(payment) }
            let stated = payment.amount
            // BPR02 is compared without its sign: BPR03 and the transaction code each say which way it went.
            if FixedDecimal(units: Int64(stated.amount.units.magnitude), scale: stated.amount.scale)
                != FixedDecimal(units: cents, scale: 2)
            {
                sink.report(
                    ACHDiagnostics.ctxAmountMismatch(
                        entry: entryAmount, stated: stated, at: payment.provenance.location.element("BPR02")))
            }
            payment.amount = Money(entryAmount.amount, stated.currency)
            payment.direction = entry.kind == .debit ? .debit : .credit
            // The ACH trace is what the bank reports; the 820's own TRN02 stays as a reference, which
            // reassociation also looks for, since some banks report it instead.
            if let traceNumber = entry.traceNumber, let own = payment.traceNumber, own != traceNumber {
                payment.references.append(PaymentReference(qualifier: "TRN", value: own))
            }
            payment.traceNumber = entry.traceNumber ?? payment.traceNumber
            payment.date = entry.batch.effectiveDate ?? payment.date
            payment.payer = filledParty(payment.payer)
            payment.originatorID = payment.originatorID ?? entry.batch.companyID
            payment.method = payment.method ?? "ACH"
            payment.format = payment.format ?? "CTX"
            return .payment(payment)
        case .remittanceLine(var line):
            line.provenance = provenance(line.provenance)
            if line.paymentID == firstID { line.payer = filledParty(line.payer) }
            return .remittanceLine(line)
        case .deduction(var deduction):
            deduction.provenance = provenance(deduction.provenance)
            if deduction.paymentID == firstID {
                deduction.payer = filledParty(deduction.payer)
                deduction.paymentTrace = entry.traceNumber ?? deduction.paymentTrace
            }
            return .deduction(deduction)
        case .bankTransaction(var transaction):
            transaction.provenance = provenance(transaction.provenance)
            return .bankTransaction(transaction)
        }
    }

    private func provenance(_ provenance: Provenance) -> Provenance {
        var moved = provenance
        moved.location = place(provenance.location)
        moved.transactionID = transactionID(provenance.transactionID)
        return moved
    }

    /// `6@12/ST@3`: the 820's transaction inside the entry whose 6 record is record 12.
    private func transactionID(_ id: String) -> String {
        "6@\(entry.record.number)/" + id
    }

    /// Moves a location in the joined payload to the addenda byte it came from.
    ///
    /// The payload's byte p is column 4 + p mod 80 of the (p / 80 + 1)th addenda in sequence order. The 820's
    /// own segment number is kept in `path` (`820 segment 4`); `segmentIndex` becomes the ACH record number.
    func place(_ location: SourceLocation) -> SourceLocation {
        guard location.line > 0, !ordered.isEmpty else {
            var whole = entry.record.location
            whole.element = location.element
            return whole
        }
        let offset = max(0, location.byteOffset)
        let index = min(Int(offset / 80), ordered.count - 1)
        let within = min(Int(offset - Int64(index) * 80), 79)
        let record = ordered[index].record
        var moved = record.location
        moved.column += 3 + within
        moved.byteOffset += Int64(3 + within)
        moved.element = location.element
        moved.path = location.segmentIndex.map { "820 segment \($0)" }
        return moved
    }
}
