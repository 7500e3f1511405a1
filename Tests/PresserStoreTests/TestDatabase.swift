import Foundation
import PresserStore
import Testing

@testable import PresserStore

/// A throw-away database for one test: a fresh SQLite file in a temporary folder, or a fresh
/// database on the PostgreSQL server named by PRESSER_TEST_POSTGRES_URL (CI starts one; see .ci/run).
struct TestDatabase {
    enum Backend: String, Sendable, CaseIterable { case sqlite, postgres }

    /// The server for the PostgreSQL suite, or nil (the suite is then skipped, with that reason).
    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["PRESSER_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }()

    let location: StoreLocation
    private let cleanup: @Sendable () async -> Void

    static func make(_ backend: Backend) async throws -> TestDatabase {
        let name = "presser_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return TestDatabase(location: .sqlite(path: folder.appendingPathComponent("presser.sqlite").path)) {
                try? FileManager.default.removeItem(at: folder)
            }
        case .postgres:
            let server = try #require(postgresURL)
            let admin = try await PostgresEngine(url: server, display: "test server")
            _ = try await admin.query(SQLStatement("CREATE DATABASE \(name)"))
            await admin.close()
            var components = try #require(URLComponents(string: server))
            components.path = "/" + name
            let url = try #require(components.string)
            return TestDatabase(location: .postgres(url: url)) {
                if let admin = try? await PostgresEngine(url: server, display: "test server") {
                    _ = try? await admin.query(SQLStatement("DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
                    await admin.close()
                }
            }
        }
    }

    func open() async throws -> any BriefingStore { try await location.open() }

    /// The store with a search window of `recentTurns` turns (`SQLBriefingStore.recentTurns`), so
    /// that a few transcripts fill it; migrated.
    func open(recentTurns: Int) async throws -> any BriefingStore {
        let store: any BriefingStore =
            switch location {
            case .sqlite(let path): SQLBriefingStore(engine: try SQLiteEngine(path: path), recentTurns: recentTurns)
            case .postgres(let url):
                SQLBriefingStore(
                    engine: try await PostgresEngine(url: url, display: "test database"), recentTurns: recentTurns)
            }
        _ = try await store.migrate()
        return store
    }

    func remove() async { await cleanup() }
}

/// The corpus copied into the repository, found from this file.
enum Corpus {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/corpus")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A transcript of the Chinese corpus (Chinese originals and their English versions).
    static func pathZH(_ name: String) -> String {
        folder.deletingLastPathComponent().appendingPathComponent("corpus-zh").appendingPathComponent(name).path
    }

    /// Every transcript of the corpus folder (SOURCES.md left out).
    static var files: [String] { Ingest.files([folder.path]).files }
}

/// Runs a Python script with these arguments (another program's hands on a file: Python's
/// `sqlite3`, with SQLite's own file layer) and returns what it printed.
func python(_ script: String, _ arguments: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return output
}
