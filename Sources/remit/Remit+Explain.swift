import RemitCore
import RemitPipeline

/// `remit explain`: argument parsing only; the trace is built in RemitMatch and worded in RemitReport.
extension Remit {
    static func explain(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(
                arguments,
                valued: reconcileValued.merging(
                    ["--line": "--line", "--reference": "--reference", "--invoice": "--invoice"]
                ) { first, _ in first },
                flagNames: ["--strict", "--json", "-h", "--help"])
        } catch {
            printer.print(message: "\(error); see 'remit explain --help'")
            return .usage
        }
        if parsed.flags.contains("-h") || parsed.flags.contains("--help") {
            print(HelpText.explain)
            return .success
        }
        let line = parsed.options["--line"]
        let reference = parsed.options["--reference"]
        let invoice = parsed.options["--invoice"]
        guard line != nil || reference != nil || invoice != nil else {
            printer.print(
                message: "explain needs --line ID, --reference REF or --invoice NUMBER; see 'remit explain --help'")
            return .usage
        }
        guard invoice == nil || (line == nil && reference == nil) else {
            printer.print(
                message: "--invoice cannot be combined with --line or --reference; see 'remit explain --help'")
            return .usage
        }
        var failure = ExitCode.failure
        guard
            let (options, settings) = reconcileOptions(parsed, command: "explain", printer: printer, failure: &failure)
        else { return failure }
        do {
            let outcome = try ExplainJob.run(
                options, selector: ExplainJob.Selector(lineID: line, reference: reference, invoiceNumber: invoice),
                json: parsed.flags.contains("--json"), settings: settings,
                printer: printer)
            print(outcome.output, terminator: "")
            return outcome.inputRejected ? .inputRejected : .success
        } catch let nothing as ExplainJob.NothingSelected {
            printer.print(message: "error: \(nothing)")
            return .usage
        } catch {
            return reconcileFailed(error, printer: printer)
        }
    }
}
