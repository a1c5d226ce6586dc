import RemitCore
import RemitMatch
import RemitReport

/// `remit explain`: reads what `remit reconcile` reads, matches the same way, and says for the lines or
/// invoices asked about what every rule considered and decided. Writes no files.
public enum ExplainJob {
    /// A selector that names no line, or no invoice, of the inputs: a mistake on the command line.
    public struct NothingSelected: Error, CustomStringConvertible {
        public var description: String
    }

    /// What to explain: a line by its id and/or its reference as sent, or an invoice by its number.
    public struct Selector: Sendable, Hashable {
        public var lineID: String?
        public var reference: String?
        public var invoiceNumber: String?

        public init(lineID: String? = nil, reference: String? = nil, invoiceNumber: String? = nil) {
            self.lineID = lineID
            self.reference = reference
            self.invoiceNumber = invoiceNumber
        }

        var selection: MatchTrace.Selection {
            MatchTrace.Selection(
                lineIDs: lineID.map { [$0] } ?? [], references: reference.map { [$0] } ?? [],
                invoiceNumbers: invoiceNumber.map { [$0] } ?? [])
        }
    }

    /// What `run` printed, and whether some input was rejected on the way (its lines cannot be explained).
    public struct Outcome: Sendable {
        public var output: String
        public var inputRejected: Bool
    }

    /// Reads, matches and renders the explanation.
    ///
    /// - Parameters:
    ///   - options: the options of `remit reconcile` (the output folder is not used).
    ///   - selector: the line, or invoice, to explain; see `MatchTrace.Selection` for how they compare.
    ///   - json: one JSON object instead of text.
    /// - Throws: `NothingSelected` when the selection names nothing in the inputs; as `ReconcileJob.run` does
    ///   when the export, a layout or a partner file cannot be read.
    public static func run(
        _ options: ReconcileOptions, selector: Selector, json: Bool, settings: ParseSettings,
        printer: DiagnosticPrinter, calls: SystemCalls = .live
    ) throws -> Outcome {
        let selection = selector.selection
        // With `--history`, payments of earlier runs are set aside as `remit reconcile` would; explain only
        // reads the history, it never records.
        let history = try options.historyPath.map { path throws(Diagnostic) in try RunHistory(path: path) }
        let read = try MatchInputs.read(options, settings: settings, printer: printer, calls: calls, history: history)
        let lines = read.lines
        let (_, trace) = Matcher(options: read.matchOptions).explain(
            lines: lines, deductions: read.deductionsToMatch, invoices: read.export.invoices,
            payments: read.payments, selection: selection)
        if !selection.invoiceNumbers.isEmpty && trace.invoices.isEmpty {
            throw NothingSelected(
                description: "no invoice of \(options.invoicesPath) has the number "
                    + selection.invoiceNumbers.map { "'\($0)'" }.joined(separator: " or ")
                    + " (compared as written, or as the matcher compares references)")
        }
        if selection.invoiceNumbers.isEmpty && trace.lines.isEmpty {
            throw NothingSelected(description: nothingFound(selection, among: lines))
        }
        let output = json ? ExplanationJSON.render(trace) : ExplanationText.render(trace)
        return Outcome(output: output, inputRejected: read.inputRejected)
    }

    /// Which part of a line selector matched nothing, with an example id to show their shape.
    static func nothingFound(_ selection: MatchTrace.Selection, among lines: [RemittanceLine]) -> String {
        var asked: [String] = []
        if !selection.lineIDs.isEmpty {
            asked.append("the id " + selection.lineIDs.map { "'\($0)'" }.joined(separator: " or "))
        }
        if !selection.references.isEmpty {
            asked.append("the reference " + selection.references.map { "'\($0)'" }.joined(separator: " or "))
        }
        var message = "no remittance line of the inputs has " + asked.joined(separator: " and ")
        if let first = lines.first {
            message +=
                "; the \(lines.count == 1 ? "line" : "\(lines.count) lines") read have ids like '\(first.id)' "
                + "(line_id in matches.csv)"
        } else {
            message += "; the inputs hold no remittance lines"
        }
        return message
    }
}
