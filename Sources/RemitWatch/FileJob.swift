import Foundation
import RemitCore
import RemitPipeline

/// Takes one file of the inbox through every step, recording each in the ledger before the next.
///
/// Steps: fingerprint; claim (or recognise a duplicate, or resume an interrupted entry); expand; reconcile
/// into a hidden folder; rename it into place; record `written` with the destination; move the input
/// (with a `.error.txt` beside it when it failed); record `done`. A crash between any two steps leaves
/// the ledger saying which step to redo, and redoing gives the same bytes.
package struct FileJob: Sendable {
    package var options: WatchOptions
    package var ledger: Ledger
    package var fileSystem: FileSystem
    package var exportSource: InvoiceExportSource
    /// Shared by the workers of one service.
    package var inFlight: InFlightContent

    private var inbox: String { options.inbox }
    private var out: String { options.outputDirectory }

    /// Handles the inbox entry `name`.
    ///
    /// - Throws: `SystemCallError` or `SQLiteError` when the service itself cannot go on (disk, ledger);
    ///   problems with the file's content are not thrown but end in `failed/`.
    package func run(name: String, started: ContinuousClock.Instant) throws -> FileResult {
        let path = inbox + "/" + name
        guard let info = try fileSystem.status(path) else { return .skipped }
        switch info.kind {
        case .directory: return .skipped
        case .symlink, .special:
            let kind = info.kind == .symlink ? "symbolic link" : "special file"
            return try quarantine(
                name: name, info: info, kind: kind,
                reason: "\(path): error: a \(kind) in the inbox is refused and never followed")
        case .regular: break
        }
        if fileSystem.isOpenForWriting(path) { return .stillBeingWritten }
        let sha256: String
        let size: Int64
        // TODO: hash from a descriptor opened with O_NOFOLLOW and hand it to the parsers. Today a file
        // swapped for a link after the lstat above is read through the link; the lstat comparisons below and
        // after the reconcile catch the swap and discard what was read, but the read has happened.
        do {
            (sha256, size) = try SHA256Hasher.hashFile(path, calls: fileSystem.calls)
        } catch let error as SystemCallError {
            guard try fileSystem.status(path) != nil else { return .skipped }
            // Unreadable (say, another user's file with mode 0600): without its content there is no
            // fingerprint to key a ledger row on, so it is set aside like a link.
            return try quarantine(
                name: name, info: info, kind: "unreadable file", reason: "\(path): error: cannot read: \(error)")
        }
        // Changed while being hashed: not complete after all.
        guard try fileSystem.status(path) == info else { return .stillBeingWritten }
        guard inFlight.begin(sha256) else { return .busy }
        defer { inFlight.end(sha256) }
        if let entry = try ledger.entry(sha256: sha256) {
            switch entry.state {
            case .done where entry.outcome == .vanished:
                try ledger.reclaim(id: entry.id, name: name, size: size)
                return try process(
                    try ledger.entry(sha256: sha256) ?? entry, name: name, info: info, started: started)
            case .done:
                return try duplicate(name: name, of: entry)
            case .written:
                return .finished(try move(entry, name: name, started: started))
            case .claimed:
                return try process(entry, name: name, info: info, started: started)
            }
        }
        // Resolve the export before claiming, so a missing export leaves nothing half begun.
        do {
            _ = try exportSource.current(now: Self.nowNanos())
        } catch {
            return .waitingForExport(error.description)
        }
        // An interrupted entry under this name whose content was since replaced will not come back.
        for stale in try ledger.unfinished() where stale.name == name && stale.state == .claimed {
            if let folder = stale.outputFolder { try fileSystem.removeTree(out + "/" + folder) }
            try ledger.markVanished(id: stale.id, finished: Self.isoNow(), releasingOutputFolder: true)
        }
        let entry: LedgerEntry
        do {
            entry = try ledger.claim(
                sha256: sha256, name: name, size: size, firstSeen: Self.isoNow(),
                outputFolder: try outputFolder(for: name, sha256: sha256))
        } catch let error as SQLiteError where error.isConstraintViolation {
            // Another worker chose the same output folder a moment ago; try again after it.
            return .busy
        }
        return try process(entry, name: name, info: info, started: started)
    }

    /// The output folder's name: the input's name, or the name with a fingerprint prefix when taken.
    private func outputFolder(for name: String, sha256: String) throws -> String {
        let reserved = ["ledger.sqlite3", "ledger.sqlite3-wal", "ledger.sqlite3-shm", "ledger.sqlite3-journal"]
        if !reserved.contains(name), try fileSystem.status(out + "/" + name) == nil,
            try !ledger.outputFolderTaken(name)
        {
            return name
        }
        return "\(name)-\(sha256.prefix(12))"
    }

    /// Expands, reconciles, puts the outputs in place and records `written`, then moves the input.
    private func process(
        _ claimed: LedgerEntry, name: String, info: FileSystem.Status, started: ContinuousClock.Instant
    ) throws -> FileResult {
        let path = inbox + "/" + name
        let sha = claimed.sha256 ?? ""
        let folder = claimed.outputFolder ?? name
        let partial = out + "/." + folder + ".partial"
        let staging = out + "/.staging/" + sha.prefix(16)
        try fileSystem.removeTree(partial)
        try fileSystem.removeTree(staging)
        let expander = InputExpander(limits: options.limits, fileSystem: fileSystem)
        var packing = InputExpander.Packing.plain
        var errors: [String] = []
        var outputs: [String] = []
        var formats: [String] = []
        var records: Int64 = 0
        do {
            packing = try expander.packing(of: path)
            let files = try expander.expand(path, packing: packing, staging: staging)
            let export = try exportSource.current(now: Self.nowNanos())
            try fileSystem.makeFolder(partial)
            var reconcile = ReconcileOptions(
                invoicesPath: export, invoiceLayout: options.invoiceLayout, inputs: files,
                outputDirectory: partial, strict: options.settings.strict,
                defaultCurrency: options.settings.defaultCurrency,
                mappingsDirectory: options.settings.mappingsDirectory, runTime: options.runTime ?? claimed.firstSeen)
            reconcile.historyPath = options.historyPath
            _ = try ReconcileJob.run(
                reconcile, settings: options.settings, printer: DiagnosticPrinter(minimum: .error, muted: true),
                calls: fileSystem.calls)
            let summary = try RunSummary(path: partial + "/summary.json")
            errors = summary.errors
            formats = summary.formats
            records = summary.records
            outputs = try fileSystem.list(partial).filter { !$0.hasPrefix(".") }
            // The file must be the one that was fingerprinted: rewritten or swapped meanwhile, the outputs are
            // dropped and the entry stays claimed until the file is complete again.
            guard try fileSystem.status(path) == info else {
                try fileSystem.removeTree(partial)
                try fileSystem.removeTree(staging)
                return .stillBeingWritten
            }
            try fileSystem.removeTree(out + "/" + folder)
            try fileSystem.rename(partial, to: out + "/" + folder)
            try fileSystem.syncFolder(out)
        } catch let diagnostic as Diagnostic {
            errors.append(diagnostic.description)
        } catch let error as SystemCallError where error.path.hasPrefix(path) {
            errors.append("\(path): error: cannot read the file: \(error)")
        }
        try fileSystem.removeTree(staging)
        try fileSystem.removeTree(partial)
        let outcome: LedgerEntry.Outcome = errors.isEmpty ? .processed : .failed
        let destination = try freeName(in: outcome == .processed ? "processed" : "failed", for: name, sha256: sha)
        let format =
            ([packing == .plain ? nil : packing.rawValue] + [
                formats.isEmpty ? "unknown" : formats.joined(separator: ",")
            ])
            .compactMap { $0 }.joined(separator: "+")
        try ledger.markWritten(
            id: claimed.id, outcome: outcome, format: format, outputs: outputs.map { folder + "/" + $0 },
            destination: destination, records: records, errors: errors.isEmpty ? nil : errors.joined(separator: "\n"))
        guard let written = try ledger.entry(sha256: sha) else { return .skipped }
        return .finished(try move(written, name: name, started: started))
    }

    /// Moves the input of a `written` entry to its destination, writing the error file first, and records
    /// `done`.
    private func move(_ entry: LedgerEntry, name: String, started: ContinuousClock.Instant) throws -> LedgerEntry {
        guard let destination = entry.destination else { return entry }
        let target = inbox + "/" + destination
        if entry.outcome == .failed {
            // The errors were found before the move: they name the file where it was read (for an archive, the
            // member unpacked under .staging/, since removed). Say where the input is now.
            let text =
                "# \(entry.name) (SHA-256 \(entry.sha256 ?? "")): every located error\n"
                + "# the input is now \(destination); paths below are where it was read (an archive's members were "
                + "unpacked under .staging/)\n"
                + (entry.errors ?? "") + "\n"
            try fileSystem.writeAtomically(Array(text.utf8), to: target + ".error.txt")
        }
        if try fileSystem.status(inbox + "/" + name)?.kind == .regular, try fileSystem.status(target) == nil {
            try fileSystem.rename(inbox + "/" + name, to: target)
            try fileSystem.syncFolder(inbox)
            try fileSystem.syncFolder(FileSystem.parent(of: target))
        }
        let elapsed = ContinuousClock.now - started
        let millis = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        try ledger.markDone(id: entry.id, finished: Self.isoNow(), durationMillis: millis)
        return try ledger.entry(sha256: entry.sha256 ?? "") ?? entry
    }

    private func duplicate(name: String, of entry: LedgerEntry) throws -> FileResult {
        let destination = try freeName(in: "duplicates", for: name, sha256: entry.sha256 ?? "")
        try ledger.recordDuplicate(
            sha256: entry.sha256 ?? "", name: name, seen: Self.isoNow(), destination: destination)
        try fileSystem.rename(inbox + "/" + name, to: inbox + "/" + destination)
        try fileSystem.syncFolder(inbox)
        return .duplicate(of: entry, destination: destination)
    }

    /// Moves a link, special or unreadable file away without opening it: `rename` moves the link itself.
    private func quarantine(name: String, info: FileSystem.Status, kind: String, reason: String) throws
        -> FileResult
    {
        let destination = try freeName(in: "quarantine", for: name, sha256: "")
        // No fingerprint without reading it; the inode and time key the row, so a crash between this record
        // and the rename does not record it twice.
        try ledger.recordQuarantine(
            name: name, size: info.size, seen: Self.isoNow(), destination: destination, reason: reason,
            identity: "\(info.inode):\(info.modified)")
        try fileSystem.rename(inbox + "/" + name, to: inbox + "/" + destination)
        try fileSystem.syncFolder(inbox)
        return .quarantined(destination: destination, kind: kind)
    }

    /// `folder/name`, or `folder/name.<sha12>` (then `.2`, `.3`, ...) when that is taken.
    private func freeName(in folder: String, for name: String, sha256: String) throws -> String {
        var candidate = folder + "/" + name
        if try fileSystem.status(inbox + "/" + candidate) == nil { return candidate }
        let tagged = folder + "/" + name + (sha256.isEmpty ? "" : "." + sha256.prefix(12))
        candidate = tagged
        var counter = 2
        while try fileSystem.status(inbox + "/" + candidate) != nil {
            candidate = tagged + ".\(counter)"
            counter += 1
        }
        return candidate
    }

    static func nowNanos() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Now as ISO 8601 UTC to the second, the form of a run manifest's time.
    static func isoNow() -> String {
        String(WatchLogger.timestamp(Date()).prefix(19)) + "Z"
    }
}
