import RemitCore

extension ACHReader {
    /// Handles one record in file order.
    mutating func handle<Sink: RecordSink>(_ record: ACHRecord, into sink: inout Sink) {
        sawAnything = true
        switch record.typeCode {
        case UInt8(ascii: "1"): openFile(record, into: &sink)
        case UInt8(ascii: "5"): openBatch(record, into: &sink)
        case UInt8(ascii: "6"): openEntry(record, into: &sink)
        case UInt8(ascii: "7"): addAddenda(record, into: &sink)
        case UInt8(ascii: "8"): closeBatch(record, into: &sink)
        case UInt8(ascii: "9"):
            if record.isFiller {
                if fileState == nil || fileState?.control == nil {
                    sink.report(
                        ACHDiagnostics.unexpectedRecord(
                            "filler record (all 9s)", reason: "before the file control record; ignored",
                            at: record.location))
                }
            } else {
                closeFile(record, into: &sink)
            }
        default:
            sink.report(ACHDiagnostics.unknownRecordType(record.raw(1, 1), at: record.at(1, 1)))
        }
    }

    private mutating func openFile<Sink: RecordSink>(_ record: ACHRecord, into sink: inout Sink) {
        closeEntry(into: &sink)
        if let open = batch {
            sink.report(ACHDiagnostics.missingControl("8 (batch control)", for: "batch", at: open.location))
            batch = nil
        }
        if let open = fileState {
            if open.control != nil {
                checkBlocks(open, lastRecord: record.number - 1, into: &sink)
            } else {
                sink.report(ACHDiagnostics.missingControl("9 (file control)", for: "file", at: record.location))
            }
        }
        if record.raw(35, 37) != "094" {
            sink.report(ACHDiagnostics.recordSize(record.raw(35, 37), at: record.at(35, 37)))
        }
        // The file id modifier and creation date name the file; the routing numbers name sender and receiver.
        envelope = EnvelopeKeys(
            interchangeControl: [record.text(24, 29), record.text(34, 34)].compactMap { $0 }.joined(separator: "-"),
            senderID: record.text(14, 23), receiverID: record.text(4, 13))
        fileState = FileState(location: record.location, firstRecord: record.number)
    }

    private mutating func openBatch<Sink: RecordSink>(_ record: ACHRecord, into sink: inout Sink) {
        closeEntry(into: &sink)
        if fileState == nil { sink.report(ACHDiagnostics.noFileHeader(at: record.location)) }
        if let open = batch {
            sink.report(ACHDiagnostics.missingControl("8 (batch control)", for: "batch", at: open.location))
        }
        var effective: CalendarDate?
        if !record.isBlank(70, 75) {
            effective = CalendarDate.parseCompact(record.bytes[69..<75])
            if effective == nil {
                sink.report(
                    ACHDiagnostics.badDate("effective entry date", value: record.raw(70, 75), at: record.at(70, 75)))
            }
        }
        batch = BatchState(
            location: record.location, serviceClass: record.text(2, 4), companyName: record.text(5, 20),
            companyID: record.text(41, 50), sec: record.text(51, 53) ?? "", entryDescription: record.text(54, 63),
            effectiveDate: effective, batchNumber: record.text(88, 94))
        fileState?.batches += 1
    }

    private mutating func openEntry<Sink: RecordSink>(_ record: ACHRecord, into sink: inout Sink) {
        closeEntry(into: &sink)
        guard batch != nil else {
            sink.report(
                ACHDiagnostics.unexpectedRecord(
                    "entry detail record", reason: "outside a batch (no 5 record before it); ignored",
                    at: record.location))
            return
        }
        batch!.entryAddendaCount += 1
        if let routing = record.number(4, 11) {
            batch!.entryHash += routing
        } else {
            sink.report(
                ACHDiagnostics.badNumber("receiving DFI routing number", value: record.raw(4, 11), at: record.at(4, 11))
            )
        }
        let cents = record.number(30, 39)
        if cents == nil {
            sink.report(ACHDiagnostics.badNumber("entry amount", value: record.raw(30, 39), at: record.at(30, 39)))
        }
        let code = record.raw(2, 3)
        let kind = ACHEntry.Kind(transactionCode: code)
        switch kind {
        case .credit, .prenoteCredit, .returnCredit: batch!.credits += cents ?? 0
        case .debit, .prenoteDebit, .returnDebit: batch!.debits += cents ?? 0
        case .unknown: sink.report(ACHDiagnostics.transactionCode(code, at: record.at(2, 3)))
        }
        entry = ACHEntry(record: record, kind: kind, cents: cents, batch: batch!)
    }

    private mutating func addAddenda<Sink: RecordSink>(_ record: ACHRecord, into sink: inout Sink) {
        guard batch != nil else {
            sink.report(
                ACHDiagnostics.unexpectedRecord(
                    "addenda record", reason: "outside a batch; ignored", at: record.location))
            return
        }
        batch!.entryAddendaCount += 1
        guard entry != nil else {
            sink.report(
                ACHDiagnostics.unexpectedRecord(
                    "addenda record", reason: "without an entry detail record before it; ignored",
                    at: record.location))
            return
        }
        entry!.add(record, into: &sink)
    }
}
