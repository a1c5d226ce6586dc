import RemitCore

/// The open amounts of an export's invoices as a run applies cash to them.
struct InvoiceLedger {
    let invoices: [Invoice]
    private(set) var remaining: [FixedDecimal]
    private var appliedThisRun: [FixedDecimal]
    /// The line that closed each invoice in this run, to name it when a second line pays the invoice again.
    private(set) var closedBy: [String?]
    private var byReference: KeyIndex
    private var byPurchaseOrder: KeyIndex
    /// Each normalized number under itself and under every text one character shorter, so the numbers one
    /// edit from a reference are found by lookups instead of a scan. Built when first needed: a payer with
    /// few invoices is scanned instead (`nearCandidates(for:among:)`).
    private var nearNumbers = LazyNearNumbers()
    /// Each invoice's customer: an index into `customers`, one per distinct customer id and name pair.
    private let customerOf: [Int32]
    private let customers: [CustomerFacts]
    /// Each customer's invoices: customer `c`'s are `customerInvoices[customerStarts[c]..<customerStarts[c + 1]]`.
    private let customerStarts: [Int32]
    private let customerInvoices: [Int32]
    /// Customers by id, by name (all, and those without an id), and by partner: what
    /// `CustomerKey.sameCustomer` compares, indexed so a payer's invoices are found without a scan.
    private let byCustomerID: [String: [Int32]]
    private let byCustomerName: [String: [Int32]]
    private let byCustomerNameWithoutID: [String: [Int32]]
    private let byPartner: [String: [Int32]]
    /// Each distinct customer's name key (legal-form words dropped) and its invoices, in export order.
    private(set) var customersByName: [(key: String, label: String, invoices: [Int])] = []
    private let partners: PartnerDirectory

    init(invoices: [Invoice], partners: PartnerDirectory = PartnerDirectory()) {
        self.partners = partners
        self.invoices = invoices
        remaining = invoices.map(\.openAmount.amount)
        appliedThisRun = Array(repeating: .zero, count: invoices.count)
        closedBy = Array(repeating: nil, count: invoices.count)
        var references = KeyIndex.Builder(expectedEntries: invoices.count)
        var purchaseOrders = KeyIndex.Builder(expectedEntries: invoices.count)
        var customerOf: [Int32] = []
        customerOf.reserveCapacity(invoices.count)
        var customers: [CustomerFacts] = []
        var customerSlot: [CustomerPair: Int32] = [:]
        var nameGroupOf: [Int] = []
        var nameGroups: [String: Int] = [:]
        var previous: (pair: CustomerPair, slot: Int32)?
        for (index, invoice) in invoices.enumerated() {
            // A number with nothing to compare (only punctuation, or letters outside A-Z) is never a candidate.
            if !invoice.normalizedNumber.isEmpty { references.add(invoice.normalizedNumber, index) }
            if let po = invoice.purchaseOrder.map(ReferenceNormalizer.normalize), !po.isEmpty {
                purchaseOrders.add(po, index)
            }
            let pair = CustomerPair(id: invoice.customerID, name: invoice.customerName)
            let slot: Int32
            if let previous, previous.pair == pair {
                slot = previous.slot
            } else if let known = customerSlot[pair] {
                slot = known
            } else {
                slot = Int32(customers.count)
                customerSlot[pair] = slot
                customers.append(CustomerFacts(Party(name: pair.name, id: pair.id), partners: partners))
                var group = -1
                if let name = pair.name, let key = CustomerKey.comparableName(name) {
                    let identity = (customers[Int(slot)].id ?? "") + "|" + key
                    if let known = nameGroups[identity] {
                        group = known
                    } else {
                        group = customersByName.count
                        nameGroups[identity] = group
                        customersByName.append((key, pair.id ?? name, []))
                    }
                }
                nameGroupOf.append(group)
            }
            previous = (pair, slot)
            customerOf.append(slot)
            if nameGroupOf[Int(slot)] >= 0 { customersByName[nameGroupOf[Int(slot)]].invoices.append(index) }
        }
        byReference = references.finish()
        byPurchaseOrder = purchaseOrders.finish()
        // Counting sort of the invoices by customer keeps each customer's invoices in export order.
        var starts = [Int32](repeating: 0, count: customers.count + 1)
        for slot in customerOf { starts[Int(slot) + 1] += 1 }
        for slot in customers.indices { starts[slot + 1] += starts[slot] }
        var filled = Array(starts.dropLast())
        var members = [Int32](repeating: 0, count: invoices.count)
        for (index, slot) in customerOf.enumerated() {
            members[Int(filled[Int(slot)])] = Int32(index)
            filled[Int(slot)] += 1
        }
        customerStarts = starts
        customerInvoices = members
        var byID: [String: [Int32]] = [:]
        var byName: [String: [Int32]] = [:]
        var byNameWithoutID: [String: [Int32]] = [:]
        var byPartner: [String: [Int32]] = [:]
        for (slot, customer) in customers.enumerated() {
            let slot = Int32(slot)
            if let id = customer.id { byID[id, default: []].append(slot) }
            if let name = customer.name {
                byName[name, default: []].append(slot)
                if customer.id == nil { byNameWithoutID[name, default: []].append(slot) }
            }
            if let partner = customer.partnerKey { byPartner[partner, default: []].append(slot) }
        }
        byCustomerID = byID
        byCustomerName = byName
        byCustomerNameWithoutID = byNameWithoutID
        self.byPartner = byPartner
        self.customerOf = customerOf
        self.customers = customers
    }

    func candidates(for normalizedReference: String) -> [Int] { byReference.indices(of: normalizedReference) }

    func purchaseOrderCandidates(for normalizedPO: String) -> [Int] { byPurchaseOrder.indices(of: normalizedPO) }

    func isOpen(_ index: Int) -> Bool { !remaining[index].isZero }

    /// What `CustomerKey.sameCustomer` compares about the invoice's customer.
    func customer(of index: Int) -> CustomerFacts { customers[Int(customerOf[index])] }

    /// Invoices whose normalized number may be one edit from `reference`, in export order; a superset that
    /// `EditDistance.isOneEdit` narrows.
    func nearCandidates(for reference: String) -> [Int] {
        let index = nearNumbers.index(for: invoices)
        var found = Set(index.members(of: reference).map(Int.init))
        for key in InvoiceLedger.deletions(of: reference) { found.formUnion(index.members(of: key).map(Int.init)) }
        return found.sorted()
    }

    /// Like `nearCandidates(for:)` for a rule that keeps only the payer's invoices: when the payer has few,
    /// all of them (in export order), which `EditDistance.isOneEdit` narrows as well, so the same invoices
    /// remain either way; with many, the near-number index.
    func nearCandidates(for reference: String, among scope: PayerScope) -> [Int] {
        scope.invoices.count <= InvoiceLedger.scanLimit ? scope.invoices : nearCandidates(for: reference)
    }

    /// Up to this many invoices of a payer are compared with a reference one by one.
    static let scanLimit = 512

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
        var slots: [Int32] = []
        if let partner = partners.partner(for: payer) { slots += byPartner[partner.key] ?? [] }
        let name = CustomerKey.name(payer.name)
        if let id = CustomerKey.id(payer.id) {
            slots += byCustomerID[id] ?? []
            if let name { slots += byCustomerNameWithoutID[name] ?? [] }
        } else if let name {
            slots += byCustomerName[name] ?? []
        }
        let distinct = Set(slots)
        var found: [Int] = []
        for slot in distinct {
            let start = Int(customerStarts[Int(slot)])
            let end = Int(customerStarts[Int(slot) + 1])
            found += customerInvoices[start..<end].lazy.map(Int.init)
        }
        // One customer's invoices are already in export order.
        return distinct.count > 1 ? found.sorted() : found
    }

    /// Whether the export lists this payer as a customer, by id or name, or through a partner both belong to.
    func knowsPayer(_ payer: Party) -> Bool {
        if let partner = partners.partner(for: payer), byPartner[partner.key] != nil { return true }
        if let id = CustomerKey.id(payer.id), byCustomerID[id] != nil { return true }
        if let name = CustomerKey.name(payer.name), byCustomerName[name] != nil { return true }
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

    /// Lets go of the reference, PO and near-number indexes once no rule will look anything up, so the memory
    /// they hold can serve the outputs.
    mutating func dropIndexes() {
        byReference = KeyIndex()
        byPurchaseOrder = KeyIndex()
        nearNumbers = LazyNearNumbers()
    }

    func openInvoices() -> [OpenInvoice] {
        var result: [OpenInvoice] = []
        result.reserveCapacity(remaining.reduce(0) { $1.isZero ? $0 : $0 + 1 })
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

/// A customer as the export writes it: id and name exactly as given.
private struct CustomerPair: Hashable {
    var id: String?
    var name: String?
}

/// The near-number index, built on first use and then shared by every copy of the ledger.
private final class LazyNearNumbers {
    private var built: KeyIndex?

    func index(for invoices: [Invoice]) -> KeyIndex {
        if let built { return built }
        var builder = KeyIndex.Builder(expectedEntries: invoices.count * 8)
        for (index, invoice) in invoices.enumerated() where !invoice.normalizedNumber.isEmpty {
            let number = invoice.normalizedNumber
            for key in Set([number] + InvoiceLedger.deletions(of: number)) { builder.add(key, index) }
        }
        let index = builder.finish()
        built = index
        return index
    }
}
