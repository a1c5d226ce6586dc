/// One node the reading thread saw, as the parser consumes it: element starts with their line, ends, text,
/// and the boundaries of documents.
///
/// Twenty-four bytes, so that a deep queue of them stays small, and element ends ride on the next event
/// (`endsBefore`) rather than taking one each: most events are starts and their text. Bytes (text, a `Ccy`
/// value, a namespace) live in the batch that carries the event.
struct XMLEvent {
    enum Kind: UInt8 {
        case start
        /// Only ends (`endsBefore` of them), when too many come in a row to ride on the next event.
        case end
        case text
        /// A further document of the same file begins.
        case startOfDocument
        case endOfDocument
        /// Reading stopped; the batch holds why.
        case failure
        /// Nothing more will come.
        case endOfInput
    }

    /// libxml2's interned name of a start; valid until the batch that retires its stream has been read.
    var pointer: UnsafeRawPointer?
    /// Where the event's bytes start in the batch, and how many there are (-1: none at all).
    private var valueStart: UInt32 = 0
    private var valueCount: Int32 = -1
    private var storedLine: UInt32 = 0
    var kind: Kind
    var tag: ISOTag = .other
    private var flags: UInt8 = 0
    /// How many open elements end before this event, innermost first. An end carries nothing else: the
    /// parser knows each open element's name and line already.
    var endsBefore: UInt8 = 0

    /// The most ends one event carries; more in a row go into `end` events of their own.
    static let maximumEnds = Int(UInt8.max)

    private static let emptyFlag: UInt8 = 1
    private static let namespaceFlag: UInt8 = 2

    init(kind: Kind) {
        self.kind = kind
    }

    /// A start; `line` counts the lines of earlier documents of the file too (kept up to 4,294,967,295).
    init(start name: XMLName, isEmpty: Bool, line: Int) {
        kind = .start
        tag = name.tag
        pointer = name.pointer
        storedLine = UInt32(clamping: line)
        flags = isEmpty ? Self.emptyFlag : 0
    }

    var isEmpty: Bool { flags & Self.emptyFlag != 0 }
    var line: Int { Int(storedLine) }
    var name: XMLName { XMLName(tag: tag, pointer: pointer) }

    /// The bytes of a text event, the `Ccy` attribute of an amount's start, or the namespace URI of the root
    /// or a `Document` start (see `holdsNamespace`): where they are in the batch.
    var value: Range<Int>? { valueCount < 0 ? nil : Int(valueStart)..<(Int(valueStart) + Int(valueCount)) }

    /// True when `value` is a start's namespace URI rather than its `Ccy`. Only the root and `Document` keep
    /// their namespace, and the parser reads currencies only inside a recognised message, so one value is
    /// enough.
    var holdsNamespace: Bool { flags & Self.namespaceFlag != 0 }

    mutating func setValue(_ range: Range<Int>?, isNamespace: Bool = false) {
        guard let range else { return }
        valueStart = UInt32(range.lowerBound)
        valueCount = Int32(range.count)
        if isNamespace { flags |= Self.namespaceFlag } else { flags &= ~Self.namespaceFlag }
    }
}
