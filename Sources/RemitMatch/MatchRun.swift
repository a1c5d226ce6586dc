import Dispatch
import RemitCore
import Synchronization

/// One reconciliation in progress: the ledger, the lines still undecided, and what was decided so far.
///
/// Rules run one after the other over all lines still undecided, in input order, strongest first, so a line
/// with an exact reference takes its invoice before a weaker rule can give that invoice to another line.
struct MatchRun {
    let options: MatchOptions
    let lines: [RemittanceLine]
    var ledger: InvoiceLedger
    /// One slot per line; nil while no rule has decided it.
    var decided: Decisions
    /// Stated deductions by line id.
    let stated: IDMap<[Deduction]>
    let payments: [String: Payment]
    /// Deductions matching found (unearned discount, unexplained shortfall), by line id, in the order found.
    var found = IDMap<[Deduction]>()
    var findings: [MatchFinding] = []
    /// What the exact-reference pass saw for lines it left undecided, kept for the line's evidence.
    var firstLook: [Int: [Evidence]] = [:]
    /// Why the exact-reference pass found nothing, when it is not "no open invoice has this reference".
    var firstReason: [Int: String] = [:]
    /// Each payer's scope, by its number in `payers`.
    var scopes: [Int: PayerScope?] = [:]
    /// The payers of the lines, worked out once each.
    var payers = PayerTable()
    /// What the rules consider, recorded only when `Matcher.explain` asked; nil in a normal run.
    var trace: MatchTracer?
    /// Lines rule 1 left unmatched because their reference is another customer's invoice; see
    /// `retryReferencesOfOtherCustomers`.
    var referencesOfOtherCustomers: [Int] = []

    /// A run ready for `execute`: the invoice ledger is built on one thread while the lines' side (payers,
    /// stated deductions, payments read twice) is prepared on another, which on two cores takes the longer
    /// of the two rather than their sum. Neither reads what the other builds.
    static func prepared(
        options: MatchOptions, lines: [RemittanceLine], deductions: [Deduction], invoices: [Invoice],
        payments: [Payment]
    ) -> MatchRun {
        let ledger = Mutex<Handoff<InvoiceLedger>?>(nil)
        let run = Mutex<Handoff<MatchRun>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let built = Handoff(InvoiceLedger(invoices: invoices, partners: options.partners))
                ledger.withLock { $0 = built }
            } else {
                var lineSide = MatchRun(options: options, lines: lines, deductions: deductions, payments: payments)
                lineSide.markRepeatedPayments()
                let built = Handoff(lineSide)
                run.withLock { $0 = built }
            }
        }
        var prepared = run.withLock { $0.take()! }.value
        prepared.ledger = ledger.withLock { $0.take()! }.value
        return prepared
    }

    /// A run whose ledger holds no invoices yet: `prepared` puts the built one in before `execute`.
    private init(options: MatchOptions, lines: [RemittanceLine], deductions: [Deduction], payments: [Payment]) {
        self.options = options
        self.lines = lines
        ledger = InvoiceLedger(invoices: [], partners: options.partners)
        decided = Decisions(
            count: lines.count,
            placeholder: LineMatch(
                line: RemittanceLine(
                    id: "", paymentID: "", referenceQualifier: nil, reference: "", normalizedReference: "",
                    purchaseOrder: nil, invoiceDate: nil, amountPaid: .zero(""), invoiceAmount: nil, discountTaken: nil,
                    payer: Party(), provenance: Provenance(location: .wholeFile(""))),
                invoice: nil, outcome: .unmatched, rule: "", score: 0, evidence: [], openBefore: nil,
                applied: .zero(""), discountTaken: nil, statedDeductions: .zero(""), unexplained: .zero(""),
                unapplied: .zero(""), openAfter: nil))
        var statedByLine = IDMap<[Deduction]>()
        for deduction in deductions where deduction.origin == .stated {
            if let lineID = deduction.lineID { statedByLine[lineID, default: []].append(deduction) }
        }
        stated = statedByLine
        var byID: [String: Payment] = [:]
        byID.reserveCapacity(payments.count)
        for payment in payments where byID[payment.id] == nil { byID[payment.id] = payment }
        self.payments = byID
        for line in lines { _ = payers.slot(for: line.payer, options: options) }
    }

    /// The payer's number in `payers`.
    mutating func payerSlot(_ payer: Party) -> Int {
        payers.slot(for: payer, options: options)
    }

    /// What customer comparisons need about the payer: looked up for the lines' payers, worked out for others.
    func payerFacts(_ payer: Party) -> CustomerFacts {
        if let slot = payers.knownSlot(for: payer) { return payers.entries[slot].facts }
        return CustomerFacts(payer, partners: options.partners)
    }

    /// The matching settings of the payer's partner, or the defaults.
    func settings(for payer: Party) -> PartnerMatchingSettings {
        if let slot = payers.knownSlot(for: payer) { return payers.entries[slot].settings }
        return options.settings(for: payer)
    }

    /// `CustomerKey.sameCustomer` for the payer and the export's invoice at `index`.
    func sameCustomer(_ payer: Party, _ index: Int) -> Bool? {
        payerFacts(payer).sameCustomer(as: ledger.customer(of: index))
    }

    /// Runs every rule in order, after `prepared` set aside the payments read twice; lines no rule decided end
    /// unmatched.
    mutating func execute() {
        if trace != nil { traceRepeatedPayments() }
        for index in lines.indices where !decided.hasDecision(index) {
            if trace != nil { traceBegin(1, index) }
            decided[index] = exactReference(index)
            if trace != nil { traceEnd(index) }
        }
        let referenceRules: [(inout MatchRun, Int) -> RuleFinding?] = [
            { $0.cleanedReference($1) }, { $0.purchaseOrder($1) }, { $0.oneEditReference($1) },
        ]
        let weakerRules: [(inout MatchRun, Int) -> RuleFinding?] = [
            { $0.freeTextReference($1) }, { $0.amountOnly($1) },
        ]
        for (offset, rule) in referenceRules.enumerated() {
            for index in lines.indices where !decided.hasDecision(index) {
                if trace != nil { traceBegin(offset + 2, index) }
                if let finding = rule(&self, index) { conclude(index, finding) }
                if trace != nil { traceEnd(index) }
            }
        }
        // Not traced as a rule of its own: the line's final decision shows what the retry settled.
        retryReferencesOfOtherCustomers()
        for (offset, rule) in weakerRules.enumerated() {
            for index in lines.indices where !decided.hasDecision(index) {
                if trace != nil { traceBegin(offset + 5, index) }
                if let finding = rule(&self, index) { conclude(index, finding) }
                if trace != nil { traceEnd(index) }
            }
        }
        for index in lines.indices where !decided.hasDecision(index) {
            let evidence =
                firstLook[index] ?? [Evidence("normalized_reference", lines[index].normalizedReference)]
            let why = firstReason[index] ?? "no open invoice has this reference"
            decided[index] = unmatched(lines[index], evidence: evidence, why: why)
        }
    }

    /// Applies a finding that reaches the auto-apply threshold, records one that reaches the suggestion
    /// threshold, and leaves the line to later rules otherwise.
    mutating func conclude(_ index: Int, _ finding: RuleFinding) {
        if trace != nil { traceFinding(index, finding) }
        let line = lines[index]
        if finding.mayApply && finding.score >= options.autoApplyScore, let primary = finding.invoices.last {
            decided[index] = settle(
                index, invoiceIndex: primary, others: Array(finding.invoices.dropLast()), rule: finding.rule,
                score: finding.score, evidence: finding.evidence)
        } else if finding.score >= options.suggestScore {
            let why =
                finding.note
                ?? "suggested only: score \(finding.score) is under the auto-apply threshold \(options.autoApplyScore)"
            decided[index] = unmatched(
                line, evidence: finding.evidence, why: why, rule: finding.rule, score: finding.score,
                decision: .suggested)
        }
    }

    func unmatched(
        _ line: RemittanceLine, evidence: [Evidence], why: String, rule: String = "none", score: Int = 0,
        decision: MatchDecision = .none
    ) -> LineMatch {
        let currency = line.amountPaid.currency
        var evidence = evidence
        evidence.append(Evidence("reason", why))
        return LineMatch(
            line: line, invoice: nil, outcome: .unmatched, rule: rule, score: score, evidence: evidence,
            openBefore: nil, applied: .zero(currency), discountTaken: line.discountTaken,
            statedDeductions: .zero(currency), unexplained: .zero(currency), unapplied: line.amountPaid,
            openAfter: nil, decision: decision)
    }

    func describeCustomer(_ invoice: Invoice) -> String {
        invoice.customerID ?? invoice.customerName ?? "(none)"
    }

    /// Invoice numbers for the evidence: distinct, at most ten shown.
    func numbers(_ indices: [Int]) -> String {
        Matcher.listed(indices.map { ledger.invoices[$0].number })
    }

    /// Whether the line, with its discount and stated deductions, pays `open` exactly or short by no more
    /// than the payer's tolerance. Figures too large to compute do not agree.
    func amountAgrees(_ line: RemittanceLine, open: FixedDecimal) -> Bool {
        var statedTotal = FixedDecimal.zero
        for deduction in stated[line.id] ?? [] {
            guard let sum = try? statedTotal.adding(deduction.amount.amount) else { return false }
            statedTotal = sum
        }
        guard
            let difference = try? open.subtracting(line.amountPaid.amount)
                .subtracting(line.discountTaken?.amount ?? .zero).subtracting(statedTotal)
        else { return false }
        if difference.isZero { return true }
        guard difference > .zero else { return false }
        let settings = settings(for: line.payer)
        let digits = Currency.minorDigits(of: line.amountPaid.currency)
        return difference <= settings.toleranceLimit(on: open, minorDigits: digits)
    }

    /// Open invoices of the payer's scope in the line's currency, in export order.
    func openInScope(_ scope: PayerScope, currency: String) -> [Int] {
        scope.invoices.filter { ledger.isOpen($0) && ledger.invoices[$0].openAmount.currency == currency }
    }
}

/// Carries a value built on one of `prepared`'s two threads to the thread that waits for both.
///
/// The ledger and the run hold classes (the lazily built near-number index, the parties' storage) and so
/// are not `Sendable`; each is built by one thread, handed over once, and used afterwards by the waiting
/// thread alone, after `concurrentPerform` has returned.
private struct Handoff<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }
}
