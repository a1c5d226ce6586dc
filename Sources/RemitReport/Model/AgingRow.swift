import RemitCore

/// Open deductions of one category or payer (or all of them): how many and how much, per age bucket and in
/// all, each amount per currency.
public struct AgingRow: Sendable, Hashable {
    /// The category's raw value or the payer's name; `Total` for all.
    public var key: String
    /// The payer's identifier as `qualifier:id` or `id`, when grouping by payer and one was given.
    public var id: String?
    public var count: Int
    public var total: [Money]
    /// Per bucket, in `AgeBucket.allCases` order: how many, and how much per currency.
    public var counts: [Int]
    public var amounts: [[Money]]

    /// Groups `open` under `key`, sorted by key then id, as the other breakdowns are.
    static func rows(_ open: [OpenDeduction], by key: (OpenDeduction) -> (String, String?)) -> [AgingRow] {
        var groups: [String: (key: String, id: String?, members: [OpenDeduction])] = [:]
        for item in open {
            let (name, id) = key(item)
            // U+0000 cannot occur in a name or id read from an input, so it separates the two unambiguously.
            groups[name + "\u{0}" + (id ?? ""), default: (name, id, [])].members.append(item)
        }
        return groups.keys.sorted().map { slot in
            let group = groups[slot]!
            return AgingRow(key: group.key, id: group.id, group.members)
        }
    }

    init(key: String, id: String?, _ members: [OpenDeduction]) {
        self.key = key
        self.id = id
        count = members.count
        total = MoneyTotals(members.map(\.deduction.amount)).values
        counts = AgeBucket.allCases.map { bucket in members.filter { $0.bucket == bucket }.count }
        amounts = AgeBucket.allCases.map { bucket in
            MoneyTotals(members.filter { $0.bucket == bucket }.map(\.deduction.amount)).values
        }
    }

    /// How many, and how much, in `bucket`.
    public func count(in bucket: AgeBucket) -> Int { counts[AgeBucket.allCases.firstIndex(of: bucket)!] }

    public func amounts(in bucket: AgeBucket) -> [Money] { amounts[AgeBucket.allCases.firstIndex(of: bucket)!] }
}
