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
        let kept = String(String.UnicodeScalarView(text.uppercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
        return kept.isEmpty ? nil : kept
    }

    /// Whether `invoice` belongs to `payer`; nil when either side gives nothing to compare.
    static func sameCustomer(_ payer: Party, _ invoice: Invoice) -> Bool? {
        if let payerID = id(payer.id), let customerID = id(invoice.customerID) { return payerID == customerID }
        if let payerName = name(payer.name), let customerName = name(invoice.customerName) {
            return payerName == customerName
        }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
