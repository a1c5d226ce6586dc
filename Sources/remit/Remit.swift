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
            default: print(HelpText.main)
            }
            return .success
        case "reconcile": return reconcile(rest, printer: printer)
        case "convert": return convert(rest, printer: printer)
        default:
            printer.print(message: "unknown command '\(command)'; see 'remit --help'")
            return .usage
        }
    }

    private static let environment = ProcessInfo.processInfo.environment

    private static func mappings(_ explicit: String?) -> String? {
        MappingsDirectory.locate(explicit: explicit, environment: environment,
            executablePath: CommandLine.arguments.first ?? "remit")
    }

    private static func settings(_ parsed: ArgumentParser, printer: DiagnosticPrinter) -> ParseSettings? {
        let currency = (parsed.options["--currency"] ?? Currency.defaultCode).uppercased()
        guard Currency.isWellFormed(currency) else {
            printer.print(message: "--currency '\(currency)' is not a three-letter ISO 4217 code")
            return nil
        }
        var settings = ParseSettings(strict: parsed.flags.contains("--strict"), defaultCurrency: currency)
        settings.mappingsDirectory = mappings(parsed.options["--mappings"])
        if let folder = settings.mappingsDirectory {
            do {
                settings.crosswalk = try ParseSettings.loadCrosswalk(mappingsDirectory: folder)
                settings.bai2TypeCodes = try ParseSettings.loadBAI2TypeCodes(mappingsDirectory: folder)
            } catch {
                printer.print(error)
                return nil
            }
        } else {
            printer.print(message: "warning: no mappings folder found; every reason code maps to 'unidentified'")
        }
        return settings
    }

    private static func convert(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(arguments,
                valued: ["--to": "--to", "-o": "--output", "--output": "--output", "--currency": "--currency",
                    "--mappings": "--mappings"],
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
        guard let settings = settings(parsed, printer: printer) else { return .failure }
        let options = ConvertOptions(inputs: parsed.positional, format: format, outputPath: parsed.options["--output"],
            settings: settings)
        do {
            let outcome = try ConvertJob.run(options, printer: printer)
            if outcome.errors + outcome.warnings > 0 {
                printer.print(message: "\(outcome.recordsWritten) records written; \(outcome.errors) errors, "
                    + "\(outcome.warnings) warnings")
            }
            return outcome.inputRejected ? .inputRejected : .success
        } catch {
            printer.print(message: "error: \(error)")
            return .failure
        }
    }

    private static func reconcile(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(arguments,
                valued: ["--invoices": "--invoices", "--invoice-layout": "--invoice-layout", "--out": "--out",
                    "--currency": "--currency", "--mappings": "--mappings", "--run-time": "--run-time"],
                flagNames: ["--strict", "-h", "--help"])
        } catch {
            printer.print(message: "\(error); see 'remit reconcile --help'")
            return .usage
        }
        if parsed.flags.contains("-h") || parsed.flags.contains("--help") {
            print(HelpText.reconcile)
            return .success
        }
        guard let invoices = parsed.options["--invoices"] else {
            printer.print(message: "reconcile needs --invoices FILE; see 'remit reconcile --help'")
            return .usage
        }
        guard !parsed.positional.isEmpty else {
            printer.print(message: "reconcile needs at least one remittance input; see 'remit reconcile --help'")
            return .usage
        }
        let runTime: String
        do {
            runTime = try RunTime.resolve(option: parsed.options["--run-time"], environment: environment)
        } catch {
            printer.print(message: "\(error)")
            return .usage
        }
        guard let settings = settings(parsed, printer: printer) else { return .failure }
        let options = ReconcileOptions(
            invoicesPath: invoices, invoiceLayout: parsed.options["--invoice-layout"] ?? "generic",
            inputs: parsed.positional, outputDirectory: parsed.options["--out"] ?? "out", strict: settings.strict,
            defaultCurrency: settings.defaultCurrency, mappingsDirectory: settings.mappingsDirectory, runTime: runTime)
        do {
            let outcome = try ReconcileJob.run(options, settings: settings, printer: printer)
            printer.print(message: outcome.closingLine)
            return outcome.inputRejected ? .inputRejected : .success
        } catch {
            printer.print(message: "error: \(error)")
            return .failure
        }
    }
}
