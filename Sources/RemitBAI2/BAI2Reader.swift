import RemitCore

/// Reads a BAI2 (or BTRS version 3) bank file in chunks and emits one bank transaction per 16 record.
///
/// Feed the file's bytes in order, in chunks of any size, then call `finish`. Memory stays at one logical
/// record (a record and its 88 continuations) plus the running sums of the open account, group and file,
/// whatever the file's size.
///
/// ```swift
/// var reader = BAI2Reader(file: path, fileSHA256: digest, idPrefix: String(digest.prefix(12)),
///                         options: BAI2Options(typeCodes: table))
/// try FileReader(path: path).forEachChunk { reader.feed($0, into: &sink) }
/// reader.finish(into: &sink)
/// ```
///
/// Problems go to `sink.report` with their file, line, column, byte offset, physical record number and field.
/// Each account (03 … 49) ends with one `sink.transactionEnded` whose `transactionID` (`03@<record>`) is
/// stamped on its transactions and whose `statedTotal` is the 49 control total. A group sent as a deletion,
/// correction or test (02 status 2, 3 or 4) stamps that status on its transactions (`deletion`, `correction`,
/// `test_only`) and ends with one `sink.statusGroupEnded` naming its accounts. Trailers that do not add up
/// are warnings (errors under `strict`); a missing trailer is an error, and what was read before it is kept.
public struct BAI2Reader {
    public let file: String
    private var scanner: BAI2Scanner
    private var ledger: BAI2Ledger?
    private var finished = false

    /// - Parameters:
    ///   - file: the path as the user gave it, used in every location.
    ///   - fileSHA256: the file's SHA-256 in lower-case hex, stamped on every record's provenance.
    ///   - idPrefix: prefix of record ids, usually the first 12 hex digits of `fileSHA256`.
    public init(file: String, fileSHA256: String, idPrefix: String, options: BAI2Options = BAI2Options()) {
        self.file = file
        scanner = BAI2Scanner(file: file)
        ledger = BAI2Ledger(file: file, fileSHA256: fileSHA256, idPrefix: idPrefix, options: options)
    }

    /// Reads the next bytes of the file.
    public mutating func feed<Sink: RecordSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) {
        precondition(!finished, "feed after finish")
        // The ledger leaves `self` while the scanner runs, so both can be changed without a copy.
        var ledger = self.ledger!
        self.ledger = nil
        scanner.feed(chunk) { event, record in
            switch event {
            case .record: ledger.handle(record, into: &sink)
            case .problem(let diagnostic): sink.report(diagnostic)
            case .skipped(let diagnostic):
                if let diagnostic { sink.report(diagnostic) }
                ledger.count(1)
            }
        }
        self.ledger = ledger
    }

    /// Reads what is left at the end of the file and reports the trailers it leaves missing.
    public mutating func finish<Sink: RecordSink>(into sink: inout Sink) {
        guard !finished else { return }
        finished = true
        var ledger = self.ledger!
        self.ledger = nil
        scanner.finish { event, record in
            switch event {
            case .record: ledger.handle(record, into: &sink)
            case .problem(let diagnostic): sink.report(diagnostic)
            case .skipped(let diagnostic):
                if let diagnostic { sink.report(diagnostic) }
                ledger.count(1)
            }
        }
        ledger.finish(at: scanner.endLocation, into: &sink)
        self.ledger = ledger
    }
}
