/// The tables, as named migrations that are only ever appended to: a database records the names
/// applied, and a name it has that this list lacks means a newer Presser made it.
///
/// The same tables in both dialects; they differ in the key type, in the full-text index (FTS5
/// for SQLite, a tsvector with a GIN index for PostgreSQL) and in the floating-point type.
struct Migration: Sendable {
    var name: String
    var sqlite: [String]
    var postgres: [String]
}

enum Schema {
    /// `PRAGMA application_id` of a Presser SQLite file ("PRSR").
    static let applicationID: Int32 = 0x5052_5352

    static let migrations: [Migration] = [
        Migration(
            name: "2026-11-27-briefings",
            sqlite: tables(key: "INTEGER PRIMARY KEY AUTOINCREMENT", real: "REAL"),
            postgres: tables(key: "BIGSERIAL PRIMARY KEY", real: "DOUBLE PRECISION")),
        Migration(
            name: "2026-11-27-search",
            sqlite: [
                """
                CREATE VIRTUAL TABLE turns_fts USING fts5(
                    text, content='turns', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')
                """
            ],
            postgres: [
                "ALTER TABLE turns ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
                "CREATE INDEX turns_tsv ON turns USING GIN (tsv)",
            ]),
        Migration(
            name: "2026-11-27-answer-labels",
            sqlite: ["ALTER TABLE exchanges ADD COLUMN answer TEXT"],
            postgres: ["ALTER TABLE exchanges ADD COLUMN answer TEXT"]),
        // The same index, its content table named in double quotes: the form Datasette looks for,
        // so that `datasette presser.sqlite` offers full-text search on turns by itself.
        Migration(
            name: "2026-11-27-search-for-datasette",
            sqlite: [
                "DROP TABLE turns_fts",
                """
                CREATE VIRTUAL TABLE turns_fts USING fts5(
                    text, content="turns", content_rowid="id", tokenize='porter unicode61 remove_diacritics 2')
                """,
                "INSERT INTO turns_fts (turns_fts) VALUES ('rebuild')",
            ],
            postgres: []),
        // Chinese has no spaces, and both full-text indexes take a run of Chinese characters for one
        // word: the index reads `search_text`, the text with each Chinese character a word of its
        // own (SearchText.spaced), and a query's Chinese becomes a phrase of characters. Rows stored
        // before keep their text as it was (they were read as English).
        Migration(
            name: "2026-11-28-chinese-search",
            sqlite: [
                "ALTER TABLE turns ADD COLUMN search_text TEXT",
                "UPDATE turns SET search_text = text",
                "DROP TABLE turns_fts",
                """
                CREATE VIRTUAL TABLE turns_fts USING fts5(
                    search_text, content="turns", content_rowid="id", tokenize='porter unicode61 remove_diacritics 2')
                """,
                "INSERT INTO turns_fts (turns_fts) VALUES ('rebuild')",
            ],
            postgres: [
                "ALTER TABLE turns ADD COLUMN search_text TEXT",
                "UPDATE turns SET search_text = text",
                "DROP INDEX turns_tsv",
                "ALTER TABLE turns DROP COLUMN tsv",
                """
                ALTER TABLE turns ADD COLUMN tsv tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', coalesce(search_text, text))) STORED
                """,
                "CREATE INDEX turns_tsv ON turns USING GIN (tsv)",
            ]),
        // The figures of a subject, period and kind, newest briefing first: CorpusLookup reads the
        // latest 20 of each from this index instead of every match (which grew with the corpus).
        // It covers what claims_subject did.
        Migration(
            name: "2026-11-29-claims-by-subject-and-kind",
            sqlite: [
                "DROP INDEX claims_subject",
                "CREATE INDEX claims_subject_kind ON claims (subject_key, period_from, period_to, kind, briefing_id, idx)",
            ],
            postgres: [
                "DROP INDEX claims_subject",
                "CREATE INDEX claims_subject_kind ON claims (subject_key, period_from, period_to, kind, briefing_id, idx)",
            ]),
        // The spaced copy of a turn's text is stored only for turns with Chinese characters
        // (`spaced_text`, NULL otherwise): for every other turn it was the text a second time, a
        // sixth of the bytes an ingest writes. The full-text indexes read the spaced copy or else the
        // text, SQLite's through a generated column of the old name, so its index stays as it is;
        // rows stored before keep their copy.
        Migration(
            name: "2026-11-30-spaced-text-for-chinese-only",
            sqlite: [
                "ALTER TABLE turns RENAME COLUMN search_text TO spaced_text",
                "ALTER TABLE turns ADD COLUMN search_text TEXT GENERATED ALWAYS AS (coalesce(spaced_text, text)) VIRTUAL",
            ],
            postgres: [
                // The tsvector's generated expression follows the rename.
                "ALTER TABLE turns RENAME COLUMN search_text TO spaced_text"
            ]),
        // FTS5 writes each commit's words as a new segment and merges segments once four of a size
        // have piled up; the ingest commits a briefing at a time, so those merges rewrote the index
        // over and over. Merging at sixteen: 10,000 synthetic briefings in 74.8 s instead of 84.3
        // (14.2 instead of 16.0 ms of CPU a briefing), searches as fast (p50 3.3 / p99 6.5 ms
        // against 3.0 / 8.2). PostgreSQL's GIN index has no such setting.
        Migration(
            name: "2026-11-30-search-merges-at-sixteen",
            sqlite: ["INSERT INTO turns_fts (turns_fts, rank) VALUES ('automerge', 16)"],
            postgres: []),
        // No query is helped by an index on speaker names: the filters compare lower-cased
        // substrings (`LIKE '%name%'`), and `presser speakers`, the one query SQLite used it for,
        // ran twice as fast without it (10,000 briefings: 0.33 instead of 0.6 s), while every
        // turn stored added an entry at a random place in it.
        Migration(
            name: "2026-11-30-no-index-on-speaker-names",
            sqlite: ["DROP INDEX turns_speaker"],
            postgres: ["DROP INDEX turns_speaker"]),
        // What the turns and claims tables lacked to give back a briefing's turns and claims whole:
        // the page a turn starts on, and where a claim's text is in its turn. The stored document
        // now leaves both lists out (`PreparedBriefing.document`).
        Migration(
            name: "2026-11-30-turn-pages-and-claim-offsets",
            sqlite: [
                "ALTER TABLE turns ADD COLUMN page INTEGER",
                "ALTER TABLE claims ADD COLUMN text_start INTEGER",
                "ALTER TABLE claims ADD COLUMN text_end INTEGER",
            ],
            postgres: [
                "ALTER TABLE turns ADD COLUMN page INTEGER",
                "ALTER TABLE claims ADD COLUMN text_start INTEGER",
                "ALTER TABLE claims ADD COLUMN text_end INTEGER",
            ]),
        // The documents in a table of their own: in the briefings table each briefing's row ran
        // over a page or more, so the corpus lookups, which read the briefings row of every figure
        // they compare, found few of them in the page cache (10,000 briefings: 169 MB of rows
        // against 2 MB without the documents).
        Migration(
            name: "2026-11-30-documents-apart",
            sqlite: [
                "CREATE TABLE documents (briefing_id INTEGER PRIMARY KEY REFERENCES briefings (id), document TEXT NOT NULL)",
                "INSERT INTO documents (briefing_id, document) SELECT id, document FROM briefings",
                "ALTER TABLE briefings DROP COLUMN document",
            ],
            postgres: [
                "CREATE TABLE documents (briefing_id BIGINT PRIMARY KEY REFERENCES briefings (id), document TEXT NOT NULL)",
                "INSERT INTO documents (briefing_id, document) SELECT id, document FROM briefings",
                "ALTER TABLE briefings DROP COLUMN document",
            ]),
        // The corpus lookups compare only dated levels (a subject key, a period, no change, no
        // range): an index of those claims alone, an eighth of the claims, and on SQLite holding
        // every column the lookups read, so that they never visit the claims table (1,000 more into
        // 10,000: 7.14 → 6.18–6.31 s, the same corpus findings). PostgreSQL's index holds the keys
        // only: its rows can be too long for an index entry, and fresh rows are read from the
        // table anyway until vacuumed.
        Migration(
            name: "2026-11-30-index-of-dated-figures",
            sqlite: [
                "DROP INDEX claims_subject_kind",
                """
                CREATE INDEX claims_dated_figures ON claims (subject_key, period_from, period_to, kind, briefing_id, idx,
                    unit, change_direction, upper, text, value, qualifier) \(datedFigures)
                """,
            ],
            postgres: [
                "DROP INDEX claims_subject_kind",
                "CREATE INDEX claims_dated_figures ON claims (subject_key, period_from, period_to, kind, briefing_id, idx) "
                    + datedFigures,
            ]),
        // How far the search index has taken in the turns (their ids only grow): turns stored with
        // `SearchIndexing.batched` wait above it until a batch takes them in (`indexPendingTurns`).
        // Every turn stored before is in the index. PostgreSQL indexes each turn as it is stored.
        Migration(
            name: searchIndexedThrough,
            sqlite: [
                "CREATE TABLE search_indexed (through INTEGER NOT NULL)",
                "INSERT INTO search_indexed (through) SELECT COALESCE(MAX(id), 0) FROM turns",
            ],
            postgres: []),
        // Removing or re-analysing a briefing deletes its sentence fingerprints, and without an
        // index that read the whole table each time (10,000 synthetic briefings: 4.75 ms a
        // briefing, more than all its other rows together). The table holds a few rows a briefing
        // (at most five holders a sentence), so the index costs storing next to nothing.
        Migration(
            name: "2026-12-02-sentences-by-briefing",
            sqlite: ["CREATE INDEX sentences_briefing ON sentences (briefing_id)"],
            postgres: ["CREATE INDEX sentences_briefing ON sentences (briefing_id)"]),
        // The digest of what a briefing's reading wrote (`ReadingDigest`): `ingest --reanalyse`
        // leaves a briefing alone when a new analysis gives the same. NULL for briefings stored
        // before, which a reanalysis therefore always replaces.
        Migration(
            name: "2026-12-02-reading-digest",
            sqlite: ["ALTER TABLE briefings ADD COLUMN reading TEXT"],
            postgres: ["ALTER TABLE briefings ADD COLUMN reading TEXT"]),
        // The briefing a briefing repeats almost whole, as its corpus finding says ("#92 repeats
        // #91 almost whole, most likely the same transcript from another file"): recorded, so that
        // `speakers` and `outlets` count such a transcript once and `list --twins` finds them.
        // Briefings stored before take it from the finding's message, which Presser wrote.
        Migration(
            name: "2026-12-02-twins",
            sqlite: ["ALTER TABLE briefings ADD COLUMN twin_of INTEGER", twinsFromFindings],
            postgres: ["ALTER TABLE briefings ADD COLUMN twin_of BIGINT", twinsFromFindings]),
        // The search index holds the turns search can give: those of latest briefings that count
        // (not a twin of a latest briefing), marked `turns.searched`. Search ranks every match its
        // index holds before it can leave one out, and in a store of copies (10,000 synthetic
        // briefings, 9,009 of them twins) it ranked ten turns for each it could give: p50 27 ms,
        // p99 102 ms. SQLite's index reads its words from the view of those turns (so that FTS5's
        // `rebuild` and `integrity-check` mean the same), made anew; PostgreSQL's GIN index keeps
        // only their rows. The store keeps the mark as briefings become old versions or twins and
        // stop being so (`SQLBriefingStore.searchFollows`).
        Migration(
            name: "2026-12-03-search-holds-what-it-gives",
            sqlite: [
                "ALTER TABLE turns ADD COLUMN searched INTEGER NOT NULL DEFAULT 1",
                "CREATE INDEX briefings_twin_of ON briefings (twin_of)",
                "UPDATE turns SET searched = 0 WHERE briefing_id IN (SELECT b.id FROM briefings b WHERE NOT \(counted))",
                "CREATE VIEW searched_turns AS SELECT id, search_text FROM turns WHERE searched = 1",
                "DROP TABLE turns_fts",
                """
                CREATE VIRTUAL TABLE turns_fts USING fts5(
                    search_text, content="searched_turns", content_rowid="id",
                    tokenize='porter unicode61 remove_diacritics 2')
                """,
                "INSERT INTO turns_fts (turns_fts, rank) VALUES ('automerge', 16)",
                "INSERT INTO turns_fts (rowid, search_text) SELECT id, search_text FROM searched_turns "
                    + "WHERE id <= (SELECT through FROM search_indexed)",
            ],
            postgres: [
                "ALTER TABLE turns ADD COLUMN searched INTEGER NOT NULL DEFAULT 1",
                "CREATE INDEX briefings_twin_of ON briefings (twin_of)",
                "UPDATE turns SET searched = 0 WHERE briefing_id IN (SELECT b.id FROM briefings b WHERE NOT \(counted))",
                "DROP INDEX turns_tsv",
                "CREATE INDEX turns_tsv ON turns USING GIN (tsv) WHERE searched = 1",
            ]),
        // PostgreSQL works out a turn's tsvector only while search gives the turn: a twin's or an
        // old version's turns are stored without one (their column NULL, worked out again should
        // they be searched once more), where every turn's was computed and then left out of the
        // index. `to_tsvector` was a third of the server's time on a store of twins. SQLite's index
        // already took only the searched turns.
        Migration(
            name: "2026-12-04-tsvector-of-searched-turns-only",
            sqlite: [],
            postgres: [
                "DROP INDEX turns_tsv",
                "ALTER TABLE turns DROP COLUMN tsv",
                """
                ALTER TABLE turns ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
                    CASE WHEN searched = 1 THEN to_tsvector('english', coalesce(spaced_text, text)) END) STORED
                """,
                "CREATE INDEX turns_tsv ON turns USING GIN (tsv) WHERE searched = 1",
            ]),
        // The lookup of the sentences a new briefing shares with the stored ones (`CorpusLookup`)
        // reads some 600 rows a briefing, five at most for each of its sentences: the index on the
        // fingerprint alone sent each to the table for its briefing and turn. With them in the
        // index, the lookup (Python's `sqlite3`, 42 briefings' fingerprints against 1,000 stored)
        // 0.59 → 0.39 ms; the index is replaced, not added to, so storing keeps one index to keep.
        Migration(
            name: "2026-12-05-sentence-lookups-from-the-index",
            sqlite: [
                "DROP INDEX sentences_fingerprint",
                "CREATE INDEX sentences_fingerprint ON sentences (fingerprint, briefing_id, turn)",
            ],
            postgres: [
                "DROP INDEX sentences_fingerprint",
                "CREATE INDEX sentences_fingerprint ON sentences (fingerprint, briefing_id, turn)",
            ]),
        // PostgreSQL's search window of its own: the searched turns among the newest 50,000
        // (`SQLBriefingStore.recentTurns`), with their tsvectors, in a table and a GIN index of
        // their own, which an unfiltered search ranks first. The turns' GIN index hands over every
        // match of a word in the whole corpus before the window can narrow them: at 10,000
        // briefings (971,011 turns), 55,389 for "housing" in 10 ms, of which the window kept 2,832
        // (0.3 ms from the window's index). The store keeps it as it keeps `turns.searched`
        // (`SQLBriefingStore.searchFollows` and `windowFollows`). SQLite ranks the window inside
        // its full-text index (`WindowRank`).
        Migration(
            name: "2026-12-06-search-window-on-postgresql",
            sqlite: [],
            postgres: [
                "CREATE TABLE search_window (id BIGINT PRIMARY KEY, tsv tsvector NOT NULL)",
                "CREATE INDEX search_window_tsv ON search_window USING GIN (tsv)",
                "INSERT INTO search_window (id, tsv) SELECT id, tsv FROM turns "
                    + "WHERE searched = 1 AND id > (SELECT COALESCE(MAX(id), 0) FROM turns) - 50000",
            ]),
    ]

    /// Whether briefing `b` (the alias of a briefings row) is one search, timeline, speakers and
    /// outlets count across the corpus: a latest version, and no twin of a latest briefing (one
    /// whose twin is an old version counts, for the newer version may in turn be recorded as its
    /// twin). As the migration above wrote it.
    private static let counted =
        "(b.latest = 1 AND (b.twin_of IS NULL OR NOT EXISTS "
        + "(SELECT 1 FROM briefings o WHERE o.id = b.twin_of AND o.latest = 1)))"

    /// Each stored briefing's twin, from the corpus findings written before it was recorded.
    private static let twinsFromFindings =
        "UPDATE briefings SET twin_of = (SELECT MIN(f.other_briefing_id) FROM corpus_findings f "
        + "WHERE f.briefing_id = briefings.id AND f.kind = 'repeatedTalkingPoint' "
        + "AND f.message LIKE '% repeats #% almost whole, %')"

    /// The search index's tokenizer, as the migrations above give it (they stay as written), for
    /// the temporary index search takes its passages from (`SQLBriefingStore.withPassages`).
    static let tokenizer = "porter unicode61 remove_diacritics 2"

    /// The migration that adds the search index's mark.
    static let searchIndexedThrough = "2026-12-01-search-indexed-through"

    /// The turns stored since the search index last took them in, taken in, and the mark moved to
    /// the last turn (SQLite; run in a write transaction, so no other writer adds turns meanwhile).
    static let indexPendingTurns = [
        "INSERT INTO turns_fts (rowid, search_text) SELECT id, search_text FROM searched_turns "
            + "WHERE id > (SELECT through FROM search_indexed)",
        "UPDATE search_indexed SET through = (SELECT COALESCE(MAX(id), 0) FROM turns) "
            + "WHERE through <> (SELECT COALESCE(MAX(id), 0) FROM turns)",
    ]

    /// The claims `CorpusLookup` compares across briefings, as an index's WHERE: every term is one
    /// its query states (a comparison on a column implies the column IS NOT NULL), so both engines
    /// use the index for it.
    private static let datedFigures =
        "WHERE subject_key IS NOT NULL AND period_from IS NOT NULL AND period_to IS NOT NULL "
        + "AND change_direction IS NULL AND upper IS NULL"

    private static func tables(key: String, real: String) -> [String] {
        [
            """
            CREATE TABLE briefings (
                id \(key),
                path TEXT NOT NULL,
                version INTEGER NOT NULL,
                latest INTEGER NOT NULL,
                sha256 TEXT NOT NULL UNIQUE,
                title TEXT,
                date TEXT,
                layout TEXT NOT NULL,
                language TEXT NOT NULL,
                turns INTEGER NOT NULL,
                questions INTEGER NOT NULL,
                claims INTEGER NOT NULL,
                findings INTEGER NOT NULL,
                ingested_at TEXT NOT NULL,
                document TEXT NOT NULL)
            """,
            "CREATE INDEX briefings_path ON briefings (path, version)",
            "CREATE INDEX briefings_date ON briefings (date)",
            """
            CREATE TABLE participants (
                briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                outlet TEXT,
                roles TEXT NOT NULL,
                PRIMARY KEY (briefing_id, id))
            """,
            """
            CREATE TABLE turns (
                id \(key),
                briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                idx INTEGER NOT NULL,
                speaker_id TEXT,
                speaker_name TEXT,
                label TEXT,
                kind TEXT NOT NULL,
                outlet TEXT,
                asked_by TEXT,
                line INTEGER NOT NULL,
                words INTEGER NOT NULL,
                text TEXT NOT NULL,
                UNIQUE (briefing_id, idx))
            """,
            "CREATE INDEX turns_speaker ON turns (speaker_name)",
            """
            CREATE TABLE exchanges (
                briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                idx INTEGER NOT NULL,
                question INTEGER NOT NULL,
                outlet TEXT,
                asked_by TEXT,
                delegated_by TEXT,
                answered_by TEXT NOT NULL,
                answers TEXT NOT NULL,
                PRIMARY KEY (briefing_id, idx))
            """,
            """
            CREATE TABLE claims (
                briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                idx INTEGER NOT NULL,
                turn INTEGER NOT NULL,
                speaker TEXT,
                text TEXT NOT NULL,
                value \(real) NOT NULL,
                upper \(real),
                kind TEXT NOT NULL,
                unit TEXT,
                counted TEXT,
                qualifier TEXT NOT NULL,
                subject TEXT,
                subject_key TEXT,
                period_text TEXT,
                period_from TEXT,
                period_to TEXT,
                change_direction TEXT,
                change_basis TEXT,
                sentence TEXT NOT NULL,
                PRIMARY KEY (briefing_id, idx))
            """,
            "CREATE INDEX claims_subject ON claims (subject_key, period_from, period_to)",
            """
            CREATE TABLE findings (
                briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                idx INTEGER NOT NULL,
                kind TEXT NOT NULL,
                severity TEXT NOT NULL,
                message TEXT NOT NULL,
                claims TEXT NOT NULL,
                turns TEXT NOT NULL,
                details TEXT NOT NULL,
                PRIMARY KEY (briefing_id, idx))
            """,
            """
            CREATE TABLE sentences (
                briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                turn INTEGER NOT NULL,
                fingerprint TEXT NOT NULL,
                text TEXT NOT NULL)
            """,
            "CREATE INDEX sentences_fingerprint ON sentences (fingerprint)",
            """
            CREATE TABLE corpus_findings (
                briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                other_briefing_id BIGINT NOT NULL REFERENCES briefings (id),
                kind TEXT NOT NULL,
                severity TEXT NOT NULL,
                message TEXT NOT NULL,
                idx INTEGER NOT NULL,
                other_idx INTEGER NOT NULL)
            """,
            "CREATE INDEX corpus_findings_briefing ON corpus_findings (briefing_id)",
            "CREATE INDEX corpus_findings_other ON corpus_findings (other_briefing_id)",
        ]
    }
}
