/// Receives what a streaming parser produces, in input order.
///
/// Parsers are generic over their sink so the hot path is specialised; they never buffer records.
public protocol RecordSink {
    mutating func emit(_ record: CanonicalRecord)
    mutating func report(_ diagnostic: Diagnostic)
    /// Called when a transaction (an X12 ST/SE set, a BAI2 account, an ISO 20022 entry) closes, with its tie-out.
    ///
    /// A transaction's records are emitted together, after the previous transaction ended and before this
    /// call, with no record of another transaction between them; sinks rely on it to set a rejected one aside.
    mutating func transactionEnded(_ summary: TransactionSummary)
    /// Called when a bank group sent as a deletion, correction or test closes (a BAI2 02 with status 2, 3 or 4),
    /// after the records and transaction ends of its accounts. Groups sent as updates are not reported.
    mutating func statusGroupEnded(_ group: BankStatusGroup)
}

extension RecordSink {
    public mutating func transactionEnded(_ summary: TransactionSummary) {}

    public mutating func statusGroupEnded(_ group: BankStatusGroup) {}
}

/// The tie-out of one transaction: what the payer said it paid against what its lines add up to.
public struct TransactionSummary: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Every record of the transaction was emitted.
        case accepted
        /// The transaction was broken; records already emitted with its `transactionID` must be set aside
        /// by the consumer.
        case rejected
    }

    public var kind: String
    public var location: SourceLocation
    public var envelope: EnvelopeKeys
    public var status: Status
    public var paymentID: String?
    /// The payment's stated total (X12 BPR02).
    public var statedTotal: Money?
    /// Sum of amounts paid on remittance lines.
    public var linesTotal: Money?
    /// Sum of stated adjustments (X12 ADX01 as sent: negative reduces the payment).
    public var adjustmentsTotal: Money?
    /// statedTotal − (linesTotal + adjustmentsTotal); nil when it cannot be computed.
    public var imbalance: Money?
    public var recordCount: Int
    /// The `Provenance.transactionID` stamped on every record of this transaction.
    public var transactionID: String
    /// Remittance lines the transaction held as read (X12: RMR segments), whether or not they became records,
    /// so that the lines of a rejected transaction are counted as rejected, not lost.
    public var linesRead = 0

    public init(
        kind: String, location: SourceLocation, envelope: EnvelopeKeys, status: Status, paymentID: String?,
        statedTotal: Money?, linesTotal: Money?, adjustmentsTotal: Money?, imbalance: Money?, recordCount: Int,
        transactionID: String
    ) {
        self.kind = kind
        self.location = location
        self.envelope = envelope
        self.status = status
        self.paymentID = paymentID
        self.statedTotal = statedTotal
        self.linesTotal = linesTotal
        self.adjustmentsTotal = adjustmentsTotal
        self.imbalance = imbalance
        self.recordCount = recordCount
        self.transactionID = transactionID
    }
}
