import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// SQLite's default file layer with the write-ahead log's writes joined: SQLite writes each frame
/// of the log as two `pwrite` calls, its 24-byte header and then its page, some 200 calls for the
/// hundred pages a stored briefing commits, and the kernel's cost is per call. Here a log's writes
/// that follow one another are gathered in memory and written, in calls of up to 124 KiB, once the
/// transaction's commit frame is written (a frame header whose second field, the database's size
/// after the commit, is not zero), before SQLite publishes the commit to other connections; and
/// before anything else is done with the file (read, sync, truncate, size, file control, close),
/// and past 1 MiB. Nothing else changes: the database file and every other file go straight
/// through, and the log holds the same bytes in the same places, so a store written this way is
/// an ordinary SQLite file.
///
/// Why it is safe: a killed process loses only frames of a transaction that had not committed,
/// which SQLite would ignore; readers in this process or another read a frame only after the
/// commit that made it visible, and that commit's frames are in the file by then. Measured: a
/// write of 24 + 4,096 bytes a frame, two calls each, cost 0.32–0.39 ms of CPU for 103 frames
/// against 0.05 for one call of all of them.
enum JoinedLogWrites {
    /// The name the file layer is registered under, as SQLite's default.
    static let name = "presser-joined-log"

    /// Registers the file layer as SQLite's default, once for the process, before any connection
    /// opens. False if SQLite had no default file layer to build on.
    static let installed: Bool = install()

    private static func install() -> Bool {
        guard let base = sqlite3_vfs_find(nil) else { return false }
        real = base
        let vfs = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)
        vfs.initialize(to: base.pointee)
        vfs.pointee.pNext = nil
        vfs.pointee.zName = UnsafePointer(strdup(name))
        vfs.pointee.szOsFile = Int32(headerSize) + base.pointee.szOsFile
        vfs.pointee.xOpen = { _, path, file, flags, outFlags in
            JoinedLogWrites.open(path, file, flags, outFlags)
        }
        return sqlite3_vfs_register(vfs, 1) == SQLITE_OK
    }

    /// The file layer this one builds on (SQLite's "unix"), set once before registering.
    nonisolated(unsafe) private static var real: UnsafeMutablePointer<sqlite3_vfs>?

    /// Ahead of the file SQLite's own layer opens: our `sqlite3_file` (its methods) and a pointer
    /// to the log's pending writes (nil for every other file).
    private static let headerSize = 16

    /// A log's writes not yet made.
    private struct Pending {
        var bytes: UnsafeMutableRawPointer
        var capacity: Int
        /// Where in the file the first pending byte goes.
        var start: Int64 = 0
        var count = 0
        /// The commit frame's header was just written: its page ends the transaction.
        var committing = false
        /// Calls made to the layer below, and the bytes they wrote (`writes(ofLogOf:)`).
        var calls = 0
        var written = 0
    }

    /// The writes made to the log of `connection` since it was opened, as calls to the layer below
    /// and the bytes they wrote; nil if the connection has no log open through this layer.
    static func writes(ofLogOf connection: OpaquePointer) -> (calls: Int, bytes: Int)? {
        var log: UnsafeMutablePointer<sqlite3_file>?
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log) == SQLITE_OK, let log,
            log.pointee.pMethods == UnsafePointer(fullMethods) || log.pointee.pMethods == UnsafePointer(basicMethods),
            let pending = pendingSlot(log).pointee
        else { return nil }
        return (pending.pointee.calls, pending.pointee.written)
    }

    /// Past this many pending bytes they are written out: a briefing's transaction is about
    /// 400 KiB, a batch into the search index a few MiB.
    private static let limit = 1 << 20

    private static func realFile(_ file: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<sqlite3_file> {
        (UnsafeMutableRawPointer(file) + headerSize).assumingMemoryBound(to: sqlite3_file.self)
    }

    private static func pendingSlot(_ file: UnsafeMutablePointer<sqlite3_file>)
        -> UnsafeMutablePointer<UnsafeMutablePointer<Pending>?>
    {
        (UnsafeMutableRawPointer(file) + MemoryLayout<sqlite3_file>.stride)
            .assumingMemoryBound(to: UnsafeMutablePointer<Pending>?.self)
    }

    private static func open(
        _ path: sqlite3_filename?, _ file: UnsafeMutablePointer<sqlite3_file>?, _ flags: Int32,
        _ outFlags: UnsafeMutablePointer<Int32>?
    ) -> Int32 {
        guard let file, let real, let realOpen = real.pointee.xOpen else { return SQLITE_CANTOPEN }
        file.pointee.pMethods = nil
        pendingSlot(file).pointee = nil
        let inner = realFile(file)
        inner.pointee.pMethods = nil
        let rc = realOpen(real, path, inner, flags, outFlags)
        guard rc == SQLITE_OK else { return rc }
        guard let methods = inner.pointee.pMethods else { return SQLITE_CANTOPEN }
        if flags & SQLITE_OPEN_WAL != 0 {
            let pending = UnsafeMutablePointer<Pending>.allocate(capacity: 1)
            // Grown as needed, up to `limit`: readers' logs never hold anything.
            let capacity = 64 << 10
            pending.initialize(to: Pending(bytes: .allocate(byteCount: capacity, alignment: 16), capacity: capacity))
            pendingSlot(file).pointee = pending
        }
        let full = methods.pointee.iVersion >= 3 && methods.pointee.xShmMap != nil
        file.pointee.pMethods = UnsafePointer(full ? fullMethods : basicMethods)
        return SQLITE_OK
    }

    /// Writes out the pending bytes of `file`, if any, in calls of at most `chunk` bytes. What a
    /// failed call (a full disk) left unwritten stays pending, to be written before anything else
    /// is: SQLite ignores the outcome of some calls (file controls, hints), and a commit must never
    /// reach the file ahead of frames before it.
    private static func flush(_ file: UnsafeMutablePointer<sqlite3_file>) -> Int32 {
        guard let pending = pendingSlot(file).pointee, pending.pointee.count > 0 else { return SQLITE_OK }
        let inner = realFile(file)
        guard let write = inner.pointee.pMethods?.pointee.xWrite else { return SQLITE_IOERR }
        let p = pending.pointee
        var done = 0
        while done < p.count {
            let n = min(chunk, p.count - done)
            let rc = write(inner, p.bytes + done, Int32(n), p.start + Int64(done))
            guard rc == SQLITE_OK else {
                p.bytes.copyMemory(from: p.bytes + done, byteCount: p.count - done)
                pending.pointee.start += Int64(done)
                pending.pointee.count -= done
                return rc
            }
            done += n
            pending.pointee.calls += 1
            pending.pointee.written += n
        }
        pending.pointee.count = 0
        pending.pointee.committing = false
        return SQLITE_OK
    }

    /// The most the unix layer writes in one call: it keeps only the low 17 bits of a write's size
    /// (a page is at most 64 KiB), so a larger write came out short and was reported as a full disk.
    /// 124 KiB, a whole number of 4 KiB blocks.
    private static let chunk = 0x1_F000

    private static func write(
        _ file: UnsafeMutablePointer<sqlite3_file>, _ data: UnsafeRawPointer, _ amount: Int32, _ offset: Int64
    ) -> Int32 {
        let inner = realFile(file)
        guard let realWrite = inner.pointee.pMethods?.pointee.xWrite else { return SQLITE_IOERR }
        guard let pending = pendingSlot(file).pointee, amount > 0 else {
            return realWrite(inner, data, amount, offset)
        }
        // Written straight through, after what is pending: counted.
        func through() -> Int32 {
            let rc = realWrite(inner, data, amount, offset)
            if rc == SQLITE_OK {
                pending.pointee.calls += 1
                pending.pointee.written += Int(amount)
            }
            return rc
        }
        let count = Int(amount)
        // A frame header: the page's number, then the database's size in pages after the commit,
        // big endian, zero unless this frame commits. The write after a commit frame's header is
        // its page, the transaction's last: taken before anything below is written out.
        let endsTransaction = pending.pointee.committing
        let commitHeader = count == 24 && data.loadUnaligned(fromByteOffset: 4, as: UInt32.self) != 0
        var p = pending.pointee
        let end = p.start + Int64(p.count)
        if p.count > 0 && offset >= p.start && offset + Int64(count) <= end {
            // Inside what is pending (a frame written again before its commit): changed there.
            (p.bytes + Int(offset - p.start)).copyMemory(from: data, byteCount: count)
        } else {
            if p.count > 0 && (offset != end || p.count + count > limit) {
                let rc = flush(file)
                guard rc == SQLITE_OK else { return rc }
                p = pending.pointee
            }
            if count > limit {
                pending.pointee.committing = commitHeader
                return through()
            }
            if p.count == 0 { p.start = offset }
            if p.count + count > p.capacity {
                var capacity = p.capacity
                while capacity < p.count + count { capacity *= 2 }
                let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
                grown.copyMemory(from: p.bytes, byteCount: p.count)
                p.bytes.deallocate()
                p.bytes = grown
                p.capacity = capacity
            }
            (p.bytes + p.count).copyMemory(from: data, byteCount: count)
            p.count += count
        }
        p.committing = commitHeader
        pending.pointee = p
        return endsTransaction ? flush(file) : SQLITE_OK
    }

    private static func close(_ file: UnsafeMutablePointer<sqlite3_file>) -> Int32 {
        let flushed = flush(file)
        let inner = realFile(file)
        let rc = inner.pointee.pMethods?.pointee.xClose?(inner) ?? SQLITE_OK
        if let pending = pendingSlot(file).pointee {
            pending.pointee.bytes.deallocate()
            pending.deinitialize(count: 1)
            pending.deallocate()
            pendingSlot(file).pointee = nil
        }
        file.pointee.pMethods = nil
        return flushed != SQLITE_OK ? flushed : rc
    }

    /// The methods of every file opened here; `basicMethods` for a file whose own layer has no
    /// shared memory (then SQLite does not offer WAL on it, as without this layer).
    nonisolated(unsafe) private static let fullMethods = methods(version: 3)
    nonisolated(unsafe) private static let basicMethods = methods(version: 1)

    /// Calls `call` with the file SQLite's own layer opened and its methods, after writing out
    /// what is pending if `flushing`; `failure` if there is no file or method to call.
    private static func passing(
        _ file: UnsafeMutablePointer<sqlite3_file>?, flushing: Bool = false, failure: Int32,
        _ call: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods) -> Int32?
    ) -> Int32 {
        guard let file else { return failure }
        if flushing {
            let rc = flush(file)
            guard rc == SQLITE_OK else { return rc }
        }
        let inner = realFile(file)
        guard let methods = inner.pointee.pMethods?.pointee else { return failure }
        return call(inner, methods) ?? failure
    }

    private static func methods(version: Int32) -> UnsafeMutablePointer<sqlite3_io_methods> {
        let m = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
        m.initialize(to: sqlite3_io_methods())
        m.pointee.iVersion = version
        m.pointee.xClose = { file in file.map(JoinedLogWrites.close) ?? SQLITE_OK }
        m.pointee.xWrite = { file, data, amount, offset in
            guard let file, let data else { return SQLITE_IOERR }
            return JoinedLogWrites.write(file, data, amount, offset)
        }
        // What reads the file, or its size, or changes it otherwise, comes after the pending writes.
        m.pointee.xRead = { file, buffer, amount, offset in
            JoinedLogWrites.passing(file, flushing: true, failure: SQLITE_IOERR) {
                $1.xRead?($0, buffer, amount, offset)
            }
        }
        m.pointee.xTruncate = { file, size in
            JoinedLogWrites.passing(file, flushing: true, failure: SQLITE_IOERR) { $1.xTruncate?($0, size) }
        }
        m.pointee.xSync = { file, flags in
            JoinedLogWrites.passing(file, flushing: true, failure: SQLITE_IOERR) { $1.xSync?($0, flags) }
        }
        m.pointee.xFileSize = { file, size in
            JoinedLogWrites.passing(file, flushing: true, failure: SQLITE_IOERR) { $1.xFileSize?($0, size) }
        }
        m.pointee.xFileControl = { file, op, argument in
            JoinedLogWrites.passing(file, flushing: true, failure: SQLITE_NOTFOUND) {
                $1.xFileControl?($0, op, argument)
            }
        }
        m.pointee.xLock = { file, level in
            JoinedLogWrites.passing(file, failure: SQLITE_IOERR) { $1.xLock?($0, level) }
        }
        m.pointee.xUnlock = { file, level in
            JoinedLogWrites.passing(file, failure: SQLITE_IOERR) { $1.xUnlock?($0, level) }
        }
        m.pointee.xCheckReservedLock = { file, out in
            JoinedLogWrites.passing(file, failure: SQLITE_IOERR) { $1.xCheckReservedLock?($0, out) }
        }
        m.pointee.xSectorSize = { file in
            JoinedLogWrites.passing(file, failure: 4096) { $1.xSectorSize?($0) }
        }
        m.pointee.xDeviceCharacteristics = { file in
            JoinedLogWrites.passing(file, failure: 0) { $1.xDeviceCharacteristics?($0) }
        }
        guard version >= 3 else { return m }
        m.pointee.xShmMap = { file, page, size, extend, pointer in
            JoinedLogWrites.passing(file, failure: SQLITE_IOERR) { $1.xShmMap?($0, page, size, extend, pointer) }
        }
        m.pointee.xShmLock = { file, offset, n, flags in
            JoinedLogWrites.passing(file, failure: SQLITE_IOERR) { $1.xShmLock?($0, offset, n, flags) }
        }
        m.pointee.xShmBarrier = { file in
            _ = JoinedLogWrites.passing(file, failure: SQLITE_OK) { inner, methods in
                methods.xShmBarrier?(inner)
                return SQLITE_OK
            }
        }
        m.pointee.xShmUnmap = { file, delete in
            JoinedLogWrites.passing(file, failure: SQLITE_OK) { $1.xShmUnmap?($0, delete) }
        }
        m.pointee.xFetch = { file, offset, amount, pointer in
            pointer?.pointee = nil
            return JoinedLogWrites.passing(file, flushing: true, failure: SQLITE_OK) {
                $1.xFetch?($0, offset, amount, pointer)
            }
        }
        m.pointee.xUnfetch = { file, offset, pointer in
            JoinedLogWrites.passing(file, failure: SQLITE_OK) { $1.xUnfetch?($0, offset, pointer) }
        }
        return m
    }
}
