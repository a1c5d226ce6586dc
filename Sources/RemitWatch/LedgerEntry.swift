/// One input file as the ledger holds it.
package struct LedgerEntry: Sendable, Equatable {
    /// How far the service got with the file; each step is committed before the next begins.
    package enum State: String, Sendable {
        /// Seen and fingerprinted; outputs not yet complete. A restart redoes it from the start.
        case claimed
        /// Outputs complete in their folder; the input still to be moved to `destination`.
        case written
        /// Finished: the input is in `destination`.
        case done
    }

    /// What became of the file.
    package enum Outcome: String, Sendable {
        /// Read without errors; the input is in `processed/`.
        case processed
        /// Read with errors (or not at all); the input is in `failed/` with a `.error.txt` beside it.
        case failed
        /// A link or special file: refused unread and moved to `quarantine/`.
        case quarantined
        /// Gone from the inbox before it was finished (someone removed it).
        case vanished
    }

    package var id: Int64
    /// Content fingerprint; nil for a quarantined entry, which is never read.
    package var sha256: String?
    /// The file's name in the inbox when it was seen.
    package var name: String
    package var size: Int64
    /// When the file was first claimed, ISO 8601 UTC; also the run time of its report unless one is pinned.
    package var firstSeen: String
    package var finished: String?
    package var state: State
    package var outcome: Outcome?
    package var format: String?
    /// The output folder's name under the output directory.
    package var outputFolder: String?
    /// The output files, in the order they were written.
    package var outputs: [String]
    /// Where the input went, relative to the inbox (`processed/x.820`).
    package var destination: String?
    package var records: Int64?
    /// Every located error, one per line.
    package var errors: String?
    /// Milliseconds from claim to done in the run that finished it.
    package var durationMillis: Int64?
}
