/// What the service did with one inbox name, for its log line and the loop.
package enum FileResult: Sendable, Equatable {
    /// Reconciled; the entry is done (processed or failed).
    case finished(LedgerEntry)
    /// Same content as an earlier input: moved to `duplicates/`.
    case duplicate(of: LedgerEntry, destination: String)
    /// A link or special file: moved to `quarantine/` unread.
    case quarantined(destination: String, kind: String)
    /// Nothing to do: the name is gone (already handled), or is a folder.
    case skipped
    /// Another worker is handling the same content; the name goes back in the queue.
    case busy
    /// Another process still has the file open for writing; it is taken when closed.
    case stillBeingWritten
    /// No usable invoice export right now; the file stays in the inbox and is tried again.
    case waitingForExport(String)
}
