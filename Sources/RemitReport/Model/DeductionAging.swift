import RemitCore
import RemitMatch

/// The open deductions of a run, aged in buckets from their date to the run's as-of date, with totals per
/// bucket, per category and per payer.
///
/// Open are the register's deductions (stated, short pay, found by matching) except those an 820 took for a
/// memo an 812 of the run announced and those of a payment set aside as a repeat of one read before (its
/// deductions repeat that payment's), plus the memos announced and not yet taken. A shortfall written off
/// within the payer's tolerance never becomes a deduction; its total is given beside them. A deduction's date
/// is its payment's; an announced memo's is the memo's (BCD01).
public struct DeductionAging: Sendable, Hashable {
    /// The run time's date (UTC), from which ages are counted; nil when the run time could not be read.
    public var asOf: CalendarDate?
    /// Register order, then the announced memos not yet taken in input order.
    public var open: [OpenDeduction]
    public var total: AgingRow
    public var byCategory: [AgingRow]
    public var byPayer: [AgingRow]
    /// Register deductions that took a memo announced in an 812 of this run: not open.
    public var linkedToMemos: [Deduction]
    /// Register deductions of payments matching set aside as repeats (rule `duplicate-payment`): the payment
    /// they repeat carries them already, in this run or an earlier one, so they are not open twice.
    public var ofRepeatedPayments: [Deduction]
    /// Σ of the shortfalls written off within tolerance, per currency: never deductions.
    public var writtenOff: [Money]

    /// Ages `input`'s deductions from the payment dates it carries, as of the manifest's run time.
    public init(_ input: ReportInput) {
        asOf = DeductionAging.date(ofRunTime: input.manifest.runTime)
        let linked = Set(input.announcements.linked.flatMap { $0.takenBy.map(\.id) })
        let repeated = Set(input.reconciliation.findings.filter { $0.kind == .paymentRepeated }.map(\.subject))
        var open: [OpenDeduction] = []
        var linkedToMemos: [Deduction] = []
        var ofRepeatedPayments: [Deduction] = []
        for deduction in input.reconciliation.deductions {
            guard !linked.contains(deduction.id) else {
                linkedToMemos.append(deduction)
                continue
            }
            if let paymentID = deduction.paymentID, repeated.contains(paymentID) {
                ofRepeatedPayments.append(deduction)
                continue
            }
            let date = deduction.paymentID.flatMap { input.paymentDates[$0] }
            open.append(OpenDeduction(deduction: deduction, date: date, dateSource: .payment, asOf: asOf))
        }
        for memo in input.announcements.notYetTaken {
            open.append(OpenDeduction(deduction: memo, date: memo.memo?.date, dateSource: .memo, asOf: asOf))
        }
        self.open = open
        self.linkedToMemos = linkedToMemos
        self.ofRepeatedPayments = ofRepeatedPayments
        total = AgingRow(key: "Total", id: nil, open)
        byCategory = AgingRow.rows(open) { ($0.deduction.category.rawValue, nil) }
        byPayer = AgingRow.rows(open) { ($0.deduction.payer.name ?? "(no name)", $0.deduction.payer.qualifiedID) }
        writtenOff = MoneyTotals(input.reconciliation.matches.map(\.writtenOff).filter { !$0.isZero }).values
    }

    /// The open deductions oldest first (undated last), register order among equals.
    public var oldestFirst: [OpenDeduction] {
        open.enumerated().sorted { first, second in
            switch (first.element.ageDays, second.element.ageDays) {
            case (let one?, let other?) where one != other: return one > other
            case (nil, _?): return false
            case (_?, nil): return true
            default: return first.offset < second.offset
            }
        }.map(\.element)
    }

    /// The UTC date of an ISO 8601 run time such as `2026-12-03T12:00:00Z`.
    static func date(ofRunTime runTime: String) -> CalendarDate? {
        CalendarDate.parseISO(Substring(runTime.prefix(10)))
    }
}
