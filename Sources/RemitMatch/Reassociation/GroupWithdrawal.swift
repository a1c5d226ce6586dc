import RemitCore

/// A bank group sent as a deletion or correction, placed among the run's bank credits: it withdraws the
/// credits read before it for the same originator, account and as-of date.
public struct GroupWithdrawal: Sendable, Hashable {
    public var group: BankStatusGroup
    /// How many of the credits given to `Reassociator.pair` were read before the group's header (in earlier
    /// inputs, or earlier in the same file); only those can be withdrawn by it.
    public var creditsBefore: Int

    public init(group: BankStatusGroup, creditsBefore: Int) {
        self.group = group
        self.creditsBefore = creditsBefore
    }
}
