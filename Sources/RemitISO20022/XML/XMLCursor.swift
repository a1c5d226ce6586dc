/// What the parser sees of the event in hand: its line, the `Ccy` of an amount, a namespace, its text.
///
/// A value the reading loop updates per event, so the hot path touches no shared object.
struct XMLCursor {
    var event = XMLEvent(kind: .startOfDocument)
    /// The bytes of the batch `event` came from.
    var bytes: [UInt8] = []

    /// The line of the current start.
    var line: Int { event.line }

    /// The current amount start's `Ccy` attribute.
    var currency: String? { string(event.value) }

    /// The current start's namespace URI (kept for the root and `Document` only).
    var namespaceURI: String? { string(event.namespace) }

    /// Appends the current text event's bytes to `buffer`.
    func appendText(to buffer: inout [UInt8]) {
        guard event.value.count > 0 else { return }
        let start = Int(event.value.start)
        buffer.append(contentsOf: bytes[start..<(start + Int(event.value.count))])
    }

    private func string(_ range: XMLEvent.ByteRange) -> String? {
        guard range.count >= 0 else { return nil }
        let start = Int(range.start)
        return String(decoding: bytes[start..<(start + Int(range.count))], as: UTF8.self)
    }
}
