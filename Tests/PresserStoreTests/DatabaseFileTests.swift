import Foundation
import PresserCore
import PresserStore
import Testing

@testable import PresserStore

/// What happens with a database file that is not what it should be, and with a server that is not there.
@Suite struct DatabaseFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-db-\(UUID())")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs one SQL statement on a file with Python's sqlite3 (another program's hands) and returns
    /// the first column of its first row, if any.
    @discardableResult func sqlite(_ file: String, _ sql: String) throws -> String {
        try python(
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchone(); c.commit(); "
                + "print(r[0] if r else '')",
            file, sql)
    }

    /// How many briefings have turns in the search index, read from the index itself.
    func briefingsIndexed(_ file: String) throws -> Int {
        let sql = "SELECT COUNT(DISTINCT t.briefing_id) FROM turns_fts_docsize d JOIN turns t ON t.id = d.id"
        return Int(try sqlite(file, sql).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func aFileThatIsNotADatabaseIsRefusedClearly() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("notes.sqlite")
        try String(repeating: "These are my notes, not a database.\n", count: 200).write(
            toFile: file, atomically: true, encoding: .utf8)
        await #expect(throws: StoreError.notADatabase(path: file, reason: "file is not a database")) {
            try await StoreLocation.sqlite(path: file).open()
        }
        let error = StoreError.notADatabase(path: file, reason: "file is not a database")
        #expect(error.description == "\(file): not a Presser database (file is not a database)")
        #expect(error.exitCode == 65)
    }

    @Test func anotherProgramsSQLiteFileIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("other.sqlite")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table songs (title text)'); c.commit()",
            file,
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)
        await #expect(throws: StoreError.foreignDatabase(path: file)) {
            try await StoreLocation.sqlite(path: file).open()
        }
    }

    @Test func aDatabaseFromANewerPresserIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("newer.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        await store.close()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"insert into grdb_migrations values ('2099-01-01-holograms')\"); c.commit()",
            file,
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)
        await #expect(throws: StoreError.newerSchema(location: file, migration: "2099-01-01-holograms")) {
            try await StoreLocation.sqlite(path: file).open()
        }
    }

    /// The search index reads the words of the turns search gives from the view of them, so that
    /// FTS5's `rebuild` and `integrity-check` take those alone; Datasette searches turns through
    /// it when told its name (`fts_table` in its metadata, as the README shows).
    @Test func theSearchIndexReadsTheTurnsSearchGives() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("datasette.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        await store.close()
        let sql = try sqlite(file, "select sql from sqlite_master where name = 'turns_fts'")
        #expect(sql.contains("search_text, content=\"searched_turns\", content_rowid=\"id\""), "\(sql)")
        let view = try sqlite(file, "select sql from sqlite_master where name = 'searched_turns'")
        #expect(view.contains("SELECT id, search_text FROM turns WHERE searched = 1"), "\(view)")
    }

    /// Search ranks the window of recent turns with `window_bm25` (`WindowRank`), given the rows of
    /// the window and those holding each phrase; given the whole index's counts instead, it ranks
    /// every match exactly as FTS5's `bm25` does, phrases and repeated words alike. Called wrongly,
    /// it says so.
    @Test func theWindowRankIsBM25OverTheRowsItIsGiven() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("rank.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        for name in ["scio-2019-12-09.txt", "fomc-2020-09-16.txt", "rev-covid-2020-03-14.txt"] {
            let at = Corpus.path(name)
            _ = try await store.store(PreparedBriefing(try Pipeline.run(paths: [at]).briefing), path: at, search: .now)
        }
        await store.close()
        let engine = try SQLiteEngine(path: file)
        for query in ["terrorist", "vocational education", "\"interest rates\" inflation", "the the", "coronavirus"] {
            let phrases = SearchText.fts5Phrases(query)
            let match = try #require(SearchText.fts5(query))
            let counts = phrases.map { _ in ", (SELECT COUNT(*) FROM turns_fts WHERE turns_fts MATCH ?)" }.joined()
            let rows = try await engine.query(
                SQLStatement(
                    "SELECT bm25(turns_fts), window_bm25(turns_fts, (SELECT COUNT(*) FROM turns_fts_docsize)\(counts)) "
                        + "FROM turns_fts WHERE turns_fts MATCH ?", phrases.map(StoreValue.text) + [.text(match)]))
            #expect(rows.count >= 2, "\(query)")
            for row in rows {
                let (bm25, ours) = (try #require(row[0].double), try #require(row[1].double))
                #expect(bm25 < 0 && abs(bm25 - ours) <= 1e-9 * abs(bm25), "\(query): \(bm25) against \(ours)")
            }
        }
        await #expect(throws: StoreError.self) {
            try await engine.query(
                SQLStatement("SELECT window_bm25(turns_fts, 10) FROM turns_fts WHERE turns_fts MATCH '\"the\" \"of\"'"))
        }
        await engine.close()
    }

    /// Search takes its passages from a small temporary index of the hits' texts (`withPassages`):
    /// they are the passages FTS5's `snippet` gives from the store's index, in English and Chinese,
    /// with filters and without.
    @Test func passagesAreTheSnippetsOfTheStoresIndex() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("passages.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        let files =
            [Corpus.path("scio-2019-12-09.txt"), Corpus.path("fomc-2020-09-16.txt")]
            + (try FileManager.default.contentsOfDirectory(atPath: Corpus.pathZH(""))).sorted()
            .filter { $0.hasSuffix("-zh.txt") }.prefix(2).map { Corpus.pathZH($0) }
        for at in files {
            _ = try await store.store(PreparedBriefing(try Pipeline.run(paths: [at]).briefing), path: at, search: .now)
        }
        let engine = try SQLiteEngine(path: file)
        var compared = 0
        for query in [
            SearchQuery("terrorist attacks", limit: 10), SearchQuery("inflation", limit: 10),
            SearchQuery("\"interest rates\" economy", limit: 5), SearchQuery("中国", limit: 10),
            SearchQuery("inflation", kind: .answer, limit: 10),
        ] {
            let hits = try await store.search(query)
            #expect(!hits.isEmpty, "\(query.text)")
            let match = try #require(SearchText.fts5(query.text))
            for hit in hits {
                let row = try await engine.query(
                    SQLStatement(
                        "SELECT snippet(turns_fts, 0, '«', '»', '…', 32) FROM turns_fts WHERE turns_fts MATCH ? "
                            + "AND rowid = (SELECT t.id FROM turns t WHERE t.briefing_id = ? AND t.idx = ?)",
                        [.text(match), .int(hit.briefing), .int(Int64(hit.turn))]))
                let snippet = try #require(row.first?[0].string)
                #expect(hit.snippet == SearchText.unspaced(snippet) && hit.snippet.contains("«"), "\(query.text)")
                compared += 1
            }
        }
        #expect(compared >= 30)
        await engine.close()
        await store.close()
    }

    /// The search index merges its segments at sixteen of a size, not FTS5's four (see the
    /// migration), in a new file (a migrated one: `aStoreFromBeforeTheSpacedTextMigrationKeepsItsSearch`).
    @Test func theSearchIndexMergesAtSixteen() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("merge.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        await store.close()
        #expect(try sqlite(file, "select v from turns_fts_config where k = 'automerge'") == "16\n")
    }

    /// Whether the search index holds exactly the turns' words (FTS5's `integrity-check` with the
    /// content table compared too), "yes" or "no".
    func indexMatchesTurns(_ file: String) throws -> String {
        try python(
            """
            import sqlite3, sys
            try:
                sqlite3.connect(sys.argv[1]).execute(
                    "insert into turns_fts (turns_fts, rank) values ('integrity-check', 1)")
                print("yes")
            except sqlite3.DatabaseError:
                print("no")
            """, file)
    }

    /// Briefings stored `.batched` (as `presser ingest` stores them) wait for the search index
    /// until some 3,000 turns do, and the briefing that brings them there takes them all in; a
    /// store opened while some wait, as the next process after a killed ingest, takes them in
    /// before anything reads.
    @Test func batchedTurnsWaitForTheSearchIndexUntilABatchOrTheNextOpen() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("batched.sqlite")
        let waiting = "SELECT (SELECT MAX(id) FROM turns) - through FROM search_indexed"
        let store = try await StoreLocation.sqlite(path: file).open()
        var briefing = try Pipeline.run(paths: [Corpus.path("scio-2019-12-09.txt")]).briefing
        let turns = briefing.turns.count
        let query = SearchQuery("\"no violent terrorist attacks\"", limit: 1000)
        _ = try await store.store(PreparedBriefing(briefing), path: "/first.txt", search: .batched)
        #expect(try await store.search(query).isEmpty)
        #expect(try sqlite(file, waiting) == "\(turns)\n")
        #expect(try indexMatchesTurns(file) == "no\n")

        // Another store opened on the file takes the waiting turns in.
        let next = try await StoreLocation.sqlite(path: file).open()
        #expect(try sqlite(file, waiting) == "0\n")
        #expect(try await next.search(query).map(\.briefing) == [1, 1])
        await next.close()

        // Other transcripts stored batched wait until a batch is full, then are all taken in at once.
        var others = Corpus.files.filter { $0.hasSuffix(".txt") && !$0.hasSuffix("scio-2019-12-09.txt") }[...]
        var stored = 0
        var waitingTurns = 0
        while let other = others.popFirst() {
            let prepared = PreparedBriefing(try Pipeline.run(paths: [other]).briefing)
            _ = try await store.store(prepared, path: other, search: .batched)
            stored += 1
            waitingTurns += prepared.briefing.turns.count
            if waitingTurns < SQLBriefingStore<SQLiteEngine>.searchBatch {
                #expect(try sqlite(file, waiting) == "\(waitingTurns)\n")
            } else {
                break
            }
        }
        #expect(stored > 10 && stored < 40)
        #expect(try sqlite(file, waiting) == "0\n")
        #expect(try briefingsIndexed(file) == stored + 1)
        #expect(try await store.search(query).map(\.briefing) == [1, 1])
        // Stored at once, taken in at once.
        let now = try #require(others.first)
        _ = try await store.store(PreparedBriefing(try Pipeline.run(paths: [now]).briefing), path: now, search: .now)
        #expect(try briefingsIndexed(file) == stored + 2)
        // A copy of the first is its twin, which search does not give: stored, it is not taken in.
        briefing.source.sha256 = "copy"
        _ = try await store.store(PreparedBriefing(briefing), path: "/copy.txt", search: .now)
        #expect(try briefingsIndexed(file) == stored + 2)
        #expect(try await store.search(query).map(\.briefing) == [1, 1])
        await store.close()
        #expect(try indexMatchesTurns(file) == "yes\n")
    }

    /// Closing the store leaves no log beside the file: what was written is in the file itself,
    /// and copying it or opening it read-only gets everything. (GRDB closes its read-only readers
    /// after the writer, and the last connection to close is the one that empties the log.)
    @Test func closingLeavesNoLogBehind() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("closed.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        let paths = ["scio-2019-12-09.txt", "fomc-2023-03-22.txt"].map { [Corpus.path($0)] }
        let results = await Ingest.run(paths, into: store)
        #expect(results.allSatisfy { $0.id != nil }, "\(results)")
        #expect(try await !store.search(SearchQuery("\"no violent terrorist attacks\"")).isEmpty)
        #expect(FileManager.default.fileExists(atPath: file + "-wal"))
        await store.close()
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: file + "-shm"))
        #expect(try sqlite(file, "select count(*) from briefings") == "2\n")
        // Closing again does nothing (it crashed the process before).
        await store.close()
        #expect(try sqlite(file, "select count(*) from briefings") == "2\n")
    }

    /// The segments on each level of the search index, read from FTS5's structure record (row 10
    /// of `turns_fts_data`: a 4-byte cookie, then varints: levels, segments, writes, and per level
    /// its merge state, its segment count and three numbers per segment).
    func searchSegments(_ file: String) throws -> [Int] {
        let script = """
            import sqlite3, sys
            b = sqlite3.connect(sys.argv[1]).execute("select block from turns_fts_data where id = 10").fetchone()[0]
            i = 4
            def varint():
                global i
                v = 0
                for k in range(9):
                    c = b[i]; i += 1
                    if k == 8: return (v << 8) | c
                    v = (v << 7) | (c & 0x7F)
                    if not c & 0x80: return v
            levels, _, _ = varint(), varint(), varint()
            counts = []
            for _ in range(levels):
                varint(); n = varint(); counts.append(n)
                for _ in range(3 * n): varint()
            print(" ".join(map(str, counts)))
            """
        return try python(script, file).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    }

    /// Each briefing stored is a segment of the search index, merged only once sixteen share a
    /// level (cheaper for an ingest); closing the store after storing merges every level down to
    /// fewer than four, so searches read few segments, and the briefings are all still found.
    @Test func closingAfterStoringMergesTheSearchIndex() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("merged.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        let transcripts = Corpus.files.filter { $0.hasSuffix(".txt") }.prefix(24)
        #expect(transcripts.count == 24 && transcripts.contains { $0.hasSuffix("scio-2019-12-09.txt") })
        for transcript in transcripts {
            _ = try await store.store(try Pipeline.run(paths: [transcript]).briefing, path: transcript)
        }
        let before = try searchSegments(file)
        #expect(before.contains { $0 >= 4 }, "\(before)")
        await store.close()
        let after = try searchSegments(file)
        #expect(after.allSatisfy { $0 < 4 } && after.reduce(0, +) < before.reduce(0, +), "\(before) → \(after)")
        #expect(try sqlite(file, "insert into turns_fts (turns_fts) values ('integrity-check')") == "\n")
        let reopened = try await StoreLocation.sqlite(path: file).open()
        let hits = try await reopened.search(SearchQuery("\"no violent terrorist attacks\"", limit: 1000))
        let reference = Int64(try #require(transcripts.firstIndex { $0.hasSuffix("scio-2019-12-09.txt") })) + 1
        #expect(hits.map(\.briefing) == [reference, reference], "\(hits)")
        #expect(try briefingsIndexed(file) == 24)
        await reopened.close()
    }

    /// A turn's text and a claim's sentence are stored once: the document leaves the turns and
    /// claims out (their tables have them), the spaced copy the search index reads is there only
    /// for turns with Chinese characters, and the briefing reads back whole
    /// (`theDocumentComesBackAsStored` compares every field).
    @Test func textsAreStoredOnce() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("once.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        let english = try Pipeline.run(paths: [Corpus.path("scio-2019-12-09.txt")]).briefing
        let chinese = try Pipeline.run(paths: [Corpus.pathZH("mfa-2018-07-06-zh.txt")]).briefing
        _ = try await store.store(english, path: "/en.txt")
        _ = try await store.store(chinese, path: "/zh.txt")
        #expect(try await store.search(SearchQuery("\"no violent terrorist attacks\"")).contains { $0.briefing == 1 })
        #expect(try await store.search(SearchQuery("外交部")).contains { $0.briefing == 2 })
        // Read back whole, the pages of a briefing joined from two files included.
        let paged = try Pipeline.run(paths: [Corpus.path("fomc-2023-03-22.txt"), Corpus.path("fomc-2023-12-13.txt")])
            .briefing
        #expect(paged.turns.contains { $0.page == 1 })
        _ = try await store.store(paged, path: "/paged.txt")
        #expect(try await store.briefing(.id(2))?.briefing == chinese)
        #expect(try await store.briefing(.id(3))?.briefing == paged)
        await store.close()
        #expect(try sqlite(file, "select count(spaced_text) from turns where briefing_id = 1") == "0\n")
        let spaced = try sqlite(file, "select count(spaced_text) from turns where briefing_id = 2")
        #expect((Int(spaced.dropLast()) ?? 0) > 10, "\(spaced)")
        let lists =
            "select sum(json_array_length(document, '$.turns') + json_array_length(document, '$.claims')) from documents"
        #expect(try sqlite(file, lists) == "0\n")
        let all = [english, chinese, paged]
        #expect(try sqlite(file, "select count(*) from turns") == "\(all.reduce(0) { $0 + $1.turns.count })\n")
        #expect(
            try sqlite(file, "select count(*) from claims where sentence <> ''")
                == "\(all.reduce(0) { $0 + $1.claims.count })\n")
    }

    /// A store made before the migrations that store each text once: its rows kept the text in
    /// `search_text`, and its documents the turns and claims (whole, or, for a few commits, with
    /// their texts left out). After the migrations the search index still matches its turns
    /// (FTS5's own integrity check compares the two), searches find them, the documents have moved
    /// to their own table, and both briefings read back as stored; briefings stored after them join
    /// the same index.
    @Test func aStoreFromBeforeTheSpacedTextMigrationKeepsItsSearch() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("old.sqlite")
        let engine = try SQLiteEngine(path: file)
        let before = Array(Schema.migrations.prefix { $0.name != "2026-11-30-spaced-text-for-chinese-only" })
        #expect(before.count < Schema.migrations.count)
        _ = try await engine.migrate(before)
        let scio = try Pipeline.run(paths: [Corpus.path("scio-2019-12-09.txt")]).briefing
        let fomc = try Pipeline.run(paths: [Corpus.path("fomc-2020-09-16.txt")]).briefing
        var withoutTexts = fomc
        for i in withoutTexts.turns.indices { withoutTexts.turns[i].text = "" }
        for i in withoutTexts.claims.indices { withoutTexts.claims[i].sentence = "" }
        for (id, briefing, document) in [(1, scio, scio), (2, fomc, withoutTexts)] {
            var prepared = PreparedBriefing(briefing)
            prepared.document = String(decoding: BriefingJSON.encode(document), as: UTF8.self)
            // The rows as stored then: every turn's search text, no pages or claim offsets.
            let rows = prepared.children.map { table in
                var old = TableRows(table: table.table, columns: [], rows: table.rows.map { _ in [] })
                for (c, name) in table.columns.enumerated() where !["page", "text_start", "text_end"].contains(name) {
                    old.columns.append(name == "spaced_text" ? "search_text" : name)
                    for (r, row) in table.rows.enumerated() {
                        old.rows[r].append(name == "spaced_text" ? .text(briefing.turns[r].text) : row[c])
                    }
                }
                return old
            }
            let index = SQLStatement(
                "INSERT INTO turns_fts (rowid, search_text) SELECT id, search_text FROM turns WHERE briefing_id = ?",
                [.briefingID])
            // The briefing's row as stored then, with its document.
            let b = briefing
            let row = SQLStatement(
                "INSERT INTO briefings (path, version, latest, sha256, title, date, layout, language, turns, questions, "
                    + "claims, findings, ingested_at, document) VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "RETURNING id",
                [
                    .text("/old-\(id).txt"), .text(b.source.sha256), StoreValue(b.title), StoreValue(b.date),
                    .text(b.layout), .text(b.language), StoreValue(b.turns.count), StoreValue(b.exchanges.count),
                    StoreValue(b.claims.count), StoreValue(b.findings.count), .text("2026-11-29T00:00:00Z"),
                    .text(prepared.document),
                ])
            let write = WritePlan(first: row, rest: rows.map(SQLWrite.rows) + [.statement(index)])
            #expect(try await engine.write(reading: [], plan: { _ in write })?.first == .int(Int64(id)))
        }
        await engine.close()

        let store = try await StoreLocation.sqlite(path: file).open()
        let hits = try await store.search(SearchQuery("\"no violent terrorist attacks\" consecutive years"))
        let hit = try #require(hits.first { $0.turn == 25 })
        #expect(hit.speaker == "Shohrat Zakir" && hit.snippet.contains("«no violent terrorist attacks»"), "\(hit)")
        #expect(try await store.briefing(.id(1))?.briefing == scio)
        #expect(try await store.briefing(.id(2))?.briefing == fomc)
        _ = try await store.store(
            try Pipeline.run(paths: [Corpus.pathZH("mfa-2018-07-06-zh.txt")]).briefing, path: "/zh.txt")
        #expect(try await store.search(SearchQuery("外交部")).contains { $0.briefing == 3 })
        await store.close()
        try sqlite(file, "insert into turns_fts (turns_fts) values ('integrity-check')")
        #expect(try sqlite(file, "select v from turns_fts_config where k = 'automerge'") == "16\n")
        #expect(
            try sqlite(file, "select count(spaced_text) from turns where briefing_id = 1") == "\(scio.turns.count)\n")
        #expect(try sqlite(file, "select group_concat(briefing_id) from documents") == "1,2,3\n")
        #expect(
            try sqlite(file, "select count(*) from pragma_table_info('briefings') where name = 'document'") == "0\n")
    }

    @Test func aMissingFolderIsCreatedAndTheDefaultIsUnderXDGDataHome() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = path("a/b/c/presser.sqlite")
        let store = try await StoreLocation.sqlite(path: file).open()
        #expect(try await store.counts() == CorpusCounts(briefings: 0, turns: 0, claims: 0, findings: 0))
        await store.close()
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(
            StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"])
                == .sqlite(path: "/data/presser/presser.sqlite"))
        #expect(
            StoreLocation.resolve(option: nil, environment: ["HOME": "/home/u"])
                == .sqlite(path: "/home/u/.local/share/presser/presser.sqlite"))
        #expect(
            StoreLocation.resolve(option: nil, environment: ["PRESSER_DATABASE": "postgres://a@b/c"])
                == .postgres(url: "postgres://a@b/c"))
        #expect(
            StoreLocation.resolve(option: "x.sqlite", environment: ["PRESSER_DATABASE": "postgres://a@b/c"])
                == .sqlite(path: "x.sqlite"))
        #expect(!StoreLocation.postgres(url: "postgres://u:secret@h/d").description.contains("secret"))
    }

    @Test func noServerIsACannotConnectError() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try await StoreLocation.postgres(url: "postgres://presser@127.0.0.1:1/presser").open()
            Issue.record("connected to nothing")
        } catch {
            guard case .cannotConnect(let location, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(location == "postgres://presser@127.0.0.1:1/presser")
            #expect(error.exitCode == 69)
        }
    }

    @Test func searchTextIsRebuiltFromWords() {
        #expect(SearchText.fts5("violent terrorist") == "\"violent\" \"terrorist\"")
        #expect(SearchText.fts5("\"three consecutive years\" Xinjiang") == "\"three consecutive years\" \"Xinjiang\"")
        #expect(SearchText.fts5("a\" OR \"b*") == "\"a\" \"OR\" \"b\"")
        #expect(SearchText.fts5("'; --") == nil)
        #expect(SearchText.contains("50%_off") == "%50\\%\\_off%")
        // Chinese: each character a word in the index; a typed run of characters a phrase.
        #expect(SearchText.spaced("新增治愈出院病例1318例。") == "新 增 治 愈 出 院 病 例 1318 例 。")
        #expect(SearchText.spaced("violent terrorist") == "violent terrorist")
        #expect(SearchText.fts5("治愈出院 WHO") == "\"治 愈 出 院\" \"WHO\"")
        #expect(SearchText.websearch("治愈 WHO") == " \"治 愈\" WHO")
        #expect(SearchText.unspaced("…新 增 «治 愈 出 院» 病 例 1318 例 ，") == "…新增«治愈出院»病例1318例，")
        #expect(SearchText.unspaced("«治»«愈»出院, «WHO»") == "«治愈»出院, «WHO»")
    }
}
