import RemitCore

/// The company's own payment-term keys (SAP's `ZTERM` such as `ZB01`, an Oracle term name) with the terms
/// each stands for, written the way Remit reads terms (`2/14 NET 30`, `NET 45`), from
/// `mappings/payment-terms/*.tsv`.
///
/// An export that gives a key instead of terms has its discounts judged by what the key stands for; the
/// evidence names both (`terms_key=ZB01`, `discount_terms=2/14`).
public struct PaymentTermsTable: Sendable {
    /// Terms by key, the key upper-cased and without surrounding spaces.
    public private(set) var terms: [String: String] = [:]
    /// Where each key was defined (`mappings/payment-terms/sap.tsv:4`).
    public private(set) var sources: [String: String] = [:]

    public init() {}

    /// Reads rows `key<TAB>terms[<TAB>note]`; `#` starts a comment line, blank lines are skipped, and a row
    /// `key<TAB>terms…` is a header. A later file's key replaces an earlier one's.
    ///
    /// - Throws: `Diagnostic` naming the row for a row without two fields, an empty key, or terms that
    ///   Remit cannot read (neither a discount such as `2/10 NET 30` nor net terms such as `NET 30`).
    public mutating func load(_ text: String, name: String, path: String) throws(Diagnostic) {
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            if fields.count >= 2 && fields[0].lowercased() == "key" && fields[1].lowercased() == "terms" { continue }
            let location = SourceLocation(file: path, line: number, column: 1, byteOffset: 0)
            guard fields.count >= 2 else {
                throw Diagnostic(
                    .error, code: "mapping.columns",
                    "a payment-terms row needs a key and its terms, separated by a tab", at: location)
            }
            let key = fields[0].uppercased()
            guard !key.isEmpty else {
                throw Diagnostic(.error, code: "mapping.empty", "the payment-terms key is empty", at: location)
            }
            guard DiscountTerms.parse(fields[1]) != nil || DiscountTerms.isNetOnly(fields[1]) else {
                throw Diagnostic(
                    .error, code: "mapping.terms",
                    "terms '\(fields[1])' for key '\(fields[0])' are neither a discount (2/10 NET 30) nor net terms "
                        + "(NET 30)", at: location)
            }
            terms[key] = fields[1]
            sources[key] = "\(name):\(number)"
        }
    }

    /// The terms `text` stands for when it is a key of the table, with the key; nil otherwise.
    func lookUp(_ text: String) -> (terms: String, key: String)? {
        let key = text.trimmingSpaces().uppercased()
        return terms[key].map { ($0, key) }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
