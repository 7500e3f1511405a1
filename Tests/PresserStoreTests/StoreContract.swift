import Foundation
import PresserCore
import Testing

@testable import PresserStore

/// What every store must do, run against SQLite and against PostgreSQL (StoreTests.swift).
enum StoreContract {
    static func withStore(
        _ backend: TestDatabase.Backend, recentTurns: Int? = nil, _ body: (any BriefingStore) async throws -> Void
    ) async throws {
        let database = try await TestDatabase.make(backend)
        do {
            let store =
                if let recentTurns { try await database.open(recentTurns: recentTurns) } else {
                    try await database.open()
                }
            do {
                try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        } catch {
            await database.remove()
            throw error
        }
        await database.remove()
    }

    static func ingestingTheCorpusTwiceKeepsOneCopy(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let files = Corpus.files
            #expect(files.count == 56)
            let first = await Ingest.run(files.map { [$0] }, into: store)
            #expect(
                first.filter { if case .stored(_, _, 1) = $0 { true } else { false } }.count == files.count, "\(first)")
            // Analysed on all cores, stored in the order given: the ids follow the files.
            #expect(first.map(\.path) == files)
            let ids = first.compactMap(\.id)
            #expect(ids.count == files.count && zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
            let second = await Ingest.run(files.map { [$0] }, into: store)
            #expect(second.allSatisfy { if case .unchanged = $0 { true } else { false } }, "\(second)")
            let list = try await store.list(ListFilter(allVersions: true))
            #expect(list.count == files.count)
            #expect(Set(list.map(\.sha256)).count == files.count)
            let counts = try await store.counts()
            #expect(counts.briefings == files.count)
            #expect(counts.turns == list.reduce(0) { $0 + $1.turns })
        }
    }

    static func searchFindsTheReferenceTurnWithItsSpeaker(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            _ = await Ingest.run(
                [[Corpus.path("scio-2019-12-09.txt")], [Corpus.path("fomc-2020-09-16.txt")]], into: store)
            let hits = try await store.search(SearchQuery("\"no violent terrorist attacks\" consecutive years"))
            let hit = try #require(hits.first { $0.turn == 25 })
            #expect(hit.speaker == "Shohrat Zakir")
            #expect(hit.kind == "answer")
            #expect(hit.date == "2019-12-09")
            #expect(hit.snippet.contains("«"))
            // Filters narrow it down.
            let questions = try await store.search(SearchQuery("violent terrorist", kind: .question))
            #expect(questions.map(\.turn) == [3])
            let bySpeaker = try await store.search(SearchQuery("inflation", speaker: "powell", limit: 5))
            #expect(
                !bySpeaker.isEmpty && bySpeaker.allSatisfy { $0.speaker == "Jerome Powell" || $0.speaker == "Powell" })
            let none = try await store.search(SearchQuery("violent terrorist", from: "2020-01-01"))
            #expect(none.isEmpty)
            // A common word with a small limit takes the quick way (the window, the best few joined);
            // with a limit above its matches, or with a filter that excludes nothing, every match is
            // ranked: the best five are the same either way, in the same order.
            let quick = try await store.search(SearchQuery("inflation", limit: 5))
            let every = try await store.search(SearchQuery("inflation", limit: 500))
            let filtered = try await store.search(SearchQuery("inflation", from: "1900-01-01", limit: 5))
            #expect(quick.count == 5 && every.count > 5 && every.count < 500, "\(every.count)")
            #expect(quick.map(\.turn) == every.prefix(5).map(\.turn))
            #expect(quick.map(\.turn) == filtered.map(\.turn))
            #expect(quick.map(\.snippet) == filtered.map(\.snippet))
        }
    }

    static func typedQueriesCannotBreakOrInject(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            _ = await Ingest.run([[Corpus.path("scio-2019-12-09.txt")]], into: store)
            for text in [
                "'; DROP TABLE turns; --", "\"unbalanced", "NEAR(violent terrorist)", "violent OR", "*", "text:violent",
                "a AND NOT b", "\\", "%", "')", "–—“”", "terrorist -violent", "\u{0}",
            ] {
                _ = try await store.search(SearchQuery(text))
                _ = try await store.search(SearchQuery("violent", speaker: text, outlet: text))
            }
            let still = try await store.search(SearchQuery("violent terrorist"))
            #expect(!still.isEmpty)
            #expect(try await store.counts().turns == 33)
        }
    }

    static func outletsCountTheUnattributedQuestions(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let results = await Ingest.run(
                [[Corpus.path("scio-2019-12-09.txt")], [Corpus.path("whitehouse-2021-02-19.txt")]], into: store)
            let id = try #require(results.first { $0.path.hasSuffix("scio-2019-12-09.txt") }?.id)
            let outlets = try await store.outlets(briefing: id)
            #expect(outlets.first { $0.outlet == nil }?.questions == 4)
            #expect(outlets.reduce(0) { $0 + $1.questions } == 11)
            #expect(outlets.contains { $0.outlet == "Macao Daily" && $0.questions == 1 })
            // Three of the four unattributed questions were answered directly (one had its premise rejected).
            #expect(outlets.first { $0.outlet == nil }?.direct == 3)
            let speakers = try await store.speakers(briefing: id)
            #expect(speakers.first?.name == "Shohrat Zakir")
            #expect(speakers.first?.answered == 5 && speakers.first?.direct == 4)
            // Across both, each official's answered questions as the parsed exchanges name them.
            var expected: [String: Int] = [:]
            for file in ["scio-2019-12-09.txt", "whitehouse-2021-02-19.txt"] {
                let b = try Pipeline.run(paths: [Corpus.path(file)]).briefing
                for id in b.exchanges.flatMap(\.answeredBy) { expected[b.name(of: id) ?? id, default: 0] += 1 }
            }
            let answered = try await store.speakers(briefing: nil).filter { $0.answered > 0 }
            #expect(Dictionary(answered.map { ($0.name, $0.answered) }, uniquingKeysWith: +) == expected)
            #expect(expected.count >= 3, "\(expected)")
        }
    }

    static func aChangedFileIsANewVersion(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-version-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("scio.txt")
            let original = try String(contentsOfFile: Corpus.path("scio-2019-12-09.txt"), encoding: .utf8)
            try original.write(to: file, atomically: true, encoding: .utf8)
            let first = await Ingest.run([[file.path]], into: store)
            try original.replacingOccurrences(of: "150 million tourists", with: "160 million tourists")
                .write(to: file, atomically: true, encoding: .utf8)
            let second = await Ingest.run([[file.path]], into: store)
            guard case .stored(_, let v1, 1) = first.first, case .stored(_, let v2, 2) = second.first else {
                Issue.record("\(first) \(second)")
                return
            }
            #expect(v1 != v2)
            #expect(try await store.list(ListFilter()).map(\.id) == [v2])
            #expect(try await store.list(ListFilter(allVersions: true)).count == 2)
            let latest = try #require(try await store.briefing(.path(file.path)))
            #expect(latest.summary.version == 2)
            #expect(latest.briefing.turns.count == 33)
            let old = try #require(try await store.briefing(.id(v1)))
            #expect(!old.summary.latest)
            // Search sees the latest version only.
            let hits = try await store.search(SearchQuery("160 million tourists"))
            #expect(hits.allSatisfy { $0.briefing == v2 } && !hits.isEmpty)
            #expect(try await store.search(SearchQuery("\"150 million tourists\"")).allSatisfy { $0.briefing == v2 })
        }
    }

    static func theDocumentComesBackAsStored(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let briefing = try Pipeline.run(paths: [Corpus.path("scio-2019-12-09.txt")]).briefing
            guard case .stored(let id, 1) = try await store.store(briefing, path: "/corpus/scio.txt") else {
                Issue.record("not stored")
                return
            }
            let back = try #require(try await store.briefing(.id(id)))
            #expect(back.briefing == briefing)
            #expect(back.summary.claims == 99)
            #expect(try await store.store(briefing, path: "/elsewhere/scio.txt") == .unchanged(id: id))
            #expect(try await store.briefing(.id(id + 1000)) == nil)
        }
    }

    static func timelineAndCorpusFindings(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let fomc = ["fomc-2023-03-22.txt", "fomc-2023-12-13.txt"].map { [Corpus.path($0)] }
            _ = await Ingest.run(fomc, into: store)
            let points = try await store.timeline(subject: "federal funds rate", unit: "%")
            #expect(points.count >= 4)
            #expect(points.map { $0.placedAt ?? "" } == points.map { $0.placedAt ?? "" }.sorted())
            // The reference briefing: "dropped to 6.51% this year from 22.48% in 2014" (T1), and
            // "dropped to 6.51% from 22.48% in early 2014" (T23). A period left open is placed at
            // its start (it was placed at the day said, in 2019), and a figure with no period at
            // the day it was said.
            _ = await Ingest.run([[Corpus.path("scio-2019-12-09.txt")]], into: store)
            let poverty = try await store.timeline(subject: "poverty incidence", unit: "%")
            #expect(
                poverty.map { "\($0.text) \($0.periodText ?? "(no period)") \($0.placedAt ?? "")" } == [
                    "22.48% in early 2014 2014-01-01", "22.48% in 2014 2014-12-31", "6.51% (no period) 2019-12-09",
                    "6.51% this year 2019-12-31",
                ])
            let list = try await store.list(ListFilter())
            let december = try #require(list.first { $0.date == "2023-12-13" })
            let findings = try await store.corpusFindings(briefing: december.id)
            // The federal funds rate projected for the end of 2025 went from 3.1 to 3.6 percent.
            #expect(
                findings.contains {
                    $0.kind == .figureChanged && $0.message.contains("“3.6 percent”")
                        && $0.message.contains("“3.1 percent”")
                }, "\(findings.map(\.message))")
            // Two press conferences nine months apart share sentences, not the whole transcript.
            let repeated = findings.filter { $0.kind == .repeatedTalkingPoint }
            #expect(repeated.count == 1 && repeated.allSatisfy { $0.message.contains("said word for word in #") })
            #expect(!repeated.contains { $0.message.contains("almost whole") }, "\(repeated.map(\.message))")
        }
    }

    /// A figure is compared with the same figure in the latest 20 briefings that state it, however
    /// many more do: 23 earlier copies of a press conference, each projecting another federal funds
    /// rate for the end of 2025, and the next one is compared with the newest 20 of them. Their
    /// shared sentences, kept for five briefings at most, are found again in the first five.
    static func figuresAreComparedWithTheLatestBriefings(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-latest-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let original = try String(contentsOfFile: Corpus.path("fomc-2023-03-22.txt"), encoding: .utf8)
            let stated = "3.1 percent at the end of 2025"
            #expect(original.contains(stated))
            var paths: [[String]] = []
            for copy in 0..<24 {
                // 1.05, 1.15 … 3.35 percent: a new value in every copy, none within rounding of another.
                let value = String(format: "%.2f percent at the end of 2025", 1.05 + 0.1 * Double(copy))
                let url = folder.appendingPathComponent(String(format: "%02d-fomc.txt", copy))
                try original.replacingOccurrences(of: stated, with: value).write(
                    to: url, atomically: true, encoding: .utf8)
                paths.append([url.path])
            }
            // One at a time, so that the ids follow the copies.
            for path in paths { _ = await Ingest.run([path], into: store) }
            let list = try await store.list(ListFilter())
            #expect(list.count == 24)
            let last = try #require(list.max { $0.id < $1.id })
            let ids = list.map(\.id).sorted()
            let findings = try await store.corpusFindings(briefing: last.id).filter {
                $0.kind == .figureChanged && $0.message.hasPrefix("federal funds rate (at the end of 2025)")
            }
            #expect(findings.allSatisfy { $0.message.contains("“3.35 percent” in") }, "\(findings.map(\.message))")
            let others = Set(findings.map(\.otherBriefing))
            #expect(others == Set(ids.dropLast().suffix(20)), "\(findings.map(\.message))")
            // A sentence is kept for at most five briefings: the copies' shared sentences are
            // found again in the first five only.
            let repeated = try await store.corpusFindings(briefing: last.id).filter { $0.kind == .repeatedTalkingPoint }
            #expect(Set(repeated.map(\.otherBriefing)) == Set(ids.prefix(5)), "\(repeated.map(\.message))")
            // Each copy is the same transcript, one figure apart: said so, not as talking points.
            #expect(
                repeated.allSatisfy {
                    $0.message.hasPrefix("#\(last.id) repeats #\($0.otherBriefing) almost whole, most likely the same ")
                }, "\(repeated.map(\.message))")
        }
    }

    /// The English and Chinese versions of one press conference are linked (same date, another
    /// language, as many questions); a Chinese briefing of another day is not.
    static func languageVersionsAreLinked(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let files = ["mfa-2020-03-12-en.txt", "mfa-2020-03-12-zh.txt", "mfa-2020-03-27-zh.txt"]
            _ = await Ingest.run(files.map { [Corpus.pathZH($0)] }, into: store)
            let list = try await store.list(ListFilter())
            let en = try #require(list.first { $0.path.hasSuffix("mfa-2020-03-12-en.txt") })
            let zh = try #require(list.first { $0.path.hasSuffix("mfa-2020-03-12-zh.txt") })
            #expect(zh.language == "zh" && zh.title == "2020年3月12日外交部发言人耿爽主持例行记者会")
            #expect(try await store.languageVersions(of: en.id).map(\.id) == [zh.id])
            #expect(try await store.languageVersions(of: zh.id).map(\.id) == [en.id])
            let aligned = try #require(try await store.alignment(en.id, zh.id))
            #expect(aligned.alignment.exchanges.count == 8)
            #expect(aligned.alignment.figures.filter { $0.status == .same }.count == 13)
            // The stored Chinese document reads back as parsed: speaker ids and text intact.
            let stored = try #require(try await store.briefing(.id(zh.id)))
            #expect(stored.briefing.participants.map(\.name) == ["耿爽"])
            // Chinese words are found inside runs of characters ("新增治愈出院病例1318例"), as a
            // phrase: the characters in order, not anywhere in the turn.
            let hits = try await store.search(SearchQuery("治愈出院", limit: 10))
            let hit = try #require(hits.first { $0.briefing == zh.id }, "\(hits)")
            #expect(hit.speaker == "耿爽" && hit.turn == 0, "\(hit)")
            #expect(hit.snippet.contains("«治愈出院»病例"), "\(hit)")
            #expect(try await store.search(SearchQuery("院出愈治", limit: 10)).isEmpty)
            let mixed = try await store.search(SearchQuery("世卫组织 pandemic", limit: 10))
            #expect(mixed.isEmpty, "no turn has both the Chinese and the English word: \(mixed)")
            let english = try await store.search(SearchQuery("pandemic", limit: 10))
            #expect(english.contains { $0.briefing == en.id }, "\(english)")
        }
    }

    /// A briefing stored by an older Presser that read less of it (here: its first ten turns and no
    /// claims) is read again in place: the same id, version and path; every table, the search index
    /// and the corpus findings as a fresh store of the same files has them.
    static func reanalysingReplacesTheReadingInPlace(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let march = Corpus.path("fomc-2023-03-22.txt")
            let december = Corpus.path("fomc-2023-12-13.txt")
            let full = try Pipeline.run(paths: [march]).briefing
            var old = full
            old.turns = Array(full.turns.prefix(10))
            old.claims = []
            old.exchanges = full.exchanges.filter { e in e.answers.allSatisfy { $0 < 10 } }
            old.findings = []
            guard case .stored(let id, 1) = try await store.store(old, path: march) else {
                Issue.record("the old reading was not stored")
                return
            }
            _ = await Ingest.run([[december]], into: store)
            let dec = try #require(try await store.list(ListFilter()).first { $0.path == december })
            // Without claims the old reading gave December nothing to compare its figures with.
            #expect(try await store.corpusFindings(briefing: dec.id).allSatisfy { $0.kind != .figureChanged })
            #expect(try await store.search(SearchQuery("\"financial conditions seem to have tightened\"")).isEmpty)

            // Without reanalyse the same bytes are left as stored; with it, read again.
            #expect(await Ingest.run([[march]], into: store) == [.unchanged(path: march, id: id)])
            #expect(await Ingest.run([[march]], into: store, reanalyse: true) == [.reanalysed(path: march, id: id)])
            let back = try #require(try await store.briefing(.id(id)))
            #expect(back.briefing == full)
            #expect(back.summary.version == 1 && back.summary.latest && back.summary.path == march)
            #expect(back.summary.turns == 86 && back.summary.claims == full.claims.count)
            #expect(try await store.list(ListFilter(allVersions: true)).map(\.id).sorted() == [id, dec.id])
            let counts = try await store.counts()
            #expect(counts.turns == 86 + dec.turns && counts.briefings == 2)

            // The search index has the new turns, once each, and not the old ones.
            let late = try await store.search(SearchQuery("\"financial conditions seem to have tightened\""))
            #expect(late.map(\.briefing) == [id] && late.map(\.turn) == [85], "\(late)")
            let early = try await store.search(SearchQuery("\"\(Self.words(of: full.turns[2].text, 5))\""))
            #expect(early.filter { $0.briefing == id }.map(\.turn) == [2], "\(early)")
            try await Self.expectSearchIndexIntact(backend, store)

            // The corpus findings are made anew, the federal funds rate compared now, each pair once.
            let findings = try await store.corpusFindings(briefing: id)
            #expect(
                findings.contains {
                    $0.kind == .figureChanged && $0.message.contains("“3.1 percent”")
                        && $0.message.contains("“3.6 percent”")
                }, "\(findings.map(\.message))")
            #expect(findings.allSatisfy { $0.briefing == id && $0.otherBriefing == dec.id }, "\(findings)")
            #expect(findings.allSatisfy { $0.kind != .figureChanged || full.claims.indices.contains($0.index) })
            #expect(findings.filter { $0.kind == .repeatedTalkingPoint }.count == 1, "\(findings.map(\.message))")
            #expect(try await store.corpusFindings(briefing: dec.id) == findings)

            // Read again by the same Presser, it reads the same: nothing is written.
            let stamped = try #require(try await store.briefing(.id(id))).summary.ingestedAt
            #expect(await Ingest.run([[march]], into: store, reanalyse: true) == [.unchanged(path: march, id: id)])
            #expect(try await store.briefing(.id(id))?.summary.ingestedAt == stamped)
            #expect(try await store.corpusFindings(briefing: id) == findings)

            // Other bytes, or a briefing not stored, are not replaced.
            let other = PreparedBriefing(try Pipeline.run(paths: [Corpus.path("scio-2019-12-09.txt")]).briefing)
            #expect(try await store.reanalyse(id, as: other, search: .now) == .notStored)
            #expect(try await store.reanalyse(id + 1000, as: PreparedBriefing(full), search: .now) == .notStored)
            #expect(try await store.reanalyse(id, as: PreparedBriefing(full), search: .now) == .sameReading)
            #expect(try await store.briefing(.id(id))?.briefing == full)
        }
    }

    /// Removing a briefing takes everything stored of it: its rows, its search entries, the corpus
    /// findings that name it; the version before it becomes the latest; its file can be stored again.
    static func removingABriefingLeavesNoTrace(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-remove-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("scio.txt")
            let original = try String(contentsOfFile: Corpus.path("scio-2019-12-09.txt"), encoding: .utf8)
            try original.write(to: file, atomically: true, encoding: .utf8)
            _ = await Ingest.run([[file.path]], into: store)
            try original.replacingOccurrences(of: "150 million tourists", with: "160 million tourists")
                .write(to: file, atomically: true, encoding: .utf8)
            let fomc = ["fomc-2023-03-22.txt", "fomc-2023-12-13.txt"].map { [Corpus.path($0)] }
            _ = await Ingest.run([[file.path]] + fomc, into: store)
            let all = try await store.list(ListFilter(allVersions: true))
            #expect(all.count == 4)
            let v1 = try #require(all.first { $0.path == file.path && $0.version == 1 })
            let v2 = try #require(all.first { $0.path == file.path && $0.version == 2 })
            let march = try #require(all.first { $0.date == "2023-03-22" })
            let december = try #require(all.first { $0.date == "2023-12-13" })
            let before = try await store.corpusFindings(briefing: december.id)
            #expect(before.contains { $0.otherBriefing == march.id })

            let removed = try #require(try await store.remove(march.id))
            #expect(removed == march)
            #expect(try await store.briefing(.id(march.id)) == nil)
            #expect(try await store.remove(march.id) == nil)
            #expect(try await store.corpusFindings(briefing: march.id).isEmpty)
            #expect(try await store.corpusFindings(briefing: december.id).isEmpty)
            #expect(try await store.search(SearchQuery("\"financial conditions seem to have tightened\"")).isEmpty)
            let points = try await store.timeline(subject: "federal funds rate", unit: "%")
            #expect(!points.isEmpty && points.allSatisfy { $0.briefing != march.id })
            let counts = try await store.counts()
            #expect(counts.briefings == 2 && counts.turns == v2.turns + december.turns)
            #expect(counts.claims == v2.claims + december.claims)

            // The latest version removed, the one before is the latest again, in search too.
            let removedLatest = try await store.remove(v2.id)
            #expect(removedLatest?.version == 2)
            let latest = try await store.list(ListFilter()).map(\.id)
            #expect(latest == [v1.id, december.id])
            #expect(try await store.briefing(.path(file.path))?.summary.latest == true)
            let hits = try await store.search(SearchQuery("\"150 million tourists\""))
            #expect(!hits.isEmpty && hits.allSatisfy { $0.briefing == v1.id }, "\(hits)")
            #expect(try await store.search(SearchQuery("\"160 million tourists\"")).isEmpty)
            try await Self.expectSearchIndexIntact(backend, store)

            // Stored again, it is new: another id, version 1, compared with the corpus again.
            let again = await Ingest.run([fomc[0]], into: store)
            guard case .stored(_, let newID, 1) = again.first else {
                Issue.record("\(again)")
                return
            }
            #expect(newID > december.id)
            let after = try await store.corpusFindings(briefing: december.id)
            #expect(after.contains { $0.briefing == newID })
        }
    }

    /// A transcript stored from two files (the White House page and its text) is recorded as one
    /// repeating the other: `list` finds it, search gives its passages once, and `speakers` and
    /// `outlets` count it once, through a new version of the page, that version removed and the
    /// first page removed.
    static func twinsAreRecordedAndCountedOnce(_ backend: TestDatabase.Backend) async throws {
        try await withStore(backend) { store in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-twins-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let page = folder.appendingPathComponent("page.html").path
            try FileManager.default.copyItem(atPath: Corpus.path("whitehouse-obama-2013-11-05.html"), toPath: page)
            let text = Corpus.path("whitehouse-obama-2013-11-05.txt")
            let reference = Corpus.path("scio-2019-12-09.txt")
            let ids = await Ingest.run([[page], [reference], [text]], into: store).compactMap(\.id)
            #expect(ids.count == 3)
            let twins = try await store.list(ListFilter(twins: .only))
            #expect(twins.map(\.id) == [ids[2]] && twins.first?.twinOf == ids[0], "\(twins)")
            #expect(try await store.list(ListFilter()).count == 3)
            #expect(try await store.list(ListFilter(twins: .leftOut)).map(\.id) == [ids[0], ids[1]])

            // Across the corpus each question and turn once: as the page and the reference alone.
            func questions(_ briefing: Int64?) async throws -> Int {
                try await store.outlets(briefing: briefing).reduce(0) { $0 + $1.questions }
            }
            func turns(_ briefing: Int64?) async throws -> Int {
                try await store.speakers(briefing: briefing).reduce(0) { $0 + $1.turns }
            }
            let pageQuestions = try await questions(ids[0])
            let textQuestions = try await questions(ids[2])
            let referenceQuestions = try await questions(ids[1])
            #expect(pageQuestions > 50 && pageQuestions == textQuestions)
            #expect(try await questions(nil) == pageQuestions + referenceQuestions)
            let pageTurns = try await turns(ids[0])
            let referenceTurns = try await turns(ids[1])
            #expect(try await turns(nil) == pageTurns + referenceTurns)
            // Search gives each passage once, from the first stored.
            let said = try Pipeline.run(paths: [page]).briefing.turns[4].text
            let hits = try await store.search(SearchQuery("\"\(Self.words(of: said, 6))\"", limit: 10))
            #expect(hits.map(\.briefing) == [ids[0]], "\(hits)")
            try await Self.expectSearchHolds([ids[0], ids[1]], backend, store)

            // A new version of the page repeats the text, which repeats the old version: the
            // transcript still counts once (not twice, not never).
            var bytes = try Data(contentsOf: URL(fileURLWithPath: page))
            bytes += Data("\n".utf8)
            try bytes.write(to: URL(fileURLWithPath: page))
            let second = await Ingest.run([[page]], into: store)
            guard case .stored(_, let newer, 2) = second.first else {
                Issue.record("\(second)")
                return
            }
            #expect(try await store.list(ListFilter(twins: .only)).map(\.twinOf) == [ids[0], ids[2]])
            #expect(try await questions(nil) == pageQuestions + referenceQuestions)
            #expect(try await store.list(ListFilter(twins: .leftOut)).map(\.id) == [ids[2], ids[1]])
            try await Self.expectSearchHolds([ids[2], ids[1]], backend, store)
            #expect(
                try await store.search(SearchQuery("\"\(Self.words(of: said, 6))\"", limit: 10)).map(\.briefing) == [
                    ids[2]
                ])
            // That version removed, the first is the latest again; then the first removed, the text
            // is a twin no longer; each time the transcript counts once.
            _ = try await store.remove(newer)
            #expect(try await questions(nil) == pageQuestions + referenceQuestions)
            try await Self.expectSearchHolds([ids[0], ids[1]], backend, store)
            _ = try await store.remove(ids[0])
            #expect(try await store.list(ListFilter(twins: .only)).isEmpty)
            #expect(try await questions(nil) == textQuestions + referenceQuestions)
            try await Self.expectSearchHolds([ids[2], ids[1]], backend, store)
            #expect(
                try await store.search(SearchQuery("\"\(Self.words(of: said, 6))\"", limit: 10)).map(\.briefing) == [
                    ids[2]
                ])
        }
    }

    /// An unfiltered search ranks the newest turns first (the window), and PostgreSQL keeps those
    /// turns in an index of their own (`search_window`): as briefings are stored, become twins,
    /// and are removed (the newest too, which moves the window back), it holds exactly the
    /// searched turns among the newest, and the quick search gives hits from them alone.
    static func theSearchWindowFollowsTheNewestTurns(_ backend: TestDatabase.Backend) async throws {
        let recent = 40
        try await withStore(backend, recentTurns: recent) { store in
            func rows(_ sql: String) async throws -> [[StoreValue]] {
                if let sqlite = store as? SQLBriefingStore<SQLiteEngine> {
                    return try await sqlite.engine.query(SQLStatement(sql))
                }
                return try await #require(store as? SQLBriefingStore<PostgresEngine>).engine.query(SQLStatement(sql))
            }
            // The newest turns' briefing and index, and on PostgreSQL the window's index checked.
            func window() async throws -> Set<[Int]> {
                let newest = try await rows(
                    "SELECT id, briefing_id, idx FROM turns WHERE searched = 1 "
                        + "AND id > (SELECT COALESCE(MAX(id), 0) FROM turns) - \(recent) ORDER BY id")
                if backend == .postgres {
                    let held = try await rows("SELECT id FROM search_window ORDER BY id")
                    #expect(held.map { $0[0] } == newest.map { $0[0] })
                }
                return Set(newest.map { [$0[1].int, $0[2].int] })
            }
            func quick(_ word: String) async throws -> Set<[Int]> {
                let hits = try await store.search(SearchQuery(word, limit: 3))
                #expect(hits.count == 3, "\(word): \(hits)")
                return Set(hits.map { [Int($0.briefing), $0.turn] })
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-window-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // The same transcript with a line more: other bytes, the same turns (a twin).
            let twin = folder.appendingPathComponent("copy.txt")
            try (Data(contentsOf: URL(fileURLWithPath: Corpus.path("whitehouse-2021-02-19.txt"))) + Data("\n".utf8))
                .write(to: twin)
            let ids = await Ingest.run(
                [
                    [Corpus.path("scio-2019-12-09.txt")], [Corpus.path("fomc-2020-09-16.txt")],
                    [Corpus.path("whitehouse-2021-02-19.txt")],
                ], into: store
            ).compactMap(\.id)
            #expect(ids.count == 3)
            let first = try await window()
            // The window is the last briefing's newest turns, fewer than all.
            #expect(first.count == recent && Set(first.map { Int64($0[0]) }) == [ids[2]], "\(first)")
            #expect(try await quick("president").isSubset(of: first))
            // A twin's turns are not searched: stored last, they are the window, which holds none
            // (search then ranks every match).
            let copy = await Ingest.run([[twin.path]], into: store).compactMap(\.id)
            #expect(copy.count == 1 && copy != [ids[2]])
            #expect(try await store.list(ListFilter(twins: .only)).map(\.id) == copy)
            #expect(try await window().isEmpty)
            #expect(try await store.search(SearchQuery("president", limit: 3)).count == 3)
            // The original removed, the twin is searched: its turns are the window.
            _ = try await store.remove(ids[2])
            let twinWindow = try await window()
            #expect(twinWindow.count == recent && Set(twinWindow.map { Int64($0[0]) }) == Set(copy))
            // The newest removed, the window moves back to the FOMC conference's last turns.
            _ = try await store.remove(copy[0])
            let back = try await window()
            #expect(back.count == recent && Set(back.map { Int64($0[0]) }) == [ids[1]], "\(back)")
            #expect(try await quick("inflation").isSubset(of: back))
        }
    }

    /// The first `count` words of a text.
    private static func words(of text: String, _ count: Int) -> String {
        text.split(whereSeparator: \.isWhitespace).prefix(count).joined(separator: " ")
    }

    /// Search holds the turns of `briefings` and no others: they alone are marked `turns.searched`,
    /// and SQLite's index (every turn taken in) holds exactly theirs.
    private static func expectSearchHolds(
        _ briefings: [Int64], _ backend: TestDatabase.Backend, _ store: any BriefingStore
    ) async throws {
        func count(_ sql: String) async throws -> Int {
            let statement = SQLStatement(sql)
            let rows =
                if let sqlite = store as? SQLBriefingStore<SQLiteEngine> {
                    try await sqlite.engine.query(statement)
                } else {
                    try await #require(store as? SQLBriefingStore<PostgresEngine>).engine.query(statement)
                }
            return try #require(rows.first?.first?.int)
        }
        let theirs = "t.briefing_id IN (\(briefings.map(String.init).joined(separator: ", ")))"
        let turns = try await count("SELECT COUNT(*) FROM turns t WHERE \(theirs)")
        #expect(turns > 100)
        #expect(try await count("SELECT COUNT(*) FROM turns t WHERE t.searched = 1") == turns)
        #expect(try await count("SELECT COUNT(*) FROM turns t WHERE t.searched = 1 AND \(theirs)") == turns)
        guard backend == .sqlite else {
            // PostgreSQL: the searched turns have their words (the tsvector in the GIN index), the
            // others none, worked out again as they come back; the window's index (all of them
            // here, fewer than 50,000) holds the same.
            #expect(try await count("SELECT COUNT(*) FROM turns t WHERE t.tsv IS NOT NULL") == turns)
            #expect(try await count("SELECT COUNT(*) FROM turns t WHERE \(theirs) AND t.tsv IS NOT NULL") == turns)
            #expect(try await count("SELECT COUNT(*) FROM search_window") == turns)
            #expect(
                try await count("SELECT COUNT(*) FROM search_window w JOIN turns t ON t.id = w.id WHERE \(theirs)")
                    == turns)
            return
        }
        #expect(try await count("SELECT COUNT(*) FROM turns_fts_docsize") == turns)
        #expect(
            try await count("SELECT COUNT(*) FROM turns_fts_docsize d JOIN turns t ON t.id = d.id WHERE \(theirs)")
                == turns)
        try await expectSearchIndexIntact(backend, store)
    }

    /// SQLite: the search index holds exactly the words of the turns it has taken in, none of a
    /// turn deleted (FTS5's `integrity-check` with rank 1 compares it with the turns table).
    /// PostgreSQL keeps each turn's words in its row, and the search window's index the rows of
    /// the searched turns among the newest.
    private static func expectSearchIndexIntact(_ backend: TestDatabase.Backend, _ store: any BriefingStore)
        async throws
    {
        guard backend == .sqlite else {
            // PostgreSQL: the search window's own index holds the searched turns among the newest
            // 50,000, which here are all of them.
            let engine = try #require((store as? SQLBriefingStore<PostgresEngine>)?.engine)
            let held = try await engine.query(SQLStatement("SELECT id FROM search_window ORDER BY id"))
            let searched = try await engine.query(SQLStatement("SELECT id FROM turns WHERE searched = 1 ORDER BY id"))
            #expect(!held.isEmpty && held == searched)
            return
        }
        let engine = try #require((store as? SQLBriefingStore<SQLiteEngine>)?.engine)
        // A write transaction (a read one refuses any INSERT, this one included); it writes
        // nothing, and throws when the index and the turns differ.
        let check = SQLStatement("INSERT INTO turns_fts (turns_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try await engine.write(reading: [], plan: { _ in WritePlan(first: check, rest: []) }) == nil)
    }
}
