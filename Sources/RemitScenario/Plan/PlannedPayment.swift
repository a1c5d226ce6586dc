/// The payer as one remittance names it.
public struct PlannedPayer: Sendable {
    public var name: String
    /// The seller's customer number, when the payer sends it.
    public var id: String?
    /// How the name differs from the export's (`PayerVariant`), nil when it does not.
    public var variant: String?
}

/// A deduction the payer states against a line (X12 ADX, ISO 20022 `AdjstmntAmtAndRsn`).
public struct PlannedAdjustment: Sendable {
    public var amount: Cents
    /// An X12 426 reason code.
    public var code: String
}

/// One remittance line as it will be written, with what it really settles.
public struct PlannedLine: Sendable {
    /// RMR01, or the ISO 20022 document type's counterpart (`IV` → `CINV`, `PO` → `PUOR`).
    public var qualifier: String
    /// The reference as the payer sends it; empty when it sends none.
    public var reference: String
    /// A purchase order sent beside the reference (X12 `REF*PO` under the RMR).
    public var purchaseOrder: String?
    public var paid: Cents
    /// The invoice total the payer states (RMR05, `DuePyblAmt`).
    public var invoiceTotal: Cents?
    public var discount: Cents?
    public var adjustments: [PlannedAdjustment]
    /// The invoices an automatic match must apply the line to; empty when it must not be applied at all.
    public var truth: [String]
    /// The invoices the payer meant, also for a line that must not be applied.
    public var pays: [String]
    /// The noise kinds in this line (`ReferenceNoise`, `discount`, `short-pay-stated`, …).
    public var noise: [String]
    /// The trap this line is, if any (`twin-garbled`, `twin-exact`, `equal-amounts`, `other-customer`,
    /// `repeated-payment`).
    public var trap: String?
}

/// One payment with its remittance lines, and the format and file it goes into.
public struct PlannedPayment: Sendable {
    public var customer: Int
    public var payer: PlannedPayer
    public var format: RemittanceFormat
    /// TRN02, `EndToEndId`, or the 15-digit ACH trace number.
    public var trace: String
    public var date: ScenarioDay
    public var lines: [PlannedLine]
    /// For a payment sent a second time: the index of the first copy.
    public var copyOf: Int?

    public var total: Cents { lines.reduce(Cents.zero) { $0 + $1.paid } }
}
