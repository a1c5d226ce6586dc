import RemitCore

/// The early-payment discount in an invoice's payment terms: `2/10 NET 30` is 2 % within 10 days.
struct DiscountTerms: Sendable, Hashable {
    var percent: FixedDecimal
    var days: Int

    /// Reads the discount part of terms such as `2/10 NET 30`, `2% 10 NET 30`, `1.5/15 N30`, `2/10N30`.
    ///
    /// - Returns: nil when the terms grant no discount (`NET 30`, empty text).
    static func parse(_ terms: String) -> DiscountTerms? {
        var scalars = Substring(terms.uppercased()).unicodeScalars[...]
        func skipSpaces() { while let first = scalars.first, first == " " { scalars.removeFirst() } }
        func digits(allowPoint: Bool) -> String {
            var text = ""
            while let first = scalars.first,
                ("0"..."9").contains(first) || (allowPoint && first == "." && !text.contains("."))
            {
                text.unicodeScalars.append(first)
                scalars.removeFirst()
            }
            return text
        }
        skipSpaces()
        let percentText = digits(allowPoint: true)
        guard !percentText.isEmpty, !percentText.hasSuffix("."), let percent = try? FixedDecimal.parse(percentText),
            !percent.isZero, percent < FixedDecimal(units: 100, scale: 0)
        else { return nil }
        skipSpaces()
        if scalars.first == "%" { scalars.removeFirst() }
        skipSpaces()
        if scalars.first == "/" { scalars.removeFirst() }
        skipSpaces()
        let daysText = digits(allowPoint: false)
        guard !daysText.isEmpty, daysText.count <= 3, let days = Int(daysText) else { return nil }
        return DiscountTerms(percent: percent, days: days)
    }

    /// Whether the terms plainly grant no discount: `NET 30`, `N30`, `Net 45 days`, `Due on receipt`.
    ///
    /// Terms that are neither this nor a discount (an ERP's own key such as SAP's `ZB01` that
    /// `PaymentTermsTable` does not list) are not understood, and a discount taken against them is not judged.
    static func isNetOnly(_ terms: String) -> Bool {
        let words = terms.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let first = words.first else { return false }
        if first == "NET" { return words.count == 1 || words[1].allSatisfy(\.isNumber) }
        if first.hasPrefix("N"), first.count > 1, first.dropFirst().allSatisfy(\.isNumber) { return true }
        return words.starts(with: ["DUE", "ON", "RECEIPT"]) || words.starts(with: ["DUE", "UPON", "RECEIPT"])
    }

    /// `2/10`.
    var description: String { "\(percent)/\(days)" }
}
