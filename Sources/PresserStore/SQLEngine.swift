/// The little a store needs from a database: queries, one kind of write transaction, migrations.
/// `SQLiteEngine` and `PostgresEngine` provide it; `SQLBriefingStore` does the rest once for both.
protocol SQLEngine: Sendable {
    var dialect: SQLDialect { get }
    /// The location, for messages (no password).
    var location: String { get }
    /// Applies the migrations not applied yet; throws when the database has one this list lacks.
    func migrate(_ migrations: [Migration]) async throws(StoreError) -> [String]
    /// Runs a query (`?` placeholders) and returns its rows.
    func query(_ statement: SQLStatement) async throws(StoreError) -> [[StoreValue]]
    /// Runs the statements one after another in one read (on SQLite, on one connection, whose
    /// temporary tables they may write) and returns the last one's rows.
    func query(_ statements: [SQLStatement]) async throws(StoreError) -> [[StoreValue]]
    /// Runs the queries `reading`, hands their rows (one list per query, in order) to `plan`, and, in
    /// one transaction, runs the plan's `first`; if it returns a row, runs its `rest` with
    /// `.briefingID` bound to that row's first column, and commits. Returns the row, or nil when
    /// `first` returned none (then nothing is written). The queries run in the write transaction
    /// (on SQLite on the writer's connection, whose cache the last briefings left warm).
    func write(reading: [SQLStatement], plan: @Sendable ([[[StoreValue]]]) -> WritePlan) async throws(StoreError)
        -> [StoreValue]?
    /// Runs `Schema.indexPendingTurns` in a transaction of its own (SQLite; nothing on PostgreSQL).
    func indexPendingTurns() async throws(StoreError)
    func close() async
}

enum SQLDialect: Sendable {
    case sqlite, postgres
}

/// The statements of one write transaction (see `SQLEngine.write`).
struct WritePlan: Sendable {
    var first: SQLStatement
    var rest: [SQLWrite]
}

/// One step of a write: a statement, or rows for a table, which each engine inserts its own way
/// (SQLite one row at a time through a statement it keeps prepared, PostgreSQL all of them in one
/// statement, from a JSON parameter).
enum SQLWrite: Sendable {
    case statement(SQLStatement)
    case rows(TableRows)
}
