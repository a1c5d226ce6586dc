/// A duplicate or over-application the matcher noticed, reported beside the matches.
public struct MatchFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A second line paid an invoice an earlier line of this run had already settled.
        case invoicePaidTwice = "invoice_paid_twice"
        /// The same payment was read twice, from two input files; the second copy was not applied.
        case paymentRepeated = "payment_repeated"
        /// The same deduction (payer, invoice, amount) was announced twice under two different labels.
        case deductionRepeated = "deduction_repeated"
    }

    public var kind: Kind
    /// What is duplicated: an invoice number, a payment id, an invoice reference.
    public var subject: String
    /// The records involved, first seen first: line ids, payment ids or deduction ids.
    public var ids: [String]
    /// One sentence for the report.
    public var detail: String

    public init(kind: Kind, subject: String, ids: [String], detail: String) {
        self.kind = kind
        self.subject = subject
        self.ids = ids
        self.detail = detail
    }
}
