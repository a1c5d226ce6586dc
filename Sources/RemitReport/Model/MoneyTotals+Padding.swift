import RemitCore

extension MoneyTotals {
    /// `values` with a zero added for each of `currencies` it lacks, in currency order, so a column of
    /// figures names the same currencies on every line.
    static func padded(_ values: [Money], to currencies: [String]) -> [Money] {
        var totals = MoneyTotals(values)
        for currency in currencies { totals.add(Money.zero(currency)) }
        return totals.values
    }

    /// Every currency named in any of the lists, in order.
    static func currencies(of lists: [[Money]]) -> [String] {
        Set(lists.flatMap { $0.map(\.currency) }).sorted()
    }
}
