import RemitCore
import RemitMatch

/// What earlier `remit reconcile` runs read, kept in a SQLite file named by `--history`, so that a payment
/// sent again in a later file (a resent 820, the same camt entry in two statements) is not applied twice.
///
/// Rows are keyed by the SHA-256 of the input they came from. A run never compares an input with its own
/// rows, and replaces them when it finishes: reading the same file again (a rerun, or the watch service
/// redoing a file after a crash) gives the same outputs as the first time.
public final class RunHistory {
    private let database: SQLiteDatabase
    public let path: String

    /// Opens the history at `path`, creating it when missing.
    ///
    /// - Throws: `Diagnostic` (`history.open`) naming the file and what SQLite said.
    public init(path: String) throws(Diagnostic) {
        self.path = path
        do throws(SQLiteError) {
            database = try SQLiteDatabase(path: path)
            try database.execute("PRAGMA journal_mode=WAL")
            try database.execute(
                """
                CREATE TABLE IF NOT EXISTS payments (
                    input_sha256 TEXT NOT NULL,
                    source TEXT NOT NULL,
                    run_time TEXT NOT NULL,
                    payment_id TEXT NOT NULL,
                    trace TEXT,
                    key TEXT NOT NULL,
                    PRIMARY KEY (input_sha256, payment_id, key)
                );
                CREATE INDEX IF NOT EXISTS payments_by_key ON payments (key);
                """)
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// One payment of this run with the keys it is known by.
    public struct PaymentKeys: Sendable {
        public var payment: Payment
        public var keys: [String]
        /// SHA-256 of the input file the payment came from.
        public var inputSHA256: String

        public init(payment: Payment, keys: [String], inputSHA256: String) {
            self.payment = payment
            self.keys = keys
            self.inputSHA256 = inputSHA256
        }
    }

    /// The earlier runs' payments that share a key with `current`, leaving out rows of inputs in
    /// `excluding` (this run's own files).
    public func earlierPayments(matching current: [PaymentKeys], excluding: Set<String>) throws(Diagnostic)
        -> EarlierPayments
    {
        var result = EarlierPayments()
        var asked: Set<String> = []
        do throws(SQLiteError) {
            for key in current.flatMap(\.keys) where asked.insert(key).inserted {
                let rows = try database.query(
                    "SELECT input_sha256, payment_id, source, run_time, trace FROM payments WHERE key = ? "
                        + "ORDER BY run_time, rowid",
                    [.text(key)])
                guard
                    let row = rows.first(where: { !excluding.contains($0[0].text ?? "") }),
                    let paymentID = row[1].text, let source = row[2].text, let runTime = row[3].text
                else { continue }
                result.add(
                    EarlierPayments.Entry(paymentID: paymentID, source: source, runTime: runTime, trace: row[4].text),
                    keys: [key])
            }
        } catch {
            throw Self.failure(error, path: path)
        }
        return result
    }

    /// Replaces the rows of this run's inputs with `payments`, in one transaction.
    ///
    /// - Parameters:
    ///   - payments: the payments to remember (those this run did not set aside as repeats).
    ///   - inputs: SHA-256 of every input of this run, with the path it was read from.
    ///   - runTime: the run time recorded in the manifest.
    public func record(_ payments: [PaymentKeys], inputs: [(sha256: String, path: String)], runTime: String)
        throws(Diagnostic)
    {
        let paths = Dictionary(inputs.map { ($0.sha256, $0.path) }, uniquingKeysWith: { first, _ in first })
        do throws(SQLiteError) {
            try database.execute("BEGIN IMMEDIATE")
            do throws(SQLiteError) {
                for input in paths.keys.sorted() {
                    try database.query("DELETE FROM payments WHERE input_sha256 = ?", [.text(input)])
                }
                for item in payments {
                    for key in item.keys {
                        try database.query(
                            "INSERT OR IGNORE INTO payments (input_sha256, source, run_time, payment_id, trace, key) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                            [
                                .text(item.inputSHA256), .text(paths[item.inputSHA256] ?? ""), .text(runTime),
                                .text(item.payment.id), SQLiteValue(Matcher.traceNumber(item.payment)),
                                .text(key),
                            ])
                    }
                }
                try database.execute("COMMIT")
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    static func failure(_ error: SQLiteError, path: String) -> Diagnostic {
        Diagnostic(
            .error, code: "history.unusable", "the run history cannot be used: \(error.message)",
            at: .wholeFile(path), hint: "give --history a SQLite file Remit may create or update")
    }
}
