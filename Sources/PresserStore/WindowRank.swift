import Foundation
import GRDB
import GRDBSQLite

/// BM25 over the window of recent turns, an FTS5 function of SQLite's search index:
/// `window_bm25(turns_fts, N, n1, n2, …)` ranks a matching row as FTS5's `bm25(turns_fts)` does, with
/// the inverse document frequency of each phrase of the query worked out from the `N` rows of the
/// window and the `nᵢ` of them that hold phrase i, which the query counts first.
///
/// FTS5's `bm25` counts, for each phrase, the rows of the whole index that hold it, and it walks
/// the phrase's whole list of rows to do so: for "inflation" in 9.7 million turns (555,330 rows),
/// 50 ms, though the window holds 2,889 of them, which take 2 ms to count. Search ranks the window
/// first (`SQLBriefingStore.rankedHits`), so it ranks it as a corpus of its own. Given the whole
/// index's counts, the function gives `bm25`'s value (tested).
///
/// As FTS5's: score = Σᵢ idfᵢ · fᵢ · (k₁ + 1) / (fᵢ + k₁ · (1 − b + b · |D| / avgdl)), with
/// k₁ = 1.2, b = 0.75, fᵢ the times phrase i is in the row, |D| the row's tokens, avgdl the index's
/// tokens a row, idfᵢ = ln((N − nᵢ + 0.5) / (nᵢ + 0.5)), at least 10⁻⁶; it returns −score (the best
/// first when sorted ascending).
enum WindowRank {
    static let name = "window_bm25"

    /// Makes the function known to the connection `db`. Nothing when FTS5 cannot be reached (the
    /// way SQLite's documentation gives: `SELECT fts5(?)` with a pointer bound), say when the file
    /// is no database: opening it reports that (GRDB's `FTS5.api` would stop the process).
    static func register(on db: Database) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, "SELECT fts5(?1)", -1, &statement, nil) == SQLITE_OK else {
            sqlite3_finalize(statement)
            return
        }
        defer { sqlite3_finalize(statement) }
        var api: UnsafeMutablePointer<fts5_api>?
        // The type SQLite's `fts5()` checks the pointer against, in static storage.
        let type: StaticString = "fts5_api_ptr"
        let stepped = withUnsafeMutablePointer(to: &api) { pointer in
            type.utf8Start.withMemoryRebound(to: CChar.self, capacity: type.utf8CodeUnitCount + 1) {
                sqlite3_bind_pointer(statement, 1, pointer, $0, nil) == SQLITE_OK
                    && sqlite3_step(statement) == SQLITE_ROW
            }
        }
        guard stepped, let api, let create = api.pointee.xCreateFunction else { return }
        _ = name.withCString { create(api, $0, nil, rank, nil) }
    }

    /// The function itself, as FTS5 calls it for each row.
    private static let rank: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let values, count >= 1,
            let phraseCount = api.xPhraseCount, let instCount = api.xInstCount, let inst = api.xInst,
            let columnSize = api.xColumnSize, let totalSize = api.xColumnTotalSize, let rowCount = api.xRowCount
        else {
            sqlite3_result_error(context, "window_bm25(turns_fts, N, n1, …): no FTS5 row", -1)
            return
        }
        let phrases = Int(phraseCount(fts))
        guard Int(count) == 1 + phrases else {
            sqlite3_result_error(context, "window_bm25: give N and one count for each of the query's phrases", -1)
            return
        }
        let window = sqlite3_value_double(values[0])
        var rows: Int64 = 0
        var tokens: Int64 = 0
        var length: Int32 = 0
        var instances: Int32 = 0
        guard rowCount(fts, &rows) == SQLITE_OK, totalSize(fts, -1, &tokens) == SQLITE_OK,
            columnSize(fts, -1, &length) == SQLITE_OK, instCount(fts, &instances) == SQLITE_OK
        else {
            sqlite3_result_error(context, "window_bm25: FTS5 could not read the row", -1)
            return
        }
        var frequency = [Double](repeating: 0, count: phrases)
        for i in 0..<instances {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            if inst(fts, i, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phrases {
                frequency[Int(phrase)] += 1
            }
        }
        let k1 = 1.2
        let b = 0.75
        let averageLength = rows > 0 ? Double(tokens) / Double(rows) : 1
        let lengthFactor = k1 * (1 - b + b * Double(length) / averageLength)
        var score = 0.0
        for i in 0..<phrases where frequency[i] > 0 {
            let holding = sqlite3_value_double(values[1 + i])
            let idf = max(log((window - holding + 0.5) / (holding + 0.5)), 1e-6)
            score += idf * frequency[i] * (k1 + 1) / (frequency[i] + lengthFactor)
        }
        sqlite3_result_double(context, -score)
    }
}
