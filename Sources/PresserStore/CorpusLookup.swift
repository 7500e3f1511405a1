import PresserCheck
import PresserCore

/// What the corpus says about a briefing about to be stored: figures stated differently for the
/// same subject and period in another briefing (a warning; at most 20 per figure), and sentences
/// said word for word in another briefing (one info finding for each of the 20 briefings that
/// share the most). The queries are worked out first and their rows read back by `findings`, so
/// that the engine can run them in the write transaction.
struct CorpusLookup: Sendable {
    /// Stands for the new briefing's id in a corpus finding's message until it is read back.
    static var thisBriefing: String { "#{briefing}" }

    /// The figure queries, then the sentence queries.
    let queries: [SQLStatement]
    private let briefing: Briefing
    /// Levels with a subject and a stated period.
    private let dated: [(index: Int, claim: Claim, match: Match)]
    /// How many of `queries` are figure queries.
    private let figureQueries: Int
    /// Fingerprinted sentences in chunks of 400, one query each.
    private let sentences: [[(turn: Int, fingerprint: String, text: String)]]

    /// How many of another briefing's figures a figure is compared with, the latest first.
    static let comparedPerFigure = 20

    init(_ prepared: PreparedBriefing, path: String, dialect: SQLDialect) {
        let b = prepared.briefing
        briefing = b
        dated = b.claims.enumerated().compactMap { i, claim -> (index: Int, claim: Claim, match: Match)? in
            guard claim.change == nil, claim.upper == nil, let key = prepared.subjectKeys[i],
                let from = claim.period?.from, let to = claim.period?.to
            else { return nil }
            return (i, claim, Match(key: [key, from, to], kind: claim.kind.rawValue, unit: claim.unit))
        }
        // For each subject, period, kind and unit, the latest briefings' figures: a sub-query each
        // that reads the claims_dated_figures index backwards from the newest briefing and stops at
        // 20, so the work per figure stays the same however large the corpus grows (reading every
        // match, as before, took 30% of an ingest's time at 10,000 briefings). SQLite runs one
        // statement a sub-query, the same text every time, so it is compiled once for the writer's
        // life (a new text of 100 sub-queries each time cost more to compile than to run: the
        // reads took 1.8 ms a briefing, now 0.8 with the sentences below); PostgreSQL, a round trip a
        // statement, 100 a query.
        var seen: Set<Match> = []
        let matches = dated.map(\.match).filter { seen.insert($0).inserted }
        var queries: [SQLStatement] = []
        for chunk in Self.chunks(matches, of: dialect == .sqlite ? 1 : 100) {
            let one =
                "SELECT * FROM (SELECT c.briefing_id, b.date, c.idx, c.text, c.value, c.unit, c.qualifier, c.kind, "
                + "c.subject_key, c.period_from, c.period_to FROM claims c JOIN briefings b ON b.id = c.briefing_id "
                + "WHERE c.subject_key = ? AND c.period_from = ? AND c.period_to = ? AND c.kind = ? "
                + "AND coalesce(c.unit, '') = ? AND c.change_direction IS NULL AND c.upper IS NULL "
                + "AND b.latest = 1 AND b.path <> ? ORDER BY c.briefing_id DESC, c.idx DESC LIMIT \(Self.comparedPerFigure))"
            let parts = chunk.indices.map { "\(one) AS q\($0)" }
            queries.append(
                SQLStatement(
                    parts.joined(separator: " UNION ALL "),
                    chunk.flatMap { m in
                        m.key.map(StoreValue.text) + [.text(m.kind ?? ""), .text(m.unit ?? ""), .text(path)]
                    }))
        }
        figureQueries = queries.count
        sentences = Self.chunks(prepared.sentences, of: 400)
        for chunk in sentences {
            // On SQLite the fingerprints go in as one JSON array, again so that the statement's text
            // is always the same.
            let list: String
            let arguments: [StoreValue]
            switch dialect {
            case .sqlite:
                list = "SELECT value FROM json_each(?)"
                arguments = [.text(SQLStatement.jsonArray(chunk.map(\.fingerprint)))]
            case .postgres:
                list = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                arguments = chunk.map { .text($0.fingerprint) }
            }
            // Every stored sentence with one of these fingerprints, and whether its briefing counts
            // here (a latest version from another path): `findings` reads those, `storedSentences`
            // all of them. (Grouped and ranked in SQL, with a second query for the counts the cap
            // on storing needs, the two took a third of the writer's time.)
            queries.append(
                SQLStatement(
                    "SELECT s.briefing_id, s.fingerprint, s.turn, "
                        + "CASE WHEN b.latest = 1 AND b.path <> ? THEN 1 ELSE 0 END FROM sentences s "
                        + "JOIN briefings b ON b.id = s.briefing_id WHERE s.fingerprint IN (\(list))",
                    [.text(path)] + arguments))
        }
        self.queries = queries
    }

    /// What a figure and another briefing's must share to be compared.
    private struct Match: Hashable {
        var key: [String]
        var kind: String?
        var unit: String?
    }

    private static func chunks<T>(_ xs: [T], of size: Int) -> [[T]] {
        stride(from: 0, to: xs.count, by: size).map { Array(xs[$0..<min($0 + size, xs.count)]) }
    }

    /// How many sentences the store holds with each of this briefing's fingerprints, in any
    /// briefing but `excluding` (the one a reanalysis replaces, whose rows go first), from the rows
    /// of `queries` (one list per query, in order): what `Rows.sentences` caps by.
    func storedSentences(_ results: [[[StoreValue]]], excluding: Int64?) -> [String: Int] {
        Self.storedSentences(sentenceLookups: results.dropFirst(figureQueries), excluding: excluding)
    }

    /// The same from the rows of the sentence queries alone. A fingerprint in two chunks of 400
    /// (a sentence said in both) has its stored rows in the results of each: counted once.
    static func storedSentences(sentenceLookups: some Sequence<[[StoreValue]]>, excluding: Int64?) -> [String: Int] {
        var counts: [String: Int] = [:]
        for rows in sentenceLookups {
            var chunk: [String: Int] = [:]
            // The rows come from the index on the fingerprint, one fingerprint's after another:
            // counted in runs, a dictionary update a fingerprint rather than a row (the hashing was
            // 0.3% of an ingest). Rows in another order are counted all the same.
            var run: (fingerprint: String, count: Int)?
            for row in rows where row[0].int64 != excluding {
                let fingerprint = row[1].string ?? ""
                if let current = run, current.fingerprint == fingerprint {
                    run = (fingerprint, current.count + 1)
                } else {
                    if let current = run { chunk[current.fingerprint, default: 0] += current.count }
                    run = (fingerprint, 1)
                }
            }
            if let current = run { chunk[current.fingerprint, default: 0] += current.count }
            counts.merge(chunk) { _, again in again }
        }
        return counts
    }

    /// The findings, from the rows of `queries` (one list per query, in order), and the briefing
    /// this one repeats almost whole (the same transcript from another file), the first stored if
    /// several.
    func findings(_ results: [[[StoreValue]]]) -> (findings: [CorpusFinding], twinOf: Int64?) {
        let b = briefing
        var out: [CorpusFinding] = []
        var results = results[...]
        // The rows by subject, period, kind and unit, each group in the order read.
        let rows = Dictionary(grouping: results.prefix(figureQueries).joined()) {
            Match(
                key: [$0[8].string ?? "", $0[9].string ?? "", $0[10].string ?? ""], kind: $0[7].string,
                unit: $0[5].string)
        }
        results = results.dropFirst(figureQueries)
        for (i, claim, match) in dated {
            let matching = rows[match] ?? []
            for row in matching.sorted(by: { $0[0].int64 > $1[0].int64 }).prefix(Self.comparedPerFigure) {
                var other = claim
                other.text = row[3].string ?? ""
                other.value = row[4].double ?? 0
                other.qualifier = Claim.Qualifier(rawValue: row[6].string ?? "") ?? .exact
                guard !CorpusKeys.sameValue(claim, other) else { continue }
                let thing = claim.subject ?? claim.counted ?? "A figure"
                let period = claim.period?.text ?? ""
                out.append(
                    CorpusFinding(
                        kind: .figureChanged, severity: .warning,
                        message:
                            "\(thing) (\(period)): “\(claim.text)” in \(Self.thisBriefing)\(b.date.map { " (\($0))" } ?? ""), "
                            + "“\(other.text)” in #\(row[0].int64)\(row[1].string.map { " (\($0))" } ?? "").",
                        briefing: 0, otherBriefing: row[0].int64, index: i, otherIndex: row[2].int))
            }
        }
        // Sentences said word for word elsewhere: the 20 briefings that share the most, one finding
        // each. For each chunk, the briefings that count, each with how many of its sentences
        // match, the least fingerprint and the least turn among them; the 20 with the most (the
        // lower id first among equals).
        var shared: [Int64: (count: Int, turn: Int, otherTurn: Int, text: String)] = [:]
        for chunk in sentences {
            var matched: [Int64: (count: Int, fingerprint: String, turn: Int)] = [:]
            for row in results.popFirst() ?? [] where row[3].int == 1 {
                let fingerprint = row[1].string ?? ""
                guard let had = matched[row[0].int64] else {
                    matched[row[0].int64] = (1, fingerprint, row[2].int)
                    continue
                }
                matched[row[0].int64] = (had.count + 1, min(had.fingerprint, fingerprint), min(had.turn, row[2].int))
            }
            let most = matched.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(20)
            for (id, match) in most {
                guard let mine = chunk.first(where: { $0.fingerprint == match.fingerprint }) else { continue }
                let old = shared[id] ?? (0, mine.turn, match.turn, mine.text)
                shared[id] = (old.count + match.count, old.turn, old.otherTurn, old.text)
            }
        }
        let top = shared.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(20)
        // A briefing that shares nine in ten of its sentences with another is the same transcript
        // stored again from another file (the HTML page and its text, a copy with a note added):
        // said as such, not as talking points repeated.
        let distinct = Set(sentences.joined().map(\.fingerprint)).count
        var twinOf: Int64?
        for (id, s) in top.sorted(by: { $0.key < $1.key }) {
            let short = s.text.count > 120 ? String(s.text.prefix(117)) + "…" : s.text
            let whole = distinct >= 10 && 10 * s.count >= 9 * distinct
            if whole && twinOf == nil { twinOf = id }
            let message =
                whole
                ? "\(Self.thisBriefing) repeats #\(id) almost whole, most likely the same transcript from another file: "
                    + "\(min(s.count, distinct)) of its \(distinct) long sentences said word for word there too, "
                    + "such as “\(short)”"
                : "\(s.count) sentence\(s.count == 1 ? "" : "s") of \(Self.thisBriefing) said word for word in #\(id) "
                    + "too, such as “\(short)”"
            out.append(
                CorpusFinding(
                    kind: .repeatedTalkingPoint, severity: .info, message: message, briefing: 0, otherBriefing: id,
                    index: s.turn, otherIndex: s.otherTurn))
        }
        return (out, twinOf)
    }
}
