import RemitCore

/// The 820 heading: BPR, TRN, CUR, REF/DTM and the N1 (or NM1) loops naming payer, payee and remitter.
extension Remittance820Reader {
    /// Heading DTM qualifiers that can stand in for a missing BPR16, best first: check date, effective date,
    /// settlement date, process date, transaction creation date.
    static let paymentDateQualifiers: [StaticString] = ["020", "007", "234", "009", "097"]

    mutating func readHeading<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard inHeading else {
            if segment.tag != SegmentTag.nm1 {  // NM1 under ENT names an individual, not the payer
                sink.report(
                    X12Diagnostics.lateHeadingSegment(segment.id, at: segment.location(file: context.file)))
            }
            return
        }
        switch segment.tag {
        case SegmentTag.bpr: readPaymentHeader(segment, into: &sink)
        case SegmentTag.trn:
            if trace == nil {
                trace = segment.string(2)
                traceOriginator = segment.string(3)
            }
        case SegmentTag.cur: readCurrency(segment, into: &sink)
        case SegmentTag.n1:
            readParty(segment, name: segment.string(2), qualifier: 3, id: 4)
        case SegmentTag.nm1:
            readParty(segment, name: segment.string(3), qualifier: 8, id: 9)
        default: break
        }
    }

    private mutating func readPaymentHeader<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard payment == nil else {
            sink.report(X12Diagnostics.repeatedSegment("BPR", at: segment.location(file: context.file)))
            return
        }
        let amountLocation = segment.location(file: context.file, element: 2, name: "BPR02")
        guard let amount = amount(segment, 2, name: "BPR02", into: &sink) else {
            if !rejected {
                reject(
                    X12Diagnostics.missingElement("BPR02", meaning: "payment amount", at: amountLocation), into: &sink)
            }
            return
        }
        var direction = Payment.Direction.credit
        if segment.valueEquals(3, "D") {
            direction = .debit
        } else if !segment.valueEquals(3, "C") {
            sink.report(
                X12Diagnostics.badCreditDebitFlag(
                    segment.string(3), at: segment.location(file: context.file, element: 3, name: "BPR03")))
        }
        var date: CalendarDate?
        if let bytes = segment.value(16) {
            date = X12Text.date(bytes)
            if date == nil {
                sink.report(
                    X12Diagnostics.badDate(
                        "BPR16", value: String(decoding: bytes, as: UTF8.self),
                        at: segment.location(file: context.file, element: 16, name: "BPR16")))
            }
        }
        payment = PaymentHeader(
            segmentIndex: segment.index, handlingCode: segment.string(1), amount: amount,
            amountLocation: amountLocation, direction: direction, method: segment.string(4),
            format: segment.string(5), originatorID: segment.string(10), date: date)
    }

    private mutating func readCurrency<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard let code = segment.string(2) else { return }
        if Currency.isWellFormed(code) {
            currency = code
        } else {
            sink.report(
                X12Diagnostics.badCurrency(
                    code, fallback: currency, at: segment.location(file: context.file, element: 2, name: "CUR02")))
        }
    }

    /// N1 (name in N102, id in N103/N104) or NM1 (name in NM103, id in NM108/NM109) with PR, PE or RM.
    private mutating func readParty(_ segment: X12Segment, name: String?, qualifier: Int, id: Int) {
        let party = Party(name: name, idQualifier: segment.string(qualifier), id: segment.string(id))
        if segment.valueEquals(1, "PR") {
            payer = party
        } else if segment.valueEquals(1, "PE") {
            payee = party
        } else if segment.valueEquals(1, "RM") {
            remitter = party
        }
    }

    /// A heading DTM: kept as the payment date when BPR16 is missing.
    mutating func readHeadingDate<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard let rank = Self.paymentDateQualifiers.firstIndex(where: { segment.valueEquals(1, $0) }),
            headingDate.map({ rank < $0.rank }) ?? true, let bytes = segment.value(2)
        else { return }
        guard let date = X12Text.date(bytes) else {
            sink.report(
                X12Diagnostics.badDate(
                    "DTM02", value: String(decoding: bytes, as: UTF8.self),
                    at: segment.location(file: context.file, element: 2, name: "DTM02")))
            return
        }
        headingDate = (rank, date)
    }

    /// A heading REF (check number, voucher, vendor number...): kept on the payment, up to
    /// `maximumReferences` of them so a broken file cannot make one payment hold the whole file.
    mutating func readHeadingReference<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard let qualifier = segment.string(1) else {
            sink.report(
                X12Diagnostics.incompleteReference(
                    "REF01 (qualifier)", at: segment.location(file: context.file, element: 1, name: "REF01")))
            return
        }
        let value = segment.string(2)
        let description = segment.string(3)
        guard value != nil || description != nil else {
            sink.report(
                X12Diagnostics.incompleteReference(
                    "REF02 or REF03", at: segment.location(file: context.file, element: 2, name: "REF02")))
            return
        }
        guard references.count < Self.maximumReferences else {
            if !droppedReferences {
                droppedReferences = true
                sink.report(
                    X12Diagnostics.tooManyReferences(
                        limit: Self.maximumReferences, at: segment.location(file: context.file)))
            }
            return
        }
        references.append(PaymentReference(qualifier: qualifier, value: value, description: description))
    }

    /// Ends the heading at the first detail segment (or at SE): emits the payment, or rejects the
    /// transaction when it has no BPR.
    mutating func startDetail<Sink: RecordSink>(
        at segment: X12Segment?, location: SourceLocation? = nil, into sink: inout Sink
    ) {
        guard inHeading else { return }
        inHeading = false
        guard let payment else {
            let place = segment.map { $0.location(file: context.file) } ?? location ?? context.location
            reject(X12Diagnostics.missingPaymentHeader(found: segment?.id ?? "SE", at: place), into: &sink)
            return
        }
        paymentID = TransactionContext.id(context.paymentIDPrefix, payment.segmentIndex)
        // A remitter paying on the payer's behalf stands in for a payer the file does not name.
        if payer.isEmpty && !remitter.isEmpty { payer = remitter }
        let signed = payment.direction == .debit ? payment.amount.negated() : payment.amount
        let record = Payment(
            id: paymentID, payer: payer, payee: payee, method: payment.method, format: payment.format,
            handlingCode: payment.handlingCode, amount: Money(signed, currency), direction: payment.direction,
            date: payment.date ?? headingDate?.date, traceNumber: trace,
            originatorID: payment.originatorID ?? traceOriginator,
            provenance: context.provenance(payment.amountLocation),
            references: references)
        references = []
        emit(.payment(record), into: &sink)
    }
}
