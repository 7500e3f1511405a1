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
    /// In one transaction: runs `first`; if it returns a row, runs `rest` with `.briefingID` bound to
    /// that row's first column, and commits. Returns the row, or nil when `first` returned none (then
    /// nothing is written).
    func write(first: SQLStatement, rest: [SQLStatement]) async throws(StoreError) -> [StoreValue]?
    func close() async
}

enum SQLDialect: Sendable {
    case sqlite, postgres
}
