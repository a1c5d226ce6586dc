import RemitCore

/// What `CustomerKey.sameCustomer` compares about one side, payer or export customer, worked out once.
///
/// An export repeats one customer's id and name on every invoice, and a remittance repeats the payer on
/// every line; normalizing them once per distinct party, instead of once per comparison, is most of what
/// makes matching a million lines fast.
struct CustomerFacts {
    /// `CustomerKey.id`.
    var id: String?
    /// `CustomerKey.name`.
    var name: String?
    /// The key of the partner the party belongs to, if any.
    var partnerKey: String?

    init(_ party: Party, partners: PartnerDirectory) {
        id = CustomerKey.id(party.id)
        name = CustomerKey.name(party.name)
        partnerKey = partners.partner(for: party)?.key
    }

    /// `CustomerKey.sameCustomer(payer, invoice)`, with `self` the payer's facts and `customer` the invoice's.
    func sameCustomer(as customer: CustomerFacts) -> Bool? {
        if let partnerKey, customer.partnerKey == partnerKey { return true }
        return sameIgnoringPartners(as: customer)
    }

    /// The comparison without partner files: ids when both sides have one, else names.
    func sameIgnoringPartners(as customer: CustomerFacts) -> Bool? {
        if let id, let other = customer.id { return id == other }
        if let name, let other = customer.name { return name == other }
        return nil
    }
}
