import RemitCore

/// How strictly an X12 file is read, and what to assume where the file says nothing.
public struct X12Options: Sendable, Hashable {
    /// Treat control-number and count mismatches (ISA13/IEA02, GS06/GE02, ST02/SE02, SE01, GE01, IEA01) as
    /// errors: a transaction set whose SE does not check out is then rejected. Otherwise they are warnings.
    public var strict: Bool
    /// The currency of an 820 without a CUR segment. X12 820s without CUR are US dollars by convention, but
    /// partners outside the US send their own currency without saying so.
    public var defaultCurrency: String

    public init(strict: Bool = false, defaultCurrency: String = Currency.defaultCode) {
        self.strict = strict
        self.defaultCurrency = defaultCurrency
    }
}
