import RemitCore
import RemitReport

#if canImport(Glibc)
    import Glibc
#endif

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
            // Opening the output truncates it: refuse before an input named as the output is destroyed.
            if let input = FileIdentity.input(among: options.inputs, sameAs: path) {
                throw Diagnostic(
                    .error, code: "output.is-input", "the output file is the input \(input); it would be destroyed",
                    at: .wholeFile(path), hint: "write the records to another file")
            }
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
        var outputFailure: (any Error)?
        /// Reads one file (an input, or a member of a .zip) into the output; throws only when writing fails.
        func convert(_ file: InputFiles.File) throws {
            var sink = ConvertSink(
                output: output, strict: options.settings.strict, printer: printer,
                encoder: encoder)
            if let failure = file.failure {
                sink.report(failure)
            } else {
                do {
                    let (sha256, _) = try SHA256Hasher.hashFile(file.path, calls: calls)
                    let prefix = try InputProcessor.readPrefix(file.path, calls: calls)
                    let format = InputFormat.detect(prefix: prefix)
                    try FormatReaders.parse(
                        path: file.path, name: file.name, format: format, sha256: sha256,
                        settings: options.settings, calls: calls, into: &sink)
                } catch let diagnostic as Diagnostic {
                    sink.report(diagnostic)
                } catch {
                    sink.report(
                        Diagnostic(
                            .error, code: "input.unreadable", "cannot read file: \(error)",
                            at: .wholeFile(file.name)))
                }
            }
            sink.finish()
            if let failure = sink.failure {
                outputFailure = failure
                throw failure
            }
            written += sink.written
            errors += sink.errors
            warnings += sink.warnings
            if sink.errors > 0 { rejected = true }
        }
        for path in options.inputs {
            do {
                try InputFiles().forEach(path, convert)
            } catch {
                if let outputFailure { throw outputFailure }
                // The archive as a whole was refused, or could not be unpacked: an input error like any other.
                let diagnostic =
                    error as? Diagnostic
                    ?? Diagnostic(
                        .error, code: "zip.unreadable", "cannot unpack the archive: \(error)",
                        at: .wholeFile(path))
                try convert(InputFiles.File(path: "", name: path, failure: diagnostic))
            }
        }
        try output.close()
        return JobOutcome(inputRejected: rejected, recordsWritten: written, errors: errors, warnings: warnings)
    }
}

/// Turns records into output bytes for one output format.
///
/// CSV output holds every record kind in one table: the header is the union of the kinds' columns in a
/// fixed order, `record_type` first, and each row fills the columns of its own kind.
struct RecordEncoder {
    let format: ConvertOptions.OutputFormat
    private let unionHeader: [String]
    /// For each record kind, the position in the union header of each of its columns.
    private let positions: [String: [Int]]
    /// Reused for every JSON Lines record, so writing one allocates nothing.
    private var jsonWriter = JSONWriter()

    init(format: ConvertOptions.OutputFormat) {
        self.format = format
        var header: [String] = []
        var index: [String: Int] = [:]
        var positions: [String: [Int]] = [:]
        for kind in RecordCSV.kinds {
            positions[kind] = RecordCSV.header(for: kind).map { name in
                if let existing = index[name] { return existing }
                index[name] = header.count
                header.append(name)
                return header.count - 1
            }
        }
        unionHeader = header
        self.positions = positions
    }

    var header: [UInt8]? {
        guard format == .csv else { return nil }
        var writer = CSVWriter()
        writer.writeHeader(unionHeader)
        return writer.bytes
    }

    /// Writes `record` to `output` in the output format.
    ///
    /// - Throws: `SystemCallError` when the output cannot be written.
    mutating func write(_ record: CanonicalRecord, to output: BufferedOutput) throws {
        switch format {
        case .jsonl:
            jsonWriter.removeAll()
            record.writeJSON(into: &jsonWriter)
            jsonWriter.newline()
            try output.write(jsonWriter.bytes)
        case .csv:
            try output.write(encode(record))
        }
    }

    func encode(_ record: CanonicalRecord) -> [UInt8] {
        switch format {
        case .jsonl:
            var writer = JSONWriter()
            record.writeJSON(into: &writer)
            writer.newline()
            return writer.bytes
        case .csv:
            var cells = [CSVCell](repeating: .text(""), count: unionHeader.count)
            for (position, cell) in zip(positions[record.recordType] ?? [], RecordCSV.row(record)) {
                cells[position] = cell
            }
            var writer = CSVWriter()
            writer.writeRow(cells)
            return writer.bytes
        }
    }
}
