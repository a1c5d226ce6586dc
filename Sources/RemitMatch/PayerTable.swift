import RemitCore

/// The payers of a run, each worked out once: what customer comparisons need, and the partner's settings.
///
/// The lines of one payment share one `Party` storage object, so most lookups go by object identity; a payer
/// with equal values in another storage object gets the same entry through a lookup by value.
struct PayerTable {
    struct Entry {
        /// Held so the storage object, whose identity is the key, lives as long as the table.
        var party: Party
        var facts: CustomerFacts
        var settings: PartnerMatchingSettings
    }

    private var byIdentity: [ObjectIdentifier: Int] = [:]
    private var byValue: [Party: Int] = [:]
    private(set) var entries: [Entry] = []

    /// The payer's entry number, adding an entry when the payer is new.
    mutating func slot(for payer: Party, options: MatchOptions) -> Int {
        let identity = ObjectIdentifier(payer.identity)
        if let slot = byIdentity[identity] { return slot }
        let slot: Int
        if let known = byValue[payer] {
            slot = known
        } else {
            slot = entries.count
            entries.append(
                Entry(
                    party: payer, facts: CustomerFacts(payer, partners: options.partners),
                    settings: options.settings(for: payer)))
            byValue[payer] = slot
        }
        byIdentity[identity] = slot
        if entries[slot].party.identity !== payer.identity {
            // Keep this storage object alive too, so no other party can take its identity.
            retained.append(payer)
        }
        return slot
    }

    /// The payer's entry number when the payer's storage object was seen before.
    func knownSlot(for payer: Party) -> Int? {
        byIdentity[ObjectIdentifier(payer.identity)]
    }

    private var retained: [Party] = []
}
