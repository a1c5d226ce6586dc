internal import CLibXML2
import RemitCore

/// The only door to libxml2: a pull reader over a byte source that hands out element starts, ends and text.
///
/// The reader is set up for hostile input: no network, no DTD loading, no entity substitution, and any
/// document type declaration is refused before an entity can be used. libxml2's own limits (10 MB per text
/// node, 256 levels of nesting) stay on. Parse errors are captured, never printed.
final class XMLStream {
    enum Node {
        case start(XMLName, isEmpty: Bool)
        case end(XMLName)
        case text
        case endOfDocument
    }

    /// What libxml2 reported when it stopped.
    struct ParseError {
        var message: String
        var line: Int
        var column: Int
    }

    private let reader: xmlTextReaderPtr
    /// Lines of the documents before this one in the same file, added to every line reported.
    let lineOffset: Int
    private let source: ByteSource
    private let errors: ErrorBox
    private let sourceBox: Unmanaged<ByteSource>
    private let errorBox: Unmanaged<ErrorBox>
    /// Open-addressing table from libxml2's interned name pointers to tags: a lookup per element, no hashing
    /// of strings and no `Hasher`.
    private let slots: [UnsafeRawPointer?]
    private let slotTags: [ISOTag]
    private static let tableSize = 1024

    /// Pulls bytes from `source` as libxml2 asks for them.
    ///
    /// - Parameter lineOffset: lines of earlier documents in the same file (see `ByteSource`).
    /// - Throws: `StartFailure` when libxml2 cannot even start a reader.
    init(source: ByteSource, url: String, lineOffset: Int = 0) throws(StartFailure) {
        self.source = source
        self.lineOffset = lineOffset
        errors = ErrorBox()
        sourceBox = Unmanaged.passRetained(source)
        errorBox = Unmanaged.passRetained(errors)
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer else { return -1 }
            let source = Unmanaged<ByteSource>.fromOpaque(context).takeUnretainedValue()
            return Int32(source.read(into: UnsafeMutableRawPointer(buffer), max: Int(length)))
        }
        guard let reader = xmlReaderForIO(read, nil, sourceBox.toOpaque(), url, nil, options) else {
            sourceBox.release()
            errorBox.release()
            throw StartFailure()
        }
        self.reader = reader
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            guard box.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let text = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
            box.first = ParseError(
                message: text.split(whereSeparator: \.isNewline).joined(separator: "; "),
                line: Int(error.pointee.line), column: Int(error.pointee.int2))
        }
        xmlTextReaderSetStructuredErrorHandler(reader, handler, errorBox.toOpaque())
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

    /// libxml2 returned no reader at all (out of memory).
    struct StartFailure: Error {}

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
                var error = errors.first ?? ParseError(message: "malformed XML", line: parserLine, column: parserColumn)
                error.line += lineOffset
                throw .parse(error)
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return .start(currentName, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(currentName)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                return .text
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw .forbidden("a document type declaration (DOCTYPE)", line: line)
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw .forbidden("an entity reference", line: line)
            default:
                continue
            }
        }
    }

    /// Why reading stopped.
    enum Failure: Error {
        case parse(ParseError)
        case forbidden(String, line: Int)
        case source(any Error)
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

    /// Appends the current text node's UTF-8 bytes to `buffer`.
    func appendText(to buffer: inout [UInt8]) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        let count = Int(xmlStrlen(value))
        buffer.append(contentsOf: UnsafeBufferPointer(start: value, count: count))
    }

    /// The current element's attribute with local name `name` (ignoring any prefix), e.g. `Ccy`.
    func attribute(_ name: String) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let value = xmlTextReaderConstValue(reader) else { return nil }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }

    /// The current element's namespace URI, if it has one.
    var namespaceURI: String? {
        guard let uri = xmlTextReaderConstNamespaceUri(reader) else { return nil }
        return String(cString: UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self))
    }

    /// The line of the current node: exact for elements up to line 65,535, the parser's position (at most a
    /// few hundred bytes ahead) beyond.
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let stored = Int(node.pointee.line)
            if stored > 0 && stored < 65_535 { return stored + lineOffset }
        }
        return parserLine + lineOffset
    }

    /// The parser's current line in this document, without the offset: at the end, the document's last line.
    var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    private var parserColumn: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// Text of an element name, for paths in messages.
    static func text(of name: XMLName) -> String {
        if name.tag != .other { return name.tag.name }
        guard let pointer = name.pointer else { return "?" }
        return String(cString: pointer.assumingMemoryBound(to: CChar.self))
    }

    /// Collects the first error libxml2 reports through the structured handler.
    private final class ErrorBox {
        var first: ParseError?
    }
}
