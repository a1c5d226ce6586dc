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
    /// Whether libxml2 runs on a thread of its own while this one maps its nodes to records (the default).
    /// Off, everything happens on the calling thread; the records are the same either way.
    public var usesReadingThread = true

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

    /// Reads the file at `path` (by default `file`, the name records and messages give) through `calls`.
    public func read<Sink: RecordSink>(path: String? = nil, calls: SystemCalls = .live, into sink: inout Sink) {
        do {
            run(try ByteSource.file(path ?? file, calls: calls), into: &sink)
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
        let events = XMLEventSource(XMLProducer(source: source, url: file), threaded: usesReadingThread)
        defer { events.finish() }
        var cursor = XMLCursor()
        while !parser.stopped, let batch = events.next() {
            cursor.bytes = batch.bytes
            for event in batch.events {
                cursor.event = event
                for _ in 0..<event.endsBefore where !parser.stopped {
                    parser.end(parser.path.topName, cursor, into: &sink)
                }
                if parser.stopped { break }
                switch event.kind {
                case .start:
                    parser.start(event.name, cursor, into: &sink)
                    if event.isEmpty && !parser.stopped { parser.end(event.name, cursor, into: &sink) }
                case .end:
                    break  // only the ends above
                case .text:
                    if parser.leafOpen { cursor.appendText(to: &parser.text) }
                case .startOfDocument:
                    parser.startDocument()
                case .endOfDocument:
                    parser.finish(into: &sink)
                case .failure:
                    let path = parser.path.depth > 0 ? parser.path.text() : nil
                    parser.stop(diagnostic(for: batch.failure ?? .start, path: path), into: &sink)
                case .endOfInput:
                    break
                }
                if parser.stopped { break }
            }
            // Drop the cursor's hold on the bytes first, so the reading thread can refill them in place.
            cursor.bytes = []
            events.recycle(consume batch)
        }
    }

    private func diagnostic(for failure: XMLStream.Failure, path: String?) -> Diagnostic {
        switch failure {
        case .parse(let error):
            return ISO20022Diagnostics.malformed(error.message, at: place(error.position, path: path))
        case .forbidden(let what, let position):
            return ISO20022Diagnostics.forbidden(what, at: place(position, path: path))
        case .source(let error as ByteSource.TagTooLong):
            let place = SourceLocation(
                file: file, line: error.line, column: error.column, byteOffset: error.offset, path: path)
            return ISO20022Diagnostics.tagTooLong(limit: ByteSource.maximumTagLength, at: place)
        case .source(let error):
            return ISO20022Diagnostics.unreadable(error, at: .wholeFile(file))
        case .start:
            return Diagnostic(
                .error, code: "iso20022.read", "libxml2 could not start a reader", at: .wholeFile(file))
        }
    }

    private func place(_ position: XMLStream.Position, path: String?) -> SourceLocation {
        SourceLocation(
            file: file, line: position.line, column: position.column, byteOffset: position.byteOffset, path: path)
    }
}
