import RemitCore

/// Every reassociation decision of a run, in a deterministic order: the bank credits in input order (each
/// with what it was paired with), then the payments no credit funds, in input order.
public struct Reassociation: Sendable {
    public var pairings: [CashPairing]

    public init(pairings: [CashPairing] = []) {
        self.pairings = pairings
    }

    /// The decisions with `status`.
    public func with(_ status: CashPairing.Status) -> [CashPairing] { pairings.filter { $0.status == status } }
}

/// How bank credits and remittances are paired.
public struct ReassociationOptions: Sendable {
    /// How many days a bank credit's date (value date, else as-of date) may lie from the payment's date for
    /// the amount rules.
    public var dateWindowDays: Int
    /// Shortest trace number (letters and digits, leading zeros dropped) that may pair by itself: shorter
    /// ones such as `1` match by accident.
    public var minimumTraceLength: Int

    public init(dateWindowDays: Int = 3, minimumTraceLength: Int = 4) {
        self.dateWindowDays = dateWindowDays
        self.minimumTraceLength = minimumTraceLength
    }
}
