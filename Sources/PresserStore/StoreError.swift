/// What can go wrong with a store, saying what and where.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not an SQLite database (or is damaged).
    case notADatabase(path: String, reason: String)
    /// An SQLite database, but another program's.
    case foreignDatabase(path: String)
    /// Made by a newer Presser: it has migrations this one does not know.
    case newerSchema(location: String, migration: String)
    /// The PostgreSQL server could not be reached or refused the login.
    case cannotConnect(location: String, reason: String)
    /// The database location itself is wrong ("--database" or PRESSER_DATABASE).
    case badLocation(String)
    /// A query failed.
    case failed(location: String, reason: String)

    public var description: String {
        switch self {
        case .notADatabase(let path, let reason): "\(path): not a Presser database (\(reason))"
        case .foreignDatabase(let path): "\(path): an SQLite database of another program, not a Presser database"
        case .newerSchema(let location, let migration):
            "\(location): made by a newer Presser (migration \"\(migration)\" is unknown here)"
        case .cannotConnect(let location, let reason): "\(location): cannot connect: \(reason)"
        case .badLocation(let message): message
        case .failed(let location, let reason): "\(location): \(reason)"
        }
    }

    /// sysexits.h: 65 bad data, 69 service unavailable, 64 usage, 74 input/output error.
    public var exitCode: Int32 {
        switch self {
        case .notADatabase, .foreignDatabase, .newerSchema: 65
        case .cannotConnect: 69
        case .badLocation: 64
        case .failed: 74
        }
    }
}
