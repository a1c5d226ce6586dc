import RemitCore

/// One `Strd` block: the referred document, its amounts and the payer's adjustments to it.
struct StructuredBlock {
    struct Adjustment {
        var ordinal: Int
        var amount: ParsedAmount?
        var indicator: String?
        var reason: String?
        var text: String?
        var location: Mark
    }

    /// A `RmtAmtAndTp` entry (versions .12 on) or a typed `DscntApldAmt`/`TaxAmt` being read.
    struct TypedAmount {
        var type: String?
        var amount: ParsedAmount?
    }

    var ordinal: Int
    var location: Mark
    var documentType: String?
    var documentNumber: String?
    var documentDate: CalendarDate?
    var documentCount = 0
    var creditorReferenceType: String?
    var creditorReference: String?
    var due: ParsedAmount?
    var remitted: ParsedAmount?
    var discounts: [ParsedAmount] = []
    var creditNotes: [ParsedAmount] = []
    var taxes: [ParsedAmount] = []
    var adjustments: [Adjustment] = []
    var additionalText: [String] = []
    var typed: TypedAmount?

    init(ordinal: Int, location: Mark) {
        self.ordinal = ordinal
        self.location = location
    }
}
