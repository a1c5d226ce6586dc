import RemitCore

/// Payment terms of an invoice export that the discount check cannot read: neither terms such as
/// `2/10 NET 30` or `NET 30` nor a key of the company's payment-terms table (an SAP `ZB01` nobody listed).
///
/// A discount taken on such an invoice is allowed as taken, unjudged, so the run reports the terms once,
/// with how many invoices give them and where the first one is.
public struct UnknownPaymentTerms: Sendable, Hashable {
    /// The terms as the first invoice gives them, without surrounding spaces.
    public var terms: String
    /// How many invoices give these terms, compared as the table compares keys (trimmed, in upper case).
    public var invoices: Int
    /// The export row of the first such invoice.
    public var first: SourceLocation

    public init(terms: String, invoices: Int, first: SourceLocation) {
        self.terms = terms
        self.invoices = invoices
        self.first = first
    }

    /// The warning for the run: at the first invoice's row, naming the terms and the number of invoices.
    public var diagnostic: Diagnostic {
        let count = invoices == 1 ? "1 invoice" : "\(invoices) invoices, this row the first"
        return Diagnostic(
            .warning, code: "invoice.terms-unknown",
            "payment terms '\(terms)' (\(count)) are neither terms Remit reads nor a key in "
                + "mappings/payment-terms; the discounts taken on these invoices are not checked",
            at: first,
            hint: "add the key and the terms it stands for (such as 2/10 NET 30 or NET 30), separated by a tab, "
                + "to a .tsv file in mappings/payment-terms/")
    }
}

extension PaymentTermsTable {
    /// The terms of `invoices` that the discount check cannot read, one entry per distinct terms (trimmed and
    /// compared in upper case), in the order they first appear. Invoices without terms are not counted.
    public func unknownTerms(in invoices: [Invoice]) -> [UnknownPaymentTerms] {
        var found: [UnknownPaymentTerms] = []
        // Exports repeat a handful of terms texts over many rows: each distinct text is judged once, and
        // the answer is nil when the terms are read, else the entry's index in `found`.
        var verdicts: [String: Int?] = [:]
        var byKey: [String: Int] = [:]
        for invoice in invoices {
            guard let raw = invoice.terms else { continue }
            if let verdict = verdicts[raw] {
                if let index = verdict { found[index].invoices += 1 }
                continue
            }
            let exported = raw.trimmingSpaces()
            if exported.isEmpty || understands(exported) {
                verdicts[raw] = .some(nil)
                continue
            }
            let key = exported.uppercased()
            if let index = byKey[key] {
                found[index].invoices += 1
                verdicts[raw] = index
                continue
            }
            byKey[key] = found.count
            verdicts[raw] = found.count
            found.append(UnknownPaymentTerms(terms: exported, invoices: 1, first: invoice.location))
        }
        return found
    }

    /// Whether the discount check can read `exported`: a key of the table, a discount or net terms.
    func understands(_ exported: String) -> Bool {
        lookUp(exported) != nil || DiscountTerms.parse(exported) != nil || DiscountTerms.isNetOnly(exported)
    }
}
