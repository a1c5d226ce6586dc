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
    let paymentIDPrefix: [UInt8]
    let lineIDPrefix: [UInt8]
    let deductionIDPrefix: [UInt8]

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
        paymentIDPrefix = Array((idPrefix + ":pay:").utf8)
        lineIDPrefix = Array((idPrefix + ":line:").utf8)
        deductionIDPrefix = Array((idPrefix + ":ded:").utf8)
    }

    /// The id of the remittance line read from the RMR at `segmentIndex`.
    func lineID(_ segmentIndex: Int) -> String { Self.id(lineIDPrefix, segmentIndex) }

    /// `prefix` followed by `number` in decimal and `suffix`: a record id, made for every record. Built in a
    /// stack buffer and turned into a string once, which costs less than concatenating the parts.
    static func id(_ prefix: [UInt8], _ number: Int, suffix: StaticString = "") -> String {
        let capacity = prefix.count + 21 + suffix.utf8CodeUnitCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var count = 0
            for byte in prefix {
                buffer[count] = byte
                count += 1
            }
            if number < 0 {
                buffer[count] = UInt8(ascii: "-")
                count += 1
            }
            var value = number.magnitude
            var digitCount = 1
            while value >= 10 {
                digitCount += 1
                value /= 10
            }
            value = number.magnitude
            count += digitCount
            var position = count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            for offset in 0..<suffix.utf8CodeUnitCount {
                buffer[count] = suffix.utf8Start[offset]
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
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
