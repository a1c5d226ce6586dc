import RemitCore

/// The open amounts of an export's invoices as a run applies cash to them.
struct InvoiceLedger {
    let invoices: [Invoice]
    private(set) var remaining: [FixedDecimal]
    private var appliedThisRun: [FixedDecimal]
    private var byReference: [String: [Int]] = [:]
    private var customerIDs: Set<String> = []
    private var customerNames: Set<String> = []
    /// Partners (`mappings/partners/` keys) that some invoice's customer belongs to.
    private var customerPartners: Set<String> = []
    private let partners: PartnerDirectory

    init(invoices: [Invoice], partners: PartnerDirectory = PartnerDirectory()) {
        self.partners = partners
        self.invoices = invoices
        remaining = invoices.map(\.openAmount.amount)
        appliedThisRun = Array(repeating: .zero, count: invoices.count)
        for (index, invoice) in invoices.enumerated() {
            if !invoice.normalizedNumber.isEmpty { byReference[invoice.normalizedNumber, default: []].append(index) }
            if let id = CustomerKey.id(invoice.customerID) { customerIDs.insert(id) }
            if let name = CustomerKey.name(invoice.customerName) { customerNames.insert(name) }
            if let partner = partners.partner(for: Party(name: invoice.customerName, id: invoice.customerID)) {
                customerPartners.insert(partner.key)
            }
        }
    }

    func candidates(for normalizedReference: String) -> [Int] { byReference[normalizedReference] ?? [] }

    /// Whether the export lists this payer as a customer, by id or name, or through a partner both belong to.
    func knowsPayer(_ payer: Party) -> Bool {
        if let partner = partners.partner(for: payer), customerPartners.contains(partner.key) { return true }
        if let id = CustomerKey.id(payer.id), customerIDs.contains(id) { return true }
        if let name = CustomerKey.name(payer.name), customerNames.contains(name) { return true }
        return false
    }

    /// Closes the invoice: what was not paid has become deductions or discount.
    ///
    /// - Throws: `FixedDecimal.OverflowError`, leaving the ledger as it was, when the cash applied to the
    ///   invoice in this run no longer fits.
    mutating func apply(index: Int, applied: FixedDecimal) throws(FixedDecimal.OverflowError) {
        appliedThisRun[index] = try appliedThisRun[index].adding(applied)
        remaining[index] = .zero
    }

    func openInvoices() -> [OpenInvoice] {
        var result: [OpenInvoice] = []
        for (index, invoice) in invoices.enumerated() where !remaining[index].isZero {
            let currency = invoice.openAmount.currency
            result.append(
                OpenInvoice(
                    invoice: invoice, remaining: Money(remaining[index], currency),
                    appliedThisRun: Money(appliedThisRun[index], currency)))
        }
        return result
    }
}
