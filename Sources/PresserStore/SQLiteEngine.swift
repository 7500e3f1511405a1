import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB, in WAL mode (readers never wait for the
/// writer), waiting up to 30 seconds for another process's write to finish.
struct SQLiteEngine: SQLEngine {
    let dialect = SQLDialect.sqlite
    let location: String
    private let pool: DatabasePool

    init(path: String) throws(StoreError) {
        location = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .badLocation("\(path): cannot create the folder \(directory.path): \(error.localizedDescription)")
        }
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.label = "presser"
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw Self.storeError(error, at: path)
        }
    }

    func migrate(_ migrations: [Migration]) async throws(StoreError) -> [String] {
        var migrator = DatabaseMigrator()
        for m in migrations {
            migrator.registerMigration(m.name) { db in
                for sql in m.sqlite { try db.execute(sql: sql) }
            }
        }
        let known = Set(migrations.map(\.name))
        let location = location
        let registered = migrator
        let pending: [String]
        do {
            pending = try await pool.write { db -> [String] in
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
                let applied = try registered.appliedIdentifiers(db)
                if let unknown = applied.subtracting(known).sorted().first { throw NewerSchema(migration: unknown) }
                return migrations.map(\.name).filter { !applied.contains($0) }
            }
        } catch is ForeignDatabase {
            throw .foreignDatabase(path: location)
        } catch let error as NewerSchema {
            throw .newerSchema(location: location, migration: error.migration)
        } catch {
            throw Self.storeError(error, at: location)
        }
        do {
            try migrator.migrate(pool)
        } catch {
            throw Self.storeError(error, at: location)
        }
        return pending
    }

    func query(_ statement: SQLStatement) async throws(StoreError) -> [[StoreValue]] {
        let arguments = Self.arguments(statement.arguments, id: nil)
        do {
            return try await pool.read { db in
                try Row.fetchAll(db, sql: statement.sql, arguments: arguments).map(Self.values)
            }
        } catch {
            throw Self.storeError(error, at: location)
        }
    }

    func write(first: SQLStatement, rest: [SQLStatement]) async throws(StoreError) -> [StoreValue]? {
        let firstArguments = Self.arguments(first.arguments, id: nil)
        do {
            return try await pool.write { db -> [StoreValue]? in
                guard let row = try Row.fetchOne(db, sql: first.sql, arguments: firstArguments) else { return nil }
                let values = Self.values(row)
                let id = values.first?.int64
                for statement in rest {
                    try db.execute(sql: statement.sql, arguments: Self.arguments(statement.arguments, id: id))
                }
                return values
            }
        } catch {
            throw Self.storeError(error, at: location)
        }
    }

    func close() async {
        try? pool.close()
    }

    private struct ForeignDatabase: Error {}
    private struct NewerSchema: Error { var migration: String }

    private static func arguments(_ values: [StoreValue], id: Int64?) -> StatementArguments {
        StatementArguments(
            values.map { v -> (any DatabaseValueConvertible)? in
                switch v {
                case .int(let n): n
                case .double(let d): d
                case .text(let s): s
                case .null: nil
                case .briefingID: id
                }
            })
    }

    private static func values(_ row: Row) -> [StoreValue] {
        (0..<row.count).map { i in
            let value: DatabaseValue = row[i]
            switch value.storage {
            case .int64(let n): return .int(n)
            case .double(let d): return .double(d)
            case .string(let s): return .text(s)
            case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
            case .null: return .null
            }
        }
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
