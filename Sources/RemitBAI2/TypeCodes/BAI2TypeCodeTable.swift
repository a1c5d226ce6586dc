/// The BAI type codes Remit knows, with the specification's range rules for the ones it does not.
///
/// The table is data (`mappings/bai2/type-codes.tsv`); banks invent codes of their own, so a code missing
/// from it is classified by range, never refused.
public struct BAI2TypeCodeTable: Sendable {
    /// Indexed by the code's numeric value, 0 through 999.
    private var entries: [BAI2TypeCode?]

    public init() {
        entries = Array(repeating: nil, count: 1000)
    }

    /// Number of listed codes.
    public var count: Int { entries.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Adds or replaces a code; later rows win, so a bank's own table can override the shipped one.
    public mutating func add(_ entry: BAI2TypeCode, value: Int) {
        precondition((0..<1000).contains(value), "type code out of range")
        entries[value] = entry
    }

    /// The listed entry for a three-digit code, if any.
    public func listed(_ value: Int) -> BAI2TypeCode? {
        (0..<1000).contains(value) ? entries[value] : nil
    }

    /// The entry for `value`, or what its range says when it is not listed.
    ///
    /// - Parameters:
    ///   - value: the code's numeric value.
    ///   - code: the code as printed, kept in the result.
    ///   - inDetail: whether the code appears in a 16 record; an unlisted code is a detail there and a
    ///     summary (or status) in an 03.
    public func classify(_ value: Int, code: String, inDetail: Bool) -> BAI2TypeCode {
        if let entry = listed(value) { return entry }
        let level: BAI2TypeCode.Level = inDetail ? .detail : .summary
        let direction: BAI2TypeCode.Direction
        var rangeLevel = level
        switch value {
        case 1...99, 900...919:
            direction = .none
            if !inDetail { rangeLevel = .status }
        case 100...399, 920...959: direction = .credit
        case 400...699, 960...999: direction = .debit
        case 700...799:
            // Loans: 701-709 status, 720-728 credits, 760 debit; the rest of the range is unassigned.
            if (701...719).contains(value) {
                direction = .none
                if !inDetail { rangeLevel = .status }
            } else if (720...759).contains(value) {
                direction = .credit
            } else {
                direction = .debit
            }
        default: direction = .none
        }
        return BAI2TypeCode(
            code: code, direction: direction, level: rangeLevel, name: "unlisted type code", isListed: false)
    }
}
