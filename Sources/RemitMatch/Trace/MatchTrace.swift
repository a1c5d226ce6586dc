import RemitCore

/// What matching considered for the remittance lines (or invoices) someone asked about: every rule in order,
/// the invoices each looked at and why it kept or set them aside, its score, and the decision.
///
/// Built by `Matcher.explain`, from the same run that gives the reconciliation, so the decisions are those
/// `matches.jsonl` holds.
public struct MatchTrace: Sendable {
    /// Which lines and invoices to trace.
    ///
    /// A line is traced when it has one of `lineIDs` (if any are given) and one of `references` (if any are
    /// given), at least one of the two being given; and, whatever those say, when it looked at an invoice
    /// of `invoiceNumbers`. References and invoice numbers are compared as the matcher compares references
    /// (`ReferenceNormalizer`), or exactly as written.
    public struct Selection: Sendable, Hashable {
        /// Line ids as `matches.jsonl` writes `line_id`.
        public var lineIDs: [String]
        /// References as the payer sent them.
        public var references: [String]
        /// Invoice numbers as the export writes them.
        public var invoiceNumbers: [String]

        public init(lineIDs: [String] = [], references: [String] = [], invoiceNumbers: [String] = []) {
            self.lineIDs = lineIDs
            self.references = references
            self.invoiceNumbers = invoiceNumbers
        }

        /// Whether the line is named by the line criteria.
        func selects(_ line: RemittanceLine) -> Bool {
            guard !lineIDs.isEmpty || !references.isEmpty else { return false }
            if !lineIDs.isEmpty && !lineIDs.contains(line.id) { return false }
            if !references.isEmpty && !references.contains(where: { Self.same($0, line.reference) }) { return false }
            return true
        }

        /// Whether the invoice is one of `invoiceNumbers`.
        func selects(_ invoice: Invoice) -> Bool {
            invoiceNumbers.contains { Self.same($0, invoice.number) }
        }

        /// Equal as written, or equal and not empty once normalized.
        static func same(_ asked: String, _ written: String) -> Bool {
            if asked == written { return true }
            let key = ReferenceNormalizer.normalize(asked)
            return !key.isEmpty && key == ReferenceNormalizer.normalize(written)
        }
    }

    /// An invoice asked about, and where the run left it.
    public struct TracedInvoice: Sendable, Hashable {
        public var invoice: Invoice
        /// What is still open after the run (zero once a line settled it).
        public var remaining: Money
        /// The line that settled it in this run, if one did.
        public var settledBy: String?
        package var exportIndex: Int
    }

    /// The lines traced, in input order.
    public var lines: [LineTrace]
    /// The invoices of `Selection.invoiceNumbers` found in the export, in export order.
    public var invoices: [TracedInvoice]
    /// The thresholds the run used (`MatchOptions.autoApplyScore`, `suggestScore`).
    public var autoApplyScore: Int
    public var suggestScore: Int

    /// For an invoice asked about: each traced line that looked at it, with the steps that did.
    public func lines(considering invoice: TracedInvoice) -> [(line: LineTrace, steps: [RuleStep])] {
        lines.compactMap { trace in
            let steps = trace.steps(considering: invoice.exportIndex)
            return steps.isEmpty ? nil : (trace, steps)
        }
    }

    /// The entry for `invoice` in a step's lookups (the first, when several lookups found it).
    public static func candidate(_ invoice: TracedInvoice, in step: RuleStep) -> TraceCandidate? {
        for lookup in step.lookups {
            if let found = lookup.candidates.first(where: { $0.exportIndex == invoice.exportIndex }) { return found }
        }
        return nil
    }
}
