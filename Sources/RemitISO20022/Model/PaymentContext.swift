import RemitCore

/// What every line and deduction of one payment shares, and the running totals of its tie-out.
struct PaymentContext {
    var paymentID: String
    var payer: Party
    var currency: String
    /// The payment's unsigned amount.
    var amount: FixedDecimal
    /// True for a debit: line amounts take the payment's sign so lines and payment tie out.
    var negative: Bool
    var trace: String?
    /// The file digest, envelope and transaction id every record of the payment shares.
    var origin: ProvenanceOrigin
    var transactionID: String { origin.transactionID }
    /// A sole `Strd` block without `RmtdAmt` is taken to remit the whole payment.
    var singleBlock: Bool
    /// Exact however many lines there are; `emitPayment` reports a total that no longer fits.
    var linesTotal = ExactSum()
    var lineCount = 0
    var recordCount = 0

    mutating func add(line amount: FixedDecimal) {
        linesTotal.add(amount)
        lineCount += 1
        recordCount += 1
    }
}
