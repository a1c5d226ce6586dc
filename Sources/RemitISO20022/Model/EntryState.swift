import RemitCore

/// One `Ntry` while it is read: its header, and its transaction details until the entry closes.
struct EntryState {
    var ordinal: Int
    var location: Mark
    /// `Ntry@<ordinal>`, stamped on every record of the entry.
    var transactionID: String
    var amount: ParsedAmount?
    var indicator: String?
    var isReversal = false
    var status: String?
    var bookingDate: CalendarDate?
    var valueDate: CalendarDate?
    var servicerReference: String?
    var entryReference: String?
    var domainCode: String?
    var familyCode: String?
    var subFamilyCode: String?
    var proprietaryCode: String?
    var text: String?
    var details: [DetailState] = []
    /// The first error that makes the entry unusable.
    var failure: Diagnostic?

    init(ordinal: Int, location: Mark) {
        self.ordinal = ordinal
        self.location = location
        transactionID = "Ntry@\(ordinal)"
    }

    /// `PMNT/RCDT/ESCT`, or the proprietary code when there is no domain.
    var bankTransactionCode: String {
        if var code = domainCode {
            // Concatenated in place: this runs for every entry, and an array of parts would allocate twice.
            if let familyCode { code += "/" + familyCode }
            if let subFamilyCode { code += "/" + subFamilyCode }
            return code
        }
        return proprietaryCode ?? ""
    }
}
