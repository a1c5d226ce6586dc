import RemitCore

/// What every record of one transaction set shares: where it came from and how to read it.
struct TransactionContext {
    let file: String
    /// The file digest, envelope keys and `ST@<segment index of the ST>`, shared by every record's provenance.
    let origin: ProvenanceOrigin
    var envelope: EnvelopeKeys { origin.envelope }
    var transactionID: String { origin.transactionID }
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
        origin = ProvenanceOrigin(fileSHA256: fileSHA256, envelope: envelope, transactionID: transactionID)
        self.location = location
        self.negativeAdjustmentReduces = negativeAdjustmentReduces
        self.defaultCurrency = defaultCurrency
        self.crosswalk = crosswalk
        paymentIDPrefix = idPrefix + ":pay:"
        lineIDPrefix = idPrefix + ":line:"
        deductionIDPrefix = idPrefix + ":ded:"
    }

    /// `prefix` followed by `number` in decimal and `suffix`, built in one allocation: record ids are made
    /// for every record, and concatenating the parts costs several.
    static func id(_ prefix: String, _ number: Int, suffix: StaticString = "") -> String {
        var prefix = prefix
        let magnitude = number.magnitude
        var digitCount = 1
        var rest = magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let sign = number < 0 ? 1 : 0
        let count = prefix.utf8.count + sign + digitCount + suffix.utf8CodeUnitCount
        return prefix.withUTF8 { head in
            String(unsafeUninitializedCapacity: count) { buffer in
                var index = head.count
                _ = buffer.initialize(fromContentsOf: head)
                if sign == 1 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                var value = magnitude
                for position in stride(from: index + digitCount - 1, through: index, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                index += digitCount
                for offset in 0..<suffix.utf8CodeUnitCount {
                    buffer[index + offset] = suffix.utf8Start[offset]
                }
                return count
            }
        }
    }

    @inline(__always)
    func provenance(_ location: SourceLocation) -> Provenance {
        Provenance(location: location, origin: origin)
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
