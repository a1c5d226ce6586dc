import RemitCore

/// Reads an ERP open-item export into invoices, as an `InvoiceLayout` describes it.
///
/// The bytes are streamed through `CSVReader` in chunks; only the invoices themselves are kept, since
/// matching needs them all in memory.
///
/// ```swift
/// let layout = try InvoiceLayout.resolve(nameOrPath: "generic", mappingsDirectory: "mappings")
/// let export = try InvoiceExportReader.read(path: "open-items.csv", layout: layout)
/// for diagnostic in export.diagnostics.listed { print(diagnostic) }
/// ```
public enum InvoiceExportReader {
    /// Reads the export at `path`.
    ///
    /// Unreadable records become diagnostics and reading goes on; see `InvoiceExport`.
    ///
    /// - Parameters:
    ///   - chunkSize: bytes read per system call; tests use small sizes.
    ///   - onDiagnostic: called with each diagnostic as it is found; the export keeps only the first ones.
    /// - Throws: `SystemCallError` when the file cannot be read; `Diagnostic` when the file is UTF-16
    ///   (`invoice.encoding`), its header lacks a required column (`invoice.header`), or it has no header
    ///   (`invoice.no-header`).
    public static func read(
        path: String, layout: InvoiceLayout, calls: SystemCalls = .live, chunkSize: Int = FileReader.defaultChunkSize,
        onDiagnostic: @escaping (Diagnostic) -> Void = { _ in }
    ) throws -> InvoiceExport {
        var builder = try InvoiceExportBuilder(layout: layout, file: path, onDiagnostic: onDiagnostic)
        var csv = CSVReader(file: path, options: layout.csvOptions)
        var probe: [UInt8] = []
        let total = try FileReader(path: path, chunkSize: chunkSize, calls: calls).forEachChunk { chunk in
            if probe.count < 2 {
                probe.append(contentsOf: chunk.prefix(2 - probe.count))
                try refuseUTF16(probe, file: path)
            }
            try csv.consume(chunk) { event in try builder.handle(event) }
        }
        try csv.finish { event in try builder.handle(event) }
        return try builder.finish(bytesRead: total)
    }

    /// Reads an export already in memory, fed to the CSV reader `chunkSize` bytes at a time.
    ///
    /// - Parameter file: the name diagnostics and invoice locations use.
    /// - Throws: `Diagnostic`, as `read(path:layout:calls:chunkSize:)`.
    public static func read(
        bytes: [UInt8], file: String, layout: InvoiceLayout, chunkSize: Int = .max
    ) throws(Diagnostic) -> InvoiceExport {
        precondition(chunkSize > 0)
        var builder = try InvoiceExportBuilder(layout: layout, file: file)
        var csv = CSVReader(file: file, options: layout.csvOptions)
        try refuseUTF16(Array(bytes.prefix(2)), file: file)
        do {
            var start = 0
            while start < bytes.count {
                let end = start + min(chunkSize, bytes.count - start)
                try csv.consume(bytes: bytes[start..<end]) { event in try builder.handle(event) }
                start = end
            }
            try csv.finish { event in try builder.handle(event) }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            preconditionFailure("only the builder throws, and only diagnostics: \(error)")
        }
        return try builder.finish(bytesRead: Int64(bytes.count))
    }

    private static func refuseUTF16(_ firstBytes: [UInt8], file: String) throws(Diagnostic) {
        guard firstBytes == [0xFF, 0xFE] || firstBytes == [0xFE, 0xFF] else { return }
        throw Diagnostic(
            .error, code: "invoice.encoding", "the file is UTF-16 (it starts with a UTF-16 byte order mark)",
            at: SourceLocation(file: file, line: 1, column: 1, byteOffset: 0),
            hint: "save the export as CSV UTF-8, or convert it with iconv -f UTF-16 -t UTF-8")
    }
}
