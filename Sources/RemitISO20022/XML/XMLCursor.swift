/// What the parser sees of the event in hand: its line, the `Ccy` of an amount, a namespace, its text.
///
/// A value the reading loop updates per event, so the hot path touches no shared object.
struct XMLCursor {
    var event = XMLEvent(kind: .startOfDocument)
    /// The bytes of the batch `event` came from.
    var bytes: [UInt8] = []

    /// The line of the current start.
    var line: Int { event.line }

    /// The current amount start's `Ccy` attribute: `previous` itself when the bytes are the same.
    func currency(reusing previous: String?) -> String? {
        guard !event.holdsNamespace, let range = event.value else { return nil }
        if let previous, previous.utf8.elementsEqual(bytes[range]) { return previous }
        return string(range)
    }

    /// The current start's namespace URI (kept for the root and `Document` only).
    var namespaceURI: String? { event.holdsNamespace ? string(event.value) : nil }

    /// Appends the current text event's bytes to `buffer`.
    func appendText(to buffer: inout [UInt8]) {
        guard let range = event.value else { return }
        buffer.append(contentsOf: bytes[range])
    }

    private func string(_ range: Range<Int>?) -> String? {
        range.map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}
