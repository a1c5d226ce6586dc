import RemitCore

extension ACHReader {
    /// The entry hash keeps the last ten digits of the sum of the routing numbers.
    static let hashModulus: Int64 = 10_000_000_000

    /// Checks a batch control (8) against the entries and addenda read since its batch header.
    mutating func closeBatch<Sink: RecordSink>(_ record: ACHRecord, into sink: inout Sink) {
        closeEntry(into: &sink)
        guard let open = batch else {
            sink.report(
                ACHDiagnostics.unexpectedRecord(
                    "batch control record", reason: "without a batch header before it; ignored", at: record.location))
            return
        }
        batch = nil
        let count = compare(
            record, 5, 10, "ach.batch-count", "entry and addenda records of the batch", open.entryAddendaCount,
            into: &sink)
        let hash = compare(
            record, 11, 20, "ach.batch-hash", "entry hash of the batch", open.entryHash % Self.hashModulus,
            into: &sink)
        let debits = compare(record, 21, 32, "ach.batch-debits", "debit total of the batch", open.debits, into: &sink)
        let credits = compare(
            record, 33, 44, "ach.batch-credits", "credit total of the batch", open.credits, into: &sink)
        // The file control is checked against the batch controls as stated, so one wrong figure gives one message.
        fileState?.entryAddendaCount += count
        fileState?.entryHash += hash
        fileState?.debits += debits
        fileState?.credits += credits
    }

    /// Checks a file control (9) against the batch controls read since the file header.
    mutating func closeFile<Sink: RecordSink>(_ record: ACHRecord, into sink: inout Sink) {
        closeEntry(into: &sink)
        if let open = batch {
            sink.report(ACHDiagnostics.missingControl("8 (batch control)", for: "batch", at: open.location))
            fileState?.entryAddendaCount += open.entryAddendaCount
            fileState?.entryHash += open.entryHash
            fileState?.debits += open.debits
            fileState?.credits += open.credits
            batch = nil
        }
        guard let open = fileState, open.control == nil else {
            sink.report(
                ACHDiagnostics.unexpectedRecord(
                    "file control record", reason: "without a file header before it; ignored", at: record.location))
            return
        }
        _ = compare(record, 2, 7, "ach.file-batches", "batches in the file", Int64(open.batches), into: &sink)
        _ = compare(
            record, 14, 21, "ach.file-count", "entry and addenda records of the file", open.entryAddendaCount,
            into: &sink)
        _ = compare(
            record, 22, 31, "ach.file-hash", "entry hash of the file", open.entryHash % Self.hashModulus, into: &sink)
        _ = compare(record, 32, 43, "ach.file-debits", "debit total of the file", open.debits, into: &sink)
        _ = compare(record, 44, 55, "ach.file-credits", "credit total of the file", open.credits, into: &sink)
        fileState?.control = record.location
        fileState?.controlBlocks = record.number(8, 13)
        fileState?.controlBlocksField = record.at(8, 13)
    }

    /// Checks the file control's block count once the filler records after it have been read.
    ///
    /// - Parameter lastRecord: the number of the file's last record, filler included.
    func checkBlocks<Sink: RecordSink>(_ open: FileState, lastRecord: Int, into sink: inout Sink) {
        guard let stated = open.controlBlocks, let field = open.controlBlocksField else { return }
        let records = lastRecord - open.firstRecord + 1
        let blocks = Int64((records + 9) / 10)
        if stated != blocks {
            sink.report(
                ACHDiagnostics.controlMismatch(
                    "ach.file-blocks", what: "blocks of 10 records in the file", stated: String(stated),
                    computed: "\(blocks) (\(records) records)", at: field))
        }
    }

    /// Compares columns `first...last` of a control record with what the records add up to.
    ///
    /// - Returns: the stated figure, or the computed one when the field is not a number.
    private func compare<Sink: RecordSink>(
        _ record: ACHRecord, _ first: Int, _ last: Int, _ code: String, _ what: String, _ computed: Int64,
        into sink: inout Sink
    ) -> Int64 {
        guard let stated = record.number(first, last) else {
            sink.report(ACHDiagnostics.badNumber(what, value: record.raw(first, last), at: record.at(first, last)))
            return computed
        }
        if stated != computed {
            let isMoney = code.hasSuffix("debits") || code.hasSuffix("credits")
            func show(_ value: Int64) -> String {
                isMoney ? Money(FixedDecimal(units: value, scale: 2), Currency.defaultCode).description : String(value)
            }
            sink.report(
                ACHDiagnostics.controlMismatch(
                    code, what: what, stated: show(stated), computed: show(computed), at: record.at(first, last)))
        }
        return stated
    }
}
