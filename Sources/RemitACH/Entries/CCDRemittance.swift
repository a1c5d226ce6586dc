import RemitCore

/// Reads the RMR segments that a CCD+ (or PPD+) addenda often carries in its 80 characters of payment-related
/// information, e.g. `RMR*IV*0012345*PI*1500.00\`, as remittance lines of the entry's payment.
///
/// Segments end with `\` or `~`, elements are separated by `*`; only RMR segments become lines (RMR02 the
/// reference, RMR04 the amount paid, RMR05 the invoice amount, RMR06 the discount), the whole text stays the
/// payment's remittance text. A single RMR without an amount paid settles the whole entry. An amount that is
/// not a number is a located error and that segment gives no line; an RMR without a reference is a line
/// that cannot be matched, and a warning. An addenda ends its segment, unless its 80 characters are full
/// to the last one and another addenda follows: a CTX carries its text in many addenda, cut anywhere.
struct CCDRemittance {
    struct Line {
        var qualifier: String?
        var reference: String
        var paid: FixedDecimal?
        var invoiceAmount: FixedDecimal?
        var discount: FixedDecimal?
        /// Where the segment starts: the addenda record, with the RMR's place in the text as the column.
        var location: SourceLocation
    }

    /// The RMR segments of the entry's addenda, in order; problems go to `sink`.
    static func lines<Sink: RecordSink>(_ entry: ACHEntry, into sink: inout Sink) -> [Line] {
        var found: [Line] = []
        var segment: [UInt8] = []
        // The addenda record and column where the segment in hand starts (its first byte that is not blank).
        var start: (record: ACHRecord, column: Int)?
        func finish() {
            if let start, let line = rmr(segment[...], record: start.record, column: start.column, into: &sink) {
                found.append(line)
            }
            segment.removeAll(keepingCapacity: true)
            start = nil
        }
        let addenda = entry.orderedAddenda
        for (number, item) in addenda.enumerated() {
            // The payload is columns 4-83 of the addenda record.
            let payload = item.payload
            for (index, byte) in payload.enumerated() {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "~") {
                    finish()
                } else if start != nil || byte != UInt8(ascii: " ") {
                    if start == nil { start = (item.record, 4 + index) }
                    segment.append(byte)
                }
            }
            let full = payload.last.map { $0 != UInt8(ascii: " ") } ?? false
            if !full || number == addenda.count - 1 { finish() }
        }
        return found
    }

    /// One RMR segment, or nil when `bytes` is not one (or its amounts are unreadable, which is reported).
    private static func rmr<Sink: RecordSink>(
        _ bytes: ArraySlice<UInt8>, record: ACHRecord, column: Int, into sink: inout Sink
    ) -> Line? {
        let elements = bytes.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self).trimmingSpaces()
        }
        guard elements.first == "RMR", elements.count >= 2 else { return nil }
        var location = record.location
        location.column = column
        location.byteOffset += Int64(column - 1)
        let reference = elements.count > 2 ? elements[2] : ""
        if reference.isEmpty { sink.report(ACHDiagnostics.remittanceWithoutReference(at: location)) }
        func amount(_ position: Int) -> FixedDecimal?? {
            guard position < elements.count, !elements[position].isEmpty else { return .some(nil) }
            do {
                return try FixedDecimal.parseAmount(Array(elements[position].utf8))
            } catch {
                sink.report(
                    ACHDiagnostics.remittanceAmount(
                        "RMR" + (position < 10 ? "0" : "") + String(position), value: elements[position],
                        at: location))
                return nil
            }
        }
        guard let paid = amount(4), let invoiceAmount = amount(5), let discount = amount(6) else { return nil }
        return Line(
            qualifier: elements[1].isEmpty ? nil : elements[1], reference: reference, paid: paid,
            invoiceAmount: invoiceAmount, discount: discount, location: location)
    }
}

extension String {
    /// Without leading and trailing spaces.
    fileprivate func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
