import RemitCore

/// One control check: a figure that must equal the sum of others, with both sides as computed.
///
/// The two sides are summed from different sources (the parser's control totals, the match table, the
/// deduction register, the invoice export), so a check fails when any of them lost or invented something.
public struct TieOut: Sendable, Hashable {
    /// The kinds of check, with stable raw values used in `summary.json`.
    public enum Check: String, Sendable, Hashable, CaseIterable {
        /// lines in = lines matched + lines unmatched + lines rejected.
        case lines
        /// payments total = lines paid + adjustments + imbalances.
        case cash
        /// lines paid = cash applied + cash unapplied.
        case application
        /// deducted total = Σ deductions in the register.
        case deductions
        /// invoice open before = applied + discount + deducted + open after, for one matched invoice.
        case invoice
        /// open receivables in the export = applied + discounts + deducted + still open after the run.
        case receivables
    }

    /// A count or a list of amounts, one per currency, in currency order.
    public enum Value: Sendable, Hashable {
        case count(Int)
        case money([Money])
    }

    /// One named figure in the equation.
    public struct Term: Sendable, Hashable {
        public var label: String
        public var value: Value
        /// True when some currency's sum did not fit a `FixedDecimal` and is missing from `value`.
        public var overflowed: Bool

        public init(_ label: String, _ value: Value, overflowed: Bool = false) {
            self.label = label
            self.value = value
            self.overflowed = overflowed
        }

        /// A money figure summed from `totals`; a sum that did not fit makes the check not computable.
        public init(_ label: String, totals: MoneyTotals) {
            self.init(label, .money(totals.values), overflowed: totals.overflowed)
        }
    }

    public var check: Check
    /// What the check covers: an input path, `all inputs`, or an invoice number.
    public var scope: String
    /// Where the scope sits, for an invoice its row in the export.
    public var location: SourceLocation?
    public var left: Term
    public var right: [Term]
    /// Σ of the right-hand terms.
    public var rightTotal: Value
    /// left − Σ right; for money one entry per currency seen on either side.
    public var difference: Value
    public var ties: Bool
    /// False when some money figure or sum was too large to represent exactly (amount overflow); such a
    /// check never ties, and its totals leave out the currencies that overflowed.
    public var computable: Bool

    /// Builds a check and works out its total, difference and verdict.
    ///
    /// Money terms are given a zero for each currency that appears elsewhere in the check and not in them,
    /// so every figure lists the same currencies.
    public init(check: Check, scope: String, location: SourceLocation? = nil, left: Term, right: [Term]) {
        self.check = check
        self.scope = scope
        self.location = location
        let lists = ([left] + right).compactMap { term -> [Money]? in
            if case .money(let amounts) = term.value { return amounts }
            return nil
        }
        let currencies = MoneyTotals.currencies(of: lists)
        func padded(_ term: Term) -> Term {
            guard case .money(let amounts) = term.value else { return term }
            return Term(term.label, .money(MoneyTotals.padded(amounts, to: currencies)), overflowed: term.overflowed)
        }
        self.left = padded(left)
        self.right = right.map(padded)
        computable = !([left] + right).contains(where: \.overflowed)
        switch left.value {
        case .count(let leftCount):
            var sum = 0
            for term in right {
                if case .count(let count) = term.value { sum += count }
            }
            rightTotal = .count(sum)
            difference = .count(leftCount - sum)
            ties = leftCount == sum
        case .money(let leftAmounts):
            var sum = MoneyTotals()
            for term in right {
                if case .money(let amounts) = term.value { sum.add(MoneyTotals(amounts)) }
            }
            var differenceTotals = MoneyTotals(leftAmounts)
            differenceTotals.subtract(sum)
            let differences = currencies.compactMap { differenceTotals.amount(in: $0) }
            if sum.overflowed || differences.count != currencies.count { computable = false }
            rightTotal = .money(currencies.compactMap { sum.amount(in: $0) })
            difference = .money(differences)
            ties = computable && differences.allSatisfy(\.isZero)
        }
    }

    /// `lines in = matched + unmatched + rejected`, built from the term labels.
    public var equation: String { left.label + " = " + right.map(\.label).joined(separator: " + ") }
}
