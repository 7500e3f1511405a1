import Foundation
import PresserCheck
import PresserCore

/// The store, written once over an `SQLEngine`: the same SQL (with `?` placeholders) runs on SQLite
/// and PostgreSQL, except full-text search, which each does its own way.
struct SQLBriefingStore<Engine: SQLEngine>: BriefingStore {
    let engine: Engine
    /// An unfiltered search first ranks the matches among this many of the most recently stored
    /// turns (about a twentieth of a 10,000-briefing corpus). Tests make it small.
    var recentTurns = 50_000

    func migrate() async throws(StoreError) -> [String] { try await engine.migrate(Schema.migrations) }

    func close() async { await engine.close() }

    // MARK: Writing

    func store(_ prepared: PreparedBriefing, path: String, search: SearchIndexing) async throws(StoreError)
        -> StoreOutcome
    {
        let sha = prepared.briefing.source.sha256
        // Bytes stored before are not looked up first: the insert adds nothing then (checked
        // below), and `presser ingest` asks `storedID` before it even parses.
        let insert = Rows.briefingInsert(prepared, path: path, now: Date.now.formatted(.iso8601))
        let older = SQLStatement(
            "UPDATE briefings SET latest = 0 WHERE path = ? AND id <> ?", [.text(path), .briefingID])
        guard let row = try await write(prepared, path: path, search: search, first: insert, older: older) else {
            // Stored by someone else between the check and the write.
            if let id = try await storedID(sha256: sha) { return .unchanged(id: id) }
            throw .failed(location: engine.location, reason: "\(path): the briefing was neither stored nor found")
        }
        return .stored(id: row[0].int64, version: row.count > 1 ? row[1].int : 1)
    }

    func reanalyse(_ id: Int64, as prepared: PreparedBriefing, search: SearchIndexing) async throws(StoreError)
        -> ReanalysisOutcome
    {
        let b = prepared.briefing
        let sha = StoreValue.text(b.source.sha256)
        // The stored path (the corpus lookups leave out the briefings of the same path) and reading.
        guard
            let stored = try await engine.query(
                SQLStatement("SELECT path, reading FROM briefings WHERE id = ? AND sha256 = ?", [.int(id), sha])
            ).first, let path = stored[0].string
        else { return .notStored }
        if stored[1].string == prepared.reading { return .sameReading }
        let update = SQLStatement(
            "UPDATE briefings SET title = ?, date = ?, layout = ?, language = ?, turns = ?, questions = ?, claims = ?, "
                + "findings = ?, ingested_at = ?, reading = ?, twin_of = NULL WHERE id = ? AND sha256 = ? "
                + "RETURNING id, version",
            [
                StoreValue(b.title), StoreValue(b.date), .text(b.layout), .text(b.language), StoreValue(b.turns.count),
                StoreValue(b.exchanges.count), StoreValue(b.claims.count), StoreValue(b.findings.count),
                .text(Date.now.formatted(.iso8601)), .text(prepared.reading), .int(id), sha,
            ])
        // Removed by someone else meanwhile: nothing to replace.
        let row = try await write(prepared, path: path, search: search, first: update, replacing: id)
        return row == nil ? .notStored : .replaced
    }

    func remove(_ id: Int64) async throws(StoreError) -> BriefingSummary? {
        guard
            let removed = try await engine.query(
                SQLStatement("SELECT \(Self.summaryColumns) FROM briefings WHERE id = ?", [.int(id)])
            ).first.map(Self.summary)
        else { return nil }
        let path = StoreValue.text(removed.path)
        let restore = SQLStatement(
            "UPDATE briefings SET latest = 1 WHERE path = ? "
                + "AND version = (SELECT MAX(version) FROM briefings WHERE path = ?) "
                + "AND NOT EXISTS (SELECT 1 FROM briefings WHERE path = ? AND latest = 1)", [path, path, path])
        let row = try await engine.write(
            reading: [Self.twins(of: id), Self.concerned(path: removed.path), Self.lastTurn],
            plan: { results in
                var steps = deletions(of: id, twins: Self.ids(results[0]))
                steps.append(SQLStatement("DELETE FROM briefings WHERE id = ?", [.int(id)]))
                // The newest version left of the path is its latest, unless another is already.
                steps.append(restore)
                steps += searchFollows(Self.ids(results[1]))
                steps += windowFollows(lastTurnBefore: results[2].first?.first?.int64 ?? 0)
                return WritePlan(
                    first: SQLStatement("SELECT id FROM briefings WHERE id = ?", [.int(id)]),
                    rest: steps.map(SQLWrite.statement))
            })
        return row == nil ? nil : removed
    }

    /// Everything stored of briefing `id` but its row in `briefings`, deleted: its search entries
    /// first (SQLite's index holds a copy of each indexed turn's words, taken out with FTS5's
    /// `'delete'` command and the text it indexed; turns still waiting for a batch are not in it),
    /// the corpus findings that name it either way (and the twins it had, `twins`, read before),
    /// then its rows in every child table.
    private func deletions(of id: Int64, twins: [StoreValue]) -> [SQLStatement] {
        var out: [SQLStatement] = []
        switch engine.dialect {
        case .sqlite:
            out.append(
                SQLStatement(
                    "INSERT INTO turns_fts (turns_fts, rowid, search_text) SELECT 'delete', id, search_text FROM turns "
                        + "WHERE briefing_id = ? AND searched = 1 AND id <= (SELECT through FROM search_indexed)",
                    [.int(id)]))
        case .postgres:
            out.append(
                SQLStatement(
                    "DELETE FROM search_window WHERE id IN (SELECT id FROM turns WHERE briefing_id = ?)", [.int(id)]))
        }
        out.append(
            SQLStatement(
                "DELETE FROM corpus_findings WHERE briefing_id = ? OR other_briefing_id = ?", [.int(id), .int(id)]))
        // Its twins' findings that say they repeat it are gone: they are twins no longer, and search
        // gives those that are latest versions.
        out += searchFollows(twins, counted: "b.latest = 1")
        out.append(SQLStatement("UPDATE briefings SET twin_of = NULL WHERE twin_of = ?", [.int(id)]))
        for table in ["participants", "turns", "exchanges", "claims", "findings", "sentences", "documents"] {
            out.append(SQLStatement("DELETE FROM \(table) WHERE briefing_id = ?", [.int(id)]))
        }
        return out
    }

    /// The write of a briefing's reading, in one transaction: the corpus lookups and the briefings
    /// it concerns read, then `first` (the insert or update of its row in `briefings`, returning its
    /// id and version), the deletion of what briefing `replacing` held or the statement `older`
    /// (which makes the path's other versions old), and the rows of every other table, its search
    /// entries (now or in a batch) and its corpus findings. Returns `first`'s row, nil when it
    /// wrote none (and then nothing was written).
    private func write(
        _ prepared: PreparedBriefing, path: String, search: SearchIndexing, first: SQLStatement,
        replacing: Int64? = nil, older: SQLStatement? = nil
    ) async throws(StoreError) -> [StoreValue]? {
        let lookup = CorpusLookup(prepared, path: path, dialect: engine.dialect)
        var rest: [SQLWrite] = []
        if let older { rest.append(.statement(older)) }
        rest.append(
            .statement(
                SQLStatement(
                    "INSERT INTO documents (briefing_id, document) VALUES (?, ?)",
                    [.briefingID, .text(prepared.document)])
            ))
        // SQLite's search index takes the turns in now, or once enough wait (`SearchIndexing`):
        // how many wait is read in the write transaction.
        var reading = lookup.queries + [Self.concerned(path: path)]
        if let replacing { reading.append(Self.twins(of: replacing)) }
        let sqlite = engine.dialect == .sqlite
        if sqlite {
            reading.append(
                SQLStatement("SELECT (SELECT COALESCE(MAX(id), 0) FROM turns) - through FROM search_indexed"))
        }
        let lookups = lookup.queries.count
        let turns = prepared.briefing.turns.count
        let planned = rest
        return try await engine.write(
            reading: reading,
            plan: { results in
                var steps: [SQLWrite] = []
                if let replacing {
                    steps += deletions(of: replacing, twins: Self.ids(results[lookups + 1])).map(SQLWrite.statement)
                }
                steps += planned
                let (findings, twinOf) = lookup.findings(Array(results.prefix(lookups)))
                // A twin of a latest briefing (the lookups read only those) is not searched: its
                // turns go in marked so, rather than marked below, which on PostgreSQL would write
                // each row twice and work out its tsvector again.
                steps += prepared.children.map {
                    .rows(twinOf != nil && $0.table == "turns" ? $0.adding(column: "searched", value: .int(0)) : $0)
                }
                let stored = lookup.storedSentences(Array(results.prefix(lookups)), excluding: replacing)
                steps += Rows.sentences(prepared.sentences, cap: 5, stored: stored)
                steps.append(.rows(Rows.corpusFindings(findings)))
                if let twinOf {
                    steps.append(
                        .statement(
                            SQLStatement("UPDATE briefings SET twin_of = ? WHERE id = ?", [.int(twinOf), .briefingID])))
                }
                // This briefing, the versions it made old and their twins: before the batch, which
                // then takes in only the turns search gives.
                steps += searchFollows(Self.ids(results[lookups]) + [.briefingID]).map(SQLWrite.statement)
                steps += windowFollows(lastTurnBefore: nil).map(SQLWrite.statement)
                let waiting = sqlite ? (results.last?.first?.first?.int ?? 0) : 0
                if sqlite && (search == .now || waiting + turns >= Self.searchBatch) {
                    steps += Schema.indexPendingTurns.map { .statement(SQLStatement($0)) }
                }
                return WritePlan(first: first, rest: steps)
            })
    }

    /// Turns waiting for the search index that make a batch (`SearchIndexing.batched`): some thirty
    /// synthetic briefings. Batches of 128 briefings saved no more CPU than batches of 32.
    static var searchBatch: Int { 3_000 }

    /// Search gives the turns of the briefings that count across the corpus, and its index holds
    /// those alone (`turns.searched`; see `Schema`). After a write that may have made briefings old
    /// versions or twins, or ended either, the turns of the briefings `ids` are marked anew, and on
    /// SQLite taken out of the index or into it: those it has taken in, for turns above its mark
    /// wait for a batch, which reads the mark. `counted` says whether `b` counts once the write is
    /// done.
    ///
    /// The ids are read before the write (`concerned`, `twins`) and named one by one: given them as
    /// a sub-query (the versions of a path, or their twins), PostgreSQL estimated the briefings from
    /// its statistics and, for a path whose briefing has hundreds of twins or while its statistics
    /// were stale, read every turn (40 ms a briefing at 1,000 stored, more as the table grows: the
    /// 10,000 synthetic briefings took 1,949 s to store, not 342).
    private func searchFollows(_ ids: [StoreValue], counted: String = Self.counted) -> [SQLStatement] {
        var out: [SQLStatement] = []
        let indexed = "t.id <= (SELECT through FROM search_indexed)"
        var start = 0
        while start < ids.count {
            let some = Array(ids[start..<min(start + 500, ids.count)])
            start += some.count
            let list = Array(repeating: "?", count: some.count).joined(separator: ", ")
            let counting = "SELECT b.id FROM briefings b WHERE b.id IN (\(list)) AND \(counted)"
            let notCounting = "SELECT b.id FROM briefings b WHERE b.id IN (\(list)) AND NOT \(counted)"
            if engine.dialect == .sqlite {
                out.append(
                    SQLStatement(
                        "INSERT INTO turns_fts (turns_fts, rowid, search_text) SELECT 'delete', t.id, t.search_text "
                            + "FROM turns t WHERE t.briefing_id IN (\(notCounting)) AND t.searched = 1 AND \(indexed)",
                        some))
                out.append(
                    SQLStatement(
                        "INSERT INTO turns_fts (rowid, search_text) SELECT t.id, t.search_text "
                            + "FROM turns t WHERE t.briefing_id IN (\(counting)) AND t.searched = 0 AND \(indexed)",
                        some))
            }
            out.append(
                SQLStatement(
                    "UPDATE turns SET searched = 0 WHERE searched = 1 AND briefing_id IN (\(notCounting))", some))
            out.append(
                SQLStatement("UPDATE turns SET searched = 1 WHERE searched = 0 AND briefing_id IN (\(counting))", some))
            if engine.dialect == .postgres {
                out.append(
                    SQLStatement(
                        "DELETE FROM search_window WHERE id IN (SELECT t.id FROM turns t "
                            + "WHERE t.briefing_id IN (\(notCounting)))", some))
                out.append(
                    SQLStatement(
                        "INSERT INTO search_window (id, tsv) SELECT t.id, t.tsv FROM turns t "
                            + "WHERE t.briefing_id IN (\(counting)) AND t.searched = 1 AND t.id > \(window) "
                            + "ON CONFLICT (id) DO NOTHING", some))
            }
        }
        return out
    }

    /// PostgreSQL's search window (`search_window`, see `Schema`) kept to the searched turns among
    /// the newest `recentTurns`: after a write, the turns that fell out of the window taken out;
    /// after a removal (`lastTurnBefore`, the highest turn id before it), those it brought back in
    /// put in (removing the newest briefing moves the window back). The turns a write makes
    /// searched or not go in or out with the mark (`searchFollows`). Nothing on SQLite, whose
    /// search ranks the window inside its own index.
    private func windowFollows(lastTurnBefore: Int64?) -> [SQLStatement] {
        guard engine.dialect == .postgres else { return [] }
        var out = [SQLStatement("DELETE FROM search_window WHERE id <= \(window)")]
        if let lastTurnBefore {
            out.append(
                SQLStatement(
                    "INSERT INTO search_window (id, tsv) SELECT id, tsv FROM turns "
                        + "WHERE searched = 1 AND id > \(window) AND id <= ? ON CONFLICT (id) DO NOTHING",
                    [.int(lastTurnBefore - Int64(recentTurns))]))
        }
        return out
    }

    /// The highest turn id.
    private static var lastTurn: SQLStatement { SQLStatement("SELECT COALESCE(MAX(id), 0) FROM turns") }

    /// The briefings stored from `path` and their twins, whose turns a write of the path may make
    /// searched or not.
    private static func concerned(path: String) -> SQLStatement {
        SQLStatement(
            "SELECT id FROM briefings WHERE path = ? "
                + "UNION ALL SELECT b.id FROM briefings p JOIN briefings b ON b.twin_of = p.id WHERE p.path = ?",
            [.text(path), .text(path)])
    }

    /// The twins of briefing `id`.
    private static func twins(of id: Int64) -> SQLStatement {
        SQLStatement("SELECT id FROM briefings WHERE twin_of = ?", [.int(id)])
    }

    /// The first column of each row, as ids.
    private static func ids(_ rows: [[StoreValue]]) -> [StoreValue] { rows.compactMap(\.first) }

    /// Whether briefing `b` counts across the corpus: a latest version and `countedOnce`.
    private static var counted: String { "(b.latest = 1 AND \(countedOnce()))" }

    func indexPendingTurns() async throws(StoreError) { try await engine.indexPendingTurns() }

    func storedID(sha256 sha: String) async throws(StoreError) -> Int64? {
        // Through the statements' form of `query`, which keeps the compiled statement for the next
        // briefing (the single form compiles its SQL each time: it serves searches built anew).
        try await engine.query([SQLStatement("SELECT id FROM briefings WHERE sha256 = ?", [.text(sha)])]).first?[0]
            .int64
    }

    /// The highest turn id before the window of `recentTurns`, as SQL.
    private var window: String { "(SELECT COALESCE(MAX(id), 0) FROM turns) - \(recentTurns)" }

    /// Stands for the new briefing's id in a corpus finding's message until it is read back.
    static var thisBriefing: String { CorpusLookup.thisBriefing }

    // MARK: Reading

    private static var summaryColumns: String {
        "id, path, version, latest, sha256, title, date, layout, language, turns, questions, claims, findings, "
            + "ingested_at, twin_of"
    }

    /// A briefing's document, as a column of a query on briefings.
    private static var document: String {
        "(SELECT d.document FROM documents d WHERE d.briefing_id = briefings.id)"
    }

    private static func summary(_ r: [StoreValue]) -> BriefingSummary {
        BriefingSummary(
            id: r[0].int64, path: r[1].string ?? "", version: r[2].int, latest: r[3].int == 1,
            sha256: r[4].string ?? "",
            title: r[5].string, date: r[6].string, layout: r[7].string ?? "", language: r[8].string ?? "",
            turns: r[9].int, questions: r[10].int, claims: r[11].int, findings: r[12].int,
            ingestedAt: r[13].string ?? "", twinOf: r[14].optionalInt.map(Int64.init))
    }

    func list(_ filter: ListFilter) async throws(StoreError) -> [BriefingSummary] {
        var sql = "SELECT \(Self.summaryColumns) FROM briefings WHERE 1 = 1"
        var arguments: [StoreValue] = []
        if !filter.allVersions { sql += " AND latest = 1" }
        switch filter.twins {
        case .included: break
        case .only: sql += " AND twin_of IS NOT NULL"
        case .leftOut: sql += " AND \(Self.countedOnce("briefings"))"
        }
        if let from = filter.from {
            sql += " AND date >= ?"
            arguments.append(.text(from))
        }
        if let to = filter.to {
            sql += " AND date <= ?"
            arguments.append(.text(to))
        }
        if let layout = filter.layout {
            sql += " AND layout = ?"
            arguments.append(.text(layout))
        }
        if let speaker = filter.speaker {
            sql += " AND id IN (SELECT briefing_id FROM turns WHERE lower(speaker_name) LIKE ? ESCAPE '\\')"
            arguments.append(.text(SearchText.contains(speaker)))
        }
        sql += " ORDER BY date, id LIMIT ?"
        arguments.append(StoreValue(filter.limit))
        return try await engine.query(SQLStatement(sql, arguments)).map(Self.summary)
    }

    func briefing(_ reference: BriefingReference) async throws(StoreError) -> StoredBriefing? {
        let statement: SQLStatement
        switch reference {
        case .id(let id):
            statement = SQLStatement(
                "SELECT \(Self.summaryColumns), \(Self.document) FROM briefings WHERE id = ?", [.int(id)])
        case .path(let path):
            statement = SQLStatement(
                "SELECT \(Self.summaryColumns), \(Self.document) FROM briefings WHERE path = ? ORDER BY version DESC LIMIT 1",
                [.text(path)])
        }
        guard let row = try await engine.query(statement).first else { return nil }
        guard let json = row[15].string, var briefing = try? JSONDecoder().decode(Briefing.self, from: Data(json.utf8))
        else {
            throw .failed(
                location: engine.location, reason: "briefing #\(row[0].int64): the stored document is damaged")
        }
        let summary = Self.summary(row)
        try await fillTurnsAndClaims(of: &briefing, summary: summary)
        return StoredBriefing(summary: summary, briefing: briefing)
    }

    /// Puts back what the stored document leaves out (`PreparedBriefing.document`): the turns and
    /// the claims, read from their tables. Documents stored before have their turns and claims,
    /// with or without the texts, and get the texts and sentences again.
    private func fillTurnsAndClaims(of briefing: inout Briefing, summary: BriefingSummary) async throws(StoreError) {
        let id = summary.id
        let damaged = StoreError.failed(
            location: engine.location, reason: "briefing #\(id): the stored turns or claims do not match its document")
        let turns = try await engine.query(
            SQLStatement(
                "SELECT idx, speaker_id, label, kind, outlet, asked_by, line, page, text FROM turns "
                    + "WHERE briefing_id = ? ORDER BY idx", [.int(id)]))
        if briefing.turns.isEmpty {
            for r in turns {
                guard let kind = r[3].string.flatMap(Turn.Kind.init(rawValue:)), let text = r[8].string else {
                    throw damaged
                }
                briefing.turns.append(
                    Turn(
                        index: r[0].int, speaker: r[1].string, label: r[2].string, kind: kind, outlet: r[4].string,
                        askedBy: r[5].string, line: r[6].int, page: r[7].optionalInt, text: text))
            }
        } else {
            var position: [Int: Int] = [:]
            for (i, turn) in briefing.turns.enumerated() { position[turn.index] = i }
            for r in turns {
                guard let i = position[r[0].int], let text = r[8].string else { throw damaged }
                briefing.turns[i].text = text
            }
        }
        let claims = try await engine.query(
            SQLStatement(
                "SELECT idx, turn, speaker, sentence, text, text_start, text_end, value, upper, kind, unit, counted, "
                    + "qualifier, subject, period_text, period_from, period_to, change_direction, change_basis "
                    + "FROM claims WHERE briefing_id = ? ORDER BY idx", [.int(id)]))
        if briefing.claims.isEmpty {
            for r in claims {
                guard let sentence = r[3].string, let text = r[4].string, let start = r[5].optionalInt,
                    let end = r[6].optionalInt, let value = r[7].double,
                    let kind = r[9].string.flatMap(Claim.Kind.init(rawValue:)),
                    let qualifier = r[12].string.flatMap(Claim.Qualifier.init(rawValue:))
                else { throw damaged }
                let period = r[14].string.map { Claim.Period(text: $0, from: r[15].string, to: r[16].string) }
                var change: Claim.Change?
                if let direction = r[17].string {
                    let basis = r[18].string.map(Claim.Change.Basis.init(rawValue:))
                    guard let d = Claim.Change.Direction(rawValue: direction), basis != .some(nil) else {
                        throw damaged
                    }
                    change = Claim.Change(direction: d, basis: basis ?? nil)
                }
                briefing.claims.append(
                    Claim(
                        turn: r[1].int, speaker: r[2].string, sentence: sentence, text: text, start: start, end: end,
                        value: value, upper: r[8].double, kind: kind, unit: r[10].string, counted: r[11].string,
                        qualifier: qualifier, subject: r[13].string, period: period, change: change))
            }
        } else {
            for r in claims {
                guard briefing.claims.indices.contains(r[0].int), let sentence = r[3].string else { throw damaged }
                briefing.claims[r[0].int].sentence = sentence
            }
        }
        guard briefing.turns.count == summary.turns, briefing.claims.count == summary.claims,
            turns.count == summary.turns, claims.count == summary.claims
        else { throw damaged }
    }

    func search(_ query: SearchQuery) async throws(StoreError) -> [SearchHit] {
        let filtered =
            query.speaker != nil || query.outlet != nil || query.kind != nil || query.from != nil || query.to != nil
        // Without filters, a common word would have tens of thousands of turns to rank (a word in 5%
        // of a million turns: 50,000). So first only the matches among the most recently stored
        // turns (the window) are ranked, inside the search index alone, and only the best few are
        // joined to their turns and briefings; when the window does not give enough hits, every
        // match in the index. The index holds the turns search gives, so the few need no more
        // than checking (four times the limit all the same); with fewer than the limit left,
        // every match is joined and ranked below.
        if !filtered {
            for recent in [true, false] {
                guard let rows = try await rankedHits(query, recent: recent) else { return [] }
                if rows.count == query.limit { return rows.map(Self.hit) }
            }
        }
        var sql: String
        var arguments: [StoreValue]
        switch engine.dialect {
        case .sqlite:
            guard let match = SearchText.fts5(query.text) else { return [] }
            // The passages last, for the best few alone (`withPassages`): SQLite works out every
            // column of every match before it sorts them (600 matches: 10 ms, most of it passages).
            sql =
                "WITH best AS MATERIALIZED (SELECT t.id, t.briefing_id, b.title, b.date, t.idx, t.speaker_name, "
                + "t.kind, t.outlet, bm25(turns_fts) AS rank "
                + "FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid JOIN briefings b ON b.id = t.briefing_id "
                + "WHERE turns_fts MATCH ? AND b.latest = 1 AND \(Self.countedOnce())"
            arguments = [.text(match)]
        case .postgres:
            guard SearchText.hasWords(query.text) else { return [] }
            sql =
                "SELECT t.briefing_id, b.title, b.date, t.idx, t.speaker_name, t.kind, t.outlet, "
                + "ts_headline('english', \(Self.around), q, \(Self.headlineOptions)), ts_rank(t.tsv, q) "
                + "FROM turns t JOIN briefings b ON b.id = t.briefing_id, websearch_to_tsquery('english', ?) q "
                + "WHERE t.searched = 1 AND t.tsv @@ q AND b.latest = 1 AND \(Self.countedOnce())"
            arguments = [.text(SearchText.firstWord(query.text)), .text(SearchText.websearch(query.text))]
        }
        if let speaker = query.speaker {
            sql += " AND lower(t.speaker_name) LIKE ? ESCAPE '\\'"
            arguments.append(.text(SearchText.contains(speaker)))
        }
        if let outlet = query.outlet {
            sql += " AND lower(t.outlet) LIKE ? ESCAPE '\\'"
            arguments.append(.text(SearchText.contains(outlet)))
        }
        if let kind = query.kind {
            sql += " AND t.kind = ?"
            arguments.append(.text(kind.rawValue))
        }
        if let from = query.from {
            sql += " AND b.date >= ?"
            arguments.append(.text(from))
        }
        if let to = query.to {
            sql += " AND b.date <= ?"
            arguments.append(.text(to))
        }
        sql += engine.dialect == .sqlite ? " ORDER BY rank" : " ORDER BY ts_rank(t.tsv, q) DESC"
        sql += ", t.briefing_id, t.idx LIMIT ?"
        arguments.append(StoreValue(query.limit))
        if case .sqlite = engine.dialect, case .text(let match) = arguments[0] {
            sql +=
                ") SELECT briefing_id, title, date, idx, speaker_name, kind, outlet, id, -rank FROM best "
                + "ORDER BY rank, briefing_id, idx"
            return try await withPassages(try await engine.query(SQLStatement(sql, arguments)), match: match)
                .map(Self.hit)
        }
        return try await engine.query(SQLStatement(sql, arguments)).map(Self.hit)
    }

    /// The best hits among the matches in the newest `recentTurns` turns (`recent`) or among all,
    /// ranked inside the search index alone; nil for a query with no words.
    private func rankedHits(_ query: SearchQuery, recent: Bool) async throws(StoreError) -> [[StoreValue]]? {
        let few = StoreValue(4 * query.limit)
        let statement: SQLStatement
        switch engine.dialect {
        case .sqlite:
            let window = recent ? " AND rowid > \(self.window)" : ""
            guard let match = SearchText.fts5(query.text) else { return nil }
            // The window ranked as a corpus of its own (`WindowRank`): its rows, and those holding
            // each phrase, counted first (FTS5's `bm25` counts them in the whole index).
            var rank = "bm25(turns_fts)"
            var counts: [StoreValue] = []
            if recent {
                let phrases = SearchText.fts5Phrases(query.text)
                rank =
                    "\(WindowRank.name)(turns_fts, (SELECT COUNT(*) FROM turns_fts_docsize WHERE id > \(self.window))"
                    + phrases.map { _ in ", (SELECT COUNT(*) FROM turns_fts WHERE turns_fts MATCH ?\(window))" }
                    .joined()
                    + ")"
                counts = phrases.map(StoreValue.text)
            }
            // The passages last, for the best alone (`withPassages`).
            statement = SQLStatement(
                "WITH hits AS MATERIALIZED (SELECT rowid AS id, \(rank) AS rank FROM turns_fts "
                    + "WHERE turns_fts MATCH ?\(window) ORDER BY rank LIMIT ?), "
                    + "best AS MATERIALIZED (SELECT h.id, h.rank, t.briefing_id, b.title, b.date, t.idx, "
                    + "t.speaker_name, t.kind, t.outlet "
                    + "FROM hits h JOIN turns t ON t.id = h.id JOIN briefings b ON b.id = t.briefing_id "
                    + "WHERE b.latest = 1 AND \(Self.countedOnce()) ORDER BY h.rank, t.briefing_id, t.idx LIMIT ?) "
                    + "SELECT briefing_id, title, date, idx, speaker_name, kind, outlet, id, -rank FROM best "
                    + "ORDER BY rank, briefing_id, idx",
                counts + [.text(match), few, StoreValue(query.limit)])
            return try await withPassages(try await engine.query(statement), match: match)
        case .postgres:
            guard SearchText.hasWords(query.text) else { return nil }
            // The window's matches come from its own small index (`search_window`): the turns'
            // index handed over every match of a common word before the window could narrow them
            // ("housing": 55,389 matches, 10 ms, of which the window kept 2,832). Its rows are
            // checked against the window all the same, for a row another writer has yet to take
            // out (`+ 0`: one by one, not through the primary key, which cost 2 ms more for the
            // 50,000 ids).
            let matches =
                recent
                ? "FROM search_window t, q WHERE t.tsv @@ q.q AND t.id + 0 > \(self.window)"
                : "FROM turns t, q WHERE t.searched = 1 AND t.tsv @@ q.q"
            statement = SQLStatement(
                "WITH q AS (SELECT websearch_to_tsquery('english', ?) AS q), "
                    + "hits AS MATERIALIZED (SELECT t.id, ts_rank(t.tsv, q.q) AS rank \(matches) "
                    + "ORDER BY rank DESC LIMIT ?) "
                    + "SELECT t.briefing_id, b.title, b.date, t.idx, t.speaker_name, t.kind, t.outlet, "
                    + "ts_headline('english', \(Self.around), q.q, \(Self.headlineOptions)), h.rank "
                    + "FROM hits h JOIN turns t ON t.id = h.id JOIN briefings b ON b.id = t.briefing_id, q "
                    + "WHERE t.searched = 1 AND b.latest = 1 AND \(Self.countedOnce()) "
                    + "ORDER BY h.rank DESC, t.briefing_id, t.idx LIMIT ?",
                [
                    .text(SearchText.websearch(query.text)), few, .text(SearchText.firstWord(query.text)),
                    StoreValue(query.limit),
                ])
        }
        return try await engine.query(statement)
    }

    /// The part of a turn's text `ts_headline` reads: 1,500 characters from 300 before the first
    /// place the query's first word appears (from the start when it appears only in another form).
    /// `ts_headline` parses all it is given, and whole answers of a thousand words made the
    /// passages most of a search's time (80 of 108 ms for "inflation"). Takes the word as a parameter.
    private static var around: String {
        "substr(coalesce(t.spaced_text, t.text), "
            + "greatest(1, strpos(lower(coalesce(t.spaced_text, t.text)), ?) - 300), 1500)"
    }

    /// PostgreSQL's passage around the matched words, as SQLite's `snippet` gives it.
    private static var headlineOptions: String {
        "'StartSel=«, StopSel=», MaxWords=32, MinWords=16, MaxFragments=1, FragmentDelimiter=…'"
    }

    /// SQLite's search rows with their passages: column 7, a turn's id, becomes the passage of its
    /// text where the query's words are, as FTS5's `snippet` gives it. In the store's index
    /// `snippet` finds the row's words again in each word's list, which in a large index costs
    /// 0.5–2.6 ms a row (9.7 million turns: 10–45 ms for twenty); so turns of up to
    /// `shortPassageText` characters are put in a small temporary index of the connection, with the
    /// same tokenizer, which gives the same passages (tested) for all of them in about a
    /// millisecond. Longer turns cost more to put in and take out (their words read each time)
    /// than to find in the store's index. The table stays (dropping it would make the connection
    /// compile every statement again). A turn removed between the two reads has none.
    private func withPassages(_ rows: [[StoreValue]], match: String) async throws(StoreError) -> [[StoreValue]] {
        let ids = rows.map { $0[7] }
        guard !ids.isEmpty else { return rows }
        let list = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let short = "length(search_text) <= \(Self.shortPassageText)"
        let found = try await engine.query([
            SQLStatement(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages USING fts5(search_text, tokenize='\(Schema.tokenizer)')"
            ),
            SQLStatement("DELETE FROM temp.passages"),
            SQLStatement(
                "INSERT INTO temp.passages (rowid, search_text) SELECT id, search_text FROM turns "
                    + "WHERE id IN (\(list)) AND \(short)", ids),
            SQLStatement(
                "SELECT rowid, snippet(passages, 0, '«', '»', '…', 32) FROM temp.passages WHERE passages MATCH ? "
                    + "UNION ALL SELECT id, (SELECT snippet(turns_fts, 0, '«', '»', '…', 32) FROM turns_fts "
                    + "WHERE turns_fts MATCH ? AND rowid = turns.id) FROM turns WHERE id IN (\(list)) AND NOT \(short)",
                [.text(match), .text(match)] + ids),
        ])
        var passages: [Int64: StoreValue] = [:]
        for row in found { passages[row[0].int64] = row[1] }
        return rows.map { row in
            var row = row
            row[7] = passages[row[7].int64] ?? .null
            return row
        }
    }

    /// Turns up to this long take their passages from the temporary index (`withPassages`).
    static var shortPassageText: Int { 4_000 }

    private static func hit(_ r: [StoreValue]) -> SearchHit {
        SearchHit(
            briefing: r[0].int64, title: r[1].string, date: r[2].string, turn: r[3].int, speaker: r[4].string,
            kind: r[5].string ?? "", outlet: r[6].string, snippet: SearchText.unspaced(r[7].string ?? ""),
            score: r[8].double ?? 0)
    }

    /// Across the corpus a transcript stored twice (its HTML page and its text) counts once, in
    /// search, timeline, speakers and outlets (and in `list` when asked): a briefing (`b`, the
    /// alias of briefings) that repeats a latest briefing is left out. One whose twin is an old
    /// version counts, for the newer version may in turn be recorded as its twin.
    private static func countedOnce(_ b: String = "b") -> String {
        "(\(b).twin_of IS NULL OR NOT EXISTS (SELECT 1 FROM briefings o WHERE o.id = \(b).twin_of AND o.latest = 1))"
    }

    func speakers(briefing: Int64?) async throws(StoreError) -> [SpeakerCount] {
        var sql =
            "SELECT t.speaker_name, COUNT(*), SUM(t.words), COUNT(DISTINCT t.briefing_id) FROM turns t "
            + "JOIN briefings b ON b.id = t.briefing_id WHERE b.latest = 1 AND t.speaker_name IS NOT NULL"
        var arguments: [StoreValue] = []
        let once = " AND \(Self.countedOnce())"
        if let briefing {
            sql += " AND t.briefing_id = ?"
            arguments.append(.int(briefing))
        } else {
            sql += once
        }
        sql += " GROUP BY t.speaker_name ORDER BY 3 DESC, 1"
        let rows = try await engine.query(SQLStatement(sql, arguments))
        // Questions each official answered (exchanges name them by participant id, a comma-separated
        // list), and how, counted by the database: joined in Swift, every exchange came back once
        // for each participant of its briefing (10,000 briefings: 8 s for `presser speakers`).
        let position = engine.dialect == .sqlite ? "instr" : "strpos"
        var exchangeSQL =
            "SELECT p.name, COUNT(*), SUM(CASE WHEN e.answer = 'direct' THEN 1 ELSE 0 END) FROM exchanges e "
            + "JOIN briefings b ON b.id = e.briefing_id JOIN participants p ON p.briefing_id = e.briefing_id "
            + "AND \(position)(',' || e.answered_by || ',', ',' || p.id || ',') > 0 WHERE b.latest = 1"
        exchangeSQL += briefing == nil ? once : " AND e.briefing_id = ?"
        exchangeSQL += " GROUP BY p.name"
        var answered: [String: (Int, Int)] = [:]
        for r in try await engine.query(SQLStatement(exchangeSQL, arguments)) {
            guard let name = r[0].string else { continue }
            answered[name] = (r[1].int, r[2].int)
        }
        return rows.map {
            let name = $0[0].string ?? ""
            return SpeakerCount(
                name: name, turns: $0[1].int, words: $0[2].int, briefings: $0[3].int, answered: answered[name]?.0 ?? 0,
                direct: answered[name]?.1 ?? 0)
        }
    }

    func outlets(briefing: Int64?) async throws(StoreError) -> [OutletCount] {
        var sql =
            "SELECT e.outlet, COUNT(*), COUNT(DISTINCT e.briefing_id), "
            + "SUM(CASE WHEN e.answer = 'direct' THEN 1 ELSE 0 END) FROM exchanges e "
            + "JOIN briefings b ON b.id = e.briefing_id WHERE b.latest = 1"
        var arguments: [StoreValue] = []
        if let briefing {
            sql += " AND e.briefing_id = ?"
            arguments.append(.int(briefing))
        } else {
            sql += " AND \(Self.countedOnce())"
        }
        sql += " GROUP BY e.outlet ORDER BY 2 DESC, 1"
        return try await engine.query(SQLStatement(sql, arguments)).map {
            OutletCount(outlet: $0[0].string, questions: $0[1].int, briefings: $0[2].int, direct: $0[3].int)
        }
    }

    func timeline(subject: String, unit: String?) async throws(StoreError) -> [TimelinePoint] {
        var sql =
            "SELECT c.briefing_id, b.date, c.period_from, c.period_to, c.period_text, c.value, c.unit, c.kind, c.text, "
            + "c.subject, c.speaker, c.sentence, c.idx FROM claims c JOIN briefings b ON b.id = c.briefing_id "
            + "WHERE b.latest = 1 AND \(Self.countedOnce()) AND c.change_direction IS NULL "
            + "AND (lower(c.subject) LIKE ? ESCAPE '\\' OR lower(c.counted) LIKE ? ESCAPE '\\')"
        let pattern = StoreValue.text(SearchText.contains(subject))
        var arguments = [pattern, pattern]
        if let unit {
            sql += " AND c.unit = ?"
            arguments.append(.text(unit))
        }
        // In order of `TimelinePoint.placedAt`.
        sql += " ORDER BY COALESCE(c.period_to, c.period_from, b.date), b.date, c.briefing_id, c.idx LIMIT 5000"
        return try await engine.query(SQLStatement(sql, arguments)).map { r in
            TimelinePoint(
                briefing: r[0].int64, date: r[1].string, periodFrom: r[2].string, periodTo: r[3].string,
                periodText: r[4].string, value: r[5].double ?? 0, unit: r[6].string, kind: r[7].string ?? "",
                text: r[8].string ?? "", subject: r[9].string, speaker: r[10].string, sentence: r[11].string ?? "",
                claim: r[12].int)
        }
    }

    func corpusFindings(briefing: Int64) async throws(StoreError) -> [CorpusFinding] {
        let rows = try await engine.query(
            SQLStatement(
                "SELECT kind, severity, message, briefing_id, other_briefing_id, idx, other_idx FROM corpus_findings "
                    + "WHERE briefing_id = ? OR other_briefing_id = ? ORDER BY briefing_id, idx",
                [.int(briefing), .int(briefing)]))
        return rows.compactMap { r in
            guard let kind = Finding.Kind(rawValue: r[0].string ?? ""),
                let severity = Finding.Severity(rawValue: r[1].string ?? "")
            else { return nil }
            let message = (r[2].string ?? "").replacingOccurrences(of: Self.thisBriefing, with: "#\(r[3].int64)")
            return CorpusFinding(
                kind: kind, severity: severity, message: message, briefing: r[3].int64,
                otherBriefing: r[4].int64, index: r[5].int, otherIndex: r[6].int)
        }
    }

    func counts() async throws(StoreError) -> CorpusCounts {
        let r = try await engine.query(
            SQLStatement("SELECT COUNT(*), SUM(turns), SUM(claims), SUM(findings) FROM briefings WHERE latest = 1"))
        guard let row = r.first else { return CorpusCounts(briefings: 0, turns: 0, claims: 0, findings: 0) }
        return CorpusCounts(briefings: row[0].int, turns: row[1].int, claims: row[2].int, findings: row[3].int)
    }
}
