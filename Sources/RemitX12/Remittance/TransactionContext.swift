import RemitCore

/// What every record of one transaction set shares: where it came from and how to read it.
struct TransactionContext {
    let file: String
    let fileSHA256: String
    let envelope: EnvelopeKeys
    /// `ST@<segment index of the ST>`.
    let transactionID: String
    /// Where the ST is.
    let location: SourceLocation
    /// From version 003050 on a negative ADX01 reduces the payment; before, a positive one does.
    let negativeAdjustmentReduces: Bool
    let defaultCurrency: String
    let crosswalk: ReasonCrosswalk
    /// `<idPrefix>:pay:` and friends, built once.
    let paymentIDPrefix: String
    let lineIDPrefix: String
    let deductionIDPrefix: String

    init(
        file: String, fileSHA256: String, idPrefix: String, envelope: EnvelopeKeys, transactionID: String,
        location: SourceLocation, negativeAdjustmentReduces: Bool, defaultCurrency: String,
        crosswalk: ReasonCrosswalk
    ) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.envelope = envelope
        self.transactionID = transactionID
        self.location = location
        self.negativeAdjustmentReduces = negativeAdjustmentReduces
        self.defaultCurrency = defaultCurrency
        self.crosswalk = crosswalk
        paymentIDPrefix = idPrefix + ":pay:"
        lineIDPrefix = idPrefix + ":line:"
        deductionIDPrefix = idPrefix + ":ded:"
    }

    @inline(__always)
    func provenance(_ location: SourceLocation) -> Provenance {
        Provenance(location: location, fileSHA256: fileSHA256, envelope: envelope, transactionID: transactionID)
    }

    /// Whether ADX amounts of a group with version `version` (GS08, e.g. `004010` or `005010X218`) reduce the
    /// payment when negative. Nil when the version does not start with six digits.
    static func negativeAdjustmentReduces(version: String?) -> Bool? {
        guard let version else { return nil }
        let digits = version.utf8.prefix(6)
        guard digits.count == 6, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return number >= 3050
    }
}
