import Foundation

/// Where the database is: `--database PATH|postgres://…`, else `PRESSER_DATABASE`, else
/// `$XDG_DATA_HOME/presser/presser.sqlite` (`~/.local/share/presser/presser.sqlite`).
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The location from the option, the environment, or the default.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StoreLocation
    {
        if let option, !option.isEmpty { return StoreLocation(option) }
        if let value = environment["PRESSER_DATABASE"], !value.isEmpty { return StoreLocation(value) }
        return .sqlite(path: defaultPath(environment: environment))
    }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return base + "/presser/presser.sqlite"
    }

    /// The location without a password, for messages.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }

    /// Opens the store and applies any migrations it lacks.
    public func open() async throws(StoreError) -> any BriefingStore {
        let store = try await openWithoutMigrating()
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Opens the store as it is (`presser migrate` reports what it applies).
    public func openWithoutMigrating() async throws(StoreError) -> any BriefingStore {
        switch self {
        case .sqlite(let path): return SQLBriefingStore(engine: try SQLiteEngine(path: path))
        case .postgres(let url):
            return SQLBriefingStore(engine: try await PostgresEngine(url: url, display: description))
        }
    }
}
