import RemitCore
import RemitX12

/// How an ACH file is read, and the data its CTX remittances are read with.
public struct ACHOptions: Sendable {
    /// Options for the X12 820s carried in CTX addenda (strictness, default currency).
    public var x12: X12Options
    /// Maps ADX02 reason codes of the carried 820s to deduction categories.
    public var crosswalk: ReasonCrosswalk

    public init(x12: X12Options = X12Options(), crosswalk: ReasonCrosswalk = ReasonCrosswalk()) {
        self.x12 = x12
        self.crosswalk = crosswalk
    }
}
