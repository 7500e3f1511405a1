import Foundation
import GRDBSQLite
import Testing

@testable import PresserStore

/// The SQLite library as Presser sets it up for the process (`SQLiteLibrary`): every SQLite use
/// in this test process goes through a store or `SQLiteLibrary.prepared` first, so the settings
/// made before SQLite starts took effect.
@Suite struct SQLiteLibraryTests {
    /// SQLite counts no memory: with its count on, `sqlite3_memory_used` is the size of every
    /// connection's page cache, schema and statements (965,120 bytes here, with the reference
    /// briefing stored and searched); off, it stays 0.
    @Test func sqliteCountsNoMemoryOnceAStoreIsOpen() async throws {
        let database = try await TestDatabase.make(.sqlite)
        let store = try await database.open()
        let results = await Ingest.run([[Corpus.path("scio-2019-12-09.txt")]], into: store)
        let hits = try await store.search(SearchQuery("poverty", limit: 5))
        #expect(SQLiteLibrary.prepared)
        #expect(sqlite3_memory_used() == 0)
        #expect(results.count == 1 && !hits.isEmpty)
        await store.close()
        await database.remove()
    }
}
