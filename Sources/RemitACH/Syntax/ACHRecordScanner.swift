import RemitCore

/// Cuts a byte stream into 94-byte NACHA records, whichever way the bytes arrive.
///
/// Records may follow each other with no separator (the format as banks transmit it) or one per line with
/// LF or CR LF endings. Only the record in progress is held. A line that ends before 94 characters is padded
/// with blanks and reported; a line longer than 94 characters is read as one record followed by a short one,
/// which is then reported in turn, unless it is only blanks (padding, as a blank line is).
struct ACHRecordScanner {
    let file: String
    private var buffer: [UInt8] = []
    private var start = SourceLocation(file: "", line: 1, column: 1, byteOffset: 0)
    /// Line and column of the next byte.
    private var line = 1
    private var column = 1
    private var offset: Int64 = 0
    private(set) var recordCount = 0
    /// Set when any line break was seen; the blocking check only applies to files without them.
    private(set) var sawLineBreak = false

    init(file: String) {
        self.file = file
        buffer.reserveCapacity(ACHRecord.length)
    }

    /// Feeds bytes, calling `body` with each complete record and each problem, in file order.
    mutating func feed(
        _ chunk: UnsafeRawBufferPointer, record: (ACHRecord) -> Void, problem: (Diagnostic) -> Void
    ) {
        for byte in chunk {
            if byte == 0x0A || byte == 0x0D {
                if !buffer.isEmpty { flushShort(record: record, problem: problem) }
                sawLineBreak = true
                offset += 1
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            if buffer.isEmpty {
                start = SourceLocation(file: file, line: line, column: column, byteOffset: offset)
            }
            buffer.append(byte)
            offset += 1
            column += 1
            if buffer.count == ACHRecord.length { emit(record: record) }
        }
    }

    /// Reports a record cut short by the end of the file. Blanks and DOS end-of-file marks (0x1A) alone are not
    /// a record.
    mutating func finish(record: (ACHRecord) -> Void, problem: (Diagnostic) -> Void) {
        guard !buffer.isEmpty else { return }
        if buffer.allSatisfy({ $0 == 0x20 || $0 == 0x1A }) {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        flushShort(record: record, problem: problem)
    }

    /// Where the next byte would be: the end of the file once everything is fed.
    var endLocation: SourceLocation {
        SourceLocation(file: file, line: line, column: column, byteOffset: offset)
    }

    private mutating func flushShort(record: (ACHRecord) -> Void, problem: (Diagnostic) -> Void) {
        // Blanks after a full record or on a line of their own hold no record: padding, not data.
        if buffer.allSatisfy({ $0 == UInt8(ascii: " ") }) {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var location = start
        location.segmentIndex = recordCount + 1
        problem(ACHDiagnostics.shortRecord(length: buffer.count, at: location))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: ACHRecord.length - buffer.count))
        emit(record: record)
    }

    private mutating func emit(record: (ACHRecord) -> Void) {
        recordCount += 1
        var location = start
        location.segmentIndex = recordCount
        record(ACHRecord(bytes: buffer, number: recordCount, location: location))
        buffer.removeAll(keepingCapacity: true)
    }
}
