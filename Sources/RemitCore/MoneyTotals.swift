/// Sums of money kept per currency, listed in currency order so output is deterministic.
///
/// Sums are accumulated in 128 bits at a common scale, so adding up any number of amounts cannot trap. A sum
/// that does not fit a `FixedDecimal` is never shown as a wrong figure: `overflowed` says so, `amount(in:)`
/// returns nil for it and `values` leaves it out, and whoever reports the total must say it could not be
/// computed (a tie-out that does not tie, an error diagnostic).
public struct MoneyTotals: Sendable, Hashable {
    private struct Sum: Sendable, Hashable {
        var units: Int128 = 0
        var scale: UInt8 = 0
    }

    /// The first currency added and its sum, held inline: most totals have one currency, and a dictionary
    /// costs an allocation per total and a hash per amount (a million invoice tie-outs add up four each).
    private var firstCurrency: String?
    private var firstSum = Sum()
    /// The sums of every other currency.
    private var otherSums: [String: Sum] = [:]
    /// Set when the 128-bit accumulator itself overflowed (only some 10^20 plausible amounts get there).
    private var wrapped: Set<String> = []

    /// Every currency's sum.
    private var sums: [String: Sum] {
        var all = otherSums
        if let firstCurrency { all[firstCurrency] = firstSum }
        return all
    }

    private func sum(in currency: String) -> Sum? {
        currency == firstCurrency ? firstSum : otherSums[currency]
    }

    private func forEachSum(_ body: (String, Sum) -> Void) {
        if let firstCurrency { body(firstCurrency, firstSum) }
        for (currency, sum) in otherSums { body(currency, sum) }
    }

    private mutating func setSum(_ sum: Sum, in currency: String) {
        if firstCurrency == nil { firstCurrency = currency }
        if currency == firstCurrency { firstSum = sum } else { otherSums[currency] = sum }
    }

    public static func == (lhs: MoneyTotals, rhs: MoneyTotals) -> Bool {
        lhs.sums == rhs.sums && lhs.wrapped == rhs.wrapped
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sums)
        hasher.combine(wrapped)
    }

    /// True when some sum does not fit a `FixedDecimal`; only absurd inputs get here.
    public var overflowed: Bool { !overflowedCurrencies.isEmpty }

    /// The currencies whose sum does not fit a `FixedDecimal`, in order.
    public var overflowedCurrencies: [String] {
        currencies.filter { wrapped.contains($0) || MoneyTotals.fixed(sum(in: $0)!) == nil }
    }

    public init() {}

    public init(_ values: [Money]) {
        for value in values { add(value) }
    }

    public mutating func add(_ value: Money) {
        add(Sum(units: Int128(value.amount.units), scale: value.amount.scale), to: value.currency)
    }

    /// Adds every sum of `other`, exactly; an overflowed sum stays overflowed.
    public mutating func add(_ other: MoneyTotals) {
        other.forEachSum { add($1, to: $0) }
        wrapped.formUnion(other.wrapped)
    }

    /// Subtracts every sum of `other`, exactly; an overflowed sum stays overflowed.
    public mutating func subtract(_ other: MoneyTotals) {
        other.forEachSum { currency, sum in
            let (negated, overflow) = Int128(0).subtractingReportingOverflow(sum.units)
            if overflow { wrapped.insert(currency) }
            add(Sum(units: overflow ? .max : negated, scale: sum.scale), to: currency)
        }
        wrapped.formUnion(other.wrapped)
    }

    /// The sum in `currency` (zero when none was added), or nil when it does not fit a `FixedDecimal`.
    public func amount(in currency: String) -> Money? {
        guard !wrapped.contains(currency) else { return nil }
        return MoneyTotals.fixed(sum(in: currency) ?? Sum()).map { Money($0, currency) }
    }

    public var currencies: [String] {
        guard let firstCurrency else { return [] }
        return otherSums.isEmpty ? [firstCurrency] : ([firstCurrency] + otherSums.keys).sorted()
    }

    /// One `Money` per currency seen, in currency order, leaving out the sums that `overflowedCurrencies` names.
    public var values: [Money] { currencies.compactMap { amount(in: $0) } }

    public var isZero: Bool { firstSum.units == 0 && otherSums.values.allSatisfy { $0.units == 0 } }

    private mutating func add(_ value: Sum, to currency: String) {
        var sum = sum(in: currency) ?? Sum()
        var units = value.units
        if value.scale > sum.scale {
            for _ in sum.scale..<value.scale { sum.units = multiplyChecked(sum.units, currency) }
            sum.scale = value.scale
        } else {
            for _ in value.scale..<sum.scale { units = multiplyChecked(units, currency) }
        }
        let (total, overflow) = sum.units.addingReportingOverflow(units)
        if overflow { wrapped.insert(currency) }
        sum.units = overflow ? 0 : total
        setSum(sum, in: currency)
    }

    private mutating func multiplyChecked(_ value: Int128, _ currency: String) -> Int128 {
        let (product, overflow) = value.multipliedReportingOverflow(by: 10)
        if overflow { wrapped.insert(currency) }
        return overflow ? 0 : product
    }

    /// The sum as a `FixedDecimal`, dropping trailing fractional zeros when that makes it fit; nil when nothing does.
    private static func fixed(_ sum: Sum) -> FixedDecimal? {
        var units = sum.units
        var scale = sum.scale
        while scale > 0, units % 10 == 0, Int64(exactly: units) == nil {
            units /= 10
            scale -= 1
        }
        return Int64(exactly: units).map { FixedDecimal(units: $0, scale: scale) }
    }
}
