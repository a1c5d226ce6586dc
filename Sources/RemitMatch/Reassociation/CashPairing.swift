import RemitCore

/// One decision of reassociation: a bank credit and the remittance that funds it, or either one alone.
public struct CashPairing: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// The bank credit and its remittance agree to the cent.
        case paired
        /// Paired, but the bank moved a different amount than the remittance states.
        case amountDifference = "amount_difference"
        /// A bank credit no remittance explains: unapplied cash.
        case cashWithoutRemittance = "cash_without_remittance"
        /// A remittance advice whose cash no bank file shows yet.
        case remittanceWithoutCash = "remittance_without_cash"
        /// A bank credit that is not cash by the bank's own word: sent in a test-only or deletion group, or
        /// withdrawn by a later deletion or correction group for the same originator, account and date.
        case setAside = "set_aside"
    }

    public var status: Status
    /// The bank credit; nil for remittance without cash.
    public var bankTransaction: BankTransaction?
    /// The payments the credit funds, in input order (several when one bank entry carries a batch); empty for
    /// cash without remittance and for a credit set aside.
    public var payments: [Payment]
    /// `same-entry`, `trace`, `amount-date-payer`, `amount-date`, `group-status` (set aside), or `none`.
    public var rule: String
    /// 0–100: how sure the rule is.
    public var score: Int
    /// What the rule looked at, in the order it looked.
    public var evidence: [Evidence]

    public init(
        status: Status, bankTransaction: BankTransaction?, payments: [Payment], rule: String, score: Int,
        evidence: [Evidence]
    ) {
        self.status = status
        self.bankTransaction = bankTransaction
        self.payments = payments
        self.rule = rule
        self.score = score
        self.evidence = evidence
    }

    /// Σ of the payments' amounts; nil when there are none or their currencies differ.
    public var paymentsTotal: Money? {
        guard let first = payments.first else { return nil }
        var total = FixedDecimal.zero
        for payment in payments {
            guard payment.amount.currency == first.amount.currency else { return nil }
            total = total + payment.amount.amount
        }
        return Money(total, first.amount.currency)
    }

    /// Bank amount − payments total, when both exist in one currency.
    public var difference: Money? {
        guard let bank = bankTransaction?.amount, let total = paymentsTotal, bank.currency == total.currency else {
            return nil
        }
        return Money(bank.amount - total.amount, bank.currency)
    }
}
