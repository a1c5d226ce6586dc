/// Events handed from the reading thread to the parser in one go, with the bytes they refer to.
///
/// A value moved between the two threads, never shared: whoever holds it owns its arrays, so appending
/// never copies.
struct EventBatch {
    var events: [XMLEvent] = []
    var bytes: [UInt8] = []
    /// Streams whose last event is in this batch. They hold libxml2's name dictionary that event pointers
    /// point into, so they are freed only when the parser has read the batch.
    var retired: [XMLStream] = []
    /// Why reading stopped, for a `failure` event.
    var failure: XMLStream.Failure?

    /// Events per batch: enough that handing over costs nothing per node, few enough to stay in cache.
    static let eventLimit = 4096
    static let byteLimit = 1 << 16

    static func empty() -> EventBatch {
        var batch = EventBatch()
        batch.events.reserveCapacity(eventLimit + 2)
        batch.bytes.reserveCapacity(byteLimit)
        return batch
    }

    var isFull: Bool { events.count >= Self.eventLimit || bytes.count >= Self.byteLimit }

    /// Empties the batch for another round, freeing the streams it retired.
    mutating func reset() {
        events.removeAll(keepingCapacity: true)
        if bytes.capacity > 4 * Self.byteLimit { bytes = [] }  // one huge text node must not stay resident
        bytes.removeAll(keepingCapacity: true)
        retired.removeAll()
        failure = nil
    }

    /// Copies `count` bytes from `start` and says where they went.
    mutating func append(_ start: UnsafePointer<UInt8>, count: Int) -> XMLEvent.ByteRange {
        let range = XMLEvent.ByteRange(start: Int32(bytes.count), count: Int32(count))
        bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        return range
    }
}
