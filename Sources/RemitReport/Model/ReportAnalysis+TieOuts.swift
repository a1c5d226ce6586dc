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
        return [
            TieOut(
                check: .lines, scope: scope, left: TieOut.Term("lines in", .count(summary.linesIn)),
                right: [
                    TieOut.Term("matched", .count(figures.matched)),
                    TieOut.Term("unmatched", .count(figures.unmatched)),
                    TieOut.Term("rejected", .count(summary.linesRejected)),
                ]),
            TieOut(
                check: .cash, scope: scope, left: TieOut.Term("payments total", .money(summary.paymentsTotal)),
                right: [
                    TieOut.Term("lines paid", .money(summary.linesPaidTotal)),
                    TieOut.Term("adjustments", .money(summary.adjustmentsTotal)),
                    TieOut.Term("imbalances", .money(summary.imbalanceTotal)),
                ]),
            TieOut(
                check: .application, scope: scope, left: TieOut.Term("lines paid", .money(summary.linesPaidTotal)),
                right: [
                    TieOut.Term("applied", .money(figures.applied.values)),
                    TieOut.Term("unapplied", .money(figures.unapplied.values)),
                ]),
            TieOut(
                check: .deductions, scope: scope, left: TieOut.Term("deducted", .money(summary.deductedTotal)),
                right: [TieOut.Term("deduction register", .money(figures.deducted.values))]),
        ]
    }

    private static func receivables(_ input: ReportInput, deductedByLine: [String: MoneyTotals]) -> TieOut {
        var applied = MoneyTotals()
        var discounts = MoneyTotals()
        var deducted = MoneyTotals()
        var writtenOff = MoneyTotals()
        for match in input.reconciliation.matches where match.invoice != nil {
            applied.add(match.applied)
            if let discount = match.discountTaken { discounts.add(discount) }
            if let lineDeductions = deductedByLine[match.line.id] { deducted.add(lineDeductions) }
            if !match.writtenOff.isZero { writtenOff.add(match.writtenOff) }
        }
        let stillOpen = MoneyTotals(input.reconciliation.openInvoices.map(\.remaining))
        return TieOut(
            check: .receivables, scope: input.invoiceExport.path,
            left: TieOut.Term("open in export", .money(input.invoiceExport.openTotal)),
            right: [
                TieOut.Term("applied", .money(applied.values)),
                TieOut.Term("discounts", .money(discounts.values)),
                TieOut.Term("deducted", .money(deducted.values)),
            ] + writtenOffTerm(writtenOff) + [TieOut.Term("still open", .money(stillOpen.values))])
    }

    private static func invoiceChecks(_ matches: [LineMatch], deductedByLine: [String: MoneyTotals]) -> [TieOut] {
        struct Group {
            var invoice: Invoice
            var applied = MoneyTotals()
            var discounts = MoneyTotals()
            var deducted = MoneyTotals()
            var writtenOff = MoneyTotals()
            var openAfter: Money?
        }
        var order: [InvoiceKey] = []
        var groups: [InvoiceKey: Group] = [:]
        func group(_ invoice: Invoice) -> InvoiceKey {
            let key = InvoiceKey(invoice)
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(invoice: invoice)
            }
            return key
        }
        for match in matches {
            guard let invoice = match.invoice else { continue }
            // A combination settles its other invoices in full; the primary invoice carries the difference.
            for allocation in match.allocations {
                let key = group(allocation.invoice)
                groups[key]!.applied.add(allocation.applied)
                groups[key]!.openAfter = Money(.zero, allocation.applied.currency)
            }
            let key = group(invoice)
            groups[key]!.applied.add(match.appliedToPrimary)
            if let discount = match.discountTaken { groups[key]!.discounts.add(discount) }
            if let lineDeductions = deductedByLine[match.line.id] { groups[key]!.deducted.add(lineDeductions) }
            if !match.writtenOff.isZero { groups[key]!.writtenOff.add(match.writtenOff) }
            groups[key]!.openAfter = match.openAfter
        }
        return order.map { key in
            let group = groups[key]!
            return TieOut(
                check: .invoice, scope: group.invoice.number, location: group.invoice.location,
                left: TieOut.Term("open before", .money([group.invoice.openAmount])),
                right: [
                    TieOut.Term("applied", .money(group.applied.values)),
                    TieOut.Term("discount", .money(group.discounts.values)),
                    TieOut.Term("deducted", .money(group.deducted.values)),
                ] + writtenOffTerm(group.writtenOff)
                    + [TieOut.Term("open after", .money(group.openAfter.map { [$0] } ?? []))])
        }
    }

    /// A `written off` term, only when something was written off, so runs without tolerances read as before.
    private static func writtenOffTerm(_ totals: MoneyTotals) -> [TieOut.Term] {
        totals.values.isEmpty ? [] : [TieOut.Term("written off", .money(totals.values))]
    }
}
