/// libxml2's side of reading: the documents of one byte source, one after the other, written into batches
/// of events. It runs on the reading thread, or on the parser's own thread when there is none.
///
/// `@unchecked Sendable`: made on the parser's thread, then used by one thread at a time only.
final class XMLProducer: @unchecked Sendable {
    private let source: ByteSource
    private let url: String
    /// The document being read; nil between documents.
    private var stream: XMLStream?
    private var ended = false
    /// Lines of the documents before the current one in the same file.
    private var lineOffset = 0
    private var state = NodeState()

    /// What the node loop tracks, kept in a local while a batch fills (class properties cost an access
    /// check each time they are touched).
    private struct NodeState {
        var depth = 0
        /// True from a known element's start until a child starts or it ends: only such text is passed on.
        var leafOpen = false
        /// Elements ended since the last event written: they ride on the next one.
        var pendingEnds = 0
        /// See `XMLStream.line(pastShortLines:)`.
        var pastShortLines = false
    }

    init(source: ByteSource, url: String) {
        self.source = source
        self.url = url
    }

    /// Adds events to `batch` until it is full or reading ends.
    ///
    /// - Returns: false when nothing will follow: the input ended, or a `failure` event was written.
    func fill(_ batch: inout EventBatch) -> Bool {
        while !batch.isFull {
            if ended { return false }
            guard let stream else {
                begin(into: &batch)
                continue
            }
            var local = state
            let documentEnded = !read(stream, into: &batch, state: &local)
            state = local
            if documentEnded && self.stream != nil { finishDocument(stream, into: &batch) }
        }
        return !ended
    }

    /// Starts the next document.
    private func begin(into batch: inout EventBatch) {
        if source.documentNumber > 1 { batch.append(XMLEvent(kind: .startOfDocument)) }
        state = NodeState()
        do {
            stream = try XMLStream(source: source, url: url, lineOffset: lineOffset)
        } catch {
            fail(error, into: &batch)
        }
    }

    /// Reads nodes of `stream` until the batch is full (true) or the document ended or failed (false).
    private func read(_ stream: XMLStream, into batch: inout EventBatch, state: inout NodeState) -> Bool {
        while !batch.isFull {
            let node: XMLStream.Node
            do {
                node = try stream.next()
            } catch {
                // Ends read before the failure are the parser's to close first.
                fail(error, into: &batch, endsBefore: state.pendingEnds)
                state.pendingEnds = 0
                return false
            }
            switch node {
            case .start(let name, let isEmpty):
                var event = XMLEvent(
                    start: name, isEmpty: isEmpty, line: stream.line(pastShortLines: &state.pastShortLines))
                if state.depth == 0 || name.tag == .document {
                    event.setValue(stream.withNamespaceURI { batch.append($0, count: $1) }, isNamespace: true)
                } else if name.tag.carriesCurrency {
                    event.setValue(stream.withCurrency { batch.append($0, count: $1) })
                }
                append(event, to: &batch, state: &state)
                state.leafOpen = !isEmpty && name.tag != .other
                if !isEmpty { state.depth += 1 }
            case .end:
                state.leafOpen = false
                state.depth -= 1
                state.pendingEnds += 1
                if state.pendingEnds == XMLEvent.maximumEnds { append(XMLEvent(kind: .end), to: &batch, state: &state) }
            case .text:
                guard state.leafOpen else { continue }
                var event = XMLEvent(kind: .text)
                event.setValue(stream.withText { batch.append($0, count: $1) })
                append(event, to: &batch, state: &state)
            case .endOfDocument:
                return false
            }
        }
        return true
    }

    /// Writes `event` with the ends pending before it.
    private func append(_ event: XMLEvent, to batch: inout EventBatch, state: inout NodeState) {
        var event = event
        event.endsBefore = UInt8(state.pendingEnds)
        state.pendingEnds = 0
        batch.append(event)
    }

    private func finishDocument(_ stream: XMLStream, into batch: inout EventBatch) {
        append(XMLEvent(kind: .endOfDocument), to: &batch, state: &state)
        batch.retired.append(stream)
        self.stream = nil
        // The next document starts on the line where this one's input ended.
        lineOffset += max(0, stream.parserLine - 1)
        if !source.startNextDocument() {
            batch.append(XMLEvent(kind: .endOfInput))
            ended = true
        }
    }

    private func fail(_ failure: XMLStream.Failure, into batch: inout EventBatch, endsBefore: Int = 0) {
        if let stream { batch.retired.append(stream) }
        stream = nil
        batch.failure = failure
        var event = XMLEvent(kind: .failure)
        event.endsBefore = UInt8(endsBefore)
        batch.append(event)
        ended = true
    }
}
