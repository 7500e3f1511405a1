import Foundation
import GRDB
import GRDBSQLite

/// The embedded store: one SQLite file through GRDB, in WAL mode (readers never wait for the
/// writer), waiting up to 30 seconds for another process's write to finish.
struct SQLiteEngine: SQLEngine {
    let dialect = SQLDialect.sqlite
    let location: String
    private let pool: DatabasePool
    /// Copies the log into the file beside the writer; nil (SQLite then does it in the writer's
    /// commits) when it could not be opened.
    private let checkpointer: Checkpointer?
    /// Set once this process has stored a briefing: closing then tidies the search index.
    private let stored = Flag()
    /// Set by the first `close()`: a second one does nothing (closing the pool's connections
    /// again crashed the process).
    private let closed = Flag()

    init(path: String) throws(StoreError) {
        location = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .badLocation("\(path): cannot create the folder \(directory.path): \(error.localizedDescription)")
        }
        // The library set up once for the process, before its first connection: no memory count,
        // the log's writes joined, a few calls a transaction (`SQLiteLibrary`).
        _ = SQLiteLibrary.prepared
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.label = "presser"
        // In WAL mode, NORMAL syncs at checkpoints, not at every commit: a killed process loses
        // nothing committed and the file stays consistent; a power cut can undo the last few
        // briefings, which the next ingest stores again. 1,000 briefings: 13.7 → 13.0 s.
        // A 16 MiB page cache instead of SQLite's 2 MiB: past a few thousand briefings the indexes
        // the writer inserts into (claims by subject, turns by speaker, the full-text segments) no
        // longer fit in 2 MiB and every insert read its pages back from the file. Ingesting 1,000
        // more into 10,000 briefings: 16.3–17.1 → 15.1–15.7 s, system time 6.2 → 3.9 s, 12 MB more
        // memory; 64 MiB did no better.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -16384")
            WindowRank.register(on: db)
        }
        pool = try Self.open(path: path, configuration: config)
        checkpointer = try? Checkpointer(path: path)
        if let checkpointer {
            pool.writeWithoutTransaction { db in Checkpointer.install(checkpointer, on: db) }
        }
    }

    /// Opens the pool. Opening switches a new file to WAL, which needs the file to itself for a
    /// moment; SQLite answers "database is locked" at once (no busy wait) when another process is
    /// opening or writing it then, so that one error is retried for up to 30 seconds.
    private static func open(path: String, configuration: Configuration) throws(StoreError) -> DatabasePool {
        let deadline = Date().addingTimeInterval(30)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02 + Double.random(in: 0..<0.05))
            } catch {
                throw storeError(error, at: path)
            }
        }
    }

    /// Applies the pending migrations in one write transaction, which SQLite makes IMMEDIATE: a second
    /// process opening the same new file waits for it, then finds the migrations applied. (GRDB's
    /// `DatabaseMigrator` reads what is applied before it takes the write lock, so two processes
    /// starting at once could both run the first migration.) Applied names are kept in GRDB's
    /// `grdb_migrations` table, so files written by earlier versions read the same.
    func migrate(_ migrations: [Migration]) async throws(StoreError) -> [String] {
        let location = location
        do {
            let applied = try await pool.write { db -> [String] in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if applicationID != Schema.applicationID {
                    // A file with tables of its own, or marked by another program, is not ours.
                    if applicationID != 0 || tables.contains(where: { $0 != "grdb_migrations" }) {
                        throw ForeignDatabase()
                    }
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
                try db.execute(
                    sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                let known = Set(migrations.map(\.name))
                if let unknown = applied.subtracting(known).sorted().first { throw NewerSchema(migration: unknown) }
                let pending = migrations.filter { !applied.contains($0.name) }
                for migration in pending {
                    for sql in migration.sqlite { try db.execute(sql: sql) }
                    try db.execute(
                        sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
                }
                // Turns a killed ingest stored but left out of the search index (`SearchIndexing`)
                // go in now, before anything reads the store.
                if known.contains(Schema.searchIndexedThrough) { try Self.indexPendingTurns(db) }
                return pending.map(\.name)
            }
            // A migration may have written the search index anew (in as many segments as a long
            // ingest): closing merges it as after storing.
            if !applied.isEmpty { stored.set() }
            return applied
        } catch is ForeignDatabase {
            throw .foreignDatabase(path: location)
        } catch let error as NewerSchema {
            throw .newerSchema(location: location, migration: error.migration)
        } catch {
            throw Self.storeError(error, at: location)
        }
    }

    func query(_ statement: SQLStatement) async throws(StoreError) -> [[StoreValue]] {
        do {
            return try await pool.read { db in
                try Self.rows(db.makeStatement(sql: statement.sql), statement.arguments, id: nil, in: db)
            }
        } catch {
            throw Self.storeError(error, at: location)
        }
    }

    func query(_ statements: [SQLStatement]) async throws(StoreError) -> [[StoreValue]] {
        do {
            return try await pool.read { db in
                var rows: [[StoreValue]] = []
                for statement in statements {
                    rows = try Self.rows(db.cachedStatement(sql: statement.sql), statement.arguments, id: nil, in: db)
                }
                return rows
            }
        } catch {
            throw Self.storeError(error, at: location)
        }
    }

    func write(reading: [SQLStatement], plan: @Sendable ([[[StoreValue]]]) -> WritePlan) async throws(StoreError)
        -> [StoreValue]?
    {
        do {
            return try await pool.write { db -> [StoreValue]? in
                // The lookups' texts repeat from briefing to briefing (`CorpusLookup`): each is
                // compiled once for the connection's life.
                let results = try reading.map { statement in
                    try Self.rows(db.cachedStatement(sql: statement.sql), statement.arguments, id: nil, in: db)
                }
                let plan = plan(results)
                let first = try db.cachedStatement(sql: plan.first.sql)
                guard let values = try Self.rows(first, plan.first.arguments, id: nil, in: db).first else { return nil }
                let id = values.first?.int64
                for step in plan.rest {
                    switch step {
                    case .statement(let statement):
                        _ = try Self.rows(db.cachedStatement(sql: statement.sql), statement.arguments, id: id, in: db)
                    case .rows(let table):
                        guard !table.rows.isEmpty else { continue }
                        // One statement per table, prepared once for the connection's life.
                        let insert = try db.cachedStatement(sql: table.insertSQL(count: 1))
                        for row in table.rows { _ = try Self.rows(insert, row, id: id, in: db) }
                    }
                }
                stored.set()
                return values
            }
        } catch {
            throw Self.storeError(error, at: location)
        }
    }

    /// Merges the search index's segments down to fewer than four on each level. FTS5 writes each
    /// commit's words as a segment of their own and, with `automerge` at 16 (see `Schema`), merges
    /// a level only once sixteen have piled up: cheaper for an ingest, which commits once a
    /// briefing, but every search reads every segment. 10,000 synthetic briefings ingested leave 10
    /// segments; these merges (1.25 s) leave 4, and searches run faster (p50 4.6–4.75 → 3.5–3.7 ms,
    /// p99 9.6–15 → 5.7–6.1 ms). The `merge` command merges a level of `usermerge` (4) segments or
    /// more, a thousand pages at a time, each step its own transaction; it has done work when the
    /// change count moves by two or more (SQLite's documentation of FTS5).
    static func mergeSearchSegments(_ db: Database) throws {
        for _ in 0..<100_000 {
            let before = db.totalChangesCount
            try db.execute(sql: "INSERT INTO turns_fts (turns_fts, rank) VALUES ('merge', 1000)")
            if db.totalChangesCount - before < 2 { return }
        }
    }

    func indexPendingTurns() async throws(StoreError) {
        do {
            try await pool.write { db in try Self.indexPendingTurns(db) }
        } catch {
            throw Self.storeError(error, at: location)
        }
    }

    /// `Schema.indexPendingTurns`, in the caller's transaction.
    private static func indexPendingTurns(_ db: Database) throws {
        for sql in Schema.indexPendingTurns { try db.execute(sql: sql) }
    }

    func close() async {
        guard closed.setFirst() else { return }
        // After storing: turns left waiting for the search index go in, and the index is merged.
        // A killed process leaves both to the next one (opening takes the turns in).
        if stored.isSet {
            try? await pool.write { db in try Self.indexPendingTurns(db) }
            try? await pool.writeWithoutTransaction { db in try Self.mergeSearchSegments(db) }
        }
        if let checkpointer {
            try? await pool.writeWithoutTransaction { db in Checkpointer.uninstall(on: db) }
            checkpointer.close()
        }
        // The last connection to close copies the log into the file and deletes it, but only if it
        // can write: GRDB closes the writer first and the read-only readers after it, so the log
        // was left behind (190 MB after ingesting 10,000 briefings), to be copied by whichever
        // program opened the file next. Closing the idle readers first makes the writer the last.
        pool.releaseMemory()
        try? pool.close()
    }

    /// A flag set from the writer's queue and read at close (`Mutex` needs macOS 15).
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        /// Sets the flag; true if it was not set before.
        func setFirst() -> Bool {
            lock.withLock {
                defer { value = true }
                return !value
            }
        }
        var isSet: Bool { lock.withLock { value } }
    }

    private struct ForeignDatabase: Error {}
    private struct NewerSchema: Error { var migration: String }

    /// Runs a statement, the values bound and the rows read straight off SQLite's statement (text
    /// and blobs as text, as they were read from GRDB's rows); an insert returns none. GRDB's
    /// `StatementArguments` converts each value through generic code and key paths, which was a
    /// fifth of the writer's own time on the ~400 rows a briefing inserts; its rows and a copy of
    /// each cost the lookups 0.1–0.3 ms a briefing (`presser bench --ingest` of 1,000 synthetic
    /// briefings, storing 2.60–2.79 → 2.50 ms).
    private static func rows(_ statement: Statement, _ values: [StoreValue], id: Int64?, in db: Database) throws
        -> [[StoreValue]]
    {
        // The bound text's buffer on the stack when it is small (most lookups), else the heap.
        try withUnsafeTemporaryAllocation(byteCount: boundTextCount(values), alignment: 1) { text in
            try rows(statement, values, id: id, text: text, in: db)
        }
    }

    private static func rows(
        _ statement: Statement, _ values: [StoreValue], id: Int64?, text: UnsafeMutableRawBufferPointer,
        in db: Database
    ) throws -> [[StoreValue]] {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(values, id: id, text: text, to: statement, in: db)
        let columns = sqlite3_column_count(handle)
        var rows: [[StoreValue]] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw error(code, statement, db) }
            var row: [StoreValue] = []
            row.reserveCapacity(Int(columns))
            for column in 0..<columns {
                switch sqlite3_column_type(handle, column) {
                case SQLITE_INTEGER: row.append(.int(sqlite3_column_int64(handle, column)))
                case SQLITE_FLOAT: row.append(.double(sqlite3_column_double(handle, column)))
                case SQLITE_NULL: row.append(.null)
                default:
                    // The text first, then its length (SQLite's order for a value it may convert).
                    guard let text = sqlite3_column_text(handle, column) else {
                        row.append(.text(""))
                        continue
                    }
                    let count = Int(sqlite3_column_bytes(handle, column))
                    row.append(.text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)))
                }
            }
            rows.append(row)
        }
    }

    /// Binds `values` to the statement's parameters, in order; `.briefingID` is `id`. Text is
    /// copied into `text` (`boundTextCount(values)` bytes), which SQLite reads in place
    /// (`SQLITE_STATIC`) until the statement is reset: with `SQLITE_TRANSIENT` SQLite made its own
    /// copy of every value, an allocation each (1,165 a briefing, a twelfth of all an ingest makes).
    private static func bind(
        _ values: [StoreValue], id: Int64?, text: UnsafeMutableRawBufferPointer, to statement: Statement,
        in db: Database
    ) throws {
        let handle = statement.sqliteStatement
        var offset = 0
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .int(let n): code = sqlite3_bind_int64(handle, index, n)
            case .double(let d): code = sqlite3_bind_double(handle, index, d)
            case .text(var string):
                // An empty value still points into the buffer: a null address would bind NULL.
                let start = offset
                string.withUTF8 { utf8 in
                    UnsafeMutableRawBufferPointer(rebasing: text[start..<start + utf8.count])
                        .copyMemory(from: UnsafeRawBufferPointer(utf8))
                    offset += utf8.count
                }
                let bytes = text.baseAddress.map { $0 + start }?.assumingMemoryBound(to: CChar.self)
                code = sqlite3_bind_text(handle, index, bytes, Int32(offset - start), nil)
            case .null: code = sqlite3_bind_null(handle, index)
            case .briefingID:
                code = id.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw error(code, statement, db) }
        }
    }

    /// The bytes `bind` copies `values`' text into; at least one, so the buffer has an address.
    private static func boundTextCount(_ values: [StoreValue]) -> Int {
        var count = 1
        for case .text(let string) in values { count += string.utf8.count }
        return count
    }

    private static func error(_ code: Int32, _ statement: Statement, _ db: Database) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// A damaged or foreign file says so; anything else keeps SQLite's message.
    static func storeError(_ error: any Error, at path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let db = error as? DatabaseError else { return .failed(location: path, reason: "\(error)") }
        switch db.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path, reason: db.message ?? "file is not a database")
        case .SQLITE_CANTOPEN:
            return .badLocation("\(path): cannot open the database file")
        default:
            return .failed(location: path, reason: db.message ?? "\(db)")
        }
    }
}
