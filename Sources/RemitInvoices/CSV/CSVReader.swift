import RemitCore

/// Splits RFC 4180 CSV into records, fed one chunk of bytes at a time.
///
/// Handles quoted fields with embedded separators, doubled quotes and line breaks; CRLF, LF and lone CR
/// line ends; a UTF-8 byte order mark; a last record without a line end; and an Excel `sep=X` first line.
/// Only the record in progress is kept, so memory does not grow with the file, and a record may span
/// any number of chunks. Malformed input is reported as a `Diagnostic` pointing at the offending byte,
/// and reading goes on.
///
/// ```swift
/// var reader = CSVReader(file: path, options: .init(separator: UInt8(ascii: ";")))
/// try FileReader(path: path).forEachChunk { chunk in reader.consume(chunk) { event in handle(event) } }
/// reader.finish { event in handle(event) }
/// ```
public struct CSVReader {
    /// What the reader hands back, in file order.
    public enum Event: Sendable, Hashable {
        /// A record. Blank lines come as a record with one empty field.
        case row(CSVRow)
        /// A problem, reported before the record it concerns.
        case diagnostic(Diagnostic)
        /// A first line `sep=X`; the reader switched to separator X for the rest of the file.
        case separatorLine(separator: UInt8, row: CSVRow)
    }

    /// How the file is written.
    public struct Options: Sendable, Hashable {
        public var separator: UInt8
        public var encoding: TextEncoding
        /// A record longer than this is reported and dropped, so an unclosed quote cannot use unbounded memory.
        public var maxRecordBytes: Int
        /// Whether a first line `sep=X` (as Excel writes) switches the separator.
        public var recognizesSeparatorLine: Bool

        public init(
            separator: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8, maxRecordBytes: Int = 1 << 20,
            recognizesSeparatorLine: Bool = true
        ) {
            self.separator = separator
            self.encoding = encoding
            self.maxRecordBytes = maxRecordBytes
            self.recognizesSeparatorLine = recognizesSeparatorLine
        }
    }

    private enum State {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted, skipping
    }

    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The path diagnostics name.
    public let file: String
    public private(set) var options: Options

    // Position of the next byte.
    private var offset: Int64 = 0
    private var line = 1
    private var lineStart: Int64 = 0
    private var previousWasCR = false

    private var bomPending: [UInt8] = []
    private var bomResolved = false
    private var swallowLineFeed = false

    private var state = State.recordStart
    private var recordCount = 0
    private var recordStart = CSVPosition(line: 1, column: 1, byteOffset: 0)
    private var recordBytes = 0
    private var recordMalformed = false
    private var fieldStart = CSVPosition(line: 1, column: 1, byteOffset: 0)
    private var fieldBytes: [UInt8] = []
    private var fields: [String] = []
    private var fieldStarts: [CSVPosition] = []

    public init(file: String, options: Options = Options()) {
        self.file = file
        self.options = options
    }

    /// Total bytes consumed so far.
    public var bytesConsumed: Int64 { offset + Int64(bomPending.count) }

    /// Reads one chunk; calls `handler` for every record and diagnostic completed by it.
    ///
    /// The reader copies what it needs, so the chunk's memory may be reused once this returns.
    public mutating func consume(_ chunk: UnsafeRawBufferPointer, _ handler: (Event) throws -> Void) rethrows {
        for byte in chunk {
            if bomResolved {
                try step(byte, handler)
            } else {
                try checkByteOrderMark(byte, handler)
            }
        }
    }

    /// Reads bytes from any collection; see `consume(_:_:)`.
    public mutating func consume<Bytes: Sequence>(
        bytes: Bytes, _ handler: (Event) throws -> Void
    ) rethrows where Bytes.Element == UInt8 {
        for byte in bytes {
            if bomResolved {
                try step(byte, handler)
            } else {
                try checkByteOrderMark(byte, handler)
            }
        }
    }

    /// Ends the input: completes a last record that has no line end, and reports an unclosed quote.
    public mutating func finish(_ handler: (Event) throws -> Void) rethrows {
        if !bomResolved { try replayPendingBytes(handler) }
        let end = position(of: offset)
        switch state {
        case .recordStart:
            return
        case .skipping:
            try emitTruncatedRecord(handler)
        case .quoted:
            try report(unterminatedQuote(), handler)
            try endField(handler)
            try endRecord(handler)
        case .fieldStart:
            // After a separator at the very end: the record ends with an empty field.
            fieldStart = end
            try endField(handler)
            try endRecord(handler)
        case .unquoted, .quoteInQuoted:
            try endField(handler)
            try endRecord(handler)
        }
        state = .recordStart
    }

    // MARK: - Byte order mark

    private mutating func checkByteOrderMark(_ byte: UInt8, _ handler: (Event) throws -> Void) rethrows {
        bomPending.append(byte)
        if CSVReader.byteOrderMark.starts(with: bomPending) {
            if bomPending.count == CSVReader.byteOrderMark.count {
                bomPending.removeAll()
                bomResolved = true
                offset = 3
                lineStart = 3
            }
            return
        }
        try replayPendingBytes(handler)
    }

    private mutating func replayPendingBytes(_ handler: (Event) throws -> Void) rethrows {
        bomResolved = true
        let pending = bomPending
        bomPending.removeAll()
        for byte in pending { try step(byte, handler) }
    }

    // MARK: - The state machine

    private func position(of byteOffset: Int64) -> CSVPosition {
        CSVPosition(line: line, column: Int(byteOffset - lineStart) + 1, byteOffset: byteOffset)
    }

    private mutating func step(_ byte: UInt8, _ handler: (Event) throws -> Void) rethrows {
        let here = offset
        defer { advance(past: byte, at: here) }
        if swallowLineFeed {
            swallowLineFeed = false
            if byte == CSVReader.lineFeed { return }
        }
        let isLineEnd = byte == CSVReader.carriageReturn || byte == CSVReader.lineFeed
        switch state {
        case .skipping:
            if isLineEnd {
                try emitTruncatedRecord(handler)
                swallowLineFeed = byte == CSVReader.carriageReturn
                state = .recordStart
            }
            return
        case .recordStart:
            recordCount += 1
            recordStart = position(of: here)
            recordBytes = 0
            recordMalformed = false
            state = .fieldStart
        default:
            break
        }
        recordBytes += 1
        if recordBytes > options.maxRecordBytes {
            try report(recordTooLong(), handler)
            fields.removeAll()
            fieldStarts.removeAll()
            fieldBytes.removeAll(keepingCapacity: true)
            state = .skipping
            if isLineEnd {
                try emitTruncatedRecord(handler)
                swallowLineFeed = byte == CSVReader.carriageReturn
                state = .recordStart
            }
            return
        }
        switch state {
        case .fieldStart:
            fieldStart = position(of: here)
            if byte == CSVReader.quote {
                state = .quoted
            } else if byte == options.separator {
                try endField(handler)
            } else if isLineEnd {
                try endField(handler)
                try endRecord(handler)
                swallowLineFeed = byte == CSVReader.carriageReturn
            } else {
                fieldBytes.append(byte)
                state = .unquoted
            }
        case .unquoted:
            if byte == options.separator {
                try endField(handler)
                state = .fieldStart
            } else if isLineEnd {
                try endField(handler)
                try endRecord(handler)
                swallowLineFeed = byte == CSVReader.carriageReturn
            } else {
                if byte == CSVReader.quote { try report(quoteInUnquotedField(at: position(of: here)), handler) }
                fieldBytes.append(byte)
            }
        case .quoted:
            if byte == CSVReader.quote {
                state = .quoteInQuoted
            } else {
                fieldBytes.append(byte)
            }
        case .quoteInQuoted:
            if byte == CSVReader.quote {
                fieldBytes.append(byte)
                state = .quoted
            } else if byte == options.separator {
                try endField(handler)
                state = .fieldStart
            } else if isLineEnd {
                try endField(handler)
                try endRecord(handler)
                swallowLineFeed = byte == CSVReader.carriageReturn
            } else {
                try report(characterAfterClosingQuote(byte, at: position(of: here)), handler)
                fieldBytes.append(byte)
                state = .unquoted
            }
        case .recordStart, .skipping:
            break
        }
    }

    /// Moves the position past `byte`; CR, LF and CRLF each end one line.
    private mutating func advance(past byte: UInt8, at here: Int64) {
        offset = here + 1
        if byte == CSVReader.carriageReturn {
            line += 1
            lineStart = offset
            previousWasCR = true
        } else if byte == CSVReader.lineFeed {
            if !previousWasCR { line += 1 }
            lineStart = offset
            previousWasCR = false
        } else {
            previousWasCR = false
        }
    }

    private mutating func report(_ diagnostic: Diagnostic, _ handler: (Event) throws -> Void) rethrows {
        if diagnostic.severity == .error { recordMalformed = true }
        try handler(.diagnostic(diagnostic))
    }

    private mutating func endField(_ handler: (Event) throws -> Void) rethrows {
        let (text, invalidAt) = options.encoding.decode(fieldBytes)
        if let invalidAt {
            try report(invalidUTF8(at: fieldStart, index: invalidAt), handler)
        }
        fields.append(text)
        fieldStarts.append(fieldStart)
        fieldBytes.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRecord(_ handler: (Event) throws -> Void) rethrows {
        let row = CSVRow(
            index: recordCount, start: recordStart, fields: fields, fieldStarts: fieldStarts,
            isMalformed: recordMalformed)
        fields.removeAll(keepingCapacity: true)
        fieldStarts.removeAll(keepingCapacity: true)
        state = .recordStart
        if recordCount == 1, options.recognizesSeparatorLine, !recordMalformed, let separator = separatorLine(row) {
            options.separator = separator
            try handler(.separatorLine(separator: separator, row: row))
            return
        }
        try handler(.row(row))
    }

    private mutating func emitTruncatedRecord(_ handler: (Event) throws -> Void) rethrows {
        let row = CSVRow(index: recordCount, start: recordStart, fields: [], fieldStarts: [], isMalformed: true)
        try handler(.row(row))
    }

    /// The separator a `sep=X` record names, or nil when the record is something else.
    private func separatorLine(_ row: CSVRow) -> UInt8? {
        let text = Array(row.fields.joined(separator: String(UnicodeScalar(options.separator))).utf8)
        guard text.count == 5, text.starts(with: Array("sep=".utf8)) else { return nil }
        let separator = text[4]
        guard separator < 0x80, separator != CSVReader.quote else { return nil }
        return separator
    }

    // MARK: - Diagnostics

    private func location(_ position: CSVPosition) -> SourceLocation {
        SourceLocation(
            file: file, line: position.line, column: position.column, byteOffset: position.byteOffset,
            segmentIndex: recordCount, indexUnit: .row)
    }

    private func quoteInUnquotedField(at position: CSVPosition) -> Diagnostic {
        Diagnostic(
            .error, code: "csv.quote-in-field", "quote character inside a field that does not start with a quote",
            at: location(position),
            hint: "a field containing quotes must be quoted as a whole, with each inner quote doubled")
    }

    private func characterAfterClosingQuote(_ byte: UInt8, at position: CSVPosition) -> Diagnostic {
        var message = "unexpected \(CSVReader.describe(byte)) after the closing quote of a field"
        if fieldStart.line < position.line {
            // A quote left open earlier swallowed whole lines: say which, or their rows vanish unnamed.
            message +=
                " opened at \(fieldStart.line):\(fieldStart.column); lines \(recordStart.line) to \(position.line)"
                + " were read as one record"
        }
        return Diagnostic(
            .error, code: "csv.after-quote", message, at: location(position),
            hint: "a closing quote must be followed by the separator or a line end; write \"\" for a quote inside")
    }

    private func unterminatedQuote() -> Diagnostic {
        Diagnostic(
            .error, code: "csv.unterminated-quote",
            "quoted field opened at \(fieldStart.line):\(fieldStart.column) is not closed before the end of the file",
            at: location(fieldStart))
    }

    private func recordTooLong() -> Diagnostic {
        Diagnostic(
            .error, code: "csv.record-too-long",
            "record is longer than \(options.maxRecordBytes) bytes; skipped to the next line end",
            at: location(recordStart), hint: "an unclosed quote earlier in the record is the usual cause")
    }

    private func invalidUTF8(at position: CSVPosition, index: Int) -> Diagnostic {
        Diagnostic(
            .warning, code: "csv.encoding",
            "field is not valid UTF-8 (byte \(index + 1) of its text); bad bytes were read as U+FFFD",
            at: location(position), hint: "if the file was saved as Windows-1252, declare that encoding in the layout")
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
