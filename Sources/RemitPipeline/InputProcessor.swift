import RemitCore

/// Reads one remittance or bank input into memory: fingerprint, detect the format, parse.
public enum InputProcessor {
    /// Parses `path`; never throws: a file that cannot be read comes back `unreadable` with a located error.
    ///
    /// - Parameters:
    ///   - name: what records, messages and the manifest call the file: `path` itself (the default), or
    ///     `archive.zip!member.xml` for a member expanded to `path`.
    ///   - printer: prints each diagnostic as it is found; `nil` prints none. Only the first
    ///     `DiagnosticList.defaultLimit` are kept in the result, so this is the one place to see them all.
    ///   - sameContent: the path of an input already read whose content has this SHA-256, if any. Such an
    ///     input is not parsed (it would apply the same cash twice); it comes back `unreadable` with an
    ///     `input.duplicate` error.
    public static func process(
        path: String, name: String? = nil, settings: ParseSettings, calls: SystemCalls = .live,
        printer: DiagnosticPrinter? = nil, sameContent: (_ sha256: String) -> String? = { _ in nil }
    ) -> ParsedInput {
        let name = name ?? path
        var parsed = ParsedInput(
            path: name, format: .unknown, sha256: "", size: 0, payments: [], lines: [], deductions: [],
            bankTransactions: [], transactions: [], diagnostics: [], rejectedLines: 0, rejectedRecords: 0,
            unreadable: false)
        var sink = CollectingSink(strict: settings.strict, printer: printer)
        let prefix: [UInt8]
        do {
            (parsed.sha256, parsed.size) = try SHA256Hasher.hashFile(path, calls: calls)
            prefix = try readPrefix(path, calls: calls)
        } catch {
            parsed.unreadable = true
            sink.report(
                Diagnostic(
                    .error, code: "input.unreadable", "cannot read file: \(error)",
                    at: .wholeFile(name)))
            parsed.diagnostics = sink.diagnostics
            return parsed
        }
        parsed.format = InputFormat.detect(prefix: prefix)
        if let first = sameContent(parsed.sha256) {
            parsed.unreadable = true
            sink.report(
                Diagnostic(
                    .error, code: "input.duplicate",
                    "same content as \(first) (SHA-256 \(parsed.sha256.prefix(12))…); not applied twice",
                    at: .wholeFile(name)))
            parsed.diagnostics = sink.diagnostics
            return parsed
        }
        do {
            try FormatReaders.parse(
                path: path, name: name, format: parsed.format, sha256: parsed.sha256, settings: settings,
                calls: calls, into: &sink)
        } catch let diagnostic as Diagnostic {
            sink.report(diagnostic)
            if parsed.format == .unknown { parsed.unreadable = true }
        } catch {
            sink.report(
                Diagnostic(.error, code: "input.read-failed", "reading stopped: \(error)", at: .wholeFile(name)))
        }
        parsed.payments = sink.payments
        parsed.lines = sink.lines
        parsed.deductions = sink.deductions
        parsed.bankTransactions = sink.bankTransactions
        parsed.statusGroups = sink.statusGroups
        parsed.transactions = sink.transactions
        parsed.diagnostics = sink.diagnostics
        parsed.rejectedLines = sink.rejectedLines
        parsed.rejectedRecords = sink.rejectedRecords
        return parsed
    }

    /// An input that could not be opened at all (an archive refused, a member that could not be unpacked): no
    /// records, and its error, printed now like every other diagnostic.
    static func refused(_ name: String, _ problem: Diagnostic, printer: DiagnosticPrinter?) -> ParsedInput {
        var sink = CollectingSink(printer: printer)
        sink.report(problem)
        return ParsedInput(
            path: name, format: .unknown, sha256: "", size: 0, payments: [], lines: [], deductions: [],
            bankTransactions: [], transactions: [], diagnostics: sink.diagnostics, rejectedLines: 0,
            rejectedRecords: 0, unreadable: true)
    }

    /// The first 4 KiB, enough to recognise any supported format.
    static func readPrefix(_ path: String, calls: SystemCalls) throws -> [UInt8] {
        var prefix: [UInt8] = []
        struct Enough: Error {}
        do {
            try FileReader(path: path, chunkSize: 4096, calls: calls).forEachChunk { chunk in
                prefix.append(contentsOf: chunk)
                throw Enough()
            }
        } catch is Enough {}
        return prefix
    }
}
