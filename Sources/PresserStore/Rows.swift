import Foundation
import PresserCheck
import PresserCore

/// Rows for one table, columns in order.
struct TableRows: Sendable {
    var table: String
    var columns: [String]
    var rows: [[StoreValue]]

    /// `INSERT INTO table (a, b) VALUES (?, ?), (?, ?)…` for `count` rows.
    func insertSQL(count: Int) -> String {
        let one = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: one, count: count).joined(separator: ", ")
    }

    /// PostgreSQL: the rows from one JSON parameter (`json`), read as rows of the table by its own
    /// row type. The statement's text is short and the same for every briefing, where a `VALUES`
    /// list of 500 rows had thousands of parameters to parse, plan and bind each time.
    func jsonInsertSQL() -> String {
        let names = columns.joined(separator: ", ")
        return "INSERT INTO \(table) (\(names)) SELECT \(names) FROM json_populate_recordset(NULL::\(table), ?::json)"
    }

    /// The rows as `jsonInsertSQL` reads them, `briefingID` written as `id`; nil when a number is
    /// infinite or not a number (JSON has no such numbers), for `batches` to insert instead.
    func json(id: Int64?) -> String? {
        let values = rows.map { row in
            row.map { value -> BriefingJSON.RowValue in
                switch value {
                case .int(let n): .int(n)
                case .double(let d): .double(d)
                case .text(let t): .text(t)
                case .null: .null
                case .briefingID: id.map(BriefingJSON.RowValue.int) ?? .null
                }
            }
        }
        return BriefingJSON.encode(rows: values, columns: columns).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rows with one more column, of the same value in every row.
    func adding(column: String, value: StoreValue) -> TableRows {
        TableRows(table: table, columns: columns + [column], rows: rows.map { $0 + [value] })
    }

    /// The rows as inserts of at most `size` rows each (PostgreSQL takes up to 65,535 parameters a
    /// statement).
    func batches(of size: Int = 500) -> [SQLStatement] {
        var out: [SQLStatement] = []
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + size, rows.count)]
            out.append(SQLStatement(insertSQL(count: batch.count), batch.flatMap { $0 }))
            start += batch.count
        }
        return out
    }
}

/// A briefing flattened into the store's tables.
enum Rows {
    /// The insert of a briefing's row: its version is the path's highest plus one, computed in the
    /// statement; when the same bytes are stored already (or meanwhile, by another process) it inserts
    /// nothing. Returns the new row's id and version.
    static func briefingInsert(_ prepared: PreparedBriefing, path: String, now: String) -> SQLStatement {
        let b = prepared.briefing
        let columns = [
            "path", "version", "latest", "sha256", "title", "date", "layout", "language", "turns", "questions",
            "claims", "findings", "ingested_at", "reading",
        ]
        let values = [
            "?", "COALESCE((SELECT MAX(version) FROM briefings WHERE path = ?), 0) + 1", "1", "?", "?", "?", "?", "?",
            "?", "?", "?", "?", "?", "?",
        ]
        let arguments: [StoreValue] = [
            .text(path), .text(path), .text(b.source.sha256), StoreValue(b.title), StoreValue(b.date), .text(b.layout),
            .text(b.language), StoreValue(b.turns.count), StoreValue(b.exchanges.count), StoreValue(b.claims.count),
            StoreValue(b.findings.count), .text(now), .text(prepared.reading), .text(b.source.sha256),
        ]
        return SQLStatement(
            "INSERT INTO briefings (\(columns.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) "
                + "WHERE NOT EXISTS (SELECT 1 FROM briefings WHERE sha256 = ?) ON CONFLICT (sha256) DO NOTHING "
                + "RETURNING id, version",
            arguments)
    }

    /// Every child table's rows for a stored briefing (sentence fingerprints apart: see `sentences`),
    /// with each claim's subject key (`CorpusKeys.subjectKey`).
    static func children(of b: Briefing, subjectKeys: [String?], key: StoreValue = .briefingID) -> [TableRows] {
        func list(_ xs: [Int]) -> StoreValue { .text(xs.map(String.init).joined(separator: ",")) }
        return [
            TableRows(
                table: "participants", columns: ["briefing_id", "id", "name", "kind", "outlet", "roles"],
                rows: b.participants.map {
                    [
                        key, .text($0.id), .text($0.name), .text($0.kind.rawValue), StoreValue($0.outlet),
                        .text($0.roles.joined(separator: "; ")),
                    ]
                }),
            TableRows(
                table: "turns",
                columns: [
                    "briefing_id", "idx", "speaker_id", "speaker_name", "label", "kind", "outlet", "asked_by", "line",
                    "words", "text", "spaced_text", "page",
                ],
                rows: b.turns.map { t in
                    let name = b.name(of: t.speaker) ?? t.askedBy
                    return [
                        key, StoreValue(t.index), StoreValue(t.speaker), StoreValue(name), StoreValue(t.label),
                        .text(t.kind.rawValue), StoreValue(t.outlet), StoreValue(t.askedBy), StoreValue(t.line),
                        StoreValue(t.wordCount), .text(t.text), StoreValue(SearchText.spacedIfChinese(t.text)),
                        StoreValue(t.page),
                    ]
                }),
            TableRows(
                table: "exchanges",
                columns: [
                    "briefing_id", "idx", "question", "outlet", "asked_by", "delegated_by", "answered_by", "answers",
                    "answer",
                ],
                rows: b.exchanges.map { e in
                    [
                        key, StoreValue(e.index), StoreValue(e.question), StoreValue(e.outlet), StoreValue(e.askedBy),
                        StoreValue(e.delegatedBy), .text(e.answeredBy.joined(separator: ",")), list(e.answers),
                        StoreValue(e.answer?.label.rawValue),
                    ]
                }),
            TableRows(
                table: "claims",
                columns: [
                    "briefing_id", "idx", "turn", "speaker", "text", "value", "upper", "kind", "unit", "counted",
                    "qualifier", "subject", "subject_key", "period_text", "period_from", "period_to",
                    "change_direction", "change_basis", "sentence", "text_start", "text_end",
                ],
                rows: b.claims.enumerated().map { i, c in
                    [
                        key, StoreValue(i), StoreValue(c.turn), StoreValue(c.speaker), .text(c.text), .double(c.value),
                        StoreValue(c.upper), .text(c.kind.rawValue), StoreValue(c.unit), StoreValue(c.counted),
                        .text(c.qualifier.rawValue), StoreValue(c.subject), StoreValue(subjectKeys[i]),
                        StoreValue(c.period?.text), StoreValue(c.period?.from), StoreValue(c.period?.to),
                        StoreValue(c.change?.direction.rawValue), StoreValue(c.change?.basis?.rawValue),
                        .text(c.sentence), StoreValue(c.start), StoreValue(c.end),
                    ]
                }),
            TableRows(
                table: "findings",
                columns: ["briefing_id", "idx", "kind", "severity", "message", "claims", "turns", "details"],
                rows: b.findings.enumerated().map { i, f in
                    let details = String(decoding: BriefingJSON.encode(f.details), as: UTF8.self)
                    return [
                        key, StoreValue(i), .text(f.kind.rawValue), .text(f.severity.rawValue), .text(f.message),
                        list(f.claims), list(f.turns), .text(details),
                    ]
                }),
        ]
    }

    /// Corpus findings of the briefing being stored, in order.
    static func corpusFindings(_ findings: [CorpusFinding]) -> TableRows {
        TableRows(
            table: "corpus_findings",
            columns: ["briefing_id", "other_briefing_id", "kind", "severity", "message", "idx", "other_idx"],
            rows: findings.map { f in
                [
                    .briefingID, .int(f.otherBriefing), .text(f.kind.rawValue), .text(f.severity.rawValue),
                    .text(f.message), StoreValue(f.index), StoreValue(f.otherIndex),
                ]
            })
    }

    /// A briefing's sentence fingerprints, stored only while fewer than `cap` rows of the table
    /// have the same sentence: boilerplate said in every briefing is matched against its first few,
    /// so storing stays as fast at the ten-thousandth briefing as at the first. `stored` counts the
    /// rows held before this briefing's (`CorpusLookup.storedSentences`). As when the counts were
    /// read in SQL before each insert of 400: a batch's rows are all counted before any of them
    /// goes in (two of one sentence can both), and a later batch counts those before it.
    static func sentences(_ rows: [(turn: Int, fingerprint: String, text: String)], cap: Int, stored: [String: Int])
        -> [SQLWrite]
    {
        var counts = stored
        var out: [SQLWrite] = []
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + 400, rows.count)]
            start += batch.count
            let kept = batch.filter { counts[$0.fingerprint, default: 0] < cap }
            for row in kept { counts[row.fingerprint, default: 0] += 1 }
            guard !kept.isEmpty else { continue }
            let table = TableRows(
                table: "sentences", columns: ["briefing_id", "turn", "fingerprint", "text"],
                rows: kept.map { [StoreValue.briefingID, StoreValue($0.turn), .text($0.fingerprint), .text($0.text)] })
            out.append(.rows(table))
        }
        return out
    }
}
