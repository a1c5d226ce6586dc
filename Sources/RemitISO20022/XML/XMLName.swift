import Glibc

/// An element's local name: the known tag, and libxml2's interned name for anything else.
struct XMLName {
    var tag: ISOTag
    /// Interned by libxml2's dictionary, valid as long as the stream that read the element.
    var pointer: UnsafeRawPointer?

    /// The name as written, for paths in messages.
    var text: String {
        if tag != .other { return tag.name }
        guard let pointer else { return "?" }
        return String(cString: pointer.assumingMemoryBound(to: CChar.self))
    }

    /// Appends the name's UTF-8 to `bytes`, without building a string.
    static func appendText(of name: XMLName, to bytes: inout [UInt8]) {
        if name.tag != .other {
            bytes.append(contentsOf: name.tag.name.utf8)
        } else if let pointer = name.pointer {
            bytes.append(
                contentsOf: UnsafeRawBufferPointer(
                    start: pointer, count: strlen(pointer.assumingMemoryBound(to: CChar.self))))
        } else {
            bytes.append(UInt8(ascii: "?"))
        }
    }
}
