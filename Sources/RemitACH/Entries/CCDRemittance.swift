import RemitCore

/// Reads the RMR segments that a CCD+ (or PPD+) addenda often carries in its 80 characters of payment-related
/// information, e.g. `RMR*IV*0012345*PI*1500.00\`, as remittance lines of the entry's payment.
///
/// Segments end with `\` or `~`, elements are separated by `*`; only RMR segments become lines (RMR02 the
/// reference, RMR04 the amount paid, RMR05 the invoice amount, RMR06 the discount), the whole text stays the
/// payment's remittance text. A single RMR without an amount paid settles the whole entry. An amount that is
/// not a number is a located error and that segment gives no line.
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
        for addenda in entry.orderedAddenda {
            let payload = addenda.payload
            // The payload is columns 4-83 of the addenda record.
            var start = 0
            for index in 0...payload.count {
                guard index == payload.count || payload[index] == UInt8(ascii: "\\")
                    || payload[index] == UInt8(ascii: "~")
                else { continue }
                let segment = payload[start..<index]
                let column = 4 + start
                start = index + 1
                guard let line = rmr(segment, record: addenda.record, column: column, into: &sink) else { continue }
                found.append(line)
            }
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
        guard elements.first == "RMR", elements.count >= 3, !elements[2].isEmpty else { return nil }
        var location = record.location
        location.column = column
        location.byteOffset += Int64(column - 1)
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
            qualifier: elements[1].isEmpty ? nil : elements[1], reference: elements[2], paid: paid,
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
