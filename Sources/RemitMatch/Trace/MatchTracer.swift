import RemitCore

/// The recorder `MatchRun` writes to while it runs, when a trace was asked for.
///
/// A run without a trace holds nil and pays one nil check per hook; see `MatchRun+Trace.swift`.
struct MatchTracer {
    /// The rules in the order they run, as `RuleStep` numbers them.
    static let rules = [
        "duplicate-payment", "exact-reference", "partner-cleanup-reference", "purchase-order", "reference-one-edit",
        "free-text-reference", "amount-only",
    ]

    /// Lines traced whatever they look at.
    let selectedLines: Set<Int>
    /// Invoices whose lookers are traced. While it is not empty every line is recorded; the lines that never
    /// looked at one are dropped when the trace is put together.
    let selectedInvoices: Set<Int>
    /// The steps recorded so far, by line index.
    private(set) var steps: [Int: [RuleStep]] = [:]
    /// How each recorded line's payer was tied to the export's customers.
    var payerMatch: [Int: [Evidence]] = [:]
    /// Where the run left each selected invoice: what is still open, and the line that settled it.
    var invoiceState: [Int: (remaining: FixedDecimal, settledBy: String?)] = [:]
    /// The line and rule being recorded, nil between rules or for a line not recorded.
    private(set) var current: (line: Int, step: Int)?

    init(selectedLines: Set<Int>, selectedInvoices: Set<Int>) {
        self.selectedLines = selectedLines
        self.selectedInvoices = selectedInvoices
    }

    func records(_ line: Int) -> Bool { !selectedInvoices.isEmpty || selectedLines.contains(line) }

    /// Whether `line` is the one being recorded now.
    func isRecording(_ line: Int) -> Bool { current?.line == line }

    /// Starts rule `step` for `line`, creating the line's seven steps (all `notTried`) on first use.
    mutating func begin(step: Int, line: Int) {
        guard records(line) else {
            current = nil
            return
        }
        if steps[line] == nil {
            steps[line] = Self.rules.enumerated().map {
                RuleStep(number: $0.offset, rule: $0.element, outcome: .notTried)
            }
        }
        steps[line]![step].outcome = .nothingFound
        current = (line, step)
    }

    mutating func end() { current = nil }

    /// The step being recorded. Only call while `current` is set.
    var step: RuleStep {
        get { steps[current!.line]![current!.step] }
        set { steps[current!.line]![current!.step] = newValue }
    }

    /// Every recorded step of `line`; for the finishing pass.
    subscript(line line: Int) -> [RuleStep] {
        get { steps[line] ?? [] }
        set { steps[line] = newValue }
    }

    var recordedLines: [Int] { steps.keys.sorted() }
}
