import RemitCore

/// One entry detail record and the addenda that followed it, held until the next record closes it.
struct ACHEntry {
    /// What the transaction code (columns 2-3) says the entry does.
    enum Kind {
        case credit, debit, prenoteCredit, prenoteDebit, returnCredit, returnDebit, unknown

        /// Reads the second digit of the code: 2 and 4 credit, 7 and 9 debit (4 and 9 are zero-dollar
        /// entries with remittance), 3 and 8 prenotes, 1 and 6 returns and notifications of change.
        init(transactionCode code: String) {
            let bytes = Array(code.utf8)
            guard bytes.count == 2, bytes[0] >= UInt8(ascii: "1"), bytes[0] <= UInt8(ascii: "5") else {
                self = .unknown
                return
            }
            switch bytes[1] {
            case UInt8(ascii: "2"), UInt8(ascii: "4"): self = .credit
            case UInt8(ascii: "7"), UInt8(ascii: "9"): self = .debit
            case UInt8(ascii: "3"): self = .prenoteCredit
            case UInt8(ascii: "8"): self = .prenoteDebit
            case UInt8(ascii: "1"): self = .returnCredit
            case UInt8(ascii: "6"): self = .returnDebit
            default: self = .unknown
            }
        }
    }

    /// One 05 addenda: its 80 characters of payment-related information and where they sit.
    struct Addenda {
        var sequence: Int
        var payload: [UInt8]
        var record: ACHRecord
    }

    static let maximumAddenda = 9999

    var record: ACHRecord
    var kind: Kind
    /// Columns 30-39; nil when not digits.
    var cents: Int64?
    var batch: ACHReader.BatchState
    var addenda: [Addenda] = []
    /// Addenda records of any type seen for this entry.
    var addendaSeen = 0
    /// Set once the entry's addenda were found out of sequence, so one disorder gives one warning.
    var sequenceReported = false

    init(record: ACHRecord, kind: Kind, cents: Int64?, batch: ACHReader.BatchState) {
        self.record = record
        self.kind = kind
        self.cents = cents
        self.batch = batch
    }

    var isCTX: Bool { batch.sec == "CTX" }

    /// Columns 80-94 as sent.
    var traceNumber: String? { record.text(80, 94) }

    /// Keeps an addenda record's payload, checking its sequence and entry numbers.
    mutating func add<Sink: RecordSink>(_ addendaRecord: ACHRecord, into sink: inout Sink) {
        addendaSeen += 1
        let type = addendaRecord.raw(2, 3)
        guard type == "05" else {
            sink.report(ACHDiagnostics.addendaType(type, at: addendaRecord.at(2, 3)))
            return
        }
        guard addenda.count < Self.maximumAddenda else {
            if addenda.count == Self.maximumAddenda {
                sink.report(ACHDiagnostics.tooManyAddenda(at: addendaRecord.location))
            }
            return
        }
        let expected = addenda.count + 1
        let sequence = addendaRecord.number(84, 87).map(Int.init)
        if sequence != expected && !sequenceReported {
            sequenceReported = true
            sink.report(
                ACHDiagnostics.addendaSequence(
                    expected: expected, found: addendaRecord.raw(84, 87), at: addendaRecord.at(84, 87)))
        }
        if let trace = traceNumber, trace.count == 15, addendaRecord.raw(88, 94) != String(trace.suffix(7)) {
            sink.report(
                ACHDiagnostics.addendaEntry(addendaRecord.raw(88, 94), trace: trace, at: addendaRecord.at(88, 94)))
        }
        addenda.append(
            Addenda(
                sequence: sequence ?? expected, payload: Array(addendaRecord.bytes[3..<83]), record: addendaRecord))
    }

    /// Reports sequence numbers that, once sorted, skip or repeat: a lost or doubled addenda.
    func checkSequenceCoverage<Sink: RecordSink>(into sink: inout Sink) {
        let numbers = orderedAddenda.map(\.sequence)
        guard !numbers.isEmpty, numbers != Array(1...numbers.count) else { return }
        sink.report(
            ACHDiagnostics.addendaGap(
                numbers.map(String.init).joined(separator: ", "), count: numbers.count, at: record.location))
    }

    /// The addenda in sequence-number order (stable for equal numbers).
    var orderedAddenda: [Addenda] {
        addenda.enumerated().sorted { ($0.element.sequence, $0.offset) < ($1.element.sequence, $1.offset) }.map(
            \.element)
    }

    /// The 05 addenda text, each right-trimmed, one per line; nil when there is none.
    var addendaText: String? {
        let lines = orderedAddenda.compactMap { addenda -> String? in
            var end = addenda.payload.count
            while end > 0 && addenda.payload[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return end == 0 ? nil : String(decoding: addenda.payload[0..<end], as: UTF8.self)
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
