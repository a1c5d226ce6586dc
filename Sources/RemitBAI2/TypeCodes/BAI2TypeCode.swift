/// What Remit knows about one BAI type code: which way the money moves and where the code may appear.
public struct BAI2TypeCode: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case credit, debit
        /// Status codes (balances, float) and non-monetary details move no money.
        case none
    }

    public enum Level: String, Sendable, Hashable {
        /// A balance or float figure, only in 03 records.
        case status
        /// A total over the day's items, only in 03 records.
        case summary
        /// One item, only in 16 records.
        case detail
    }

    /// Three digits, as printed in the file (`010`, `165`).
    public var code: String
    public var direction: Direction
    public var level: Level
    /// The code reports money a customer paid in: lockbox, ACH or EDI credit, wire, check or other deposit.
    public var carriesPayment: Bool
    /// The entry undoes an earlier one (a returned or reversed item).
    public var isReversal: Bool
    public var name: String
    /// False when the code is not in the table and was classified by its range.
    public var isListed: Bool

    public init(
        code: String, direction: Direction, level: Level, carriesPayment: Bool = false, isReversal: Bool = false,
        name: String, isListed: Bool = true
    ) {
        self.code = code
        self.direction = direction
        self.level = level
        self.carriesPayment = carriesPayment
        self.isReversal = isReversal
        self.name = name
        self.isListed = isListed
    }
}
