/// Sums of money kept per currency, listed in currency order so output is deterministic.
public struct MoneyTotals: Sendable, Hashable {
    private var sums: [String: FixedDecimal] = [:]

    public init() {}

    public init(_ values: [Money]) {
        for value in values { add(value) }
    }

    public mutating func add(_ value: Money) {
        sums[value.currency, default: .zero] = sums[value.currency, default: .zero] + value.amount
    }

    public mutating func add(_ other: MoneyTotals) {
        for value in other.values { add(value) }
    }

    public func amount(in currency: String) -> Money { Money(sums[currency] ?? .zero, currency) }

    public var currencies: [String] { sums.keys.sorted() }

    /// One `Money` per currency seen, in currency order.
    public var values: [Money] { currencies.map { Money(sums[$0]!, $0) } }

    public var isZero: Bool { sums.values.allSatisfy(\.isZero) }
}
