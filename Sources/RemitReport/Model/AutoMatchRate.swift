import RemitCore
import RemitMatch

/// How much of a run matching applied on its own: lines applied automatically over all lines, and the
/// amount of those lines over the amount of all lines, per currency. The two are kept apart: a few large
/// lines can carry most of the money.
///
/// Lines are those of the match table (lines of rejected transactions never reach matching). Every applied
/// line is applied automatically; suggested lines wait for a person and count as not applied. Amounts are
/// what the lines paid, as read.
public struct AutoMatchRate: Sendable, Hashable {
    /// One currency's amounts.
    public struct Amounts: Sendable, Hashable {
        public var currency: String
        /// Σ paid on the lines applied automatically.
        public var applied: Money
        /// Σ paid on all lines.
        public var total: Money
        /// `applied` as a percentage of `total`, one decimal; nil when the total is not above zero.
        public var percent: String?
    }

    public var linesApplied: Int
    public var lines: Int
    /// `linesApplied` as a percentage of `lines`, one decimal; nil for a run without lines.
    public var linePercent: String?
    /// In currency order.
    public var amounts: [Amounts]

    public init(_ matches: [LineMatch]) {
        let applied = matches.filter { $0.decision == .applied }
        linesApplied = applied.count
        lines = matches.count
        linePercent = AutoMatchRate.percent(Int128(applied.count), of: Int128(matches.count))
        let appliedTotals = MoneyTotals(applied.map(\.line.amountPaid))
        let allTotals = MoneyTotals(matches.map(\.line.amountPaid))
        amounts = allTotals.values.compactMap { total in
            guard let part = appliedTotals.amount(in: total.currency) else { return nil }
            return Amounts(
                currency: total.currency, applied: part, total: total,
                percent: AutoMatchRate.percent(part.amount, of: total.amount))
        }
    }

    /// `part` as a percentage of `whole` with one decimal, rounded half away from zero, in exact integer
    /// arithmetic; nil when `whole` is not above zero (or, for absurd scales, the figures do not fit 128 bits).
    public static func percent(_ part: FixedDecimal, of whole: FixedDecimal) -> String? {
        let scale = max(part.scale, whole.scale)
        func units(_ value: FixedDecimal) -> Int128? {
            var units = Int128(value.units)
            for _ in value.scale..<scale {
                let (product, overflow) = units.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                units = product
            }
            return units
        }
        guard let part = units(part), let whole = units(whole) else { return nil }
        return percent(part, of: whole)
    }

    static func percent(_ part: Int128, of whole: Int128) -> String? {
        guard whole > 0 else { return nil }
        let magnitude = part < 0 ? -part : part
        let (scaled, overflow) = magnitude.multipliedReportingOverflow(by: 2000)
        let (doubled, overflowToo) = whole.multipliedReportingOverflow(by: 2)
        let (rounded, overflowAgain) = scaled.addingReportingOverflow(whole)
        guard !overflow, !overflowToo, !overflowAgain else { return nil }
        let tenths = rounded / doubled
        return (part < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}
