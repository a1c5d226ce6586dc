import RemitACH
import RemitCore
import RemitISO20022
import RemitX12

/// Runs the parser for a detected format over a file, streaming.
enum FormatReaders {
    /// Parses with the partners' reason-code overrides applied to every deduction, when there are any.
    ///
    /// - Parameters:
    ///   - path: where the bytes are.
    ///   - name: the name records and messages give the file: `path` itself, or `archive.zip!member.xml`.
    static func parse<Sink: RecordSink>(
        path: String, name: String, format: InputFormat, sha256: String, settings: ParseSettings,
        calls: SystemCalls, into sink: inout Sink
    ) throws {
        guard let codes = settings.partnerCodes, !codes.isEmpty else {
            try parseFormat(
                path: path, name: name, format: format, sha256: sha256, settings: settings, calls: calls,
                into: &sink)
            return
        }
        var wrapped = RecategorizingSink(base: sink, codes: codes)
        defer { sink = wrapped.base }
        try parseFormat(
            path: path, name: name, format: format, sha256: sha256, settings: settings, calls: calls, into: &wrapped)
    }

    private enum Blankness {
        case empty
        case blank(size: Int64)
        case content
    }

    /// Whether a file that is no known format is empty, or blank (spaces, tabs, line breaks and a byte order
    /// mark only), so the message can say so rather than call it unrecognised.
    private static func blankness(path: String, settings: ParseSettings, calls: SystemCalls) throws -> Blankness {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var offset: Int64 = 0
        // Bytes at the start taken for a byte order mark; only a whole one counts as blank.
        var markBytes = 0
        let size: Int64
        do {
            size = try FileReader(path: path, chunkSize: settings.chunkSize, calls: calls).forEachChunk { chunk in
                for (index, byte) in chunk.enumerated() {
                    let position = offset + Int64(index)
                    if position < 3 && byte == byteOrderMark[Int(position)] && markBytes == position {
                        markBytes += 1
                    } else if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                        throw ContentFound()  // no need to read on
                    }
                }
                offset += Int64(chunk.count)
            }
        } catch is ContentFound {
            return .content
        }
        if markBytes != 0 && markBytes != 3 { return .content }
        return size == 0 ? .empty : .blank(size: size)
    }

    /// Stops reading a file once a byte that is not white space shows it is not blank.
    private struct ContentFound: Error {}

    private static func parseFormat<Sink: RecordSink>(
        path: String, name: String, format: InputFormat, sha256: String, settings: ParseSettings,
        calls: SystemCalls, into sink: inout Sink
    ) throws {
        switch format {
        case .unknown:
            let start = SourceLocation(file: name, line: 1, column: 1, byteOffset: 0)
            switch try blankness(path: path, settings: settings, calls: calls) {
            case .empty:
                throw Diagnostic(.error, code: "input.empty", "the file is empty (0 bytes)", at: start)
            case .blank(let size):
                throw Diagnostic(
                    .error, code: "input.empty",
                    "the file holds only white space and line breaks (\(size) \(size == 1 ? "byte" : "bytes"))",
                    at: start)
            case .content:
                throw Diagnostic(
                    .error, code: "input.unknown-format",
                    "not a recognised remittance or bank file (expected X12 starting with ISA, BAI2 starting with "
                        + "01, ISO 20022 XML, or a NACHA file starting with 101)",
                    at: start)
            }
        case .x12:
            var reader = X12Reader(
                file: name, fileSHA256: sha256, idPrefix: String(sha256.prefix(12)),
                options: X12Options(strict: settings.strict, defaultCurrency: settings.defaultCurrency),
                crosswalk: settings.crosswalk)
            try FileReader(path: path, chunkSize: settings.chunkSize, calls: calls).forEachChunk { chunk in
                reader.feed(chunk, into: &sink)
            }
            reader.finish(into: &sink)
        case .ach:
            var reader = ACHReader(
                file: name, fileSHA256: sha256, idPrefix: String(sha256.prefix(12)),
                options: ACHOptions(
                    x12: X12Options(strict: settings.strict, defaultCurrency: settings.defaultCurrency),
                    crosswalk: settings.crosswalk))
            try FileReader(path: path, chunkSize: settings.chunkSize, calls: calls).forEachChunk { chunk in
                reader.feed(chunk, into: &sink)
            }
            reader.finish(into: &sink)
        case .bai2:
            try BAI2Input.parse(
                path: path, name: name, sha256: sha256, settings: settings, calls: calls, into: &sink)
        case .iso20022:
            ISO20022Reader(
                file: name, fileSHA256: sha256, idPrefix: String(sha256.prefix(12)), crosswalk: settings.crosswalk
            ).read(path: path, calls: calls, into: &sink)
        }
    }
}
