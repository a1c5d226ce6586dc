import RemitCore

/// How a payer in a remittance is recognised as a customer in the invoice export.
///
/// A payer and a customer are the same when their ids agree (trimmed, case-insensitive) or, failing ids,
/// when their names agree after keeping letters and digits only.
enum CustomerKey {
    static func id(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingSpaces().uppercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    static func name(_ text: String?) -> String? {
        guard let text else { return nil }
        let kept = PartnerDirectory.nameKey(text)
        return kept.isEmpty ? nil : kept
    }

    /// Whether `invoice` belongs to `payer`; nil when either side gives nothing to compare.
    ///
    /// A payer and a customer that both belong to one partner of `partners` (by any of the ids or names the
    /// partner's `partner.json` lists) are the same, whatever ids they carry; otherwise ids decide, then names.
    static func sameCustomer(_ payer: Party, _ invoice: Invoice, partners: PartnerDirectory) -> Bool? {
        if let partner = partners.partner(for: payer),
            partners.partner(for: Party(name: invoice.customerName, id: invoice.customerID))?.key == partner.key
        {
            return true
        }
        if let payerID = id(payer.id), let customerID = id(invoice.customerID) { return payerID == customerID }
        if let payerName = name(payer.name), let customerName = name(invoice.customerName) {
            return payerName == customerName
        }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        // ASCII text, by far the most common, is trimmed byte by byte; nil from the closure means nothing to trim.
        var text = self
        var isASCII = true
        let trimmed = text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                isASCII = false
                return nil
            }
            var start = 0
            var end = bytes.count
            while start < end && ASCIIKey.isWhitespace(bytes[start]) { start += 1 }
            while end > start && ASCIIKey.isWhitespace(bytes[end - 1]) { end -= 1 }
            return start == 0 && end == bytes.count ? nil : String(decoding: bytes[start..<end], as: UTF8.self)
        }
        if isASCII { return trimmed ?? self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension CustomerKey {
    /// Words naming a legal form, left out when names are compared for similarity.
    private static let legalForms: Set<String> = [
        "AG", "CO", "COMPANY", "CORP", "CORPORATION", "GMBH", "INC", "INCORPORATED", "LLC", "LTD", "LIMITED", "PLC",
        "SA", "THE",
    ]

    /// The name's words, upper case, letters and digits only, legal-form words dropped, run together; nil when
    /// nothing is left.
    static func comparableName(_ text: String) -> String? {
        if let words = asciiWords(text) {
            let kept = words.filter { !legalForms.contains($0) }.joined()
            return kept.isEmpty ? nil : kept
        }
        var words: [String] = []
        var word = ""
        for scalar in text.uppercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar)
            } else if scalar != "." && scalar != "'" {
                words.append(word)
                word = ""
            }
        }
        words.append(word)
        let kept = words.filter { !$0.isEmpty && !legalForms.contains($0) }.joined()
        return kept.isEmpty ? nil : kept
    }

    /// `comparableName`'s words for ASCII text, read byte by byte (nil for other text): letters and digits
    /// upper-cased, `.` and `'` skipped, anything else ends a word; empty words left out.
    private static func asciiWords(_ text: String) -> [String]? {
        guard let spaced = ASCIIKey.make(text, keep: { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "'") })
        else { return nil }
        let words = spaced.utf8.split(whereSeparator: { !ASCIIKey.isLetterOrDigit($0) })
        return words.map { String(decoding: $0, as: UTF8.self) }
    }
}
