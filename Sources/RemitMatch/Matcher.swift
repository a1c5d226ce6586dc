import RemitCore

/// Applies remittance lines to open invoices and works out what was deducted.
///
/// Rules run in this order, each over every line still undecided (docs/matching.md has the table):
/// 0. `duplicate-payment`: a payment already read from another input file is not applied twice.
/// 1. `exact-reference` / `exact-reference-unknown-payer`: the normalized reference equals one invoice's.
/// 2. `partner-cleanup-reference`: the reference after the partner's clean-up rules does.
/// 3. `purchase-order`: the line's PO (or its reference) equals an open invoice's PO.
/// 4. `reference-one-edit`: one edit away from an open invoice number, and the amount agrees.
/// 5. `free-text-reference`: an open invoice number appears in the payment's free text.
/// 6. `amount-only` / `combination`: one open invoice, or one set of them, adds up to the amount.
/// A finding scoring at least `autoApplyScore` with a single answer is applied; one scoring at least
/// `suggestScore`, or with several answers, is only suggested. Anything else is `none` (unmatched), with
/// evidence saying why.
///
/// For an applied line: shortfall = open − paid − discount allowed. An unearned discount, stated deductions,
/// a write-off within the payer's tolerance and an unexplained remainder (category `unidentified`) account for
/// it. A negative shortfall is an overpayment and stays unapplied. A matched invoice is closed.
public struct Matcher {
    public var options: MatchOptions

    public init(options: MatchOptions = MatchOptions()) {
        self.options = options
    }

    /// Matches every line and returns the reconciliation.
    ///
    /// - Parameters:
    ///   - lines: remittance lines in input order.
    ///   - deductions: deductions the parsers produced, in input order. Stated ones are kept; a parser's
    ///     `shortPay` deduction on a line that matched is replaced by what matching measured against the invoice.
    ///   - invoices: the export's invoices in export order.
    ///   - payments: the payments the lines belong to: their dates judge discounts, their free text feeds the
    ///     free-text rule, and their trace numbers find a payment read twice. Without them those checks are
    ///     skipped.
    public func reconcile(
        lines: [RemittanceLine], deductions: [Deduction], invoices: [Invoice], payments: [Payment] = []
    ) -> Reconciliation {
        var tracer: MatchTracer?
        return reconcile(lines: lines, deductions: deductions, invoices: invoices, payments: payments, tracer: &tracer)
    }

    /// `reconcile`, recording what the rules consider into `tracer` when it is not nil (see `explain`).
    func reconcile(
        lines: [RemittanceLine], deductions: [Deduction], invoices: [Invoice], payments: [Payment],
        tracer: inout MatchTracer?
    ) -> Reconciliation {
        var run = MatchRun.prepared(
            options: options, lines: lines, deductions: deductions, invoices: invoices, payments: payments)
        run.trace = tracer
        run.execute()
        // One pass over the line ids finds the lines stated deductions name and the lines matching found
        // deductions for; each id is hashed once, and most are in neither map.
        var named = IDMap<Bool>()
        for deduction in deductions where deduction.origin == .stated {
            if let lineID = deduction.lineID { named[lineID] = true }
        }
        var lineIndex: [String: Int] = [:]
        var foundLines: [Int] = []
        if !named.isEmpty || !run.found.isEmpty {
            for index in lines.indices {
                let lineID = lines[index].id
                let hash = IDMap<Bool>.hash(lineID)
                if named.contains(lineID, hash: hash) && lineIndex[lineID] == nil { lineIndex[lineID] = index }
                if run.found.contains(lineID, hash: hash) { foundLines.append(index) }
            }
        }
        run.markRepeatedDeductions(deductions, lineIndex: lineIndex)
        if run.trace != nil {
            run.finishTrace()
            tracer = run.trace
        }
        run.ledger.dropIndexes()
        let matches = run.decided.all
        var result: [Deduction] = []
        result.reserveCapacity(deductions.count + run.found.allValues.reduce(0) { $0 + $1.count })
        var placed: Set<String> = []
        if deductions.contains(where: { $0.origin == .shortPay }) {
            var matchedLineIDs: Set<String> = []
            for index in matches.indices where matches[index].hasInvoice { matchedLineIDs.insert(lines[index].id) }
            for deduction in deductions {
                if deduction.origin == .shortPay, let lineID = deduction.lineID, matchedLineIDs.contains(lineID) {
                    if let replacement = run.found[lineID], placed.insert(lineID).inserted { result += replacement }
                    continue
                }
                result.append(deduction)
            }
        } else {
            result += deductions
        }
        // Deductions found only by matching follow the parsers' deductions, in line order.
        for index in foundLines {
            let lineID = lines[index].id
            if let extra = run.found[lineID], placed.insert(lineID).inserted { result += extra }
        }
        return Reconciliation(
            matches: matches, deductions: result, openInvoices: run.ledger.openInvoices(), findings: run.findings)
    }

    /// The keys under which a payment read again in a later run meets this one (see `EarlierPayments`).
    ///
    /// - Parameter references: the normalized references of the payment's remittance lines.
    public func paymentKeys(_ payment: Payment, references: [String]) -> [String] {
        MatchRun.paymentKeys(payment, references: references, partners: options.partners)
    }

    /// The payment's trace number without surrounding spaces, or nil when it has none.
    public static func traceNumber(_ payment: Payment) -> String? { MatchRun.trace(payment) }

    /// Distinct values in order, at most ten, then how many more: evidence stays readable (and small) when an
    /// export repeats one number thousands of times.
    package static func listed(_ values: [String]) -> String {
        var seen: Set<String> = []
        let distinct = values.filter { seen.insert($0).inserted }
        let shown = distinct.prefix(10).joined(separator: ",")
        return distinct.count > 10 ? shown + ",… (\(distinct.count - 10) more)" : shown
    }
}
