import RemitCore
import RemitMatch

extension ReportAnalysis {
    /// What the match table and the deduction register say about one set of lines.
    private struct Figures {
        var matched = 0
        var unmatched = 0
        var applied = MoneyTotals()
        var unapplied = MoneyTotals()
        var deducted = MoneyTotals()

        mutating func add(_ match: LineMatch) {
            if match.outcome == .unmatched { unmatched += 1 } else { matched += 1 }
            applied.add(match.applied)
            unapplied.add(match.unapplied)
        }
    }

    /// Identifies an invoice by its export row, which the matcher does not change.
    private struct InvoiceKey: Hashable {
        var file: String
        var line: Int
        var byteOffset: Int64
        var number: String

        init(_ invoice: Invoice) {
            file = invoice.location.file
            line = invoice.location.line
            byteOffset = invoice.location.byteOffset
            number = invoice.number
        }
    }

    static func tieOuts(_ input: ReportInput, overall: FileSummary) -> [TieOut] {
        let reconciliation = input.reconciliation
        var byFile: [String: Figures] = [:]
        var all = Figures()
        for match in reconciliation.matches {
            byFile[match.line.provenance.location.file, default: Figures()].add(match)
            all.add(match)
        }
        var deductedByLine: [String: MoneyTotals] = [:]
        for deduction in reconciliation.deductions {
            byFile[deduction.provenance.location.file, default: Figures()].deducted.add(deduction.amount)
            all.deducted.add(deduction.amount)
            if let lineID = deduction.lineID { deductedByLine[lineID, default: MoneyTotals()].add(deduction.amount) }
        }

        var checks: [TieOut] = []
        // Records name their file by path: one path given twice has its records counted under the first.
        var counted: Set<String> = []
        for file in input.files {
            let figures = counted.insert(file.path).inserted ? byFile[file.path] ?? Figures() : Figures()
            checks += fileChecks(file, figures)
        }
        checks += fileChecks(overall, all)
        checks.append(receivables(input, deductedByLine: deductedByLine))
        checks += invoiceChecks(reconciliation.matches, deductedByLine: deductedByLine)
        return checks
    }

    private static func fileChecks(_ summary: FileSummary, _ figures: Figures) -> [TieOut] {
        let scope = summary.path
        func stated(_ label: String, _ amounts: [Money]) -> TieOut.Term {
            TieOut.Term(label, .money(amounts), overflowed: summary.totalsOverflowed)
        }
        return [
            TieOut(
                check: .lines, scope: scope, left: TieOut.Term("lines in", .count(summary.linesIn)),
                right: [
                    TieOut.Term("matched", .count(figures.matched)),
                    TieOut.Term("unmatched", .count(figures.unmatched)),
                    TieOut.Term("rejected", .count(summary.linesRejected)),
                ]),
            TieOut(
                check: .cash, scope: scope, left: stated("payments total", summary.paymentsTotal),
                right: [
                    stated("lines paid", summary.linesPaidTotal),
                    stated("adjustments", summary.adjustmentsTotal),
                    stated("imbalances", summary.imbalanceTotal),
                ]),
            TieOut(
                check: .application, scope: scope, left: stated("lines paid", summary.linesPaidTotal),
                right: [
                    TieOut.Term("applied", totals: figures.applied),
                    TieOut.Term("unapplied", totals: figures.unapplied),
                ]),
            TieOut(
                check: .deductions, scope: scope, left: stated("deducted", summary.deductedTotal),
                right: [TieOut.Term("deduction register", totals: figures.deducted)]),
        ]
    }

    private static func receivables(_ input: ReportInput, deductedByLine: [String: MoneyTotals]) -> TieOut {
        var applied = MoneyTotals()
        var discounts = MoneyTotals()
        var deducted = MoneyTotals()
        var writtenOff = MoneyTotals()
        var beyondOpen = MoneyTotals()
        for match in input.reconciliation.matches where match.invoice != nil {
            applied.add(match.applied)
            if let discount = match.discountTaken { discounts.add(discount) }
            if let lineDeductions = deductedByLine[match.line.id] {
                deducted.add(lineDeductions)
                if let beyond = deductedBeyondOpen(match, lineDeductions) { beyondOpen.add(beyond) }
            }
            if !match.writtenOff.isZero { writtenOff.add(match.writtenOff) }
        }
        let stillOpen = MoneyTotals(input.reconciliation.openInvoices.map(\.remaining))
        return TieOut(
            check: .receivables, scope: input.invoiceExport.path,
            left: TieOut.Term(
                "open in export", .money(input.invoiceExport.openTotal),
                overflowed: input.invoiceExport.openTotalOverflowed),
            right: [
                TieOut.Term("applied", totals: applied),
                TieOut.Term("discounts", totals: discounts),
                TieOut.Term("deducted", totals: deducted),
            ] + beyondOpenTerm(beyondOpen) + writtenOffTerm(writtenOff)
                + [TieOut.Term("still open", totals: stillOpen)])
    }

    private static func invoiceChecks(_ matches: [LineMatch], deductedByLine: [String: MoneyTotals]) -> [TieOut] {
        struct Group {
            var invoice: Invoice
            var applied = MoneyTotals()
            var discounts = MoneyTotals()
            var deducted = MoneyTotals()
            var writtenOff = MoneyTotals()
            var beyondOpen = MoneyTotals()
            var openAfter: Money?
        }
        // Groups in the order their invoices first appear; each invoice's key is hashed once per line.
        var groups: [Group] = []
        var slots: [InvoiceKey: Int] = [:]
        func group(_ invoice: Invoice) -> Int {
            let key = InvoiceKey(invoice)
            if let slot = slots[key] { return slot }
            slots[key] = groups.count
            groups.append(Group(invoice: invoice))
            return groups.count - 1
        }
        for match in matches {
            guard let invoice = match.invoice else { continue }
            // A combination settles its other invoices in full; the primary invoice carries the difference.
            for allocation in match.allocations {
                let slot = group(allocation.invoice)
                groups[slot].applied.add(allocation.applied)
                groups[slot].openAfter = Money(.zero, allocation.applied.currency)
            }
            let slot = group(invoice)
            groups[slot].applied.add(match.appliedToPrimary)
            if let discount = match.discountTaken { groups[slot].discounts.add(discount) }
            if let lineDeductions = deductedByLine[match.line.id] {
                groups[slot].deducted.add(lineDeductions)
                if let beyond = deductedBeyondOpen(match, lineDeductions) { groups[slot].beyondOpen.add(beyond) }
            }
            if !match.writtenOff.isZero { groups[slot].writtenOff.add(match.writtenOff) }
            groups[slot].openAfter = match.openAfter
        }
        return groups.map { group in
            TieOut(
                check: .invoice, scope: group.invoice.number, location: group.invoice.location,
                left: TieOut.Term("open before", .money([group.invoice.openAmount])),
                right: [
                    TieOut.Term("applied", totals: group.applied),
                    TieOut.Term("discount", totals: group.discounts),
                    TieOut.Term("deducted", totals: group.deducted),
                ] + beyondOpenTerm(group.beyondOpen) + writtenOffTerm(group.writtenOff)
                    + [TieOut.Term("open after", .money(group.openAfter.map { [$0] } ?? []))])
        }
    }

    /// What a matched line's deductions claim beyond what was left open on its invoice, as a negative amount,
    /// or nil when they claim no more.
    ///
    /// A line that pays an invoice an earlier line already settled, or states deductions larger than its short
    /// pay, carries deductions that reduce nothing: the invoice had that much less open. They stay in the
    /// register and in `deducted`, and the invoice and receivables checks take them back out as a term of
    /// their own, so the figures still account for every deduction and a reader sees the excess.
    static func deductedBeyondOpen(_ match: LineMatch, _ deducted: MoneyTotals) -> Money? {
        guard let openBefore = match.openBefore else { return nil }
        let currency = openBefore.currency
        guard let claimed = deducted.amount(in: currency)?.amount, claimed > .zero else { return nil }
        // Amounts are plausible (parsers refuse more than 14 integer digits), so these few always fit.
        var left = openBefore.amount - match.appliedToPrimary.amount - match.writtenOff.amount
        if let discount = match.discountTaken { left = left - discount.amount }
        // `openAfter` is left out on purpose: it is what the invoice check verifies, so taking it in here
        // would let a wrong open balance pass as deductions beyond the open amount.
        let beyond = left > .zero ? claimed - left : claimed
        return beyond > .zero ? Money(beyond.negated(), currency) : nil
    }

    /// A `deductions beyond the open amount` term (negative), only when there are such deductions.
    private static func beyondOpenTerm(_ totals: MoneyTotals) -> [TieOut.Term] {
        totals.values.isEmpty && !totals.overflowed
            ? [] : [TieOut.Term("deductions beyond the open amount", totals: totals)]
    }

    /// A `written off` term, only when something was written off, so runs without tolerances read as before.
    private static func writtenOffTerm(_ totals: MoneyTotals) -> [TieOut.Term] {
        totals.values.isEmpty && !totals.overflowed ? [] : [TieOut.Term("written off", totals: totals)]
    }
}
