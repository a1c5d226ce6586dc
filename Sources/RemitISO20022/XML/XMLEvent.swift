/// One node the reading thread saw, as the parser consumes it: element starts and ends with their line,
/// text, and the boundaries of documents.
///
/// Bytes (text, a `Ccy` value, a namespace) live in the chunk that carries the event.
struct XMLEvent {
    enum Kind: UInt8 {
        case start
        case end
        case text
        /// A further document of the same file begins.
        case startOfDocument
        case endOfDocument
        /// Reading stopped; the chunk holds why.
        case failure
        /// Nothing more will come.
        case endOfInput
    }

    /// Where an event's bytes sit in its chunk; `count` is -1 for no value at all.
    struct ByteRange {
        var start: Int32
        var count: Int32

        static let none = ByteRange(start: 0, count: -1)
    }

    var kind: Kind
    var tag: ISOTag = .other
    var isEmpty = false
    /// The line of a start in the file, counting the lines of earlier documents. An end closes the innermost
    /// open element and carries nothing: the parser knows that element's name and line already.
    var line = 0
    /// libxml2's interned name; valid until the chunk that retires its stream has been read.
    var pointer: UnsafeRawPointer?
    /// The text of a text event; the `Ccy` attribute of an amount's start.
    var value = ByteRange.none
    /// The namespace URI of the root and of `Document` starts.
    var namespace = ByteRange.none

    var name: XMLName { XMLName(tag: tag, pointer: pointer) }
}
