/// The payer as one remittance names it.
package struct PlannedPayer: Sendable {
    package var name: String
    /// The seller's customer number, when the payer sends it.
    package var id: String?
    /// How the name differs from the export's (`PayerVariant`), nil when it does not.
    package var variant: String?
}

/// A deduction the payer states against a line (X12 ADX, ISO 20022 `AdjstmntAmtAndRsn`).
package struct PlannedAdjustment: Sendable {
    package var amount: Cents
    /// An X12 426 reason code.
    package var code: String
}

/// One remittance line as it will be written, with what it really settles.
package struct PlannedLine: Sendable {
    /// RMR01, or the ISO 20022 document type's counterpart (`IV` → `CINV`, `PO` → `PUOR`).
    package var qualifier: String
    /// The reference as the payer sends it; empty when it sends none.
    package var reference: String
    /// A purchase order sent beside the reference (X12 `REF*PO` under the RMR).
    package var purchaseOrder: String?
    package var paid: Cents
    /// The invoice total the payer states (RMR05, `DuePyblAmt`).
    package var invoiceTotal: Cents?
    package var discount: Cents?
    package var adjustments: [PlannedAdjustment]
    /// The invoices an automatic match must apply the line to; empty when it must not be applied at all.
    package var truth: [String]
    /// The invoices the payer meant, also for a line that must not be applied.
    package var pays: [String]
    /// The noise kinds in this line (`ReferenceNoise`, `discount`, `short-pay-stated`, …).
    package var noise: [String]
    /// The trap this line is, if any (`twin-garbled`, `twin-exact`, `equal-amounts`, `other-customer`,
    /// `repeated-payment`).
    package var trap: String?
}

/// One payment with its remittance lines, and the format and file it goes into.
package struct PlannedPayment: Sendable {
    package var customer: Int
    package var payer: PlannedPayer
    package var format: RemittanceFormat
    /// TRN02, `EndToEndId`, or the 15-digit ACH trace number.
    package var trace: String
    package var date: ScenarioDay
    package var lines: [PlannedLine]
    /// For a payment sent a second time: the index of the first copy.
    package var copyOf: Int?

    package var total: Cents { lines.reduce(Cents.zero) { $0 + $1.paid } }
}
