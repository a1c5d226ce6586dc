import RemitCore
import RemitMatch

/// The cash side of a run: per bank account, the customer credits in and what reassociation made of them,
/// and per bank file, whether its trailer control totals tie out.
///
/// Credits set aside (a test-only or deletion group's, or those a later group withdrew) are counted apart:
/// they are not credits in, so credits in = paired + unpaired still holds.
public struct CashSummary: Sendable {
    /// One bank account in one currency.
    public struct Account: Sendable, Hashable {
        public var account: String
        public var currency: String
        public var creditsIn = 0
        public var creditsInTotal: FixedDecimal = .zero
        /// Paired credits, with or without an amount difference.
        public var paired = 0
        public var pairedTotal: FixedDecimal = .zero
        /// Credits without remittance: unapplied cash.
        public var unpaired = 0
        public var unpairedTotal: FixedDecimal = .zero
        /// Paired credits whose amount differs from the remittance, and Σ (bank − remittance).
        public var differences = 0
        public var differenceTotal: FixedDecimal = .zero
        /// Credits the bank said are not cash (`set_aside`); not part of the credits in.
        public var setAside = 0
        public var setAsideTotal: FixedDecimal = .zero

        func money(_ value: FixedDecimal) -> Money { Money(value, currency) }
    }

    /// A file that reports bank-side figures (BAI2, ISO 20022 with entries, NACHA) and its trailer checks.
    public struct BankFile: Sendable, Hashable {
        public var path: String
        public var format: String
        public var bankTransactions: Int
        /// The control-total and count problems its reader reported (49/98/99, camt balances, ACH 8/9 records).
        public var trailerProblems: [Diagnostic]
    }

    public var accounts: [Account]
    public var files: [BankFile]
    public var remittanceWithoutCash: Int
    public var remittanceWithoutCashTotal: [Money]

    /// Diagnostic codes that report a file trailer or balance that does not tie out.
    static let trailerCodes: Set<String> = [
        "bai2.account-total", "bai2.group-total", "bai2.file-total", "bai2.account-count", "bai2.group-count",
        "bai2.group-accounts", "bai2.file-count", "bai2.file-groups", "bai2.missing-49", "bai2.missing-98",
        "bai2.missing-99", "iso20022.balance", "iso20022.summary", "ach.batch-count", "ach.batch-hash",
        "ach.batch-debits", "ach.batch-credits", "ach.file-batches", "ach.file-blocks", "ach.file-count",
        "ach.file-hash", "ach.file-debits", "ach.file-credits", "ach.missing-control",
    ]

    public init(_ input: ReportInput) {
        var byAccount: [String: Account] = [:]
        var unmatchedRemittance = MoneyTotals()
        var withoutCash = 0
        for pairing in input.reassociation.pairings {
            guard let credit = pairing.bankTransaction else {
                withoutCash += 1
                if let total = pairing.paymentsTotal { unmatchedRemittance.add(total) }
                continue
            }
            let key = credit.account + "\u{0}" + credit.amount.currency
            var account = byAccount[key] ?? Account(account: credit.account, currency: credit.amount.currency)
            if pairing.status == .setAside {
                account.setAside += 1
                account.setAsideTotal = account.setAsideTotal + credit.amount.amount
                byAccount[key] = account
                continue
            }
            account.creditsIn += 1
            account.creditsInTotal = account.creditsInTotal + credit.amount.amount
            if pairing.payments.isEmpty {
                account.unpaired += 1
                account.unpairedTotal = account.unpairedTotal + credit.amount.amount
            } else {
                account.paired += 1
                account.pairedTotal = account.pairedTotal + credit.amount.amount
                if let difference = pairing.difference, !difference.isZero {
                    account.differences += 1
                    account.differenceTotal = account.differenceTotal + difference.amount
                }
            }
            byAccount[key] = account
        }
        accounts = byAccount.values.sorted { ($0.account, $0.currency) < ($1.account, $1.currency) }
        files = input.files.filter { $0.format == "bai2" || $0.format == "ach" || $0.bankTransactions > 0 }.map {
            BankFile(
                path: $0.path, format: $0.format, bankTransactions: $0.bankTransactions,
                trailerProblems: $0.diagnostics.filter { Self.trailerCodes.contains($0.code) })
        }
        remittanceWithoutCash = withoutCash
        remittanceWithoutCashTotal = unmatchedRemittance.values
    }

    /// Σ over accounts of one figure, per currency.
    func total(_ figure: (Account) -> FixedDecimal) -> [Money] {
        MoneyTotals(accounts.map { Money(figure($0), $0.currency) }).values
    }
}
