/// Sums of money kept per currency, listed in currency order so output is deterministic.
///
/// Sums are accumulated in 128 bits at a common scale, so adding up any number of amounts cannot trap. A sum
/// that no longer fits a `FixedDecimal` is reported by `overflowed` and shown clamped.
public struct MoneyTotals: Sendable, Hashable {
    private struct Sum: Sendable, Hashable {
        var units: Int128 = 0
        var scale: UInt8 = 0
    }

    private var sums: [String: Sum] = [:]
    private var wrapped = false

    /// True when some sum no longer fits a `FixedDecimal` and is shown clamped; only absurd inputs get here.
    public var overflowed: Bool { wrapped || sums.values.contains { !MoneyTotals.fits($0) } }

    public init() {}

    public init(_ values: [Money]) {
        for value in values { add(value) }
    }

    public mutating func add(_ value: Money) {
        var sum = sums[value.currency, default: Sum()]
        var units = Int128(value.amount.units)
        if value.amount.scale > sum.scale {
            for _ in sum.scale..<value.amount.scale { sum.units = multiplyChecked(sum.units, 10) }
            sum.scale = value.amount.scale
        } else {
            for _ in value.amount.scale..<sum.scale { units = multiplyChecked(units, 10) }
        }
        let (total, overflow) = sum.units.addingReportingOverflow(units)
        if overflow { wrapped = true }
        sum.units = overflow ? (units < 0 ? .min : .max) : total
        sums[value.currency] = sum
    }

    public mutating func add(_ other: MoneyTotals) {
        for value in other.values { add(value) }
        if other.overflowed { wrapped = true }
    }

    public func amount(in currency: String) -> Money { Money(fixed(sums[currency] ?? Sum()), currency) }

    public var currencies: [String] { sums.keys.sorted() }

    /// One `Money` per currency seen, in currency order.
    public var values: [Money] { currencies.map { Money(fixed(sums[$0]!), $0) } }

    public var isZero: Bool { sums.values.allSatisfy { $0.units == 0 } }

    private mutating func multiplyChecked(_ value: Int128, _ factor: Int128) -> Int128 {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        if overflow { wrapped = true }
        return overflow ? (value < 0 ? .min : .max) : product
    }

    private static func fits(_ sum: Sum) -> Bool {
        var units = sum.units
        while units % 10 == 0, Int64(exactly: units) == nil { units /= 10 }
        return Int64(exactly: units) != nil
    }

    private func fixed(_ sum: Sum) -> FixedDecimal {
        var units = sum.units
        var scale = sum.scale
        while scale > 0, units % 10 == 0, Int64(exactly: units) == nil {
            units /= 10
            scale -= 1
        }
        if let exact = Int64(exactly: units) { return FixedDecimal(units: exact, scale: scale) }
        return FixedDecimal(units: units < 0 ? .min : .max, scale: scale)
    }
}
