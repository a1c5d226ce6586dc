import CSQLite3

/// A SQLite connection: the one place Remit touches the C API (the watch ledger, the run history).
///
/// Values cross as Swift values at once (`SQLiteValue`); statements are prepared, bound, stepped and
/// finalized inside one call, so no C pointer outlives it.
package final class SQLiteDatabase {
    private var handle: OpaquePointer?
    package let path: String

    /// Opens (creating when missing) the database at `path`.
    ///
    /// - Throws: `SQLiteError` naming the path and SQLite's message.
    package init(path: String) throws(SQLiteError) {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw SQLiteError(path: path, operation: "open", code: code, message: message)
        }
        handle = db
        // A concurrent reader (`remit status`) waits rather than failing at once.
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// How long a statement waits for another connection's lock before failing with "database is locked".
    package func waitWhenBusy(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Runs statements that return no rows (schema, pragmas, BEGIN/COMMIT).
    package func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "code \(code)"
            sqlite3_free(message)
            throw SQLiteError(path: path, operation: sql, code: code, message: text)
        }
    }

    /// Runs one statement with `parameters` bound in order and returns every row it yields.
    @discardableResult
    package func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(sql, code) }
        defer { sqlite3_finalize(statement) }
        for (offset, value) in parameters.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let number): code = sqlite3_bind_int64(statement, index, number)
            case .text(let text): code = sqlite3_bind_text(statement, index, text, -1, transient)
            }
            guard code == SQLITE_OK else { throw failure(sql, code) }
        }
        var rows: [[SQLiteValue]] = []
        while true {
            code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw failure(sql, code) }
            let count = sqlite3_column_count(statement)
            rows.append(
                (0..<count).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
                    case SQLITE_NULL: return .null
                    default: return .text(String(cString: sqlite3_column_text(statement, column)))
                    }
                })
        }
    }

    private func failure(_ sql: String, _ code: Int32) -> SQLiteError {
        SQLiteError(path: path, operation: sql, code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// SQLite copies bound text at once (`SQLITE_TRANSIENT`), so Swift strings need not outlive the call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value read from or bound to a statement.
package enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)

    package var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    package var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    package init(_ text: String?) {
        self = text.map { .text($0) } ?? .null
    }
}

/// A failed SQLite call: the database file, the statement, SQLite's result code and message.
package struct SQLiteError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var operation: String
    package var code: Int32
    package var message: String

    package init(path: String, operation: String, code: Int32, message: String) {
        self.path = path
        self.operation = operation
        self.code = code
        self.message = message
    }

    /// A UNIQUE (or other) constraint refused the statement.
    package var isConstraintViolation: Bool { code & 0xFF == SQLITE_CONSTRAINT }

    package var description: String {
        "\(path): sqlite error \(code) (\(message)) in: \(operation.prefix(80))"
    }
}
