import CPresserSQLite
import GRDBSQLite

/// The SQLite library as this process sets it up, once, before its first connection: SQLite's
/// count of the memory it uses turned off, then the log's writes joined (`JoinedLogWrites`).
///
/// SQLite counts every block it allocates and frees for `sqlite3_memory_used` and its soft heap
/// limit, neither of which Presser reads: a mutex taken and `malloc_usable_size` asked each time,
/// for some 3,000 blocks allocated and freed a stored briefing (a quarter of all the ingest's
/// allocations, counted with a probe on `malloc`). Without the count: `presser bench --ingest` of
/// 1,000 new synthetic briefings, storing 2.00–2.19 ms of CPU a briefing against 2.06–2.24, four
/// runs each alternating.
enum SQLiteLibrary {
    /// Whether the count was turned off; false when something in the process had started SQLite
    /// before (the setting then has to wait for a restart, which SQLite says with SQLITE_MISUSE).
    static let prepared: Bool = prepare()

    private static func prepare() -> Bool {
        let countOff = presser_sqlite3_config_memstatus(0) == SQLITE_OK
        _ = JoinedLogWrites.installed
        return countOff
    }
}
