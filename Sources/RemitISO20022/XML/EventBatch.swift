/// Events handed from the reading thread to the parser in one go, with the bytes they refer to.
///
/// A value moved between the two threads, never shared: whoever holds it owns its storage, so writing
/// never copies. Events go into room allocated once per batch and reused, one store each, with no array
/// bookkeeping on the reading thread's hot path.
struct EventBatch {
    private let storage: EventStorage
    private(set) var count = 0
    var bytes: [UInt8] = []
    /// Streams whose last event is in this batch. They hold libxml2's name dictionary that event pointers
    /// point into, so they are freed only when the parser has read the batch.
    var retired: [XMLStream] = []
    /// Why reading stopped, for a `failure` event.
    var failure: XMLStream.Failure?

    /// Events per batch: enough that handing over costs nothing per node, few enough to stay in cache.
    static let eventLimit = 4096
    static let byteLimit = 1 << 16
    /// Room past the limit for the few boundary events written after a batch fills (end of a document, the
    /// start of the next, a failure).
    private static let spare = 4

    static func empty() -> EventBatch {
        var batch = EventBatch(storage: EventStorage(capacity: eventLimit + spare))
        batch.bytes.reserveCapacity(byteLimit)
        return batch
    }

    private init(storage: EventStorage) {
        self.storage = storage
    }

    var isFull: Bool { count >= Self.eventLimit || bytes.count >= Self.byteLimit }

    /// The events written so far, valid while the batch is held.
    var events: UnsafeBufferPointer<XMLEvent> { UnsafeBufferPointer(start: storage.base, count: count) }

    mutating func append(_ event: XMLEvent) {
        precondition(count < storage.capacity, "a full batch takes only boundary events")
        storage.base[count] = event
        count += 1
    }

    /// Empties the batch for another round, freeing the streams it retired.
    mutating func reset() {
        count = 0
        if bytes.capacity > 4 * Self.byteLimit { bytes = [] }  // one huge text node must not stay resident
        bytes.removeAll(keepingCapacity: true)
        retired.removeAll()
        failure = nil
    }

    /// Copies `count` bytes from `start` and says where they went.
    mutating func append(_ start: UnsafePointer<UInt8>, count: Int) -> Range<Int> {
        let range = bytes.count..<(bytes.count + count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        return range
    }
}

/// The room for one batch's events. `@unchecked Sendable`: it moves with its batch, one thread at a time.
private final class EventStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<XMLEvent>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    // Events hold no references (a name pointer and integers): nothing to deinitialize.
    deinit { base.deallocate() }
}
