import Foundation
import Logging
import PostgresNIO

/// The shared store: a PostgreSQL server through postgres-nio, one connection, statements one after
/// another (an actor keeps a transaction's statements together).
///
/// The URL is `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`; TLS is not offered yet, so use it on
/// a trusted network or through a tunnel.
actor PostgresEngine: SQLEngine {
    nonisolated let dialect = SQLDialect.postgres
    nonisolated let location: String
    private let connection: PostgresConnection
    private let logger = Logger(label: "presser.postgres")

    init(url: String, display: String) async throws(StoreError) {
        location = display
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw .badLocation("\(display): not a postgres://user@host/database address")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432,
            username: components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database, tls: .disable)
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw .cannotConnect(location: display, reason: Self.reason(error))
        }
    }

    func migrate(_ migrations: [Migration]) async throws(StoreError) -> [String] {
        do {
            try await run(
                "CREATE TABLE IF NOT EXISTS presser_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            // One migrating process at a time.
            try await run("BEGIN")
            try await run("LOCK TABLE presser_migrations IN EXCLUSIVE MODE")
            let applied = Set(try await rows("SELECT name FROM presser_migrations", []).compactMap { $0.first?.string })
            let known = Set(migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().first {
                try await run("ROLLBACK")
                throw StoreError.newerSchema(location: location, migration: unknown)
            }
            var done: [String] = []
            for m in migrations where !applied.contains(m.name) {
                for sql in m.postgres { try await run(sql) }
                _ = try await rows(
                    "INSERT INTO presser_migrations (name, applied_at) VALUES (?, ?)",
                    [.text(m.name), .text(Date.now.formatted(.iso8601))])
                done.append(m.name)
            }
            try await run("COMMIT")
            return done
        } catch let error as StoreError {
            try? await run("ROLLBACK")
            throw error
        } catch {
            try? await run("ROLLBACK")
            throw .failed(location: location, reason: Self.reason(error))
        }
    }

    func query(_ statement: SQLStatement) async throws(StoreError) -> [[StoreValue]] {
        do {
            return try await rows(statement.sql, statement.arguments)
        } catch {
            throw .failed(location: location, reason: Self.reason(error))
        }
    }

    func query(_ statements: [SQLStatement]) async throws(StoreError) -> [[StoreValue]] {
        var rows: [[StoreValue]] = []
        for statement in statements { rows = try await query(statement) }
        return rows
    }

    func write(reading: [SQLStatement], plan: @Sendable ([[[StoreValue]]]) -> WritePlan) async throws(StoreError)
        -> [StoreValue]?
    {
        do {
            try await run("BEGIN")
            // A write's statements all find rows by key, but PostgreSQL plans them from its
            // statistics, and keeps the plans of its foreign-key checks for the connection's life.
            // Planned while a new store's tables were small or had no statistics yet, they read
            // whole tables: each check of a child row's briefing scanned the briefings (34.7 µs
            // instead of 1.4, for 335,589 checks in 900 briefings stored after 100 were
            // analysed), and the sentence lookups scanned every briefing's sentences. With
            // sequential scans off for the transaction, the plans take the indexes however stale
            // the statistics: the distinct 10,000 into a new database, sentence lookups 2.04 →
            // 0.99 ms each, 366.5 → 359.8 s.
            try await run("SET LOCAL enable_seqscan = off")
            var results: [[[StoreValue]]] = []
            for statement in reading { results.append(try await rows(statement.sql, statement.arguments)) }
            let plan = plan(results)
            guard let row = try await rows(plan.first.sql, plan.first.arguments).first else {
                try await run("ROLLBACK")
                return nil
            }
            let id = row.first?.int64
            for step in plan.rest {
                switch step {
                case .statement(let statement): try await run(statement, id: id)
                case .rows(let table): try await insert(table, id: id)
                }
            }
            try await run("COMMIT")
            return row
        } catch {
            try? await run("ROLLBACK")
            throw .failed(location: location, reason: Self.reason(error))
        }
    }

    /// A table's rows in one statement, from one JSON parameter (`TableRows.jsonInsertSQL`); in
    /// `VALUES` lists when JSON cannot write one of their numbers.
    private func insert(_ table: TableRows, id: Int64?) async throws {
        guard !table.rows.isEmpty else { return }
        if let json = table.json(id: id) {
            _ = try await rows(table.jsonInsertSQL(), [.text(json)])
        } else {
            for statement in table.batches() { try await run(statement, id: id) }
        }
    }

    /// A statement with `briefingID` bound as `id`.
    private func run(_ statement: SQLStatement, id: Int64?) async throws {
        _ = try await rows(
            statement.sql, statement.arguments.map { $0 == .briefingID ? id.map(StoreValue.int) ?? .null : $0 })
    }

    /// Nothing: each turn's tsvector is in the GIN index as soon as the turn is stored.
    func indexPendingTurns() async throws(StoreError) {}

    func close() async {
        try? await connection.close()
    }

    private func run(_ sql: String) async throws {
        _ = try await rows(sql, [])
    }

    /// Runs one statement, `?` placeholders numbered `$1`, `$2`… for PostgreSQL.
    private func rows(_ sql: String, _ arguments: [StoreValue]) async throws -> [[StoreValue]] {
        // Byte by byte (`?` is one byte in UTF-8, and no other character holds that byte): the
        // statements of a briefing run to tens of kilobytes.
        var numbered: [UInt8] = []
        numbered.reserveCapacity(sql.utf8.count + 4 * arguments.count)
        var n = 0
        for byte in sql.utf8 {
            if byte == UInt8(ascii: "?") {
                n += 1
                numbered.append(UInt8(ascii: "$"))
                numbered += String(n).utf8
            } else {
                numbered.append(byte)
            }
        }
        var binds = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value {
            case .int(let i): binds.append(i)
            case .double(let d): binds.append(d)
            // PostgreSQL text cannot hold NUL; nothing Presser stores has one, so only typed
            // queries can, and there it stands for nothing. Looked for byte by byte: Foundation's
            // `contains` of a string took a tenth of an ingest's CPU.
            case .text(let s): binds.append(s.utf8.contains(0) ? s.replacingOccurrences(of: "\u{0}", with: "") : s)
            case .null, .briefingID: binds.appendNull()
            }
        }
        var out: [[StoreValue]] = []
        for try await row in try await connection.query(
            PostgresQuery(unsafeSQL: String(decoding: numbered, as: UTF8.self), binds: binds), logger: logger)
        {
            out.append(row.map(Self.value))
        }
        return out
    }

    private static func value(_ cell: PostgresCell) -> StoreValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(StoreValue.int) ?? .null
        case .float4, .float8, .numeric: return (try? cell.decode(Double.self)).map(StoreValue.double) ?? .null
        default: return (try? cell.decode(String.self)).map(StoreValue.text) ?? .null
        }
    }

    /// The server's own message when there is one ("password authentication failed…").
    static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return "\(underlying)" }
            return "\(psql.code)"
        }
        return "\(error)"
    }
}
