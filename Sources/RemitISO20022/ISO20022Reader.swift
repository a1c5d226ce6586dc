import RemitCore

/// Reads ISO 20022 camt.053, camt.054 and remt.001 messages into canonical records, streaming.
///
/// Each `Ntry` becomes a `BankTransaction`; each `TxDtls` (or an entry without details, or a remt.001
/// `RmtInf`) a `Payment` with one `RemittanceLine` per `Strd` block and the `Deduction`s the block states or
/// implies. An entry's records are emitted when the entry closes; memory holds one entry whatever the file's
/// size. Problems go to the sink as located diagnostics; a malformed or hostile file stops the reading with
/// an error naming the line and the element path.
public struct ISO20022Reader {
    public let file: String
    public let fileSHA256: String
    public let idPrefix: String
    public let crosswalk: ReasonCrosswalk

    /// - Parameters:
    ///   - file: the path as the user gave it, for locations.
    ///   - fileSHA256: stamped on every record's provenance.
    ///   - idPrefix: start of every record id, usually the first 12 hex digits of the SHA-256.
    ///   - crosswalk: maps adjustment reasons (EDIFACT 4465, then X12 426) to categories.
    public init(file: String, fileSHA256: String = "", idPrefix: String, crosswalk: ReasonCrosswalk) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.idPrefix = idPrefix
        self.crosswalk = crosswalk
    }

    /// Reads the file at `file` through `calls`.
    public func read<Sink: RecordSink>(calls: SystemCalls = .live, into sink: inout Sink) {
        do {
            run(try ByteSource.file(file, calls: calls), into: &sink)
        } catch {
            sink.report(ISO20022Diagnostics.unreadable(error, at: .wholeFile(file)))
        }
    }

    /// Reads `bytes` as if they were the file, handing libxml2 at most `chunkSize` bytes at a time.
    public func read<Sink: RecordSink>(bytes: [UInt8], chunkSize: Int = 1 << 16, into sink: inout Sink) {
        run(ByteSource.memory(bytes, chunkSize: chunkSize), into: &sink)
    }

    private func run<Sink: RecordSink>(_ source: ByteSource, into sink: inout Sink) {
        var parser = ISO20022Parser(file: file, fileSHA256: fileSHA256, idPrefix: idPrefix, crosswalk: crosswalk)
        var lineOffset = 0
        repeat {
            let stream: XMLStream
            do {
                stream = try XMLStream(source: source, url: file, lineOffset: lineOffset)
            } catch {
                sink.report(
                    Diagnostic(.error, code: "iso20022.read", "libxml2 could not start a reader", at: .wholeFile(file)))
                return
            }
            if source.documentNumber > 1 { parser.startDocument() }
            guard readDocument(stream, parser: &parser, into: &sink) else { return }
            // The next document starts on the line where this one's input ended.
            lineOffset += max(0, stream.parserLine - 1)
        } while source.startNextDocument()
    }

    /// Reads one XML document; false when reading stopped on an error.
    private func readDocument<Sink: RecordSink>(
        _ stream: XMLStream, parser: inout ISO20022Parser, into sink: inout Sink
    ) -> Bool {
        while !parser.stopped {
            let node: XMLStream.Node
            do {
                node = try stream.next()
            } catch {
                let path = parser.path.depth > 0 ? parser.path.text() : nil
                parser.stop(diagnostic(for: error, path: path), into: &sink)
                return false
            }
            switch node {
            case .start(let name, let isEmpty):
                parser.start(name, stream, into: &sink)
                if isEmpty && !parser.stopped { parser.end(name, stream, into: &sink) }
            case .end(let name):
                parser.end(name, stream, into: &sink)
            case .text:
                if parser.leafOpen { stream.appendText(to: &parser.text) }
            case .endOfDocument:
                parser.finish(into: &sink)
                return true
            }
        }
        return false
    }

    private func diagnostic(for failure: XMLStream.Failure, path: String?) -> Diagnostic {
        switch failure {
        case .parse(let error):
            let place = SourceLocation(file: file, line: error.line, column: error.column, byteOffset: 0, path: path)
            return ISO20022Diagnostics.malformed(error.message, at: place)
        case .forbidden(let what, let line):
            let place = SourceLocation(file: file, line: line, column: 0, byteOffset: 0, path: path)
            return ISO20022Diagnostics.forbidden(what, at: place)
        case .source(let error as ByteSource.TagTooLong):
            let place = SourceLocation(
                file: file, line: error.line, column: error.column, byteOffset: error.offset, path: path)
            return ISO20022Diagnostics.tagTooLong(limit: ByteSource.maximumTagLength, at: place)
        case .source(let error):
            return ISO20022Diagnostics.unreadable(error, at: .wholeFile(file))
        }
    }
}
