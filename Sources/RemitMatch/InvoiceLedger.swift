import RemitCore

/// The open amounts of an export's invoices as a run applies cash to them.
struct InvoiceLedger {
    let invoices: [Invoice]
    private(set) var remaining: [FixedDecimal]
    private var appliedThisRun: [FixedDecimal]
    /// The line that closed each invoice in this run, to name it when a second line pays the invoice again.
    private(set) var closedBy: [String?]
    private var byReference: [String: [Int]] = [:]
    private var byPurchaseOrder: [String: [Int]] = [:]
    /// Each normalized number under itself and under every text one character shorter, so the numbers one
    /// edit from a reference are found by lookups instead of a scan.
    private var byNearNumber: [String: [Int]] = [:]
    /// Invoices by customer id, by customer name (all, and those without an id), and by partner: what
    /// `CustomerKey.sameCustomer` compares, indexed so a payer's invoices are found without a scan.
    private var byCustomerID: [String: [Int]] = [:]
    private var byCustomerName: [String: [Int]] = [:]
    private var byCustomerNameWithoutID: [String: [Int]] = [:]
    private var byPartner: [String: [Int]] = [:]
    private var customerIDs: Set<String> = []
    private var customerNames: Set<String> = []
    /// Partners (`mappings/partners/` keys) that some invoice's customer belongs to.
    private var customerPartners: Set<String> = []
    /// Each distinct customer's name key (legal-form words dropped) and its invoices, in export order.
    private(set) var customersByName: [(key: String, label: String, invoices: [Int])] = []
    private let partners: PartnerDirectory

    init(invoices: [Invoice], partners: PartnerDirectory = PartnerDirectory()) {
        self.partners = partners
        self.invoices = invoices
        remaining = invoices.map(\.openAmount.amount)
        appliedThisRun = Array(repeating: .zero, count: invoices.count)
        closedBy = Array(repeating: nil, count: invoices.count)
        var customerSlot: [String: Int] = [:]
        for (index, invoice) in invoices.enumerated() {
            // A number with nothing to compare (only punctuation, or letters outside A-Z) is never a candidate.
            if !invoice.normalizedNumber.isEmpty {
                byReference[invoice.normalizedNumber, default: []].append(index)
                for key in Set([invoice.normalizedNumber] + InvoiceLedger.deletions(of: invoice.normalizedNumber)) {
                    byNearNumber[key, default: []].append(index)
                }
            }
            if let po = invoice.purchaseOrder.map(ReferenceNormalizer.normalize), !po.isEmpty {
                byPurchaseOrder[po, default: []].append(index)
            }
            let id = CustomerKey.id(invoice.customerID)
            if let id {
                customerIDs.insert(id)
                byCustomerID[id, default: []].append(index)
            }
            if let name = CustomerKey.name(invoice.customerName) {
                customerNames.insert(name)
                byCustomerName[name, default: []].append(index)
                if id == nil { byCustomerNameWithoutID[name, default: []].append(index) }
            }
            if let partner = partners.partner(for: Party(name: invoice.customerName, id: invoice.customerID)) {
                customerPartners.insert(partner.key)
                byPartner[partner.key, default: []].append(index)
            }
            if let name = invoice.customerName, let key = CustomerKey.comparableName(name) {
                let identity = (CustomerKey.id(invoice.customerID) ?? "") + "|" + key
                if let slot = customerSlot[identity] {
                    customersByName[slot].invoices.append(index)
                } else {
                    customerSlot[identity] = customersByName.count
                    customersByName.append((key, invoice.customerID ?? name, [index]))
                }
            }
        }
    }

    func candidates(for normalizedReference: String) -> [Int] { byReference[normalizedReference] ?? [] }

    func purchaseOrderCandidates(for normalizedPO: String) -> [Int] { byPurchaseOrder[normalizedPO] ?? [] }

    func isOpen(_ index: Int) -> Bool { !remaining[index].isZero }

    /// Invoices whose normalized number may be one edit from `reference`, in export order; a superset that
    /// `EditDistance.isOneEdit` narrows.
    func nearCandidates(for reference: String) -> [Int] {
        var found = Set(byNearNumber[reference] ?? [])
        for key in InvoiceLedger.deletions(of: reference) { found.formUnion(byNearNumber[key] ?? []) }
        return found.sorted()
    }

    /// `reference` with one character left out, at each position.
    static func deletions(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        return scalars.indices.map { skip in
            var kept = String.UnicodeScalarView()
            for (index, scalar) in scalars.enumerated() where index != skip { kept.append(scalar) }
            return String(kept)
        }
    }

    /// The invoices `CustomerKey.sameCustomer` says belong to the payer, in export order.
    func invoicesOf(_ payer: Party) -> [Int] {
        var found: Set<Int> = []
        if let partner = partners.partner(for: payer) { found.formUnion(byPartner[partner.key] ?? []) }
        let name = CustomerKey.name(payer.name)
        if let id = CustomerKey.id(payer.id) {
            found.formUnion(byCustomerID[id] ?? [])
            if let name { found.formUnion(byCustomerNameWithoutID[name] ?? []) }
        } else if let name {
            found.formUnion(byCustomerName[name] ?? [])
        }
        return found.sorted()
    }

    /// Whether the export lists this payer as a customer, by id or name, or through a partner both belong to.
    func knowsPayer(_ payer: Party) -> Bool {
        if let partner = partners.partner(for: payer), customerPartners.contains(partner.key) { return true }
        if let id = CustomerKey.id(payer.id), customerIDs.contains(id) { return true }
        if let name = CustomerKey.name(payer.name), customerNames.contains(name) { return true }
        return false
    }

    /// Closes the invoice: what was not paid has become deductions, discount or a write-off.
    ///
    /// - Throws: `FixedDecimal.OverflowError`, leaving the ledger as it was, when the cash applied to the
    ///   invoice in this run no longer fits.
    mutating func apply(index: Int, applied: FixedDecimal, lineID: String) throws(FixedDecimal.OverflowError) {
        appliedThisRun[index] = try appliedThisRun[index].adding(applied)
        remaining[index] = .zero
        if closedBy[index] == nil { closedBy[index] = lineID }
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
