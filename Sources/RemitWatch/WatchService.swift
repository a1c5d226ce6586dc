import Foundation
import RemitArchive
import RemitCore
import RemitPipeline
import Synchronization

/// `remit watch`: processes every file that lands in the inbox, one at a time, until asked to stop.
///
/// Files are found by a scan at start-up (those that arrived while the service was down) and by inotify
/// afterwards. Each is handed to `FileJob`; one log line says what became of it.
package final class WatchService {
    private let options: WatchOptions
    private let logger: WatchLogger
    private let signals: ShutdownSignals?
    private let fileSystem: FileSystem
    /// Names waiting to be processed, in arrival order; `queued` folds repeated events for one name.
    private var queue: [String] = []
    private var queued: Set<String> = []
    /// Names seen by a scan that changed too recently, with what `lstat` said last time.
    private var settling: [String: FileSystem.Status] = [:]
    private var lastExportProblem: String?
    private var counts: [String: Int] = [:]
    private let exportSource: InvoiceExportSource

    package init(options: WatchOptions, logger: WatchLogger, signals: ShutdownSignals?, fileSystem: FileSystem = .live)
    {
        self.options = options
        self.logger = logger
        self.signals = signals
        self.fileSystem = fileSystem
        exportSource = InvoiceExportSource(
            path: options.invoices, settleNanos: options.settleMillis * 1_000_000, fileSystem: fileSystem)
    }

    /// Runs until a stop is requested (or, with `once`, until the inbox is empty).
    ///
    /// - Returns: the exit code: 0 after a clean stop.
    /// - Throws: `SystemCallError`, `SQLiteError` or `Diagnostic` when the service cannot start or go on.
    package func run() throws -> Int32 {
        guard let inboxInfo = try fileSystem.status(options.inbox), inboxInfo.kind == .directory else {
            throw Diagnostic(
                .error, code: "watch.inbox", "the inbox is not a folder", at: .wholeFile(options.inbox),
                hint: "create it first; remit watch never creates the folder it watches")
        }
        // Outputs, the ledger and the inbox's own folders are no more open than the inbox.
        FileSystem.narrowCreationMask(toAtMost: inboxInfo.mode)
        try fileSystem.makeFolder(options.outputDirectory)
        for folder in InboxNames.folders { try fileSystem.makeFolder(options.inbox + "/" + folder) }
        try fileSystem.makeFolder(FileSystem.parent(of: options.ledgerPath))
        let ledger = try Ledger(path: options.ledgerPath)
        let inFlight = InFlightContent()
        var jobs = [
            FileJob(
                options: options, ledger: ledger, fileSystem: fileSystem, exportSource: exportSource, inFlight: inFlight
            )
        ]
        for _ in 1..<options.workers {
            jobs.append(
                FileJob(
                    options: options, ledger: try Ledger(path: options.ledgerPath), fileSystem: fileSystem,
                    exportSource: exportSource, inFlight: inFlight))
        }
        try recover(ledger)
        // Watch first, then scan: a file arriving in between is seen twice and folded, never missed.
        let watcher = try InboxWatcher(path: options.inbox)
        logger.notice(
            "watching",
            [
                "inbox": options.inbox, "out": options.outputDirectory, "ledger": options.ledgerPath,
                "invoices": options.invoices,
            ])
        try scan()
        while !(signals?.stopRequested ?? false) {
            var batch: [String] = []
            while batch.count < jobs.count, let name = next() { batch.append(name) }
            if !batch.isEmpty {
                try handle(batch, jobs: jobs)
                // New events join the queue between batches, so a burst is taken in arrival order.
                try absorb(try watcher.drain())
                continue
            }
            if options.once && settling.isEmpty { break }
            let events = try watcher.wait(
                timeoutMillis: settling.isEmpty ? 1000 : 50, wake: signals?.wakeDescriptor ?? -1)
            if try absorb(events) { break }
            try checkSettling()
        }
        logger.notice(
            "stopped",
            [
                "processed": String(counts["processed", default: 0]), "failed": String(counts["failed", default: 0]),
                "duplicates": String(counts["duplicate", default: 0]),
                "quarantined": String(counts["quarantined", default: 0]),
            ])
        return 0
    }

    private func next() -> String? {
        guard !queue.isEmpty else { return nil }
        let name = queue.removeFirst()
        queued.remove(name)
        return name
    }

    private func enqueue(_ name: String) {
        guard !InboxNames.isIgnored(name), !InboxNames.folders.contains(name), queued.insert(name).inserted else {
            return
        }
        settling.removeValue(forKey: name)
        queue.append(name)
    }

    /// Adds what inotify reported; true when the inbox itself went away.
    @discardableResult
    private func absorb(_ events: [InboxWatcher.Event]) throws -> Bool {
        for event in events {
            switch event {
            case .complete(let name): enqueue(name)
            case .created(let name):
                let kind = try fileSystem.status(options.inbox + "/" + name)?.kind
                if kind == .symlink || kind == .special { enqueue(name) }
            case .overflow:
                logger.warning("event queue overflowed; scanning the inbox", [:])
                try scan()
            case .inboxGone:
                logger.error("the inbox was removed or moved; stopping", ["inbox": options.inbox])
                return true
            }
        }
        return false
    }

    /// Queues every visible file in the inbox that has not changed for the settle time; others wait.
    private func scan() throws {
        let now = FileJob.nowNanos()
        for name in try fileSystem.list(options.inbox) where !InboxNames.isIgnored(name) {
            guard !InboxNames.folders.contains(name), !queued.contains(name),
                let info = try fileSystem.status(options.inbox + "/" + name), info.kind != .directory
            else { continue }
            if info.kind != .regular || now - info.modified >= options.settleMillis * 1_000_000 {
                enqueue(name)
            } else {
                settling[name] = info
            }
        }
    }

    /// Queues the settling files that stayed unchanged long enough; forgets those that are gone.
    private func checkSettling() throws {
        let now = FileJob.nowNanos()
        for (name, before) in settling {
            guard let info = try fileSystem.status(options.inbox + "/" + name) else {
                settling.removeValue(forKey: name)
                continue
            }
            if info != before {
                settling[name] = info
            } else if now - info.modified >= options.settleMillis * 1_000_000 {
                enqueue(name)
            }
        }
    }

    /// Runs one file per worker at once and logs each result in queue order.
    private func handle(_ batch: [String], jobs: [FileJob]) throws {
        let results = Mutex<[Int: (Result<FileResult, any Error>, Duration)]>([:])
        let work: @Sendable (Int) -> Void = { index in
            let started = ContinuousClock.now
            let result = Result { try jobs[index].run(name: batch[index], started: started) }
            let elapsed = ContinuousClock.now - started
            results.withLock { $0[index] = (result, elapsed) }
        }
        if batch.count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: batch.count, execute: work)
        }
        let collected = results.withLock { $0 }
        for index in batch.indices {
            guard let (result, elapsed) = collected[index] else { continue }
            try log(batch[index], try result.get(), elapsed: elapsed)
        }
    }

    private func log(_ name: String, _ result: FileResult, elapsed: Duration) throws {
        let millis = String(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        switch result {
        case .busy:
            queue.append(name)
            queued.insert(name)
        case .skipped:
            logger.debug("nothing to do", ["file": name])
        case .stillBeingWritten:
            // Its close will be reported; the settle check also looks again, in case it was closed already.
            if let info = try fileSystem.status(options.inbox + "/" + name) { settling[name] = info }
            logger.debug("still being written", ["file": name])
        case .waitingForExport(let problem):
            if let info = try fileSystem.status(options.inbox + "/" + name) { settling[name] = info }
            // An export still being written is waited for (the file stays settling), and is no error; one that
            // is missing or unusable is, and ends a --once run.
            let settlingExport = exportSource.hasSettlingExport(now: FileJob.nowNanos())
            if problem != lastExportProblem {
                if settlingExport {
                    logger.info("waiting for the invoice export to settle", ["invoices": options.invoices])
                } else {
                    logger.error("no usable invoice export; files wait in the inbox", ["problem": problem])
                }
                lastExportProblem = problem
            }
            if options.once && !settlingExport { throw InvoiceExportUnavailable(problem: problem) }
        case .quarantined(let destination, let kind):
            counts["quarantined", default: 0] += 1
            logger.error("refused", ["file": name, "kind": kind, "outcome": "quarantined", "moved_to": destination])
        case .duplicate(let first, let destination):
            counts["duplicate", default: 0] += 1
            logger.info(
                "duplicate",
                [
                    "file": name, "sha256": first.sha256 ?? "", "outcome": "duplicate", "first": first.name,
                    "moved_to": destination, "duration_ms": millis,
                ])
        case .finished(let entry):
            lastExportProblem = nil
            let outcome = entry.outcome?.rawValue ?? "unknown"
            counts[outcome, default: 0] += 1
            let metadata: KeyValuePairs<String, String> = [
                "file": name, "sha256": entry.sha256 ?? "", "format": entry.format ?? "unknown",
                "records": String(entry.records ?? 0), "outcome": outcome, "output": entry.outputFolder ?? "",
                "errors": String(entry.errors.map { $0.split(separator: "\n").count } ?? 0), "duration_ms": millis,
            ]
            if entry.outcome == .failed {
                logger.error("file failed", metadata)
            } else {
                logger.info("file processed", metadata)
            }
        }
    }

    /// Settles entries a crash left between steps whose input is no longer in the inbox.
    ///
    /// An interrupted entry whose input is still in the inbox is finished by the scan like any other file.
    private func recover(_ ledger: Ledger) throws {
        for entry in try ledger.unfinished() {
            let inInbox = try fileSystem.status(options.inbox + "/" + entry.name)?.kind == .regular
            if inInbox { continue }
            let moved = try entry.destination.map { try fileSystem.status(options.inbox + "/" + $0) != nil } ?? false
            if entry.state == .written && moved {
                try ledger.markDone(id: entry.id, finished: FileJob.isoNow(), durationMillis: nil)
                logger.notice("finished an interrupted file", ["file": entry.name, "sha256": entry.sha256 ?? ""])
            } else {
                try ledger.markVanished(id: entry.id, finished: FileJob.isoNow())
                logger.warning("an interrupted file is gone from the inbox", ["file": entry.name])
            }
        }
        try fileSystem.removeTree(options.outputDirectory + "/.staging")
    }
}
