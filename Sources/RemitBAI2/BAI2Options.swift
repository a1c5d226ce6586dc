import RemitCore

/// How strictly a BAI2 file is read, and the data it is read with.
public struct BAI2Options: Sendable {
    /// Report control totals and record counts that do not add up (49, 98, 99), and unlisted type codes, as
    /// errors rather than warnings. Records are kept either way.
    public var strict: Bool
    /// Currency of a group whose 02 names none. The specification says US dollars; Remit's `--currency`
    /// option can change it for banks that leave the field empty for their own currency.
    public var defaultCurrency: String
    /// Direction, level and flags of each type code; codes it does not list are classified by range.
    public var typeCodes: BAI2TypeCodeTable

    public init(
        strict: Bool = false, defaultCurrency: String = Currency.defaultCode,
        typeCodes: BAI2TypeCodeTable = BAI2TypeCodeTable()
    ) {
        self.strict = strict
        self.defaultCurrency = defaultCurrency
        self.typeCodes = typeCodes
    }
}
