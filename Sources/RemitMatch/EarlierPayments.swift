import RemitCore

/// Payments that earlier runs read, found by the same keys that find a payment read twice within one run.
///
/// `remit reconcile --history` fills it from the run history, leaving out what came from this run's own
/// inputs (a file read again is not a repeat of itself), so a payment sent again in a later file is set aside
/// instead of being applied a second time.
public struct EarlierPayments: Sendable {
    /// Where an earlier run read a payment.
    public struct Entry: Sendable, Hashable {
        /// The payment's record id in that run.
        public var paymentID: String
        /// The input file it came from, as that run named it.
        public var source: String
        /// That run's run time (ISO 8601).
        public var runTime: String
        /// The payment's trace number, when it had one.
        public var trace: String?

        public init(paymentID: String, source: String, runTime: String, trace: String?) {
            self.paymentID = paymentID
            self.source = source
            self.runTime = runTime
            self.trace = trace
        }
    }

    /// Entries by payment key (`Matcher.paymentKeys`); the first entry recorded under a key wins.
    public private(set) var byKey: [String: Entry] = [:]

    public init() {}

    /// Records `entry` under each of `keys` not taken yet.
    public mutating func add(_ entry: Entry, keys: [String]) {
        for key in keys where byKey[key] == nil { byKey[key] = entry }
    }

    public var isEmpty: Bool { byKey.isEmpty }
}
