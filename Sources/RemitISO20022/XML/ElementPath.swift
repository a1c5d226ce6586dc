/// The open elements from the root down, with each one's position among same-named siblings.
///
/// Repeated siblings in ISO 20022 messages are always adjacent (the schemas are sequences), so counting a run
/// of equal names is enough to number them.
struct ElementPath {
    struct Frame {
        var name: XMLName
        /// 1-based among the adjacent siblings of the same name.
        var index: Int
        /// The last child opened under this element and how many of that name came in a row.
        var lastChild: UnsafeRawPointer?
        var lastChildCount = 0
    }

    private(set) var frames: [Frame] = []
    /// `texts[i]` is the path text down to `frames[i]`, valid for the first `validTexts` frames; records of one
    /// entry share a long prefix, so building it once per level keeps paths cheap.
    private var texts: [String] = []
    private var validTexts = 0

    init() {
        frames.reserveCapacity(64)
        texts.reserveCapacity(64)
    }

    var depth: Int { frames.count }

    /// The innermost open element's tag, `other` at the top.
    var top: ISOTag { frames.last?.name.tag ?? .other }

    mutating func push(_ name: XMLName) {
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
        frames.append(Frame(name: name, index: index))
        validTexts = min(validTexts, frames.count - 1)
    }

    mutating func pop() {
        frames.removeLast()
        validTexts = min(validTexts, frames.count)
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
        while validTexts < frames.count {
            let frame = frames[validTexts]
            let prefix = validTexts > 0 ? texts[validTexts - 1] : ""
            let name = XMLStream.text(of: frame.name)
            var part = ""
            part.reserveCapacity(prefix.utf8.count + name.utf8.count + 8)
            part += prefix
            part += "/"
            part += name
            if frame.name.tag.isRepeatable {
                part += "["
                part += String(frame.index)
                part += "]"
            }
            if validTexts < texts.count { texts[validTexts] = part } else { texts.append(part) }
            validTexts += 1
        }
        return frames.isEmpty ? "" : texts[frames.count - 1]
    }
}
