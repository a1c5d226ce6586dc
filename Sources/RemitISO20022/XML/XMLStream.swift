internal import CLibXML2
import RemitCore

/// The only door to libxml2: a pull reader over a byte source that hands out element starts, ends and text.
///
/// The reader is set up for hostile input: no network, no DTD loading, no entity substitution, and any
/// document type declaration is refused before an entity can be used. libxml2's own limits (10 MB per text
/// node, 256 levels of nesting) stay on. Parse errors are captured, never printed. White space between
/// elements is dropped by libxml2 itself (ISO 20022 has no mixed content), which spares a node per line.
final class XMLStream {
    enum Node {
        case start(XMLName, isEmpty: Bool)
        /// The innermost open element ends; well-formedness makes its name the start's.
        case end
        case text
        case endOfDocument
    }

    /// Where a failure was found: line and column as libxml2 counts them (columns in bytes from 1), and the
    /// byte offset from the start of the file.
    struct Position {
        var line: Int
        var column: Int
        var byteOffset: Int64
    }

    /// What libxml2 reported when it stopped.
    struct ParseError {
        var message: String
        var position: Position
    }

    private let reader: xmlTextReaderPtr
    /// Lines of the documents before this one in the same file, added to every line reported.
    let lineOffset: Int
    /// Bytes of the file before this document, added to every byte offset reported.
    private let byteOffset: Int64
    private let source: ByteSource
    private let errors: ErrorBox
    private let sourceBox: Unmanaged<ByteSource>
    private let errorBox: Unmanaged<ErrorBox>
    /// Open-addressing table from libxml2's interned name pointers to tags: a lookup per element, no hashing
    /// of strings and no `Hasher`.
    private let slots: [UnsafeRawPointer?]
    private let slotTags: [ISOTag]
    private static let tableSize = 1024

    /// libxml2 set up once, on the thread that first reads, before any reading thread starts.
    static let libraryReady: Void = xmlInitParser()

    /// Pulls bytes from `source` as libxml2 asks for them.
    ///
    /// - Parameter lineOffset: lines of earlier documents in the same file (see `ByteSource`).
    /// - Throws: `Failure.start` when libxml2 cannot even start a reader.
    init(source: ByteSource, url: String, lineOffset: Int = 0) throws(Failure) {
        self.source = source
        self.lineOffset = lineOffset
        byteOffset = source.documentStart
        errors = ErrorBox()
        sourceBox = Unmanaged.passRetained(source)
        errorBox = Unmanaged.passRetained(errors)
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
                | XML_PARSE_NOBLANKS.rawValue)
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer else { return -1 }
            let source = Unmanaged<ByteSource>.fromOpaque(context).takeUnretainedValue()
            return Int32(source.read(into: UnsafeMutableRawPointer(buffer), max: Int(length)))
        }
        guard let reader = xmlReaderForIO(read, nil, sourceBox.toOpaque(), url, nil, options) else {
            sourceBox.release()
            errorBox.release()
            throw .start
        }
        self.reader = reader
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            guard box.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let text = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
            var fault = Fault(message: text.split(whereSeparator: \.isNewline).joined(separator: "; "))
            // libxml2 checks an entity's text with a parser of its own, which counts from the entity and names
            // no file; the document parser's line and column, taken when reading fails, are then the place.
            if error.pointee.file != nil, let parser = error.pointee.ctxt {
                // The parser still stands at the fault here; by the time reading fails it may have read on.
                let consumed = Int64(xmlByteConsumed(parser.assumingMemoryBound(to: xmlParserCtxt.self)))
                fault.place = (Int(error.pointee.line), Int(error.pointee.int2), consumed)
            }
            box.first = fault
        }
        xmlTextReaderSetStructuredErrorHandler(reader, handler, errorBox.toOpaque())
        // Errors raised without a parser (a failed encoding conversion) skip the reader's handler and go to
        // this thread's: libxml2 would print them on stderr, outside the diagnostics. The reading stops on
        // them anyway, and the reader's handler then gets the parser's own error to report.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        var slots = [UnsafeRawPointer?](repeating: nil, count: Self.tableSize)
        var slotTags = [ISOTag](repeating: .other, count: Self.tableSize)
        for tag in ISOTag.allCases where tag != .other {
            if let interned = xmlTextReaderConstString(reader, tag.name) {
                var slot = Self.slot(of: UnsafeRawPointer(interned))
                while slots[slot] != nil { slot = (slot + 1) & (Self.tableSize - 1) }
                slots[slot] = UnsafeRawPointer(interned)
                slotTags[slot] = tag
            }
        }
        self.slots = slots
        self.slotTags = slotTags
    }

    deinit {
        xmlFreeTextReader(reader)
        sourceBox.release()
        errorBox.release()
    }

    /// The next node that matters: element starts and ends, and text. Comments, processing instructions and
    /// white space between elements are skipped.
    ///
    /// - Throws: `Failure` for a parse error, a document type declaration, an entity reference, or a source
    ///   that could not be read.
    func next() throws(Failure) -> Node {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return .endOfDocument }
            if status < 0 {
                if let error = source.failure { throw .source(error) }
                var position = parserPosition
                var message = "malformed XML"
                if let fault = errors.first {
                    message = fault.message
                    if let (line, column, consumed) = fault.place, line > 0 {
                        position = Position(line: line + lineOffset, column: column, byteOffset: byteOffset + consumed)
                    } else {
                        position.byteOffset = 0  // unknown: libxml2's count for an entity is not the file's
                    }
                }
                throw .parse(ParseError(message: message, position: position))
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return .start(currentName, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                return .text
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw .forbidden("a document type declaration (DOCTYPE)", at: parserPosition)
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw .forbidden("an entity reference", at: parserPosition)
            default:
                continue
            }
        }
    }

    /// Why reading stopped.
    enum Failure: Error {
        case parse(ParseError)
        case forbidden(String, at: Position)
        case source(any Error)
        /// libxml2 returned no reader at all (out of memory).
        case start
    }

    private var currentName: XMLName {
        guard let local = xmlTextReaderConstLocalName(reader) else { return XMLName(tag: .other, pointer: nil) }
        let pointer = UnsafeRawPointer(local)
        var slot = Self.slot(of: pointer)
        while let candidate = slots[slot] {
            if candidate == pointer { return XMLName(tag: slotTags[slot], pointer: pointer) }
            slot = (slot + 1) & (Self.tableSize - 1)
        }
        return XMLName(tag: .other, pointer: pointer)
    }

    private static func slot(of pointer: UnsafeRawPointer) -> Int {
        let bits = UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: bits >> 54)
    }

    /// Calls `body` with the current text node's UTF-8 bytes and their count.
    func withText<Result>(_ body: (UnsafePointer<UInt8>, Int) -> Result) -> Result? {
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        return body(value, Int(xmlStrlen(value)))
    }

    /// Calls `body` with the current element's `Ccy` attribute (ignoring any prefix), if it has one.
    func withCurrency<Result>(_ body: (UnsafePointer<UInt8>, Int) -> Result) -> Result? {
        guard xmlTextReaderMoveToAttribute(reader, Self.currencyAttribute.utf8Start) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        return body(value, Int(xmlStrlen(value)))
    }

    /// A literal's bytes are static and end in a NUL, as libxml2 wants its names.
    private static let currencyAttribute: StaticString = "Ccy"

    /// Calls `body` with the current element's namespace URI, if it has one.
    func withNamespaceURI<Result>(_ body: (UnsafePointer<UInt8>, Int) -> Result) -> Result? {
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return nil }
        return body(uri, Int(xmlStrlen(uri)))
    }

    /// The line of the current node: exact for elements up to line 65,535, the parser's position (at most a
    /// few hundred bytes ahead) beyond.
    ///
    /// - Parameter pastShortLines: the caller's note that a node past line 65,535 was met. Nodes come in
    ///   document order, so every later one is past it too and its own stored line need not be looked at.
    func line(pastShortLines: inout Bool) -> Int {
        if !pastShortLines, let node = xmlTextReaderCurrentNode(reader) {
            let stored = Int(node.pointee.line)
            if stored > 0 && stored < 65_535 { return stored + lineOffset }
            if stored == 65_535 { pastShortLines = true }
        }
        return parserLine + lineOffset
    }

    /// The parser's current line in this document, without the offset: at the end, the document's last line.
    var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Where the parser stands in the file: just past what it refused.
    private var parserPosition: Position {
        let consumed = Int64(xmlTextReaderByteConsumed(reader))
        return Position(
            line: parserLine + lineOffset, column: Int(xmlTextReaderGetParserColumnNumber(reader)),
            byteOffset: byteOffset + max(0, consumed))
    }

    /// What libxml2 reported first: its message and, when it was found in the file itself, the line, column
    /// and bytes consumed there.
    private struct Fault {
        var message: String
        var place: (line: Int, column: Int, consumed: Int64)?
    }

    /// Collects the first error libxml2 reports through the structured handler.
    private final class ErrorBox {
        var first: Fault?
    }
}
