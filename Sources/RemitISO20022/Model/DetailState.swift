import RemitCore

/// One camt `TxDtls` or one remt.001 `RmtInf` while it is read: the payment and its remittance.
struct DetailState {
    var ordinal: Int
    var location: Mark
    var amount: ParsedAmount?
    var transactionAmount: ParsedAmount?
    var instructedAmount: ParsedAmount?
    var indicator: String?
    var endToEndID: String?
    var uetr: String?
    var remittanceID: String?
    /// camt `RltdRmtInf/RmtId`: the remt.001 advice sent apart for this payment.
    var relatedRemittanceID: String?
    var date: CalendarDate?
    var debtor = Party()
    var creditor = Party()
    var ultimateDebtor = Party()
    var unstructured: [String] = []
    var blocks: [StructuredBlock] = []

    init(ordinal: Int, location: Mark) {
        self.ordinal = ordinal
        self.location = location
    }

    /// The detail's own amount: `Amt`, else `AmtDtls/TxAmt/Amt`; for remt.001 the instructed amount.
    var ownAmount: ParsedAmount? { amount ?? transactionAmount ?? instructedAmount }
}
