/// The open elements from the root down, with each one's position among same-named siblings.
///
/// Repeated siblings in ISO 20022 messages are always adjacent (the schemas are sequences), so counting a run
/// of equal names is enough to number them.
struct ElementPath {
    struct Frame {
        var name: XMLName
        /// The line of the element's start tag.
        var line: Int
        /// 1-based among the adjacent siblings of the same name.
        var index: Int
        /// The last child opened under this element and how many of that name came in a row.
        var lastChild: UnsafeRawPointer?
        var lastChildCount = 0
    }

    private(set) var frames: [Frame] = []
    /// UTF-8 of the path text down to `frames[i]` ends at `ends[i]`, for the first `validLevels` frames.
    /// Records of one entry share a long prefix, so only the levels that changed are written again.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var validLevels = 0

    init() {
        frames.reserveCapacity(64)
        bytes.reserveCapacity(512)
        ends.reserveCapacity(64)
    }

    var depth: Int { frames.count }

    /// The innermost open element's tag, `other` at the top.
    var top: ISOTag { frames.last?.name.tag ?? .other }

    /// The innermost open element's name: the one an end event closes.
    var topName: XMLName { frames.last?.name ?? XMLName(tag: .other, pointer: nil) }

    /// The line of the innermost open element's start tag, 0 at the top.
    var line: Int { frames.last?.line ?? 0 }

    mutating func push(_ name: XMLName, line: Int) {
        var index = 1
        if !frames.isEmpty {
            let parent = frames.count - 1
            if frames[parent].lastChild == name.pointer && name.pointer != nil {
                frames[parent].lastChildCount += 1
            } else {
                frames[parent].lastChild = name.pointer
                frames[parent].lastChildCount = 1
            }
            index = frames[parent].lastChildCount
        }
        frames.append(Frame(name: name, line: line, index: index))
        if validLevels > frames.count - 1 { validLevels = frames.count - 1 }
    }

    mutating func pop() {
        frames.removeLast()
        if validLevels > frames.count { validLevels = frames.count }
    }

    /// The tag `levels` above the innermost element (0 is the innermost itself).
    func tag(_ levels: Int) -> ISOTag {
        let position = frames.count - 1 - levels
        return position >= 0 ? frames[position].name.tag : .other
    }

    /// Whether the innermost elements are `a`, `b` (outermost first): `endsWith(.ntry, .amt)`.
    ///
    /// Fixed arities rather than a variadic list: these run for every leaf, and a variadic call allocates.
    func endsWith(_ a: ISOTag, _ b: ISOTag) -> Bool { tag(1) == a && tag(0) == b }

    func endsWith(_ a: ISOTag, _ b: ISOTag, _ c: ISOTag) -> Bool { tag(2) == a && tag(1) == b && tag(0) == c }

    func endsWith(_ a: ISOTag, _ b: ISOTag, _ c: ISOTag, _ d: ISOTag) -> Bool {
        tag(3) == a && tag(2) == b && tag(1) == c && tag(0) == d
    }

    /// `/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[3]/Amt`.
    mutating func text() -> String {
        bytes.removeSubrange((validLevels > 0 ? ends[validLevels - 1] : 0)...)
        while validLevels < frames.count {
            let frame = frames[validLevels]
            bytes.append(UInt8(ascii: "/"))
            XMLName.appendText(of: frame.name, to: &bytes)
            if frame.name.tag.isRepeatable {
                bytes.append(UInt8(ascii: "["))
                Self.appendDecimal(frame.index, to: &bytes)
                bytes.append(UInt8(ascii: "]"))
            }
            if validLevels < ends.count { ends[validLevels] = bytes.count } else { ends.append(bytes.count) }
            validLevels += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }
}
