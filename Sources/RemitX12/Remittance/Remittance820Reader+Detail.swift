import RemitCore

/// The 820 detail: RMR lines with their REF/DTM, ADX adjustments with their REF/NTE, and short pays.
extension Remittance820Reader {
    static let codeList = "X12-426"

    /// REF, DTM and NTE belong to the open ADX, else to the open RMR, else to the heading.
    mutating func readChild<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        if adjustment != nil {
            readAdjustmentText(segment)
        } else if line != nil {
            // `line!` is read in place: binding the whole open line would copy it for every child segment.
            guard !line!.emitted else { return }
            if segment.tag == SegmentTag.ref && segment.valueEquals(1, "PO") {
                line?.purchaseOrder = segment.string(2)
            } else if segment.tag == SegmentTag.dtm && segment.valueEquals(1, "003"), let bytes = segment.value(2) {
                line?.invoiceDate = X12Text.date(bytes)
                if line?.invoiceDate == nil {
                    sink.report(
                        X12Diagnostics.badDate(
                            "DTM02", value: String(decoding: bytes, as: UTF8.self),
                            at: segment.location(file: context.file, element: 2, name: "DTM02")))
                }
            }
        } else if inHeading && segment.tag == SegmentTag.dtm {
            readHeadingDate(segment, into: &sink)
        } else if inHeading && segment.tag == SegmentTag.ref {
            readHeadingReference(segment, into: &sink)
        }
    }

    /// REF02/REF03 and NTE02 under an ADX become its reason text.
    private mutating func readAdjustmentText(_ segment: X12Segment) {
        let text: String?
        switch segment.tag {
        case SegmentTag.ref:
            switch (segment.string(2), segment.string(3)) {
            case (let first?, let second?): text = first + " " + second
            case (let first, let second): text = first ?? second
            }
        case SegmentTag.nte:
            text = segment.string(2)
        default:
            text = nil
        }
        guard let text else { return }
        if adjustment!.reasonText == nil {
            adjustment!.reasonText = text
        } else {
            adjustment!.reasonText! += " | " + text
        }
    }

    mutating func openLine<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let reference = segment.string(2)
        let paidPlace = segment.place(element: 4, name: "RMR04")
        if reference == nil {
            sink.report(
                X12Diagnostics.missingReference(at: segment.location(file: context.file, element: 2, name: "RMR02")))
        }
        var paid = amount(segment, 4, name: "RMR04", into: &sink)
        let total = amount(segment, 5, name: "RMR05", into: &sink)
        let discount = amount(segment, 6, name: "RMR06", into: &sink)
        if rejected { return }
        if paid == nil {
            sink.report(
                X12Diagnostics.missingPaidAmount(reference: reference ?? "", at: paidPlace.location(file: context.file))
            )
            paid = .zero
        }
        guard let newTotal = sum(linesTotal, paid!, at: paidPlace, into: &sink) else { return }
        linesTotal = newTotal
        line = OpenLine(
            id: context.lineID(segment.index), segmentIndex: segment.index,
            qualifier: segment.string(1), reference: reference ?? "", paid: paid!, invoiceTotal: total,
            discount: discount, place: paidPlace,
            invoiceTotalPlace: total == nil ? nil : segment.place(element: 5, name: "RMR05"))
        if segment.elementCount >= 7 { readLineAdjustment(segment, into: &sink) }
    }

    /// RMR07 (a 426 reason code) and RMR08 (its amount, signed as ADX01 is in this version), which later
    /// releases and some retailer guides put on the RMR itself: a stated deduction against the line, as an
    /// ADX under it would be.
    private mutating func readLineAdjustment<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let place = segment.place(element: 8, name: "RMR08")
        guard let sent = amount(segment, 8, name: "RMR08", into: &sink) else {
            if !rejected, let code = segment.string(7) {
                sink.report(
                    X12Diagnostics.reasonWithoutAmount(
                        code, at: segment.location(file: context.file, element: 7, name: "RMR07")))
            }
            return
        }
        guard !sent.isZero else { return }
        let withheld = context.negativeAdjustmentReduces ? sent.negated() : sent
        guard let deducted = sum(line!.deducted, withheld, at: place, into: &sink) else { return }
        line!.deducted = deducted
        lineAdjustment = OpenAdjustment(
            segmentIndex: segment.index, withheld: withheld, reasonCode: segment.string(7), memoQualifier: nil,
            memoNumber: nil, lineID: line!.id, invoiceReference: line!.reference, place: place)
    }

    /// Emits the RMR07/RMR08 deduction of the line just emitted, if it has one.
    private mutating func emitLineAdjustment<Sink: RecordSink>(into sink: inout Sink) {
        guard lineAdjustment != nil else { return }
        var record = adjustmentRecord(lineAdjustment!)
        record.id += ":rmr"
        lineAdjustment = nil
        emit(.deduction(record), into: &sink)
    }

    mutating func emitLineIfNeeded<Sink: RecordSink>(into sink: inout Sink) {
        guard line != nil, !line!.emitted else { return }
        line!.emitted = true
        emit(.remittanceLine(lineRecord(line!)), into: &sink)
        emitLineAdjustment(into: &sink)
    }

    /// The record of an open line. Not mutating, so `open` can be borrowed from `line` without a copy.
    private func lineRecord(_ open: borrowing OpenLine) -> RemittanceLine {
        RemittanceLine(
            id: open.id, paymentID: paymentID, referenceQualifier: open.qualifier, reference: open.reference,
            normalizedReference: ReferenceNormalizer.normalize(open.reference), purchaseOrder: open.purchaseOrder,
            invoiceDate: open.invoiceDate, amountPaid: Money(open.paid, currency),
            invoiceAmount: open.invoiceTotal.map { Money($0, currency) },
            discountTaken: open.discount.map { Money($0, currency) }, payer: payer,
            provenance: context.provenance(open.place.location(file: context.file)))
    }

    /// Emits the open line if still held, then its unexplained short pay: RMR05 − RMR06 − RMR04 − the ADX
    /// deductions under it, when RMR05 is given and that is positive. A negative remainder means the payer
    /// paid more than the invoice total it stated: an overpayment, which matching reports, not a deduction.
    mutating func closeLine<Sink: RecordSink>(into sink: inout Sink) {
        // The open line is read in place through `line!` and by non-mutating functions; a copy costs more.
        guard line != nil else { return }
        if !line!.emitted {
            emit(.remittanceLine(lineRecord(line!)), into: &sink)
            emitLineAdjustment(into: &sink)
        }
        guard let total = line!.invoiceTotal, let place = line!.invoiceTotalPlace else {
            line = nil
            return
        }
        let unexplained: FixedDecimal
        do {
            unexplained = try total.subtracting(line!.discount ?? .zero).subtracting(line!.paid)
                .subtracting(line!.deducted)
        } catch {
            let location = place.location(file: context.file)
            reject(X12Diagnostics.overflow("the short pay of RMR '\(line!.reference)'", at: location), into: &sink)
            return
        }
        guard unexplained > .zero else {
            line = nil
            return
        }
        let record = shortPayRecord(line!, amount: unexplained, at: place)
        line = nil
        emit(.deduction(record), into: &sink)
    }

    /// The deduction for the unexplained short pay of `open`.
    private func shortPayRecord(_ open: borrowing OpenLine, amount: FixedDecimal, at place: ElementPlace) -> Deduction {
        Deduction(
            id: TransactionContext.id(context.deductionIDPrefix, open.segmentIndex, suffix: ":short"),
            paymentID: paymentID, lineID: open.id, amount: Money(amount, currency), reasonCode: nil,
            reasonCodeList: nil, category: .unidentified, categorySource: "rule:short-pay", reasonText: nil,
            invoiceReference: open.reference, memoNumber: nil, memoQualifier: nil, payer: payer,
            paymentTrace: trace, origin: .shortPay, provenance: context.provenance(place.location(file: context.file)))
    }

    mutating func openAdjustment<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        let place = segment.place(element: 1, name: "ADX01")
        guard let sent = amount(segment, 1, name: "ADX01", into: &sink) else {
            if !rejected {
                let location = place.location(file: context.file)
                reject(X12Diagnostics.missingElement("ADX01", meaning: "adjustment amount", at: location), into: &sink)
            }
            return
        }
        // Normalise to "negative reduces the payment", the reading from 003050 on.
        let asReduction = context.negativeAdjustmentReduces ? sent : sent.negated()
        let withheld = asReduction.negated()
        if line != nil {
            // Already netted into that RMR's RMR04: it explains a short pay, it does not move BPR02 again.
            guard let deducted = sum(line!.deducted, withheld, at: place, into: &sink) else { return }
            line!.deducted = deducted
        } else {
            guard let newTotal = sum(adjustmentsTotal, asReduction, at: place, into: &sink) else { return }
            adjustmentsTotal = newTotal
        }
        adjustment = OpenAdjustment(
            segmentIndex: segment.index, withheld: withheld, reasonCode: segment.string(2),
            memoQualifier: segment.string(3), memoNumber: segment.string(4), lineID: line?.id,
            invoiceReference: line?.reference, place: place)
    }

    mutating func closeAdjustment<Sink: RecordSink>(into sink: inout Sink) {
        guard adjustment != nil else { return }
        let record = adjustmentRecord(adjustment!)
        adjustment = nil
        emit(.deduction(record), into: &sink)
    }

    /// The deduction of an ADX. Not mutating, so `open` can be borrowed from `adjustment` without a copy.
    private func adjustmentRecord(_ open: borrowing OpenAdjustment) -> Deduction {
        let (category, source) = context.crosswalk.categorize(code: open.reasonCode, codeList: Self.codeList)
        return Deduction(
            id: TransactionContext.id(context.deductionIDPrefix, open.segmentIndex), paymentID: paymentID,
            lineID: open.lineID, amount: Money(open.withheld, currency), reasonCode: open.reasonCode,
            reasonCodeList: open.reasonCode == nil ? nil : Self.codeList, category: category,
            categorySource: source, reasonText: open.reasonText, invoiceReference: open.invoiceReference,
            memoNumber: open.memoNumber, memoQualifier: open.memoQualifier, payer: payer, paymentTrace: trace,
            origin: .stated, provenance: context.provenance(open.place.location(file: context.file)))
    }
}
