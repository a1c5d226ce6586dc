import RemitCore

/// The 812 heading (BCD, CUR, N1, N9) and the CDD loops that become deductions.
extension Adjustment812Reader {
    /// N1 qualifiers that name the party deducting, best first: payer, buyer, bill-to.
    static let payerQualifiers: [StaticString] = ["PR", "BY", "BT"]

    mutating func readMemoHeader<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard memo == nil else {
            sink.report(X12Diagnostics.repeatedSegment("BCD", in: "812", at: segment.location(file: context.file)))
            return
        }
        let totalLocation = segment.location(file: context.file, element: 4, name: "BCD04")
        guard let total = impliedAmount(segment, 4, name: "BCD04", into: &sink) else {
            if !rejected {
                reject(X12Diagnostics.missingElement("BCD04", meaning: "memo amount", at: totalLocation), into: &sink)
            }
            return
        }
        let flag = readFlag(segment, 5, name: "BCD05", fallback: "D", into: &sink)
        let number = segment.string(2)
        if number == nil {
            sink.report(
                X12Diagnostics.missingMemoNumber(at: segment.location(file: context.file, element: 2, name: "BCD02")))
        }
        // BCD13/BCD14 carry the invoice or purchase order when BCD07 or BCD10 does not.
        let reference = segment.string(14)
        let fields = AdjustmentMemo(
            date: date(segment, 1, name: "BCD01", into: &sink), handlingCode: segment.string(3),
            invoiceDate: date(segment, 6, name: "BCD06", into: &sink), vendorOrder: segment.string(8),
            purchaseOrderDate: date(segment, 9, name: "BCD09", into: &sink),
            purchaseOrder: segment.string(10) ?? (segment.valueEquals(13, "PO") ? reference : nil),
            purpose: segment.string(11))
        memo = MemoHeader(
            segmentIndex: segment.index, number: number, total: total, totalLocation: totalLocation, flag: flag,
            fields: fields)
        invoiceReference = segment.string(7) ?? (segment.valueEquals(13, "IV") ? reference : nil)
    }

    /// Whether the BCD has been read; rejects the transaction when `segment` comes first.
    mutating func requireMemo<Sink: RecordSink>(before segment: X12Segment, into sink: inout Sink) -> Bool {
        if memo != nil { return true }
        reject(
            X12Diagnostics.missingMemoHeader(found: segment.id, at: segment.location(file: context.file)), into: &sink)
        return false
    }

    mutating func readParty(_ segment: X12Segment) {
        guard let rank = Self.payerQualifiers.firstIndex(where: { segment.valueEquals(1, $0) }), rank < payerRank
        else { return }
        payerRank = rank
        payer = Party(name: segment.string(2), idQualifier: segment.string(3), id: segment.string(4))
    }

    mutating func readCurrency<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        guard let code = segment.string(2) else { return }
        if Currency.isWellFormed(code) {
            currency = code
        } else {
            sink.report(
                X12Diagnostics.badCurrency(
                    code, fallback: currency, at: segment.location(file: context.file, element: 2, name: "CUR02")))
        }
    }

    /// N9 (reference and its description) and NTE text: the open line's reason text, else the memo's.
    mutating func readText(_ segment: X12Segment) {
        let parts =
            segment.tag == SegmentTag.nte
            ? [segment.string(2)].compactMap { $0 } : [segment.string(2), segment.string(3)].compactMap { $0 }
        guard !parts.isEmpty else { return }
        let text = parts.joined(separator: " ")
        if line != nil {
            line?.texts.append(text)
        } else {
            headingTexts.append(text)
        }
    }

    mutating func openLine<Sink: RecordSink>(_ segment: X12Segment, into sink: inout Sink) {
        cddCount += 1
        var location = segment.location(file: context.file, element: 4, name: "CDD04")
        var amount = impliedAmount(segment, 4, name: "CDD04", into: &sink)
        if rejected { return }
        if amount == nil {
            location = segment.location(file: context.file, element: 7, name: "CDD07")
            if let priced = Self.pricedQuantity(segment) {
                sink.report(X12Diagnostics.pricedLine(priced.text, at: location))
                amount = priced.amount
            } else {
                sink.report(X12Diagnostics.missingLineAmount(at: location))
                amount = .zero
            }
        }
        let flag = readFlag(segment, 2, name: "CDD02", fallback: memo?.flag ?? "D", into: &sink)
        let signed = flag == "C" ? amount!.negated() : amount!
        guard let total = try? linesTotal.adding(signed) else {
            reject(X12Diagnostics.overflow("the total of the CDD04 amounts", at: location), into: &sink)
            return
        }
        linesTotal = total
        if segment.string(1) == nil {
            sink.report(
                X12Diagnostics.missingElement(
                    "CDD01", meaning: "adjustment reason code",
                    at: segment.location(file: context.file, element: 1, name: "CDD01")))
        }
        line = OpenLine(
            segmentIndex: segment.index, reasonCode: segment.string(1), amount: signed, flag: flag,
            lineReference: segment.string(3), quantity: segment.string(7), unit: segment.string(8),
            location: location)
    }

    /// Emits the deduction of the open CDD loop.
    mutating func closeLine<Sink: RecordSink>(into sink: inout Sink) {
        guard let open = line, let memo else { return }
        line = nil
        var fields = memo.fields
        fields.memoTotal = Money(signedTotal(memo), currency)
        fields.creditDebitFlag = open.flag
        fields.lineReference = open.lineReference
        fields.quantity = open.quantity
        fields.unit = open.unit
        fields.lineContext = open.context
        let (category, source) = context.crosswalk.categorize(code: open.reasonCode, codeList: Self.codeList)
        let texts = headingTexts + open.texts
        let record = Deduction(
            id: TransactionContext.id(context.deductionIDPrefix, open.segmentIndex), paymentID: nil, lineID: nil,
            amount: Money(open.amount, currency), reasonCode: open.reasonCode,
            reasonCodeList: open.reasonCode == nil ? nil : Self.codeList, category: category, categorySource: source,
            reasonText: texts.isEmpty ? nil : texts.joined(separator: " | "), invoiceReference: invoiceReference,
            memoNumber: memo.number, memoQualifier: nil, payer: payer, paymentTrace: nil, origin: .announced,
            provenance: context.provenance(open.location), memo: fields)
        emit(.deduction(record), into: &sink)
    }

    /// A memo without CDD: one deduction for BCD04, with no reason code.
    mutating func emitMemoOnly<Sink: RecordSink>(_ memo: MemoHeader, into sink: inout Sink) {
        var fields = memo.fields
        let signed = signedTotal(memo)
        fields.memoTotal = Money(signed, currency)
        fields.creditDebitFlag = memo.flag
        let (category, source) = context.crosswalk.categorize(code: nil, codeList: Self.codeList)
        let record = Deduction(
            id: TransactionContext.id(context.deductionIDPrefix, memo.segmentIndex), paymentID: nil, lineID: nil,
            amount: Money(signed, currency), reasonCode: nil, reasonCodeList: nil, category: category,
            categorySource: source, reasonText: headingTexts.isEmpty ? nil : headingTexts.joined(separator: " | "),
            invoiceReference: invoiceReference, memoNumber: memo.number, memoQualifier: nil, payer: payer,
            paymentTrace: nil, origin: .announced, provenance: context.provenance(memo.totalLocation), memo: fields)
        emit(.deduction(record), into: &sink)
    }

    // MARK: Elements

    /// CDD07 (quantity) times CDD09 (unit price difference), else times CDD11 (unit price), when both are plain
    /// numbers and the product is a money amount (at most four decimals); nil otherwise.
    static func pricedQuantity(_ segment: X12Segment) -> (amount: FixedDecimal, text: String)? {
        guard let quantityBytes = segment.value(7), let quantity = X12Text.decimal(quantityBytes) else { return nil }
        let (position, name) = segment.value(9) != nil ? (9, "CDD09") : (11, "CDD11")
        guard let priceBytes = segment.value(position), let price = X12Text.decimal(priceBytes),
            Int(quantity.scale) + Int(price.scale) <= Int(FixedDecimal.maxScale)
        else { return nil }
        let (units, overflow) = quantity.units.multipliedReportingOverflow(by: price.units)
        guard !overflow else { return nil }
        let product = FixedDecimal(units: units, scale: quantity.scale + price.scale).normalized(minimumScale: 2)
        guard (try? product.plausibleAmount()) != nil else { return nil }
        let text =
            "CDD07 \(String(decoding: quantityBytes, as: UTF8.self)) times \(name) "
            + "\(String(decoding: priceBytes, as: UTF8.self)) = \(product.formatted(minimumScale: 2))"
        return (product, text)
    }

    /// An N2 element: digits with two implied decimals and an optional leading sign. A value written with a
    /// decimal point is read as written, with a warning.
    ///
    /// - Returns: nil when absent (with `rejected` unchanged) or malformed (with the transaction rejected).
    mutating func impliedAmount<Sink: RecordSink>(
        _ segment: X12Segment, _ position: Int, name: String, into sink: inout Sink
    ) -> FixedDecimal? {
        guard let bytes = segment.value(position) else { return nil }
        let location = segment.location(file: context.file, element: position, name: name)
        let text = String(decoding: bytes, as: UTF8.self)
        guard var value = X12Text.decimal(bytes) else {
            reject(
                X12Diagnostics.badAmount(name, value: text, reason: X12Text.decimalFailure(bytes), at: location),
                into: &sink)
            return nil
        }
        if bytes.contains(UInt8(ascii: ".")) {
            sink.report(X12Diagnostics.explicitDecimalPoint(name, value: text, at: location))
        } else {
            value = FixedDecimal(units: value.units, scale: 2)
        }
        do {
            return try value.plausibleAmount()
        } catch {
            reject(X12Diagnostics.badAmount(name, value: text, reason: error.description, at: location), into: &sink)
            return nil
        }
    }

    /// A credit/debit flag: `C` or `D`; anything else is reported and `fallback` used.
    mutating func readFlag<Sink: RecordSink>(
        _ segment: X12Segment, _ position: Int, name: String, fallback: String, into sink: inout Sink
    ) -> String {
        if segment.valueEquals(position, "C") { return "C" }
        if segment.valueEquals(position, "D") { return "D" }
        sink.report(
            X12Diagnostics.badMemoFlag(
                name, value: segment.string(position), fallback: fallback,
                at: segment.location(file: context.file, element: position, name: name)))
        return fallback
    }

    func date<Sink: RecordSink>(_ segment: X12Segment, _ position: Int, name: String, into sink: inout Sink)
        -> CalendarDate?
    {
        guard let bytes = segment.value(position) else { return nil }
        if let date = X12Text.date(bytes) { return date }
        sink.report(
            X12Diagnostics.badDate(
                name, value: String(decoding: bytes, as: UTF8.self),
                at: segment.location(file: context.file, element: position, name: name)))
        return nil
    }
}
