import RemitCore

extension PartnerMatchingSettings {
    /// The reference after this partner's clean-up rules, normalized; nil when no rule changed it.
    ///
    /// Works on letters and digits only, upper case: the first listed prefix the reference starts with is
    /// removed, then the first listed suffix it ends with, then all but the last `keepLast` characters.
    func cleanedReference(_ reference: String) -> String? {
        var text = PartnerDirectory.nameKey(reference)
        let original = text
        if let prefix = stripPrefixes.map(PartnerDirectory.nameKey).first(where: {
            text.hasPrefix($0) && text.count > $0.count
        }) {
            text.removeFirst(prefix.count)
        }
        if let suffix = stripSuffixes.map(PartnerDirectory.nameKey).first(where: {
            text.hasSuffix($0) && text.count > $0.count
        }) {
            text.removeLast(suffix.count)
        }
        if let keepLast, text.count > keepLast { text = String(text.suffix(keepLast)) }
        guard text != original else { return nil }
        return ReferenceNormalizer.normalize(text)
    }

    /// The most of a shortfall on `open` that may be written off: the smaller of the absolute and percentage
    /// limits when both are set; zero when neither is.
    func toleranceLimit(on open: FixedDecimal, minorDigits: UInt8) -> FixedDecimal {
        var limits: [FixedDecimal] = []
        if let toleranceAmount { limits.append(toleranceAmount) }
        if let tolerancePercent {
            // Rounded down to the currency's minor unit so the limit never exceeds the percentage.
            let exact = open.absolute.percentage(tolerancePercent) ?? .zero
            let cut = exact.rounded(toScale: minorDigits)
            limits.append(cut > exact ? cut - FixedDecimal(units: 1, scale: minorDigits) : cut)
        }
        return limits.min() ?? .zero
    }

    /// `amount 5.00, percent 0.5` for the evidence.
    var toleranceDescription: String {
        [toleranceAmount.map { "amount \($0)" }, tolerancePercent.map { "percent \($0)" }].compactMap { $0 }
            .joined(separator: ", ")
    }
}
