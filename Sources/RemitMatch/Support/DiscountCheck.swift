import RemitCore

/// How much of the discount a payer took is allowed by the invoice's terms.
struct DiscountCheck {
    /// The discount allowed: what the payer took, less the unearned part.
    var allowed: FixedDecimal
    /// Taken after the window (plus grace days), or above the terms' percentage.
    var unearned: FixedDecimal
    var evidence: [Evidence]
    /// Why the unearned part is unearned, for the deduction's reason text.
    var reason: String

    static let none = DiscountCheck(allowed: .zero, unearned: .zero, evidence: [], reason: "")
}
