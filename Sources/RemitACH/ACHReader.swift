import RemitCore

/// Reads a NACHA (ACH) file in chunks and emits a canonical payment per entry that carries money.
///
/// Feed the file's bytes in order, in chunks of any size, then call `finish`. Only the record in progress
/// and the addenda of the open entry are held (at most 9,999 addenda of 80 bytes), whatever the file's size.
///
/// - A CTX entry whose addenda carry an X12 820 gives the records of that 820, read by `X12Reader` from the
///   addenda's payment-related information joined in sequence order; the entry decides the payment's amount,
///   direction, trace number and date, and fills its payer from the batch's company when the 820 names none.
/// - Any other entry (CCD, CCD+, PPD, a CTX with free-text addenda) gives one payment whose
///   `remittance_text` is its 05 addenda text, one addenda per line.
///
/// Entries are not written as bank transactions: the bank statement (BAI2, camt) reports the same credits,
/// and reassociation pairs them with these payments by the trace number. Batch (8) and file (9) controls are
/// checked (counts, entry hash, debit and credit totals, block count); a mismatch is a warning with both
/// figures. Every problem names the record number, line, column and byte offset.
public struct ACHReader {
    public let file: String
    let fileSHA256: String
    let idPrefix: String
    let options: ACHOptions
    var scanner: ACHRecordScanner
    var fileState: FileState?
    var batch: BatchState?
    var entry: ACHEntry?
    var envelope = EnvelopeKeys()
    var sawAnything = false
    private var finished = false

    /// The running controls of the open file.
    struct FileState {
        var location: SourceLocation
        var batches = 0
        var entryAddendaCount: Int64 = 0
        var entryHash: Int64 = 0
        var debits: Int64 = 0
        var credits: Int64 = 0
        var firstRecord: Int
        var control: SourceLocation?
        /// The file control's block count (columns 8-13) and where it is, checked at the end.
        var controlBlocks: Int64?
        var controlBlocksField: SourceLocation?
    }

    /// The batch header's fields every entry shares, and the running controls of the batch.
    struct BatchState {
        var location: SourceLocation
        var serviceClass: String?
        var companyName: String?
        var companyID: String?
        var sec: String
        var entryDescription: String?
        var effectiveDate: CalendarDate?
        var batchNumber: String?
        var entryAddendaCount: Int64 = 0
        var entryHash: Int64 = 0
        var debits: Int64 = 0
        var credits: Int64 = 0
    }

    /// - Parameters:
    ///   - file: the path as the user gave it, used in every location.
    ///   - fileSHA256: the file's SHA-256 in lower-case hex, stamped on every record's provenance.
    ///   - idPrefix: prefix of record ids, usually the first 12 hex digits of `fileSHA256`.
    public init(file: String, fileSHA256: String, idPrefix: String, options: ACHOptions = ACHOptions()) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.idPrefix = idPrefix
        self.options = options
        scanner = ACHRecordScanner(file: file)
    }

    /// Reads the next bytes of the file.
    public mutating func feed<Sink: RecordSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) {
        precondition(!finished, "feed after finish")
        var scanner = ACHRecordScanner(file: file)
        swap(&scanner, &self.scanner)
        defer { swap(&scanner, &self.scanner) }
        scanner.feed(chunk, record: { handle($0, into: &sink) }, problem: { sink.report($0) })
    }

    /// Reads what is left, closes the open entry and reports controls that never came.
    public mutating func finish<Sink: RecordSink>(into sink: inout Sink) {
        guard !finished else { return }
        finished = true
        var scanner = ACHRecordScanner(file: file)
        swap(&scanner, &self.scanner)
        scanner.finish(record: { handle($0, into: &sink) }, problem: { sink.report($0) })
        swap(&scanner, &self.scanner)
        let end = self.scanner.endLocation
        closeEntry(into: &sink)
        if let open = batch {
            sink.report(ACHDiagnostics.missingControl("8 (batch control)", for: "batch", at: open.location))
            batch = nil
        }
        if let open = fileState, open.control == nil {
            sink.report(ACHDiagnostics.missingControl("9 (file control)", for: "file", at: end))
        }
        if let open = fileState, open.control != nil {
            checkBlocks(open, lastRecord: self.scanner.recordCount, into: &sink)
        }
        fileState = nil
    }

    /// Whether `prefix` (the first bytes of a file) looks like a NACHA file: a file header record, `101`
    /// (record type 1, priority code 01), either 94 characters before any line break or, when an editor has
    /// trimmed its trailing blanks, a shorter line whose record size field (columns 35-37) says `094`.
    public static func looksLikeACH<Bytes: Collection>(_ prefix: Bytes) -> Bool where Bytes.Element == UInt8 {
        let head = Array(prefix.prefix(ACHRecord.length).prefix { $0 != 0x0A && $0 != 0x0D })
        guard head.starts(with: Array("101".utf8)) else { return false }
        if head.count == ACHRecord.length { return true }
        return head.count >= 40 && head[34..<37].elementsEqual("094".utf8)
    }
}
