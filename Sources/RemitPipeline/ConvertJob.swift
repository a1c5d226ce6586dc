#if canImport(Glibc)
    import Glibc
#endif
import RemitCore

/// `remit convert`: streams the canonical records of any supported input to standard output or a file.
public enum ConvertJob {
    /// Converts every input in order; a bad file is reported and the others go on.
    ///
    /// - Throws: `SystemCallError` when the output cannot be written.
    public static func run(_ options: ConvertOptions, printer: DiagnosticPrinter, calls: SystemCalls = .live)
        throws -> JobOutcome
    {
        let output: BufferedOutput
        if let path = options.outputPath, path != "-" {
            output = try BufferedOutput(creating: path, calls: calls)
        } else {
            output = BufferedOutput(descriptor: 1, path: "<stdout>", calls: calls)
        }
        var rejected = false
        var written = 0
        var errors = 0
        var warnings = 0
        let encoder = RecordEncoder(format: options.format)
        if let header = encoder.header { try output.write(header) }
        for path in options.inputs {
            var sink = ConvertSink(output: output, strict: options.settings.strict, printer: printer,
                encode: encoder.encode)
            do {
                let (sha256, _) = try SHA256Hasher.hashFile(path, calls: calls)
                let prefix = try InputProcessor.readPrefix(path, calls: calls)
                let format = InputFormat.detect(prefix: prefix)
                try FormatReaders.parse(path: path, format: format, sha256: sha256, settings: options.settings,
                    calls: calls, into: &sink)
            } catch let diagnostic as Diagnostic {
                sink.report(diagnostic)
            } catch {
                sink.report(Diagnostic(.error, code: "input.unreadable", "cannot read file: \(error)",
                    at: .wholeFile(path)))
            }
            sink.finish()
            if let failure = sink.failure { throw failure }
            written += sink.written
            errors += sink.errors
            warnings += sink.warnings
            if sink.errors > 0 { rejected = true }
        }
        try output.close()
        return JobOutcome(inputRejected: rejected, recordsWritten: written, errors: errors, warnings: warnings)
    }
}

/// Turns records into output bytes for one output format.
struct RecordEncoder {
    let format: ConvertOptions.OutputFormat

    var header: [UInt8]? {
        switch format {
        case .jsonl: return nil
        case .csv: return nil
        }
    }

    func encode(_ record: CanonicalRecord) -> [UInt8] {
        var writer = JSONWriter()
        record.writeJSON(into: &writer)
        writer.newline()
        return writer.bytes
    }
}
