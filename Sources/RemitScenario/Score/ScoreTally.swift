/// Counts of one group of remittance lines (a format, a noise kind, or all), as the scorer sees them.
package struct ScoreTally: Sendable, Equatable {
    /// Lines in the truth file.
    package var lines = 0
    /// Lines with invoices to apply them to (the rest must not be applied).
    package var withAnswer = 0
    package var applied = 0
    /// Applied to exactly the invoices the truth names.
    package var right = 0
    /// Applied to anything else, or applied when it must not be.
    package var wrong = 0
    package var suggested = 0
    /// Lines of the truth file Remit wrote no row for.
    package var missing = 0

    /// Applied-right out of applied, in hundredths of a percent; nil when nothing was applied.
    package var precisionBasisPoints: Int? { Self.basisPoints(right, of: applied) }
    /// Applied-right out of lines with an answer, in hundredths of a percent.
    package var recallBasisPoints: Int? { Self.basisPoints(right, of: withAnswer) }

    /// `part / whole` in hundredths of a percent, rounded down so that 99.95 % is never shown as 100.00 %.
    static func basisPoints(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        return part * 10_000 / whole
    }

    /// `99.95 %`, or `n/a`.
    package static func percent(_ basisPoints: Int?) -> String {
        guard let basisPoints else { return "n/a" }
        return "\(basisPoints / 100).\(Digits.padded(basisPoints % 100, 2)) %"
    }

    mutating func add(_ other: ScoreTally) {
        lines += other.lines
        withAnswer += other.withAnswer
        applied += other.applied
        right += other.right
        wrong += other.wrong
        suggested += other.suggested
        missing += other.missing
    }
}
