import Foundation
import RemitCore
import RemitPipeline
import RemitWatch

/// `remit watch` and `remit status`: argument parsing only; the service lives in RemitWatch.
extension Remit {
    static func watch(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        // Before any thread exists, so SIGINT and SIGTERM reach only the signal thread.
        ShutdownSignals.blockInThisThread()
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(
                arguments,
                valued: [
                    "--invoices": "--invoices", "--invoice-layout": "--invoice-layout", "--out": "--out",
                    "--currency": "--currency", "--mappings": "--mappings", "--run-time": "--run-time",
                    "--ledger": "--ledger", "--log-format": "--log-format", "--log-level": "--log-level",
                    "--shutdown-timeout": "--shutdown-timeout", "--settle-ms": "--settle-ms",
                    "--workers": "--workers", "--history": "--history",
                ],
                flagNames: ["--strict", "--once", "-h", "--help"])
        } catch {
            printer.print(message: "\(error); see 'remit watch --help'")
            return .usage
        }
        if parsed.flags.contains("-h") || parsed.flags.contains("--help") {
            print(HelpText.watch)
            return .success
        }
        guard parsed.positional.count == 1, let inbox = parsed.positional.first else {
            printer.print(message: "watch needs exactly one INBOX folder; see 'remit watch --help'")
            return .usage
        }
        guard let invoices = parsed.options["--invoices"], let out = parsed.options["--out"] else {
            printer.print(message: "watch needs --invoices PATH and --out DIR; see 'remit watch --help'")
            return .usage
        }
        guard let format = LogFormat(rawValue: parsed.options["--log-format"] ?? "text") else {
            printer.print(message: "--log-format must be text or json")
            return .usage
        }
        guard let level = LogLevel(rawValue: parsed.options["--log-level"] ?? "info") else {
            printer.print(
                message: "--log-level must be one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            return .usage
        }
        guard let timeout = Double(parsed.options["--shutdown-timeout"] ?? "30"), timeout > 0,
            let settle = Int64(parsed.options["--settle-ms"] ?? "1000"), settle >= 0,
            let workers = Int(parsed.options["--workers"] ?? "1"), (1...64).contains(workers)
        else {
            printer.print(
                message: "--shutdown-timeout takes seconds above 0, --settle-ms milliseconds, --workers 1 to 64")
            return .usage
        }
        var runTime: String?
        if parsed.options["--run-time"] != nil || environment["SOURCE_DATE_EPOCH"] != nil {
            do {
                runTime = try RunTime.resolve(option: parsed.options["--run-time"], environment: environment)
            } catch {
                printer.print(message: "\(error)")
                return .usage
            }
        }
        var failure = ExitCode.failure
        guard let settings = settings(parsed, printer: printer, failure: &failure) else { return failure }
        let logger = WatchLogger(minimum: level, format: format)
        var options = WatchOptions(
            inbox: inbox, invoices: invoices, invoiceLayout: parsed.options["--invoice-layout"] ?? "generic",
            outputDirectory: out, ledgerPath: parsed.options["--ledger"], settings: settings, runTime: runTime,
            shutdownTimeout: timeout, settleMillis: settle, once: parsed.flags.contains("--once"),
            workers: workers)
        options.historyPath = parsed.options["--history"]
        let signals = ShutdownSignals(timeout: timeout, logger: logger)
        do {
            let code = try WatchService(options: options, logger: logger, signals: signals).run()
            return code == 0 ? .success : .failure
        } catch {
            logger.error("stopped on an error", ["error": "\(error)"])
            return .failure
        }
    }

    static func status(_ arguments: [String], printer: DiagnosticPrinter) -> ExitCode {
        let parsed: ArgumentParser
        do {
            parsed = try ArgumentParser(
                arguments, valued: ["--out": "--out", "--ledger": "--ledger"], flagNames: ["--json", "-h", "--help"])
        } catch {
            printer.print(message: "\(error); see 'remit status --help'")
            return .usage
        }
        if parsed.flags.contains("-h") || parsed.flags.contains("--help") {
            print(HelpText.status)
            return .success
        }
        guard let ledger = parsed.options["--ledger"] ?? parsed.options["--out"].map({ $0 + "/ledger.sqlite3" }) else {
            printer.print(message: "status needs --out DIR or --ledger PATH; see 'remit status --help'")
            return .usage
        }
        guard FileManager.default.fileExists(atPath: ledger) else {
            printer.print(message: "error: \(ledger): no ledger here; has remit watch run with this --out?")
            return .failure
        }
        do {
            print(try StatusReport.render(ledgerPath: ledger, json: parsed.flags.contains("--json")))
            return .success
        } catch {
            printer.print(message: "error: \(error)")
            return .failure
        }
    }
}
