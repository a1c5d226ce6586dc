// The watch service's ledger: the system SQLite 3 (WAL mode), reached through RemitWatch/SQLiteDatabase.swift.
#include <sqlite3.h>
