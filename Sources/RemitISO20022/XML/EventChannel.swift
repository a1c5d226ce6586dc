import Glibc

/// The hand-over between the reading thread (libxml2) and the parser: a bounded queue of batches.
///
/// At most `capacity` batches exist; the reading thread waits for an empty one, so memory stays bounded
/// however fast libxml2 runs ahead. The queue is deep (some 130,000 events, about 3.5 MiB at most) so that on
/// a busy machine neither thread waits for the other each time the scheduler sets one aside, and a waiting
/// side is woken only once `wakeAfter` batches are ready for it: the threads hand over work in runs instead
/// of taking turns. Either side may end early: the parser cancels when it stops on an error, the reading
/// thread finishes at the end of the input or on its own error.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock`.
final class EventChannel: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private let changed: UnsafeMutablePointer<pthread_cond_t>
    private var filled: [EventBatch] = []
    private var emptied: [EventBatch] = []
    private var created = 0
    private let capacity: Int
    private let wakeAfter: Int
    private var producerWaits = false
    private var consumerWaits = false
    private var cancelled = false
    private var finished = false

    init(capacity: Int = 32, wakeAfter: Int = 4) {
        precondition(capacity > wakeAfter, "a side woken after wakeAfter batches needs that many to exist")
        self.capacity = capacity
        self.wakeAfter = wakeAfter
        filled.reserveCapacity(capacity)
        emptied.reserveCapacity(capacity)
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
        changed = .allocate(capacity: 1)
        changed.initialize(to: pthread_cond_t())
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        lock.deallocate()
    }

    // MARK: The reading thread

    /// An empty batch to fill, waiting for the parser to return some; nil once the parser cancelled.
    func emptyBatch() -> EventBatch? {
        withLock {
            if !cancelled && emptied.isEmpty && created >= capacity {
                producerWaits = true
                while !cancelled && emptied.count < wakeAfter { pthread_cond_wait(changed, lock) }
                producerWaits = false
            }
            if cancelled { return nil }
            if let batch = emptied.popLast() { return batch }
            created += 1
            return EventBatch.empty()
        }
    }

    /// Hands a filled batch to the parser.
    func publish(_ batch: EventBatch) {
        withLock {
            filled.append(batch)
            if consumerWaits && filled.count >= wakeAfter { pthread_cond_broadcast(changed) }
        }
    }

    /// No batch will follow.
    func finish() {
        withLock {
            finished = true
            pthread_cond_broadcast(changed)
        }
    }

    // MARK: The parser

    /// The next filled batch, waiting for the reading thread; nil when it has finished and all were read.
    func filledBatch() -> EventBatch? {
        withLock {
            if filled.isEmpty && !finished {
                consumerWaits = true
                while !finished && filled.count < wakeAfter { pthread_cond_wait(changed, lock) }
                consumerWaits = false
            }
            return filled.isEmpty ? nil : filled.removeFirst()
        }
    }

    /// Returns a read batch for reuse.
    func recycle(_ batch: EventBatch) {
        withLock {
            emptied.append(batch)
            if producerWaits && emptied.count >= wakeAfter { pthread_cond_broadcast(changed) }
        }
    }

    /// The parser needs nothing more: the reading thread stops at its next batch.
    func cancel() {
        withLock {
            cancelled = true
            pthread_cond_broadcast(changed)
        }
    }

    private func withLock<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }
}
