import RemitBAI2
import RemitCore

/// Runs the BAI2 reader over a file, streaming, with the run's type-code table.
enum BAI2Input {
    /// Reads the file at `path`; records and messages call it `name`.
    static func parse<Sink: RecordSink>(
        path: String, name: String, sha256: String, settings: ParseSettings, calls: SystemCalls,
        into sink: inout Sink
    ) throws {
        var typeCodes = settings.bai2TypeCodes ?? BAI2TypeCodeTable()
        if settings.bai2TypeCodes == nil, let folder = settings.mappingsDirectory {
            typeCodes = try ParseSettings.loadBAI2TypeCodes(mappingsDirectory: folder)
        }
        var reader = BAI2Reader(
            file: name, fileSHA256: sha256, idPrefix: String(sha256.prefix(12)),
            options: BAI2Options(
                strict: settings.strict, defaultCurrency: settings.defaultCurrency, typeCodes: typeCodes))
        try FileReader(path: path, chunkSize: settings.chunkSize, calls: calls).forEachChunk { chunk in
            reader.feed(chunk, into: &sink)
        }
        reader.finish(into: &sink)
    }
}
