import Foundation
import RemitCore
import RemitPipeline

/// Parses the command line and runs a command. Nothing here knows about file formats.
enum Remit {
    static func run(_ arguments: [String]) -> ExitCode {
        let printer = DiagnosticPrinter()
        guard let command = arguments.first else {
            print(HelpText.main)
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "-h", "--help": print(HelpText.main); return .success
        case "--version", "version": print("remit \(RemitVersion.current)"); return .success
        case "help":
            switch rest.first {
            case "reconcile": print(HelpText.reconcile)
            case "convert": print(HelpText.convert)
            case "watch": print(HelpText.watch)
            case "status": print(HelpText.status)
            case "ack": print(HelpText.ack)
            case "explain": print(HelpText.explain)
            case nil: print(HelpText.main)
            case let other?:
                printer.print(message: "no command '\(other)'; see 'remit --help'")
                return .usage
            }
            return .success
        case "reconcile": return reconcile(rest, printer: printer)
        case "explain": return explain(rest, printer: printer)
        case "convert": return convert(rest, printer: printer)
        case "watch": return watch(rest, printer: printer)
        case "status": return status(rest, printer: printer)
        case "ack": return ack(rest, printer: printer)
        default:
            printer.print(message: "unknown command '\(command)'; see 'remit --help'")
            return .usage
        }
    }

    static let environment = ProcessInfo.processInfo.environment

    private static func mappings(_ explicit: String?) -> String? {
        MappingsDirectory.locate(
            explicit: explicit, environment: environment, executablePath: executablePath)
    }

    /// The real path of the running executable, so that `remit` found on PATH (or through a symlink) still
    /// finds the `mappings/` folder of its installation; the first argument when the system cannot say.
    private static var executablePath: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first ?? "remit"
    }

    /// The settings the options ask for; nil after printing why not, with `failure` set to the exit code.
    static func settings(_ parsed: ArgumentParser, printer: DiagnosticPrinter, failure: inout ExitCode)
        -> ParseSettings?
    {
        let currency = (parsed.options["--currency"] ?? Currency.defaultCode).uppercased()
        guard Currency.isWellFormed(currency) else {
            printer.print(message: "--currency '\(currency)' is not a three-letter ISO 4217 code")
            failure = .usage
            return nil
        }
        var settings = ParseSettings(strict: parsed.flags.contains("--strict"), defaultCurrency: currency)
        // Without its crosswalks every deduction would be 'unidentified': stop rather than mislabel them.
        guard let folder = mappings(parsed.options["--mappings"]) else {
            printer.print(
                message: "error: no mappings folder found (looked for --mappings, REMIT_MAPPINGS, a 'mappings' "
                    + "folder beside or above the remit executable, and ./mappings); give --mappings DIR")
            failure = .failure
            return nil
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder + "/reason-codes", isDirectory: &isFolder),
            isFolder.boolValue
        else {
            printer.print(message: "error: \(folder) is not a mappings folder: it has no reason-codes/ folder")
            failure = .failure
            return nil
        }
        settings.mappingsDirectory = folder
        do {
            settings.crosswalk = try ParseSettings.loadCrosswalk(mappingsDirectory: folder)
            settings.partnerCodes = try ParseSettings.loadPartnerCodes(
                mappingsDirectory: folder, crosswalk: settings.crosswalk)
            settings.bai2TypeCodes = try ParseSettings.loadBAI2TypeCodes(mappingsDirectory: folder)
        } catch {
            printer.print(error)
            failure = .failure
            return nil
        }
        return settings
    }

    private static func convert(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(
                arguments,
                valued: [
                    "--to": "--to", "-o": "--output", "--output": "--output", "--currency": "--currency",
                    "--mappings": "--mappings",
                ],
                flagNames: ["--strict", "-h", "--help"])
        } catch {
            printer.print(message: "\(error); see 'remit convert --help'")
            return .usage
        }
        if parsed.flags.contains("-h") || parsed.flags.contains("--help") {
            print(HelpText.convert)
            return .success
        }
        guard !parsed.positional.isEmpty else {
            printer.print(message: "convert needs at least one input file; see 'remit convert --help'")
            return .usage
        }
        let formatName = parsed.options["--to"] ?? "jsonl"
        guard let format = ConvertOptions.OutputFormat(rawValue: formatName) else {
            printer.print(message: "--to '\(formatName)' is not one of jsonl, csv")
            return .usage
        }
        var failure = ExitCode.failure
        guard let settings = settings(parsed, printer: printer, failure: &failure) else { return failure }
        let options = ConvertOptions(
            inputs: parsed.positional, format: format, outputPath: parsed.options["--output"],
            settings: settings)
        do {
            let outcome = try ConvertJob.run(options, printer: printer)
            if outcome.errors + outcome.warnings > 0 {
                printer.print(
                    message: "\(outcome.recordsWritten) " + (outcome.recordsWritten == 1 ? "record" : "records")
                        + " written; \(outcome.errors) "
                        + (outcome.errors == 1 ? "error" : "errors") + ", \(outcome.warnings) "
                        + (outcome.warnings == 1 ? "warning" : "warnings"))
            }
            return outcome.inputRejected ? .inputRejected : .success
        } catch {
            return failed(error, printer: printer)
        }
    }

    /// Prints why a command could not finish and gives its exit code: an output that is one of the inputs is a
    /// mistake on the command line (64); anything else stopped the run (2).
    static func failed(_ error: any Error, printer: DiagnosticPrinter) -> ExitCode {
        guard let diagnostic = error as? Diagnostic else {
            printer.print(message: "error: \(error)")
            return .failure
        }
        printer.print(diagnostic)
        return diagnostic.code == "output.is-input" ? .usage : .failure
    }

    /// The options `remit reconcile` and `remit explain` share.
    static let reconcileValued = [
        "--invoices": "--invoices", "--invoice-layout": "--invoice-layout", "--out": "--out",
        "--currency": "--currency", "--mappings": "--mappings", "--run-time": "--run-time",
        "--auto-apply-score": "--auto-apply-score", "--suggest-score": "--suggest-score",
        "--history": "--history", "--name-similarity": "--name-similarity",
        "--combination-max-set-size": "--combination-max-set-size",
        "--combination-max-steps": "--combination-max-steps",
        "--combination-max-candidates": "--combination-max-candidates", "--report-rows": "--report-rows",
    ]

    private static func reconcile(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(
                arguments, valued: reconcileValued, flagNames: ["--strict", "-h", "--help"])
        } catch {
            printer.print(message: "\(error); see 'remit reconcile --help'")
            return .usage
        }
        if parsed.flags.contains("-h") || parsed.flags.contains("--help") {
            print(HelpText.reconcile)
            return .success
        }
        var failure = ExitCode.failure
        guard
            let (options, settings) = reconcileOptions(
                parsed, command: "reconcile", printer: printer, failure: &failure)
        else { return failure }
        do {
            let outcome = try ReconcileJob.run(options, settings: settings, printer: printer)
            printer.print(message: outcome.closingLine)
            return outcome.inputRejected ? .inputRejected : .success
        } catch {
            return reconcileFailed(error, printer: printer)
        }
    }

    /// Why `remit reconcile` or `remit explain` could not finish, and its exit code.
    static func reconcileFailed(_ error: any Error, printer: DiagnosticPrinter) -> ExitCode {
        if let diagnostic = error as? Diagnostic, diagnostic.code == "layout.unknown" {
            // A layout name that does not exist is a mistake on the command line, not in the data.
            printer.print(message: diagnostic.message + (diagnostic.hint.map { "; " + $0 } ?? ""))
            return .usage
        }
        return failed(error, printer: printer)
    }

    /// The options of `remit reconcile` (and `remit explain`) as the job takes them; nil after printing why
    /// not, with `failure` set to the exit code.
    static func reconcileOptions(
        _ parsed: ArgumentParser, command: String, printer: DiagnosticPrinter, failure: inout ExitCode
    ) -> (ReconcileOptions, ParseSettings)? {
        guard let invoices = parsed.options["--invoices"] else {
            printer.print(message: "\(command) needs --invoices FILE; see 'remit \(command) --help'")
            failure = .usage
            return nil
        }
        guard !parsed.positional.isEmpty else {
            printer.print(message: "\(command) needs at least one remittance input; see 'remit \(command) --help'")
            failure = .usage
            return nil
        }
        let runTime: String
        do {
            runTime = try RunTime.resolve(option: parsed.options["--run-time"], environment: environment)
        } catch {
            printer.print(message: "\(error)")
            failure = .usage
            return nil
        }
        let autoApply = parsed.options["--auto-apply-score"].map { Int($0) } ?? 85
        let suggest = parsed.options["--suggest-score"].map { Int($0) } ?? 50
        guard let autoApply, let suggest, (0...101).contains(autoApply), (0...100).contains(suggest),
            suggest <= autoApply
        else {
            printer.print(
                message: "--auto-apply-score takes a whole number from 0 to 101 (101: never apply), --suggest-score "
                    + "one from 0 to 100, not above it; see 'remit \(command) --help'")
            failure = .usage
            return nil
        }
        guard let bounds = matchBounds(parsed, command: command, printer: printer) else {
            failure = .usage
            return nil
        }
        let reportRows = parsed.options["--report-rows"].map { Int($0) } ?? ReconcileOptions.defaultReportRows
        guard let reportRows, reportRows >= 0 else {
            printer.print(
                message: "--report-rows takes a whole number, 0 for every row; see 'remit \(command) --help'")
            failure = .usage
            return nil
        }
        guard let settings = settings(parsed, printer: printer, failure: &failure) else { return nil }
        var options = ReconcileOptions(
            invoicesPath: invoices, invoiceLayout: parsed.options["--invoice-layout"] ?? "generic",
            inputs: parsed.positional, outputDirectory: parsed.options["--out"] ?? "out", strict: settings.strict,
            defaultCurrency: settings.defaultCurrency, mappingsDirectory: settings.mappingsDirectory, runTime: runTime)
        options.autoApplyScore = autoApply
        options.suggestScore = suggest
        options.historyPath = parsed.options["--history"]
        options.historyRunKey = RunTime.historyKey(
            option: parsed.options["--run-time"], environment: environment, runTime: runTime)
        options.nameSimilarity = bounds.nameSimilarity
        options.combinationMaxSetSize = bounds.setSize
        options.combinationMaxSteps = bounds.steps
        options.combinationMaxCandidates = bounds.candidates
        options.reportRows = reportRows
        return (options, settings)
    }

    /// `--name-similarity` and the combination search bounds, checked; nil (after saying why) when one is
    /// out of range.
    private static func matchBounds(_ parsed: ArgumentParser, command: String, printer: DiagnosticPrinter) -> (
        nameSimilarity: Int, setSize: Int, steps: Int, candidates: Int
    )? {
        let limits: [(name: String, fallback: Int, range: ClosedRange<Int>)] = [
            ("--name-similarity", 85, 0...101), ("--combination-max-set-size", 5, 0...12),
            ("--combination-max-steps", 200_000, 0...100_000_000), ("--combination-max-candidates", 60, 0...1_000),
        ]
        var values: [Int] = []
        for limit in limits {
            guard let text = parsed.options[limit.name] else {
                values.append(limit.fallback)
                continue
            }
            guard let value = Int(text), limit.range.contains(value) else {
                printer.print(
                    message: "\(limit.name) takes a whole number from \(limit.range.lowerBound) to "
                        + "\(limit.range.upperBound), not '\(text)'; see 'remit \(command) --help'")
                return nil
            }
            values.append(value)
        }
        return (values[0], values[1], values[2], values[3])
    }

    private static func ack(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(
                arguments,
                valued: ["-o": "--out", "--out": "--out", "--counter": "--counter", "--run-time": "--run-time"],
                flagNames: ["--999", "-h", "--help"])
        } catch {
            printer.print(message: "\(error); see 'remit ack --help'")
            return .usage
        }
        if parsed.flags.contains("-h") || parsed.flags.contains("--help") {
            print(HelpText.ack)
            return .success
        }
        guard !parsed.positional.isEmpty else {
            printer.print(message: "ack needs at least one X12 file; see 'remit ack --help'")
            return .usage
        }
        let runTime: String
        do {
            runTime = try RunTime.resolve(option: parsed.options["--run-time"], environment: environment)
        } catch {
            printer.print(message: "\(error)")
            return .usage
        }
        let folder = parsed.options["--out"] ?? "."
        let options = AckJob.Options(
            inputs: parsed.positional, outputDirectory: folder,
            implementationAcknowledgments: parsed.flags.contains("--999"),
            counterPath: parsed.options["--counter"] ?? folder + "/.remit-ack-control-number", runTime: runTime)
        do {
            let (outcome, _) = try AckJob.run(options, printer: printer)
            return outcome.inputRejected ? .inputRejected : .success
        } catch let diagnostic as Diagnostic {
            printer.print(diagnostic)
            return .failure
        } catch {
            printer.print(message: "error: \(error)")
            return .failure
        }
    }
}

