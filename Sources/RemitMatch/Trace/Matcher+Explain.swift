import RemitCore

extension Matcher {
    /// Matches exactly as `reconcile` does and records, for the lines and invoices `selection` names, every
    /// rule in order: whether it ran, each invoice it looked at and why it kept or set it aside, its finding
    /// and score, and the decision.
    ///
    /// - Parameters:
    ///   - lines, deductions, invoices, payments: as for `reconcile`.
    ///   - selection: the lines and invoices to trace.
    /// - Returns: the reconciliation, identical to what `reconcile` returns for the same input, and the trace.
    public func explain(
        lines: [RemittanceLine], deductions: [Deduction], invoices: [Invoice], payments: [Payment] = [],
        selection: MatchTrace.Selection
    ) -> (reconciliation: Reconciliation, trace: MatchTrace) {
        let selectedLines = Set(lines.indices.filter { selection.selects(lines[$0]) })
        let selectedInvoices = invoices.indices.filter { selection.selects(invoices[$0]) }
        var tracer: MatchTracer? = MatchTracer(
            selectedLines: selectedLines, selectedInvoices: Set(selectedInvoices))
        let reconciliation = reconcile(
            lines: lines, deductions: deductions, invoices: invoices, payments: payments, tracer: &tracer)
        let recorded = tracer!
        var traced: [LineTrace] = []
        for index in recorded.recordedLines {
            let steps = recorded[line: index]
            let looked = selectedInvoices.contains { invoice in
                steps.contains { step in
                    step.lookups.contains { $0.candidates.contains { $0.exportIndex == invoice } }
                }
            }
            guard selectedLines.contains(index) || looked else { continue }
            traced.append(
                LineTrace(
                    line: lines[index], payerMatch: recorded.payerMatch[index] ?? [], steps: steps,
                    match: reconciliation.matches[index]))
        }
        let asked = selectedInvoices.map { index in
            let state = recorded.invoiceState[index]
            return MatchTrace.TracedInvoice(
                invoice: invoices[index],
                remaining: Money(state?.remaining ?? .zero, invoices[index].openAmount.currency),
                settledBy: state?.settledBy, exportIndex: index)
        }
        return (
            reconciliation,
            MatchTrace(
                lines: traced, invoices: asked, autoApplyScore: options.autoApplyScore,
                suggestScore: options.suggestScore)
        )
    }
}
