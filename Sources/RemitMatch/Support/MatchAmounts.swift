import RemitCore

/// The money columns of one decision: nine amounts beside one currency, instead of nine `Money` values
/// that each carry a currency string. A decision shrinks by about a hundred bytes, a million of them by
/// a hundred megabytes.
///
/// A column in another currency than `applied` (possible when a `LineMatch` is built by hand) keeps its
/// own currency in `otherCurrencies`, so every value reads back exactly as it was given, and two values are
/// equal exactly when all their columns are.
struct MatchAmounts: Sendable, Hashable {
    enum Column: Int, Sendable, Hashable {
        case openBefore, applied, discountTaken, statedDeductions, unexplained, unapplied, openAfter, writtenOff
        case unearnedDiscount
    }

    /// `applied`'s currency.
    private var currency: String
    private var openBefore: FixedDecimal?
    private var applied: FixedDecimal
    private var discountTaken: FixedDecimal?
    private var statedDeductions: FixedDecimal
    private var unexplained: FixedDecimal
    private var unapplied: FixedDecimal
    private var openAfter: FixedDecimal?
    private var writtenOff: FixedDecimal
    private var unearnedDiscount: FixedDecimal
    /// The currencies of columns that are not in `currency`; nil when there are none.
    private var otherCurrencies: [Column: String]?

    init(
        openBefore: Money?, applied: Money, discountTaken: Money?, statedDeductions: Money, unexplained: Money,
        unapplied: Money, openAfter: Money?, writtenOff: Money, unearnedDiscount: Money
    ) {
        currency = applied.currency
        self.applied = applied.amount
        self.openBefore = nil
        self.discountTaken = nil
        self.statedDeductions = statedDeductions.amount
        self.unexplained = unexplained.amount
        self.unapplied = unapplied.amount
        self.openAfter = nil
        self.writtenOff = writtenOff.amount
        self.unearnedDiscount = unearnedDiscount.amount
        self[.openBefore] = openBefore
        self[.discountTaken] = discountTaken
        self[.statedDeductions] = statedDeductions
        self[.unexplained] = unexplained
        self[.unapplied] = unapplied
        self[.openAfter] = openAfter
        self[.writtenOff] = writtenOff
        self[.unearnedDiscount] = unearnedDiscount
    }

    subscript(column: Column) -> Money? {
        get {
            guard let amount = amount(column) else { return nil }
            return Money(amount, otherCurrencies?[column] ?? currency)
        }
        set {
            if column == .applied, let newValue, newValue.currency != currency {
                // Every other column is kept in `applied`'s currency or listed: start again from the values.
                self = MatchAmounts(
                    openBefore: self[.openBefore], applied: newValue, discountTaken: self[.discountTaken],
                    statedDeductions: self[.statedDeductions]!, unexplained: self[.unexplained]!,
                    unapplied: self[.unapplied]!, openAfter: self[.openAfter], writtenOff: self[.writtenOff]!,
                    unearnedDiscount: self[.unearnedDiscount]!)
                return
            }
            setAmount(column, newValue?.amount)
            if let other = newValue?.currency, other != currency {
                otherCurrencies = (otherCurrencies ?? [:]).merging([column: other]) { $1 }
            } else if otherCurrencies?[column] != nil {
                otherCurrencies?[column] = nil
                if otherCurrencies?.isEmpty == true { otherCurrencies = nil }
            }
        }
    }

    private func amount(_ column: Column) -> FixedDecimal? {
        switch column {
        case .openBefore: openBefore
        case .applied: applied
        case .discountTaken: discountTaken
        case .statedDeductions: statedDeductions
        case .unexplained: unexplained
        case .unapplied: unapplied
        case .openAfter: openAfter
        case .writtenOff: writtenOff
        case .unearnedDiscount: unearnedDiscount
        }
    }

    /// Stores an amount; a column that cannot be empty keeps its amount when given nil.
    private mutating func setAmount(_ column: Column, _ amount: FixedDecimal?) {
        switch column {
        case .openBefore: openBefore = amount
        case .applied: applied = amount ?? applied
        case .discountTaken: discountTaken = amount
        case .statedDeductions: statedDeductions = amount ?? statedDeductions
        case .unexplained: unexplained = amount ?? unexplained
        case .unapplied: unapplied = amount ?? unapplied
        case .openAfter: openAfter = amount
        case .writtenOff: writtenOff = amount ?? writtenOff
        case .unearnedDiscount: unearnedDiscount = amount ?? unearnedDiscount
        }
    }
}
