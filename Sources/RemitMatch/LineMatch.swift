import RemitCore

/// The decision for one remittance line: which invoice it settled, by which rule, and the arithmetic.
///
/// `discountTaken` is the discount allowed: what the payer took, less any part found unearned, which is
/// `unearnedDiscount` (and an `unearned_discount` deduction in the register). For an applied line, open before
/// = applied + discount taken + unearned discount + stated deductions + unexplained + written off + open after,
/// unless the deductions claim more than the line left open (the report's deductions beyond the open amount).
public struct LineMatch: Sendable, Hashable {
    public var line: RemittanceLine {
        _read { yield lineSlot.value }
        set { lineSlot = SharedElement(newValue) }
    }
    /// The invoice the line was applied to, nil when unmatched.
    public var invoice: Invoice? {
        get { invoiceSlot?.value }
        set { invoiceSlot = newValue.map { SharedElement($0) } }
    }
    // The matcher's decisions point into its input arrays rather than copy the line and invoice.
    private var lineSlot: SharedElement<RemittanceLine>
    private var invoiceSlot: SharedElement<Invoice>?
    public var outcome: MatchOutcome
    /// The rule that decided, e.g. `exact-reference`, `purchase-order`, `combination`, or `none`.
    public var rule: String
    /// 0–100: how sure the rule is. Exact rules score 100.
    public var score: Int
    /// Whether the rule's finding was applied, only suggested, or nothing was found. A suggested line keeps
    /// `invoice` nil and its cash unapplied; its evidence names the candidates.
    public var decision: MatchDecision
    /// What the rule looked at, in the order it looked.
    public var evidence: [Evidence]
    /// The invoice's open amount before this line was applied.
    public var openBefore: Money? {
        get { amounts[.openBefore] }
        set { amounts[.openBefore] = newValue }
    }
    /// Cash applied to the invoice: the amount paid, capped at what was open.
    public var applied: Money {
        get { amounts[.applied]! }
        set { amounts[.applied] = newValue }
    }
    /// The discount allowed; nil when the line stated none.
    public var discountTaken: Money? {
        get { amounts[.discountTaken] }
        set { amounts[.discountTaken] = newValue }
    }
    /// The part of the discount taken that the invoice's terms do not allow (taken late, or above the terms'
    /// percentage); matching records it as an `unearned_discount` deduction. Zero when none was found.
    public var unearnedDiscount: Money {
        get { amounts[.unearnedDiscount]! }
        set { amounts[.unearnedDiscount] = newValue }
    }
    /// Deductions the payer stated against this line (X12 ADX under the RMR).
    public var statedDeductions: Money {
        get { amounts[.statedDeductions]! }
        set { amounts[.statedDeductions] = newValue }
    }
    /// What the payer withheld without saying why: open − paid − discount − unearned discount − stated
    /// deductions − written off.
    public var unexplained: Money {
        get { amounts[.unexplained]! }
        set { amounts[.unexplained] = newValue }
    }
    /// Cash beyond the open amount, or the whole amount for an unmatched line.
    public var unapplied: Money {
        get { amounts[.unapplied]! }
        set { amounts[.unapplied] = newValue }
    }
    /// The invoice's open amount after this line.
    public var openAfter: Money? {
        get { amounts[.openAfter] }
        set { amounts[.openAfter] = newValue }
    }
    /// A shortfall within the payer's tolerance, written off rather than kept as a deduction.
    public var writtenOff: Money {
        get { amounts[.writtenOff]! }
        set { amounts[.writtenOff] = newValue }
    }
    private var amounts: MatchAmounts
    /// Further invoices a combination match settled in full, besides `invoice` (which takes any difference).
    /// `applied` is the total over `invoice` and these.
    public var allocations: [InvoiceAllocation]

    public init(
        line: RemittanceLine, invoice: Invoice?, outcome: MatchOutcome, rule: String, score: Int, evidence: [Evidence],
        openBefore: Money?, applied: Money, discountTaken: Money?, statedDeductions: Money, unexplained: Money,
        unapplied: Money, openAfter: Money?, decision: MatchDecision? = nil, writtenOff: Money? = nil,
        allocations: [InvoiceAllocation] = [], unearnedDiscount: Money? = nil
    ) {
        self.init(
            line: SharedElement(line), invoice: invoice.map { SharedElement($0) }, outcome: outcome, rule: rule,
            score: score, evidence: evidence, openBefore: openBefore, applied: applied, discountTaken: discountTaken,
            statedDeductions: statedDeductions, unexplained: unexplained, unapplied: unapplied, openAfter: openAfter,
            decision: decision, writtenOff: writtenOff, allocations: allocations, unearnedDiscount: unearnedDiscount)
    }

    /// A decision whose line and invoice are elements of arrays the caller already holds.
    init(
        line: SharedElement<RemittanceLine>, invoice: SharedElement<Invoice>?, outcome: MatchOutcome, rule: String,
        score: Int, evidence: [Evidence], openBefore: Money?, applied: Money, discountTaken: Money?,
        statedDeductions: Money, unexplained: Money, unapplied: Money, openAfter: Money?,
        decision: MatchDecision? = nil, writtenOff: Money? = nil, allocations: [InvoiceAllocation] = [],
        unearnedDiscount: Money? = nil
    ) {
        lineSlot = line
        invoiceSlot = invoice
        self.outcome = outcome
        self.rule = rule
        self.score = score
        // Rules build evidence by appending, and a copy made to append leaves twice the room needed; a million
        // decisions would keep hundreds of megabytes of it. The decision keeps a copy of the size needed.
        self.evidence =
            evidence.capacity > evidence.count ? evidence.withUnsafeBufferPointer { Array($0) } : evidence
        amounts = MatchAmounts(
            openBefore: openBefore, applied: applied, discountTaken: discountTaken, statedDeductions: statedDeductions,
            unexplained: unexplained, unapplied: unapplied, openAfter: openAfter,
            writtenOff: writtenOff ?? .zero(line.value.amountPaid.currency),
            unearnedDiscount: unearnedDiscount ?? .zero(line.value.amountPaid.currency))
        self.decision = decision ?? (invoice == nil ? .none : .applied)
        self.allocations = allocations
    }

    /// Whether the line was applied to an invoice, without reading the invoice.
    var hasInvoice: Bool {
        if case .some = invoiceSlot { return true }
        return false
    }

    /// Cash applied to `invoice` alone: `applied` less what the allocations took.
    public var appliedToPrimary: Money {
        Money(allocations.reduce(applied.amount) { $0 - $1.applied.amount }, applied.currency)
    }
}

/// One fact a match rule relied on, as `name = value`, e.g. `normalized_reference = 10023`.
public struct Evidence: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name)=\(value)" }
}
