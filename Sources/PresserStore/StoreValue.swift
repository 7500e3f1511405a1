import PresserCore

/// A value bound to, or read from, a column: the few types the schema uses, the same in SQLite
/// and PostgreSQL.
enum StoreValue: Sendable, Equatable {
    case int(Int64)
    case double(Double)
    case text(String)
    case null
    /// In a write: the id the first statement of the transaction returned.
    case briefingID

    init(_ s: String?) { self = s.map(StoreValue.text) ?? .null }
    init(_ n: Int) { self = .int(Int64(n)) }
    init(_ n: Int?) { self = n.map { .int(Int64($0)) } ?? .null }
    init(_ d: Double?) { self = d.map(StoreValue.double) ?? .null }
    init(_ n: Int64?) { self = n.map(StoreValue.int) ?? .null }

    var string: String? {
        switch self {
        case .text(let s): s
        case .int(let n): String(n)
        case .double(let d): String(d)
        case .null, .briefingID: nil
        }
    }

    var int: Int {
        switch self {
        case .int(let n): Int(n)
        case .double(let d): Int(d)
        case .text(let s): Int(s) ?? 0
        case .null, .briefingID: 0
        }
    }

    var int64: Int64 { Int64(int) }

    /// The integer, nil for NULL.
    var optionalInt: Int? { self == .null ? nil : int }

    var double: Double? {
        switch self {
        case .double(let d): d
        case .int(let n): Double(n)
        case .text(let s): Double(s)
        case .null, .briefingID: nil
        }
    }
}

/// One statement and its arguments.
struct SQLStatement: Sendable {
    var sql: String
    var arguments: [StoreValue]

    init(_ sql: String, _ arguments: [StoreValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

extension SQLStatement {
    /// Texts as one JSON array, read back in SQLite with `IN (SELECT value FROM json_each(?))`: a
    /// single parameter however many there are, so that the statement's text is always the same
    /// and SQLite compiles it once.
    static func jsonArray(_ texts: [String]) -> String {
        String(decoding: BriefingJSON.encode(texts), as: UTF8.self)
    }
}
