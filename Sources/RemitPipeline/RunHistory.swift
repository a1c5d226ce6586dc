import Dispatch
import Glibc
import CSQLite3
import RemitCore
import RemitMatch

/// What earlier `remit reconcile` runs read, kept in a SQLite file named by `--history`, so that a payment
/// sent again in a later file (a resent 820, the same camt entry in two statements) is not applied twice.
///
/// Rows carry the SHA-256 of the input they came from and the run time. A run never compares an input with
/// the rows written under its own run time, and replaces them when it finishes: reading the same file again
/// at the same run time (a rerun given the same `--run-time`, or the watch service redoing a file after a
/// crash, which keeps the file's first-seen time) gives the same outputs as the first time. A run of another
/// run time that reads the same bytes takes them for a resend and sets its payments aside.
///
/// The history is held from opening to `record`: a second run on the same file (another process, or another
/// worker of the watch service) waits until the first has recorded, so that both cannot take one payment
/// for new because neither has recorded it yet.
public final class RunHistory {
    private let database: SQLiteDatabase
    public let path: String
    /// The write transaction begun at opening is still open.
    private var holding = false

    /// How long opening waits for another run that holds the history.
    static let waitForOtherRun: Int32 = 10 * 60 * 1000

    /// Opens the history at `path`, creating it when missing, and holds it until `record`.
    ///
    /// - Throws: `Diagnostic` (`history.unusable`) naming the file and what SQLite said.
    public init(path: String) throws(Diagnostic) {
        self.path = path
        do throws(SQLiteError) {
            database = try SQLiteDatabase(path: path)
            database.waitWhenBusy(milliseconds: Self.waitForOtherRun)
            try Self.holdWhenFree(database)
            holding = true
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
                CREATE TABLE IF NOT EXISTS announcements (
                    input_sha256 TEXT NOT NULL,
                    source TEXT NOT NULL,
                    run_time TEXT NOT NULL,
                    deduction_id TEXT NOT NULL,
                    memo_key TEXT NOT NULL,
                    memo_number TEXT NOT NULL,
                    units INTEGER NOT NULL,
                    scale INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    payer_name TEXT,
                    payer_id_qualifier TEXT,
                    payer_id TEXT,
                    reason_code TEXT,
                    reason_code_list TEXT,
                    category TEXT NOT NULL,
                    category_source TEXT NOT NULL,
                    reason_text TEXT,
                    invoice_reference TEXT,
                    memo_date TEXT,
                    purpose TEXT,
                    transaction_id TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    column_number INTEGER NOT NULL,
                    byte_offset INTEGER NOT NULL,
                    PRIMARY KEY (input_sha256, deduction_id)
                );
                CREATE INDEX IF NOT EXISTS announcements_by_memo ON announcements (memo_key);
                """)
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// Switches the history to WAL and begins the write transaction that `record`'s commit releases (or
    /// closing, when the run fails before it).
    ///
    /// SQLite's busy handler does not cover every wait: two runs that open a new history together both
    /// read it, then both ask to change its journal mode, and SQLite fails one at once with "database is
    /// locked" rather than let them wait on each other. Such a failure is tried again, every 20 ms, until
    /// `waitForOtherRun` has passed.
    private static func holdWhenFree(_ database: SQLiteDatabase) throws(SQLiteError) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(waitForOtherRun) * 1_000_000
        while true {
            do throws(SQLiteError) {
                try database.execute("PRAGMA journal_mode=WAL")
                try database.execute("BEGIN IMMEDIATE")
                return
            } catch {
                let busy = error.code & 0xFF == SQLITE_BUSY || error.code & 0xFF == SQLITE_LOCKED
                guard busy, DispatchTime.now().uptimeNanoseconds < deadline else { throw error }
                usleep(20_000)
            }
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

    /// The earlier runs' payments that share a key with `current`, leaving out the rows that this run itself
    /// wrote before: those of inputs in `excluding` (this run's own files) recorded under `runTime`.
    ///
    /// The same file read by a run of another run time is a resend, not a rerun: its rows count, so a
    /// partner's file sent twice byte for byte is set aside the second time like any other repeat.
    public func earlierPayments(matching current: [PaymentKeys], excluding: Set<String>, runTime: String)
        throws(Diagnostic) -> EarlierPayments
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
                    let row = rows.first(where: { !(excluding.contains($0[0].text ?? "") && $0[3].text == runTime) }),
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

    /// Deductions that earlier runs read from 812 memos whose memo numbers are among `memoKeys`
    /// (`MemoLinker.key`), leaving out rows of inputs in `excluding`; oldest run first, in input order.
    public func earlierAnnouncements(memoKeys: Set<String>, excluding: Set<String>) throws(Diagnostic)
        -> [Deduction]
    {
        var found: [Deduction] = []
        do throws(SQLiteError) {
            for key in memoKeys.sorted() {
                let rows = try database.query(
                    "SELECT \(Self.announcementColumns) FROM announcements WHERE memo_key = ? ORDER BY run_time, rowid",
                    [.text(key)])
                found += rows.filter { !excluding.contains($0[0].text ?? "") }.compactMap(Self.announcement)
            }
        } catch {
            throw Self.failure(error, path: path)
        }
        return found
    }

    static let announcementColumns =
        "input_sha256, source, run_time, deduction_id, memo_key, memo_number, units, scale, currency, payer_name, "
        + "payer_id_qualifier, payer_id, reason_code, reason_code_list, category, category_source, reason_text, "
        + "invoice_reference, memo_date, purpose, transaction_id, line, column_number, byte_offset"

    /// An announced deduction as an earlier run read it; its source location names that run's input.
    static func announcement(_ row: [SQLiteValue]) -> Deduction? {
        guard let sha = row[0].text, let source = row[1].text, let id = row[3].text, let memoNumber = row[5].text,
            let units = row[6].integer, let scale = row[7].integer, (0...18).contains(scale),
            let currency = row[8].text, let category = row[14].text.flatMap(DeductionCategory.init(rawValue:)),
            let categorySource = row[15].text
        else { return nil }
        let location = SourceLocation(
            file: source, line: Int(row[21].integer ?? 0), column: Int(row[22].integer ?? 0),
            byteOffset: row[23].integer ?? 0)
        var memo = AdjustmentMemo()
        memo.date = row[18].text.flatMap(CalendarDate.parseISO)
        memo.purpose = row[19].text
        return Deduction(
            id: id, paymentID: nil, lineID: nil,
            amount: Money(FixedDecimal(units: units, scale: UInt8(scale)), currency),
            reasonCode: row[12].text, reasonCodeList: row[13].text, category: category, categorySource: categorySource,
            reasonText: row[16].text, invoiceReference: row[17].text, memoNumber: memoNumber, memoQualifier: nil,
            payer: Party(name: row[9].text, idQualifier: row[10].text, id: row[11].text), paymentTrace: nil,
            origin: .announced,
            provenance: Provenance(location: location, fileSHA256: sha, transactionID: row[20].text ?? ""), memo: memo)
    }

    /// Replaces the rows of this run's inputs with `payments`, in one transaction.
    ///
    /// - Parameters:
    ///   - payments: the payments to remember (those this run did not set aside as repeats).
    ///   - inputs: SHA-256 of every input of this run, with the path it was read from.
    ///   - runTime: the run time recorded in the manifest.
    ///   - announcements: the deductions this run read from 812 memos, remembered for later runs to link.
    public func record(
        _ payments: [PaymentKeys], announcements: [Deduction] = [], inputs: [(sha256: String, path: String)],
        runTime: String
    ) throws(Diagnostic) {
        let paths = Dictionary(inputs.map { ($0.sha256, $0.path) }, uniquingKeysWith: { first, _ in first })
        do throws(SQLiteError) {
            if !holding { try database.execute("BEGIN IMMEDIATE") }
            holding = false
            do throws(SQLiteError) {
                for input in paths.keys.sorted() {
                    // Only this run time's rows: an earlier run that read the same file keeps its own.
                    try database.query(
                        "DELETE FROM payments WHERE input_sha256 = ? AND run_time = ?", [.text(input), .text(runTime)])
                    try database.query("DELETE FROM announcements WHERE input_sha256 = ?", [.text(input)])
                }
                for deduction in announcements {
                    guard let number = deduction.memoNumber, let key = MemoLinker.key(number) else { continue }
                    let sha = deduction.provenance.fileSHA256
                    let location = deduction.provenance.location
                    try database.query(
                        "INSERT OR REPLACE INTO announcements (\(Self.announcementColumns)) VALUES "
                            + "(" + Array(repeating: "?", count: 24).joined(separator: ", ") + ")",
                        [
                            .text(sha), .text(paths[sha] ?? location.file), .text(runTime), .text(deduction.id),
                            .text(key), .text(number), .integer(deduction.amount.amount.units),
                            .integer(Int64(deduction.amount.amount.scale)), .text(deduction.amount.currency),
                            SQLiteValue(deduction.payer.name), SQLiteValue(deduction.payer.idQualifier),
                            SQLiteValue(deduction.payer.id), SQLiteValue(deduction.reasonCode),
                            SQLiteValue(deduction.reasonCodeList), .text(deduction.category.rawValue),
                            .text(deduction.categorySource), SQLiteValue(deduction.reasonText),
                            SQLiteValue(deduction.invoiceReference), SQLiteValue(deduction.memo?.date?.description),
                            SQLiteValue(deduction.memo?.purpose), .text(deduction.provenance.transactionID),
                            .integer(Int64(location.line)), .integer(Int64(location.column)),
                            .integer(location.byteOffset),
                        ])
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
            at: .wholeFile(path),
            hint: "give --history a SQLite file Remit may create or update; a run waits up to 10 minutes for "
                + "another one using the same history")
    }
}
