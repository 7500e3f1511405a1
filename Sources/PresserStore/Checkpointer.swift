import Foundation
import GRDB
import GRDBSQLite

/// Copies the write-ahead log back into the database file on a thread of its own, so that the one
/// writer only appends to the log. SQLite would otherwise do it in the commit that takes the log
/// past 1,000 pages (its automatic checkpoint), about every dozen briefings: reading those pages
/// back, writing them into the file and syncing both, some 2 of the 8 to 10 ms (wall clock) the
/// writer spent on a synthetic briefing.
///
/// The checkpoints are the same PASSIVE ones, started when the log holds 1,000 pages not yet
/// copied: the writer's connection reports each commit's log size (`sqlite3_wal_hook`, which turns
/// the automatic checkpoint off for that connection), and a second connection copies while the
/// writer goes on. A checkpoint never waits for the writer or for readers; what it cannot copy yet
/// is copied by the next one, and the writer starts the log over once all of it is (past 16,000
/// pages, about 66 MB, the writer copies the rest itself; see `walHook`).
final class Checkpointer: @unchecked Sendable {
    /// Log pages after a commit that start a checkpoint (SQLite's automatic checkpoint's default).
    static let pages: Int32 = 1000

    private let connection: DatabaseQueue
    private let queue = DispatchQueue(label: "presser.checkpoint")
    /// A checkpoint is waiting to start or under way; commits meanwhile ask for none more.
    /// Guarded by `lock` (what makes the class Sendable; `Mutex` needs macOS 15).
    private var scheduled = false
    /// The log's pages the last checkpoint had copied into the file. Guarded by `lock`.
    private var copied: Int32 = 0
    private let lock = NSLock()

    init(path: String) throws(StoreError) {
        var config = Configuration()
        config.label = "presser.checkpoint"
        // As the writer: the checkpoint syncs the log and the file, commits do not.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            connection = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw SQLiteEngine.storeError(error, at: path)
        }
    }

    /// Called by the writer's connection after each commit, with the log's length in pages.
    ///
    /// A checkpoint starts when the log holds 1,000 pages no checkpoint has copied yet, not at
    /// every commit once the log is 1,000 pages long: the writer commits while a checkpoint
    /// copies, so the log is seldom all copied when the writer's next transaction would start it
    /// over, and it stayed that long. Each commit then started a checkpoint of its own few pages,
    /// with the log and the file synced each time: 900 syncs for 1,000 briefings, 2% of an
    /// ingest's CPU, and the pages every commit changes (the indexes' upper levels) written into
    /// the file again each time.
    func committed(pages: Int32) {
        let start = lock.withLock {
            // A log shorter than was copied has been started over.
            if pages < copied { copied = 0 }
            guard !scheduled, pages - copied >= Self.pages else { return false }
            scheduled = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            // A failure (the disk full, say) leaves the log as it is: the next checkpoint, or the
            // last connection's when the database closes, copies it.
            let done = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            lock.withLock {
                scheduled = false
                if let done, done.checkpointedFrameCount >= 0 { copied = Int32(clamping: done.checkpointedFrameCount) }
            }
        }
    }

    /// Waits for the checkpoint under way, if any, and closes the connection.
    func close() {
        queue.sync {}
        try? connection.close()
    }

    /// Hands the writer's connection's commits to `checkpointer` (`Unmanaged`: the caller keeps it
    /// alive until `uninstall`).
    static func install(_ checkpointer: Checkpointer, on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, walHook, Unmanaged.passUnretained(checkpointer).toOpaque())
    }

    /// Gives the connection back its automatic checkpoint.
    static func uninstall(on db: Database) {
        sqlite3_wal_autocheckpoint(db.sqliteConnection, pages)
    }
}

private func walHook(
    context: UnsafeMutableRawPointer?, db: OpaquePointer?, name: UnsafePointer<CChar>?, pages: Int32
) -> Int32 {
    if let context { Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().committed(pages: pages) }
    // The writer starts the log over only when a checkpoint has copied all of it before its next
    // transaction begins; one that keeps losing that race lets the log grow. Past sixteen times the
    // usual length the writer copies what is left itself, as SQLite's automatic checkpoint would
    // (at once busy, and skipped, while the other connection is copying). At four times, with the
    // checkpoints started by what is left to copy, the writer did so every few hundred briefings,
    // and on distinct briefings, where the writer sets the pace, that cost 5–10% of the time.
    if pages >= 16 * Checkpointer.pages {
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
    return SQLITE_OK
}
