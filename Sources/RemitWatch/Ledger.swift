import RemitPipeline

/// The watch service's record of every input, in SQLite (WAL mode): one row per content fingerprint.
///
/// Every state change is one committed transaction, written before the service takes the next step, so a
/// restart after a crash knows what to finish or redo.
///
/// Unchecked `Sendable`: one connection is used by one worker at a time (each worker opens its own), so
/// it may be handed to the thread running that worker but is never used from two threads at once.
package final class Ledger: @unchecked Sendable {
    private let database: SQLiteDatabase
    package var path: String { database.path }

    /// Opens the ledger at `path`, creating it and its tables when missing.
    ///
    /// - Throws: `SQLiteError`.
    package init(path: String) throws(SQLiteError) {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode=WAL")
        // FULL: a commit is on disk before the service renames files on the strength of it.
        try database.execute("PRAGMA synchronous=FULL")
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS inputs (
                id INTEGER PRIMARY KEY,
                sha256 TEXT UNIQUE,
                name TEXT NOT NULL,
                size INTEGER NOT NULL,
                first_seen TEXT NOT NULL,
                finished TEXT,
                state TEXT NOT NULL,
                outcome TEXT,
                format TEXT,
                output_folder TEXT UNIQUE,
                outputs TEXT NOT NULL DEFAULT '',
                destination TEXT,
                records INTEGER,
                errors TEXT,
                duration_ms INTEGER,
                identity TEXT UNIQUE
            );
            CREATE TABLE IF NOT EXISTS duplicates (
                id INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL,
                name TEXT NOT NULL,
                seen TEXT NOT NULL,
                destination TEXT NOT NULL,
                UNIQUE (sha256, name, destination)
            );
            """)
    }

    private static let columns =
        "id, sha256, name, size, first_seen, finished, state, outcome, format, output_folder, outputs, destination, "
        + "records, errors, duration_ms"

    private static func entry(_ row: [SQLiteValue]) -> LedgerEntry {
        LedgerEntry(
            id: row[0].integer ?? 0, sha256: row[1].text, name: row[2].text ?? "", size: row[3].integer ?? 0,
            firstSeen: row[4].text ?? "", finished: row[5].text,
            state: LedgerEntry.State(rawValue: row[6].text ?? "") ?? .claimed,
            outcome: row[7].text.flatMap(LedgerEntry.Outcome.init(rawValue:)), format: row[8].text,
            outputFolder: row[9].text,
            outputs: (row[10].text ?? "").split(separator: ",").map(String.init), destination: row[11].text,
            records: row[12].integer, errors: row[13].text, durationMillis: row[14].integer)
    }

    package func entry(sha256: String) throws(SQLiteError) -> LedgerEntry? {
        try database.query("SELECT \(Self.columns) FROM inputs WHERE sha256 = ?", [.text(sha256)]).first.map(
            Self.entry)
    }

    /// Every entry in the order the files were first seen.
    package func entries() throws(SQLiteError) -> [LedgerEntry] {
        try database.query("SELECT \(Self.columns) FROM inputs ORDER BY id").map(Self.entry)
    }

    package func unfinished() throws(SQLiteError) -> [LedgerEntry] {
        try database.query("SELECT \(Self.columns) FROM inputs WHERE state != 'done' ORDER BY id").map(Self.entry)
    }

    /// True when some entry already uses `folder` for its outputs.
    package func outputFolderTaken(_ folder: String) throws(SQLiteError) -> Bool {
        try !database.query("SELECT 1 FROM inputs WHERE output_folder = ?", [.text(folder)]).isEmpty
    }

    /// Records a new input as claimed, with the output folder it will use.
    package func claim(sha256: String, name: String, size: Int64, firstSeen: String, outputFolder: String)
        throws(SQLiteError) -> LedgerEntry
    {
        try database.query(
            "INSERT INTO inputs (sha256, name, size, first_seen, state, output_folder) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(sha256), .text(name), .integer(size), .text(firstSeen), .text("claimed"), .text(outputFolder)])
        guard let entry = try entry(sha256: sha256) else {
            throw SQLiteError(path: path, operation: "claim", code: 0, message: "row vanished after insert")
        }
        return entry
    }

    /// Takes up again an entry whose input vanished, now that its content is back under `name`.
    package func reclaim(id: Int64, name: String, size: Int64) throws(SQLiteError) {
        try database.query(
            "UPDATE inputs SET state = 'claimed', outcome = NULL, name = ?, size = ?, finished = NULL WHERE id = ?",
            [.text(name), .integer(size), .integer(id)])
    }

    /// Records that the outputs are complete and where the input will be moved.
    package func markWritten(
        id: Int64, outcome: LedgerEntry.Outcome, format: String, outputs: [String], destination: String,
        records: Int64, errors: String?
    ) throws(SQLiteError) {
        try database.query(
            "UPDATE inputs SET state = 'written', outcome = ?, format = ?, outputs = ?, destination = ?, "
                + "records = ?, errors = ? WHERE id = ?",
            [
                .text(outcome.rawValue), .text(format), .text(outputs.joined(separator: ",")), .text(destination),
                .integer(records), SQLiteValue(errors), .integer(id),
            ])
    }

    package func markDone(id: Int64, finished: String, durationMillis: Int64?) throws(SQLiteError) {
        try database.query(
            "UPDATE inputs SET state = 'done', finished = ?, duration_ms = COALESCE(?, duration_ms) WHERE id = ?",
            [.text(finished), durationMillis.map { .integer($0) } ?? .null, .integer(id)])
    }

    /// Records an input that is gone from the inbox before it was finished.
    ///
    /// - Parameter releasingOutputFolder: true when the entry's output folder was removed, so its name may
    ///   be used again.
    package func markVanished(id: Int64, finished: String, releasingOutputFolder: Bool = false)
        throws(SQLiteError)
    {
        try database.query(
            "UPDATE inputs SET state = 'done', outcome = 'vanished', finished = ?"
                + (releasingOutputFolder ? ", output_folder = NULL, outputs = ''" : "") + " WHERE id = ?",
            [.text(finished), .integer(id)])
    }

    /// Records a link or special file refused unread.
    ///
    /// - Parameter identity: what tells this file from others without reading it (inode and modification
    ///   time, which a rename keeps), so recording it again after a crash adds no second row.
    package func recordQuarantine(
        name: String, size: Int64, seen: String, destination: String, reason: String, identity: String
    ) throws(SQLiteError) {
        try database.query(
            "INSERT OR IGNORE INTO inputs (sha256, name, size, first_seen, finished, state, outcome, destination, "
                + "errors, identity) VALUES (NULL, ?, ?, ?, ?, 'done', 'quarantined', ?, ?, ?)",
            [
                .text(name), .integer(size), .text(seen), .text(seen), .text(destination), .text(reason),
                .text(identity),
            ])
    }

    /// Records a file whose content was processed before; once per name and destination.
    package func recordDuplicate(sha256: String, name: String, seen: String, destination: String)
        throws(SQLiteError)
    {
        try database.query(
            "INSERT OR IGNORE INTO duplicates (sha256, name, seen, destination) VALUES (?, ?, ?, ?)",
            [.text(sha256), .text(name), .text(seen), .text(destination)])
    }

    /// Every duplicate: fingerprint, name, when, where it went.
    package func duplicates() throws(SQLiteError) -> [(sha256: String, name: String, seen: String, destination: String)]
    {
        try database.query("SELECT sha256, name, seen, destination FROM duplicates ORDER BY id").map {
            ($0[0].text ?? "", $0[1].text ?? "", $0[2].text ?? "", $0[3].text ?? "")
        }
    }
}
