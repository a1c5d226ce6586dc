import RemitCore

/// What became of the deductions payers announced in credit/debit memos (X12 812) during one run.
///
/// Announced deductions are expectations, not money withheld: they are kept out of the deduction register
/// and listed here instead, so a memo that an 820 then takes is counted once, as the 820's deduction.
public struct Announcements: Sendable {
    /// One memo number an 820 quoted, with the announced lines it covers and the records that took it.
    public struct Link: Sendable, Hashable {
        /// The memo number as the 812 wrote it (BCD02).
        public var memoNumber: String
        /// The memo's deductions (one per CDD), in input order.
        public var announced: [Deduction]
        /// The 820 deductions (ADX) that quote the memo number.
        public var takenBy: [Deduction]
        /// The 820 remittance lines (RMR02) that quote the memo number.
        public var takenByLines: [RemittanceLine]

        public init(
            memoNumber: String, announced: [Deduction], takenBy: [Deduction], takenByLines: [RemittanceLine]
        ) {
            self.memoNumber = memoNumber
            self.announced = announced
            self.takenBy = takenBy
            self.takenByLines = takenByLines
        }

        /// Σ of the announced amounts, per currency.
        public var announcedTotal: [Money] { MoneyTotals(announced.map(\.amount)).values }

        /// Σ of what the 820 took: ADX amounts withheld, plus what an RMR quoting the memo paid below zero.
        public var takenTotal: [Money] {
            MoneyTotals(
                takenBy.map(\.amount)
                    + takenByLines.map { Money($0.amountPaid.amount.negated(), $0.amountPaid.currency) }
            ).values
        }

        /// Whether the 820 took exactly what the memo announced.
        public var amountsAgree: Bool { announcedTotal == takenTotal }
    }

    /// Memos an 820 of this run took, in order of the memo's first announced line.
    public var linked: [Link]
    /// Announced deductions no 820 of this run quoted: announced but not yet taken.
    public var notYetTaken: [Deduction]
    /// Stated 820 deductions of payers that announce (sent an 812 in this run) whose memo number no 812 of
    /// this run gave: taken but never announced.
    public var takenNotAnnounced: [Deduction]
    /// Announced lines left out because a later memo of the same number replaced them, or because they came
    /// as a confirmation or duplicate of a memo already read.
    public var superseded: [Deduction]

    public init(
        linked: [Link] = [], notYetTaken: [Deduction] = [], takenNotAnnounced: [Deduction] = [],
        superseded: [Deduction] = []
    ) {
        self.linked = linked
        self.notYetTaken = notYetTaken
        self.takenNotAnnounced = takenNotAnnounced
        self.superseded = superseded
    }

    /// True when the run read no announcement at all.
    public var isEmpty: Bool { linked.isEmpty && notYetTaken.isEmpty }
}
