import Glibc

/// Runs an `XMLProducer` on a thread of its own, handing batches to the parser through an `EventChannel`.
///
/// libxml2's reader and Remit's mapping each take about half of the work of reading a large file; with two
/// cores, running them side by side nearly halves the time. `finish()` (or deinit) cancels what is left and
/// waits for the thread, so the source is closed when reading returns.
final class ReadingThread {
    let channel = EventChannel()
    private let thread: pthread_t

    /// Starts reading on a new thread; nil when the system gives no thread.
    init?(_ producer: XMLProducer) {
        let job = Unmanaged.passRetained(Job(producer: producer, channel: channel)).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(
            &handle, nil,
            { context in
                Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, job)
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(job).release()
            return nil
        }
        thread = handle
    }

    private var joined = false

    /// Cancels what the parser no longer needs and waits for the thread to end.
    func finish() {
        guard !joined else { return }
        joined = true
        channel.cancel()
        pthread_join(thread, nil)
    }

    deinit { finish() }

    /// What the thread runs: fill empty batches until the producer is done or the parser cancels.
    ///
    /// `@unchecked Sendable`: handed to the new thread once and used only there.
    private final class Job: @unchecked Sendable {
        let producer: XMLProducer
        let channel: EventChannel

        init(producer: XMLProducer, channel: EventChannel) {
            self.producer = producer
            self.channel = channel
        }

        func run() {
            while var batch = channel.emptyBatch() {
                let more = producer.fill(&batch)
                channel.publish(batch)
                if !more { break }
            }
            channel.finish()
        }
    }
}
