import RemitCore

/// Deductions sharing a category or a payer: how many, and how much per currency.
public struct DeductionGroup: Sendable, Hashable {
    /// The category's raw value, or the payer's name (`(no name)` when the payer gave none).
    public var key: String
    /// The payer's identifier as `qualifier:id` or `id`, when grouping by payer and one was given.
    public var id: String?
    public var count: Int
    /// One amount per currency, in currency order.
    public var amounts: [Money]

    public init(key: String, id: String?, count: Int, amounts: [Money]) {
        self.key = key
        self.id = id
        self.count = count
        self.amounts = amounts
    }

    /// Groups deductions by category, in category-name order.
    public static func byCategory(_ deductions: [Deduction]) -> [DeductionGroup] {
        group(deductions) { ($0.category.rawValue, nil) }
    }

    /// Groups deductions by payer (name and identifier together), in name order.
    public static func byPayer(_ deductions: [Deduction]) -> [DeductionGroup] {
        group(deductions) { ($0.payer.name ?? "(no name)", $0.payer.qualifiedID) }
    }

    private static func group(_ deductions: [Deduction], by key: (Deduction) -> (String, String?)) -> [DeductionGroup] {
        struct Key: Hashable, Comparable {
            var key: String
            var id: String?
            static func < (lhs: Key, rhs: Key) -> Bool {
                (lhs.key, lhs.id ?? "") < (rhs.key, rhs.id ?? "")
            }
        }
        var counts: [Key: Int] = [:]
        var totals: [Key: MoneyTotals] = [:]
        for deduction in deductions {
            let (name, id) = key(deduction)
            let groupKey = Key(key: name, id: id)
            counts[groupKey, default: 0] += 1
            totals[groupKey, default: MoneyTotals()].add(deduction.amount)
        }
        return counts.keys.sorted().map { groupKey in
            DeductionGroup(
                key: groupKey.key, id: groupKey.id, count: counts[groupKey]!,
                amounts: totals[groupKey]!.values)
        }
    }
}

extension Party {
    /// `qualifier:id`, or `id` alone, or nil when the party has no identifier.
    var qualifiedID: String? {
        guard let id else { return nil }
        guard let idQualifier else { return id }
        return idQualifier + ":" + id
    }

    /// The name, else the identifier, else a placeholder: how a report row names the party.
    var displayName: String { name ?? qualifiedID ?? "(no name)" }
}
