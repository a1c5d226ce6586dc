import RemitCore

/// One `Stmt`, `Ntfctn` (or the remt.001 message itself): the account, balances and summary to tie out.
struct ReportState {
    struct Balance {
        var type: String?
        var amount: ParsedAmount?
        var indicator: String?
    }

    /// A TxsSummry figure with where it was stated.
    struct Stated<Value> {
        var value: Value
        var location: Mark
    }

    var location: Mark
    var iban: String?
    var otherID: String?
    var opening: (amount: FixedDecimal, money: ParsedAmount)?
    var closing: (amount: FixedDecimal, money: ParsedAmount)?
    var balance: Balance?
    // Figures over every entry, signed by the entry's direction; exact however many entries there are.
    var entryCount = 0
    var entrySum = ExactSum()
    var bookedNet = ExactSum()
    var net = ExactSum()
    var creditCount = 0
    var creditSum = ExactSum()
    var debitCount = 0
    var debitSum = ExactSum()
    var entryCurrencies: Set<String> = []
    // TxsSummry as stated.
    var statedCount: Stated<Int>?
    var statedSum: Stated<FixedDecimal>?
    var statedNet: Stated<FixedDecimal>?
    var statedNetIndicator: String?
    var statedCreditCount: Stated<Int>?
    var statedCreditSum: Stated<FixedDecimal>?
    var statedDebitCount: Stated<Int>?
    var statedDebitSum: Stated<FixedDecimal>?

    init(location: Mark) {
        self.location = location
    }
}
