/// An element's local name: the known tag, and libxml2's interned name for anything else.
struct XMLName {
    var tag: ISOTag
    /// Interned by libxml2's dictionary, valid as long as the stream.
    var pointer: UnsafeRawPointer?
}
