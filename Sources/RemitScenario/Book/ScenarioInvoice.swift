/// One open item of the export: an invoice or a credit memo.
package struct ScenarioInvoice: Sendable {
    package enum Terms: String, Sendable {
        case net30 = "NET 30"
        case twoTenNet30 = "2/10 NET 30"
        case oneFifteenNet45 = "1/15 NET 45"
        case none = ""

        /// SAP payment-terms keys standing for the same terms.
        var sapKey: String {
            switch self {
            case .net30: return "0001"
            case .twoTenNet30: return "ZB01"
            case .oneFifteenNet45: return "ZB03"
            case .none: return ""
            }
        }
    }

    /// The number exactly as the export writes it (`0041017`, `CM20113`).
    package var number: String
    package var customer: Int
    package var purchaseOrder: String
    package var date: ScenarioDay
    package var due: ScenarioDay
    /// Negative for a credit memo. Every item is fully open: the open amount equals the amount.
    package var amount: Cents
    package var terms: Terms
    package var isCreditMemo: Bool { amount.value < 0 }
}

/// A payment or receipt row some exports list among the open items; never an invoice.
package struct ScenarioReceipt: Sendable {
    package var number: String
    package var customer: Int
    package var date: ScenarioDay
    /// Negative: money received and not yet applied.
    package var amount: Cents
}
