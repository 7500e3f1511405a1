import Foundation
import GRDB
import PresserEval
import Testing

@testable import PresserStore

/// The log's writes joined (`JoinedLogWrites`): a commit goes to the log in a few calls instead of
/// two a page, and what it writes is an ordinary SQLite log, which every connection reads at
/// every commit: another of this process's, and another program's (Python's `sqlite3`, with
/// SQLite's own file layer), while the log is not yet copied into the file.
@Suite struct JoinedLogWritesTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-log-\(UUID())")

    /// Rows as another program reads them: their count and the sum of all their bytes.
    func readByPython(_ path: String) throws -> [Int] {
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            rows = [r[0] for r in c.execute("select b from t order by id")]
            ok = c.execute("pragma integrity_check").fetchone()[0] == "ok"
            print(len(rows), sum(sum(b) for b in rows), int(ok))
            """
        let output = try python(script, path)
        return output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    @Test func aCommitIsWrittenInAFewCallsAndReadEverywhere() throws {
        #expect(SQLiteLibrary.prepared && JoinedLogWrites.installed)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.sqlite").path
        var config = Configuration()
        // The log is left uncopied, so that every reader reads the rows from it.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        let pool = try DatabasePool(path: path, configuration: config)
        try pool.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB NOT NULL)") }
        var random = SplitMix64(seed: 27)
        func blobs(_ count: Int) -> [Data] {
            (0..<count).map { _ in
                let words = (0..<375).map { _ in random.next() }
                return words.withUnsafeBytes { Data($0) }
            }
        }
        /// Stores the rows in one transaction (or rolls it back) and returns the log writes it made.
        func store(_ rows: [Data], commit: Bool = true) throws -> (calls: Int, bytes: Int) {
            try pool.writeWithoutTransaction { db in
                let connection = try #require(db.sqliteConnection)
                let before = try #require(JoinedLogWrites.writes(ofLogOf: connection))
                try db.inTransaction {
                    for row in rows { try db.execute(sql: "INSERT INTO t (b) VALUES (?)", arguments: [row]) }
                    return commit ? .commit : .rollback
                }
                let after = try #require(JoinedLogWrites.writes(ofLogOf: connection))
                return (after.calls - before.calls, after.bytes - before.bytes)
            }
        }
        var stored: [Data] = []
        func expectReadBack() throws {
            let read = try pool.read { db in try Data.fetchAll(db, sql: "SELECT b FROM t ORDER BY id") }
            #expect(read == stored)
            let sum = stored.reduce(0) { $0 + $1.reduce(0) { $0 + Int($1) } }
            #expect(try readByPython(path) == [stored.count, sum, 1])
        }

        // 100 rows of 3,000 bytes, a page each and a few more for the table's interior: each frame
        // is 24 + 4,096 bytes, two writes without this layer; here a few calls of at most 124 KiB.
        let first = blobs(100)
        let written = try store(first)
        stored += first
        #expect(written.bytes >= 100 * 4_120 && written.bytes <= 110 * 4_120, "\(written)")
        #expect(written.calls >= 1 && written.calls <= written.bytes / 126_976 + 1, "\(written)")
        try expectReadBack()

        // A transaction rolled back leaves nothing anyone reads; the next commit writes where it
        // would have.
        _ = try store(blobs(50), commit: false)
        let small = blobs(3)
        let few = try store(small)
        stored += small
        #expect(few.calls == 1, "\(few)")
        try expectReadBack()

        // 1,000 rows, 3 MB: past the 1 MiB held at most before writing, in calls of at most
        // 124 KiB all the same.
        let large = blobs(1_000)
        let many = try store(large)
        stored += large
        #expect(many.bytes >= 1_000 * 4_120, "\(many)")
        #expect(many.calls <= many.bytes / 126_976 + many.bytes / (1 << 20) + 2, "\(many)")
        try expectReadBack()

        // A second pool on the same file, and the file after both are closed.
        let other = try DatabasePool(path: path)
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == stored.count)
        try other.close()
        try pool.close()
        #expect(try readByPython(path).first == stored.count)
    }
}
