/// How much of what goes wrong in real remittances and exports a scenario contains.
///
/// The rates are fixed per level and documented in docs/matching.md ("Scenarios"); they were set before
/// the matcher was measured against them and must not be tuned to its results.
package enum NoiseLevel: String, Sendable, CaseIterable {
    case none, low, moderate, high

    package var rates: NoiseRates {
        switch self {
        case .none:
            return NoiseRates(
                zerosDropped: 0, prefixAdded: 0, digitsTransposed: 0, purchaseOrderInstead: 0, totalOnly: 0,
                payerNamedDifferently: 0, shortPay: 0, discount: 0, creditMemos: 0, paymentRows: 0,
                subtotalRows: false)
        case .low:
            return NoiseRates(
                zerosDropped: 20, prefixAdded: 20, digitsTransposed: 10, purchaseOrderInstead: 20, totalOnly: 10,
                payerNamedDifferently: 50, shortPay: 50, discount: 50, creditMemos: 10, paymentRows: 10,
                subtotalRows: true)
        case .moderate:
            return NoiseRates(
                zerosDropped: 50, prefixAdded: 50, digitsTransposed: 30, purchaseOrderInstead: 40, totalOnly: 30,
                payerNamedDifferently: 150, shortPay: 100, discount: 100, creditMemos: 20, paymentRows: 20,
                subtotalRows: true)
        case .high:
            return NoiseRates(
                zerosDropped: 100, prefixAdded: 100, digitsTransposed: 60, purchaseOrderInstead: 80, totalOnly: 60,
                payerNamedDifferently: 300, shortPay: 200, discount: 150, creditMemos: 40, paymentRows: 40,
                subtotalRows: true)
        }
    }
}

/// Rates of each kind of noise, in parts per thousand.
package struct NoiseRates: Sendable {
    /// Per remittance line: the invoice number quoted without its leading zeros, or without one inner zero.
    package var zerosDropped: Int
    /// Per line: a prefix such as `INV-` or `#` put before the number.
    package var prefixAdded: Int
    /// Per line: two neighbouring different digits swapped.
    package var digitsTransposed: Int
    /// Per line: the invoice's purchase order quoted instead of its number.
    package var purchaseOrderInstead: Int
    /// Per line: no reference at all, one line paying one to four open invoices by its total.
    package var totalOnly: Int
    /// Per payment: the payer's name written another way, its id left out half the time.
    package var payerNamedDifferently: Int
    /// Per line: paid short; seven in ten say why (a stated deduction), three in ten do not.
    package var shortPay: Int
    /// Per line: a cash discount taken.
    package var discount: Int
    /// Per invoice in the export: a credit memo (negative amount) of the same customer listed beside it.
    package var creditMemos: Int
    /// Per invoice in the export: a payment or receipt row listed beside it (in exports that list them).
    package var paymentRows: Int
    /// Whether the export has a subtotal row per customer and a grand total.
    package var subtotalRows: Bool

    /// The reference noise kinds' rates, in the order a line's single draw tries them.
    var referenceKinds: [(ReferenceNoise, Int)] {
        [
            (.zerosDropped, zerosDropped), (.prefixAdded, prefixAdded), (.digitsTransposed, digitsTransposed),
            (.purchaseOrderInstead, purchaseOrderInstead), (.totalOnly, totalOnly),
        ]
    }
}

/// What happened to the reference of one remittance line.
package enum ReferenceNoise: String, Sendable {
    case clean
    case zerosDropped = "zeros-dropped"
    case prefixAdded = "prefix-added"
    case digitsTransposed = "digits-transposed"
    case purchaseOrderInstead = "po-instead"
    case totalOnly = "total-only"
}
