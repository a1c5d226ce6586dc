/// Where the parser gets its batches: from the reading thread, or, without one, from the producer run in
/// place whenever a batch is needed.
final class XMLEventSource {
    private let thread: ReadingThread?
    private let producer: XMLProducer?
    /// The one batch reused when the producer runs on this thread.
    private var spare: EventBatch? = EventBatch.empty()
    private var producerDone = false

    /// Reads on a thread of its own when `threaded` and the system gives one, else on this one.
    init(_ producer: XMLProducer, threaded: Bool) {
        _ = XMLStream.libraryReady
        let thread = threaded ? ReadingThread(producer) : nil
        self.thread = thread
        self.producer = thread == nil ? producer : nil
    }

    /// The next batch; nil once everything was read.
    func next() -> EventBatch? {
        if let thread { return thread.channel.filledBatch() }
        guard let producer, !producerDone, var batch = spare.take() else { return nil }
        producerDone = !producer.fill(&batch)
        return batch
    }

    /// Gives a read batch back for reuse; its retired streams are freed here.
    func recycle(_ batch: consuming EventBatch) {
        var batch = batch
        batch.reset()
        if let thread { thread.channel.recycle(batch) } else { spare = batch }
    }

    /// Stops the reading thread, if any, and waits for it.
    func finish() { thread?.finish() }

    deinit { finish() }
}
