import Foundation
import PresserEval
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The store through the command line: a batch killed in the middle, two batches at once, the
/// commands a reader uses.
@Suite struct StoreCLITests {
    private let temp = TemporaryDirectory()

    /// `count` distinct transcripts: the corpus's text files, each copied with a line added at the
    /// end, so every copy has its own bytes.
    private func batch(_ count: Int) throws -> URL {
        let folder = temp.url.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let corpus = Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/corpus")
        let sources = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        for i in 0..<count {
            let source = sources[i % sources.count]
            var bytes = try Data(contentsOf: corpus.appendingPathComponent(source))
            bytes += Data("\n\nEND OF COPY \(i)\n".utf8)
            try bytes.write(to: folder.appendingPathComponent(String(format: "%04d-", i) + source))
        }
        return folder
    }

    /// Facts about an SQLite store read with Python's sqlite3, not with Presser. With `forget`, the
    /// digests of the stored readings are first set to NULL, as in a store made before they were kept.
    private func inspect(_ database: String, forget: Bool = false) throws -> [String: Int] {
        let script = """
            import sqlite3, sys, json
            c = sqlite3.connect(sys.argv[1])
            if sys.argv[2] == "forget":
                c.execute("update briefings set reading = null")
                c.commit()
            unread = c.execute("select count(*) from briefings where reading is null").fetchone()[0]
            ok = c.execute("pragma integrity_check").fetchone()[0] == "ok"
            briefings = c.execute("select count(*) from briefings").fetchone()[0]
            distinct = c.execute("select count(distinct sha256) from briefings").fetchone()[0]
            partial = c.execute(\"\"\"select count(*) from briefings b where
                b.turns <> (select count(*) from turns t where t.briefing_id = b.id) or
                b.claims <> (select count(*) from claims c where c.briefing_id = b.id) or
                b.findings <> (select count(*) from findings f where f.briefing_id = b.id)\"\"\").fetchone()[0]
            orphans = c.execute("select count(*) from turns where briefing_id not in (select id from briefings)").fetchone()[0]
            fts = c.execute("select count(*) from turns_fts_docsize").fetchone()[0]
            turns = c.execute("select count(*) from turns").fetchone()[0]
            searched = c.execute("select count(*) from turns where searched = 1").fetchone()[0]
            indexed = c.execute("select count(*) from turns where searched = 1 and "
                                "id <= (select through from search_indexed)").fetchone()[0]
            twins = c.execute("select count(*) from briefings where twin_of is not null").fetchone()[0]
            waiting = c.execute("select (select coalesce(max(id), 0) from turns) - through from search_indexed").fetchone()[0]
            try:
                c.execute("insert into turns_fts (turns_fts, rank) values ('integrity-check', 1)")
                ftsok = 1
            except sqlite3.DatabaseError:
                ftsok = 0
            c.rollback()
            print(json.dumps({"ok": int(ok), "briefings": briefings, "distinct": distinct, "partial": partial,
                              "orphans": orphans, "fts": fts, "turns": turns, "searched": searched, "indexed": indexed,
                              "twins": twins, "waiting": waiting, "ftsok": ftsok, "unread": unread}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, database, forget ? "forget" : "keep"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
    }

    /// Runs `presser` with `arguments` and kills it with SIGKILL after a random delay in `range`
    /// (seconds), expecting it still running then; returns the delay.
    private func killAtRandom(_ arguments: [String], within range: ClosedRange<Double>) throws -> Double {
        let executable = try #require(Presser.executable)
        var random = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
        let delay = Double.random(in: range, using: &random)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let killedWhileRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedWhileRunning, "the batch finished before the kill at \(delay) s: make it larger")
        return delay
    }

    @Test func aBatchKilledAtARandomMomentLeavesWholeBriefingsOnly() throws {
        let folder = try batch(150)
        let database = temp.url.appendingPathComponent("killed.sqlite").path
        let delay = try killAtRandom(["ingest", "--quiet", "--database", database, folder.path], within: 0.8...3.0)

        let facts = try inspect(database)
        #expect(facts["ok"] == 1, "\(facts)")
        #expect(facts["partial"] == 0, "killed after \(delay) s: \(facts)")
        #expect(facts["orphans"] == 0, "\(facts)")
        // The search index holds the searched turns up to its mark, no more and no fewer. From the
        // 43rd briefing on the copies repeat the first 42 and most are twins, whose turns search
        // leaves out (`turns.searched`).
        #expect(facts["fts"] == facts["indexed"], "\(facts)")
        #expect(facts["twins"] ?? 0 <= max(0, (facts["briefings"] ?? 0) - 42), "\(facts)")
        #expect(facts["searched"] ?? 0 < facts["turns"] ?? 0 || facts["twins"] == 0, "\(facts)")
        #expect((facts["briefings"] ?? 0) < 150, "\(facts)")

        // It opens cleanly, opening takes into the search index the turns the killed ingest left
        // waiting for it (`SearchIndexing.batched`), and finishing the batch stores the rest, once.
        let list = try Presser.run(["list", "--database", database, "--format", "json"])
        #expect(list.status == 0, "\(list)")
        let opened = try inspect(database)
        #expect(opened["waiting"] == 0 && opened["ftsok"] == 1, "had \(facts["waiting"] ?? -1) waiting: \(opened)")
        let again = try Presser.run(["ingest", "--quiet", "--database", database, folder.path], timeout: .seconds(300))
        #expect(again.status == 0, "\(again)")
        let after = try inspect(database)
        #expect(after["briefings"] == 150 && after["distinct"] == 150 && after["partial"] == 0, "\(after)")
        #expect(after["waiting"] == 0 && after["ftsok"] == 1, "\(after)")
        #expect(after["fts"] == after["searched"] && after["twins"] ?? 0 > 0, "\(after)")
    }

    /// `ingest --reanalyse` killed at a random moment leaves every briefing whole (the reading it
    /// had or the new one); run to the end it reads every file again and keeps the ids. `remove`
    /// takes briefings out whole, search entries included, and says which it could not find.
    @Test func reanalyseKilledThenRemoveLeaveWholeBriefings() throws {
        let folder = try batch(60)
        let database = temp.url.appendingPathComponent("reanalysed.sqlite").path
        let first = try Presser.run(["ingest", "--quiet", "--database", database, folder.path], timeout: .seconds(300))
        #expect(first.status == 0, "\(first)")
        func ids() throws -> [Int] {
            let list = try Presser.run(["list", "--database", database, "--format", "json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["id"] as? Int }.sorted()
        }
        let stored = try ids()
        #expect(stored.count == 60)
        // The same Presser reads the files the same: nothing to replace.
        let same = try Presser.run(
            ["ingest", "--reanalyse", "--database", database, folder.path], timeout: .seconds(300))
        #expect(same.stdout.contains("0 stored, 0 reanalysed, 60 unchanged, 0 failed"), "\(same)")
        // As if an older Presser had stored them: every reading is replaced.
        #expect(try inspect(database, forget: true)["unread"] == 60)

        let delay = try killAtRandom(
            ["ingest", "--quiet", "--reanalyse", "--database", database, folder.path], within: 0.5...2.0)
        let killed = try inspect(database)
        #expect(killed["ok"] == 1 && killed["partial"] == 0 && killed["orphans"] == 0, "\(delay) s: \(killed)")
        #expect(killed["briefings"] == 60, "\(killed)")
        let replaced = 60 - (killed["unread"] ?? 0)

        let again = try Presser.run(
            ["ingest", "--reanalyse", "--database", database, folder.path], timeout: .seconds(300))
        // Those the killed run replaced read the same now.
        let summary = "0 stored, \(60 - replaced) reanalysed, \(replaced) unchanged, 0 failed"
        #expect(again.status == 0 && again.stdout.contains(summary), "killed after \(delay) s: \(again)")
        #expect(try ids() == stored)
        let after = try inspect(database)
        #expect(after["partial"] == 0 && after["waiting"] == 0 && after["ftsok"] == 1, "\(after)")
        #expect(after["unread"] == 0, "\(after)")

        let path = folder.appendingPathComponent("0001-" + (try secondCorpusText())).path
        let remove = try Presser.run(["remove", "--database", database, "\(stored[0])", path, "999999"])
        #expect(remove.status == 66, "\(remove)")
        #expect(remove.stdout.hasPrefix("removed #\(stored[0]) · \(folder.path)/0000-"), "\(remove)")
        #expect(remove.stdout.contains("removed #\(stored[1]) · \(path) · version 1\n"), "\(remove)")
        #expect(remove.stderrLines == ["presser: 999999: no such briefing in \(database)"], "\(remove)")
        #expect(try ids() == Array(stored.dropFirst(2)))
        let removed = try inspect(database)
        #expect(removed["briefings"] == 58 && removed["partial"] == 0 && removed["orphans"] == 0, "\(removed)")
        #expect(removed["ftsok"] == 1, "\(removed)")
        let missing = try Presser.run(["show", "--database", database, "\(stored[0])"])
        #expect(missing.status == 66, "\(missing)")
    }

    /// The name of the second text file of the corpus, as `batch` copies it.
    private func secondCorpusText() throws -> String {
        let corpus = Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/corpus")
        let sources = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return sources[1]
    }

    /// Three processes create, migrate and fill one new file at once (a race CI once lost: two
    /// processes both applying the first migration, or one told "database is locked" while the other
    /// switched the new file to WAL).
    @Test func threeIngestsOnOneNewFileAtOnceAllSucceed() throws {
        let folder = try batch(60)
        let database = temp.url.appendingPathComponent("shared.sqlite").path
        let executable = try #require(Presser.executable)
        let runs = try (0..<3).map { i in
            let p = Process()
            p.executableURL = executable
            p.arguments = ["ingest", "--quiet", "--database", database, folder.path]
            p.standardOutput = FileHandle.nullDevice
            let errors = temp.url.appendingPathComponent("ingest-\(i).err")
            try #require(FileManager.default.createFile(atPath: errors.path, contents: nil))
            p.standardError = try FileHandle(forWritingTo: errors)
            return (process: p, errors: errors)
        }
        for run in runs { try run.process.run() }
        for run in runs { run.process.waitUntilExit() }
        let messages = runs.map { (try? String(contentsOf: $0.errors, encoding: .utf8)) ?? "" }
        #expect(runs.map(\.process.terminationStatus) == [0, 0, 0], "\(messages)")
        let facts = try inspect(database)
        #expect(facts["briefings"] == 60 && facts["distinct"] == 60 && facts["partial"] == 0, "\(facts)")
    }

    @Test func ingestSearchShowOutletsTimelineOnTheReference() throws {
        let database = temp.url.appendingPathComponent("reader.sqlite").path
        let reference = "Tests/Fixtures/corpus/scio-2019-12-09.txt"
        // Before anything is stored, the tables say so on standard error and print nothing
        // (CSV still gives its header).
        for command in ["list", "speakers"] {
            let empty = try Presser.run([command, "--database", database])
            #expect(empty.status == 0 && empty.stdout.isEmpty, "\(empty)")
            #expect(empty.stderrLines == ["presser: no briefing stored yet (presser ingest)"], "\(empty)")
        }
        let csv = try Presser.run(["speakers", "--database", database, "--format", "csv"])
        #expect(csv.stdout == "speaker,turns,words,briefings,answered,directly\r\n", "\(csv)")
        let ingest = try Presser.run([
            "ingest", "--database", database, reference, "Tests/Fixtures/corpus/fomc-2020-09-16.txt",
        ])
        #expect(ingest.status == 0, "\(ingest)")
        #expect(ingest.stdout.contains("2 stored, 0 unchanged, 0 failed"), "\(ingest)")
        let twice = try Presser.run(["ingest", "--database", database, reference])
        #expect(twice.stdout.contains("0 stored, 1 unchanged"), "\(twice)")

        let search = try Presser.run(["search", "--database", database, "violent", "terrorist", "--kind", "answer"])
        #expect(search.status == 0, "\(search)")
        #expect(search.stdout.contains("Shohrat Zakir") && search.stdout.contains("«terrorist»"), "\(search)")

        let outlets = try Presser.run(["outlets", "--database", database, "--briefing", reference, "--format", "csv"])
        #expect(outlets.stdout.contains("(outlet not given),4,1"), "\(outlets)")

        let show = try Presser.run(["show", "--database", database, reference])
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.contains("Macao Daily → Shohrat Zakir hands to Xu Hairong"), "\(show)")

        let json = try Presser.run(["show", "--database", database, "--format", "json", "1"])
        let document = try json.json()
        #expect(document["schema"] as? String == "presser.briefing/1")
        #expect(document["id"] as? Int == 1)

        let timeline = try Presser.run(["timeline", "--database", database, "poverty incidence"])
        #expect(timeline.stdout.contains("22.48%") && timeline.stdout.contains("6.51%"), "\(timeline)")
        // A figure said with no period is marked so, not left blank under the row before.
        let periods = timeline.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != " " } }
        #expect(periods.prefix(4) == ["in", "in", "(no", "this"], "\(timeline)")

        let missing = try Presser.run(["show", "--database", database, "999"])
        #expect(missing.status == 66, "\(missing)")

        let nothing = try Presser.run(["timeline", "--database", database, "tulip exports"])
        #expect(nothing.status == 0 && nothing.stderr.contains("no stored figure about “tulip exports”"), "\(nothing)")

        // No subject is a usage error, not a table of every figure stored.
        for subject in [[], [""], ["  ", "–"]] {
            let empty = try Presser.run(["timeline", "--database", database] + subject)
            let said = subject.isEmpty ? "Missing expected argument '<subject> ...'" : "Give the subject"
            #expect(empty.status == 64 && empty.stdout.isEmpty && empty.stderr.contains(said), "\(empty)")
        }
    }

    /// What reading a file called for is said by `ingest` too, after its summary, as by `parse`
    /// (ingest used to drop it): a page saved as a bytes literal, a file in Windows-1252.
    @Test func ingestSaysWhatReadingTheFilesCalledFor() throws {
        let folder = temp.url.appendingPathComponent("warned")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("whitehouse-obama-2016-03-21.html")
        try FileManager.default.copyItem(
            at: Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/corpus/whitehouse-obama-2016-03-21.html"),
            to: page)
        // The reference transcript with its apostrophes curled as Windows-1252 writes them.
        let text = String(decoding: try Corpus.bytes("scio-2019-12-09.txt"), as: UTF8.self)
        let latin = text.unicodeScalars.map { s -> UInt8 in
            s.value == 0x27 || s.value == 0x2019 ? 0x92 : s.value < 0x80 ? UInt8(s.value) : UInt8(ascii: "?")
        }
        #expect(latin.contains(0x92))
        let old = folder.appendingPathComponent("scio-cp1252.txt")
        try Data(latin).write(to: old)
        let clean = try temp.write("plain.txt", Corpus.bytes("fomc-2020-09-16.txt"))
        let database = temp.url.appendingPathComponent("warned.sqlite").path
        let run = try Presser.run(["ingest", "--quiet", "--database", database, folder.path, clean])
        #expect(run.status == 0 && run.stdout.contains("3 stored, 0 unchanged, 0 failed"), "\(run)")
        #expect(
            run.stderrLines.sorted() == [
                "presser: warning: \(old.path): not UTF-8; read as Windows-1252",
                "presser: warning: \(page.path): read a line saved as a Python bytes literal (b'…'), escapes decoded",
            ], "\(run)")
        let list = try Presser.run(["list", "--database", database, "--format", "csv"])
        #expect(list.stdout.contains(",2016-03-21,inline-labels,24,"), "\(list)")
    }

    /// A folder named through a symbolic link is read as the folder it points to, a folder named
    /// like a transcript is searched; a folder with no transcript in it, or a path that names
    /// nothing, is said on one line each, not passed over.
    @Test func ingestFollowsALinkedFolderAndNamesEmptyOnes() throws {
        let real = temp.url.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/corpus/fomc-2020-09-16.txt"),
            to: real.appendingPathComponent("fomc.txt"))
        try Data("about this folder\n".utf8).write(to: real.appendingPathComponent("SOURCES.md"))
        // A folder named like a transcript is searched, not read as one.
        let inner = real.appendingPathComponent("2020.txt")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/corpus/scio-2019-12-09.txt"),
            to: inner.appendingPathComponent("scio.txt"))
        let link = temp.url.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let empty = temp.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: empty.appendingPathComponent("README.md"))
        let database = temp.url.appendingPathComponent("linked.sqlite").path

        let linked = try Presser.run(["ingest", "--quiet", "--database", database, link.path])
        #expect(
            linked.status == 0 && linked.stdout.contains("2 stored, 0 unchanged, 0 failed, 0 not found"), "\(linked)")
        let list = try Presser.run(["list", "--database", database, "--format", "csv"])
        #expect(list.stdout.contains(link.appendingPathComponent("fomc.txt").path), "\(list)")
        #expect(list.stdout.contains(link.appendingPathComponent("2020.txt/scio.txt").path), "\(list)")

        let nothing = try Presser.run(["ingest", "--quiet", "--database", database, empty.path])
        #expect(nothing.status == 66, "\(nothing)")
        #expect(
            nothing.stderrLines == [
                "presser: \(empty.path): no transcript in this folder (.txt, .html, .htm or .md; "
                    + "README, SOURCES and the like left out)"
            ], "\(nothing)")

        let some = try Presser.run(["ingest", "--quiet", "--database", database, link.path, empty.path, "no-such.txt"])
        #expect(some.status == 1 && some.stdout.contains("0 stored, 2 unchanged, 0 failed, 2 not found"), "\(some)")
        #expect(
            some.stderrLines.count == 2 && some.stderr.contains("no-such.txt: no such file, folder or match"), "\(some)"
        )
    }

    /// `serve` says it serves once it listens (also into a file), and a port in use or out of range
    /// is one line and an exit code, not a "serving" line followed by SwiftNIO's error.
    @Test func serveSaysWhenItListensAndWhenItCannot() throws {
        let database = temp.url.appendingPathComponent("served.sqlite").path
        let ingest = try Presser.run([
            "ingest", "--quiet", "--database", database, "Tests/Fixtures/corpus/fomc-2020-09-16.txt",
        ])
        try #require(ingest.status == 0, "\(ingest)")
        let port = try BrowserTests.freePort()
        let log = temp.url.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let first = try Presser.serve(database, port: port, output: handle)
        defer {
            first.terminate()
            first.waitUntilExit()
        }
        let serving = "Presser is serving \(database) at http://127.0.0.1:\(port)/"
        var said = ""
        for _ in 0..<100 where !said.contains(serving) {
            Thread.sleep(forTimeInterval: 0.1)
            said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        #expect(said.contains(serving), "\(said)")

        let second = try Presser.run(["serve", "--database", database, "--port", String(port)])
        #expect(second.status == 69, "\(second)")
        #expect(!second.stdout.contains("Presser is serving"), "\(second)")
        #expect(
            second.stderrLines.last
                == "presser: cannot listen on 127.0.0.1:\(port): Address already in use "
                + "(another server on that port? give another with --port)", "\(second)")

        let outOfRange = try Presser.run(["serve", "--database", database, "--port", "99999"])
        #expect(
            outOfRange.status == 64 && outOfRange.stderr.contains("--port is a number from 1 to 65535"), "\(outOfRange)"
        )
    }

    /// The same conference stored from its page and its text: ingest says so, `list --twins` gives
    /// the second, and `outlets` counts its questions once.
    @Test func ingestNamesTwinsAndOutletsCountThemOnce() throws {
        let database = temp.url.appendingPathComponent("twins.sqlite").path
        let page = "Tests/Fixtures/corpus/whitehouse-obama-2013-11-05.html"
        let text = "Tests/Fixtures/corpus/whitehouse-obama-2013-11-05.txt"
        let run = try Presser.run(["ingest", "--quiet", "--database", database, page, text])
        #expect(run.status == 0 && run.stdout.contains("2 stored"), "\(run)")
        #expect(run.stderr.contains("presser: 1 of the briefings stored repeat another almost whole"), "\(run)")
        let twins = try Presser.run(["list", "--twins", "--database", database, "--format", "csv"])
        let rows = twins.stdout.split(separator: "\r\n")
        #expect(rows.count == 2 && rows[0].contains(",version,twin of,title,"), "\(twins)")
        #expect(rows.count == 2 && rows[1].hasPrefix("2,") && rows[1].contains(",1,#1,"), "\(twins)")
        let all = try Presser.run(["outlets", "--database", database, "--format", "json"])
        let one = try Presser.run(["outlets", "--database", database, "--briefing", "1", "--format", "json"])
        #expect(all.stdout == one.stdout && all.stdout.contains("\"questions\""), "\(all)")
    }

    /// A Chinese name takes two terminal columns a character: the columns after it still line up
    /// under their headers (padded by characters, each row was off by the name's length).
    @Test func tablesLineUpAfterChineseNames() throws {
        let database = temp.url.appendingPathComponent("zh.sqlite").path
        let ingest = try Presser.run([
            "ingest", "--database", database, "Tests/Fixtures/corpus-zh/mfa-2020-03-12-zh.txt",
            "Tests/Fixtures/corpus-zh/mfa-2023-03-22-zh.txt", "Tests/Fixtures/corpus/scio-2019-12-09.txt",
        ])
        #expect(ingest.status == 0, "\(ingest)")
        // A line as the terminal shows it, one slot a column: an ideograph fills two.
        func slots(_ line: Substring) -> [Character] {
            line.flatMap { c -> [Character] in
                c.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } == true ? [c, c] : [c]
            }
        }
        for command in ["speakers", "outlets"] {
            let run = try Presser.run([command, "--database", database])
            #expect(run.status == 0, "\(run)")
            let lines = run.stdout.split(separator: "\n")
            let header = try #require(lines.first)
            // Where each column after the first starts: after two spaces in the header.
            let headerSlots = slots(header)
            let starts = (2..<headerSlots.count).filter {
                headerSlots[$0 - 2] == " " && headerSlots[$0 - 1] == " " && headerSlots[$0] != " "
            }
            #expect(starts.count >= 3, "\(header)")
            let chinese = lines.dropFirst().filter {
                $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            }
            #expect(chinese.count >= 2, "\(run)")
            for line in chinese where !line.hasPrefix("total:") {
                let row = slots(line)
                for start in starts {
                    #expect(start < row.count && row[start - 1] == " " && row[start] != " ", "\(line)")
                }
            }
        }
    }

    /// `--from` and `--to` take a day, a month or a year, a month or a year covering all of it (given
    /// as text, `--to 2019` left out every briefing of 2019); anything else is a usage error.
    @Test func datesTakeADayAMonthOrAYear() throws {
        let database = temp.url.appendingPathComponent("dates.sqlite").path
        let ingest = try Presser.run([
            "ingest", "--database", database, "Tests/Fixtures/corpus/scio-2019-12-09.txt",
            "Tests/Fixtures/corpus/fomc-2020-09-16.txt",
        ])
        #expect(ingest.status == 0, "\(ingest)")
        func dates(_ range: [String]) throws -> [String] {
            let run = try Presser.run(["list", "--database", database, "--format", "csv"] + range)
            #expect(run.status == 0, "\(run)")
            return run.stdout.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[1]) }
                .sorted()
        }
        #expect(try dates(["--to", "2019"]) == ["2019-12-09"])
        #expect(try dates(["--from", "2019", "--to", "2019"]) == ["2019-12-09"])
        #expect(try dates(["--from", "2019-12", "--to", "2019-12"]) == ["2019-12-09"])
        #expect(try dates(["--from", "2019-12-10"]) == ["2020-09-16"])
        #expect(try dates(["--to", "2020-9-16"]) == ["2019-12-09", "2020-09-16"])
        #expect(try dates(["--from", "2020-10"]) == [])

        let search = try Presser.run(["search", "--database", database, "violent terrorist", "--to", "2019"])
        #expect(search.stdout.contains("Shohrat Zakir"), "\(search)")
        let later = try Presser.run(["search", "--database", database, "violent terrorist", "--from", "2020"])
        #expect(later.status == 0 && later.stderr.contains("nothing found for “violent terrorist”"), "\(later)")
        #expect(later.stdout.isEmpty, "\(later)")
        let laterJSON = try Presser.run(
            ["search", "--database", database, "violent terrorist", "--from", "2020", "--format", "json"])
        #expect(laterJSON.status == 0 && laterJSON.stdout == "[]\n", "\(laterJSON)")

        for (option, value) in [("--from", "2019-13"), ("--to", "2019-02-29"), ("--from", "last week")] {
            let run = try Presser.run(["list", "--database", database, option, value])
            #expect(run.status == 64, "\(run)")
            #expect(
                run.stderr.contains("\(option): “\(value)” is not a date; give YYYY-MM-DD, YYYY-MM or YYYY"), "\(run)")
        }

        // Filters that can match nothing are said to be so, not answered with an empty table.
        let reversed = try Presser.run(["list", "--database", database, "--from", "2021", "--to", "2019-12"])
        #expect(reversed.status == 64 && reversed.stderr.contains("--from 2021 is after --to 2019-12"), "\(reversed)")
        let sameMonth = try Presser.run(["list", "--database", database, "--from", "2019-12", "--to", "2019-12-09"])
        #expect(sameMonth.status == 0 && sameMonth.stdout.contains("2019-12-09"), "\(sameMonth)")
        let layout = try Presser.run(["list", "--database", database, "--layout", "inline"])
        #expect(
            layout.status == 64 && layout.stderr.contains("--layout inline: not a layout Presser names"), "\(layout)")
        let none = try Presser.run(["list", "--database", database, "--from", "2020-10"])
        #expect(none.status == 0 && none.stderrLines == ["presser: no stored briefing matches"], "\(none)")
        let tagged = try Presser.run(["list", "--database", database, "--layout", "tagged", "--format", "csv"])
        #expect(tagged.status == 0 && tagged.stdout.contains(",2020-09-16,tagged,"), "\(tagged)")
    }

    @Test func aCorruptDatabaseIsOneLineAndExit65() throws {
        let database = try temp.write("garbage.sqlite", Array(String(repeating: "not sqlite ", count: 500).utf8))
        let run = try Presser.run(["list", "--database", database])
        run.expectFailure(65, naming: database, saying: "not a Presser database")
    }

    /// A pooled PostgreSQL client retries for about a minute; Presser's single connection gives up on
    /// the refusal. Run as its own process, so the suites running meanwhile cannot slow it.
    @Test func noServerFailsFastWithOneLine() throws {
        let started = ContinuousClock.now
        let run = try Presser.run(["list", "--database", "postgres://presser:secret@127.0.0.1:1/presser"])
        #expect(run.status == 69, "\(run)")
        #expect(run.stderrLines.count == 1 && run.stderr.contains("cannot connect"), "\(run)")
        #expect(!run.stderr.contains("secret"), "\(run)")
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    /// `presser bench --ingest`: every briefing analysed, then stored, and the two timed apart; a
    /// second run into the same store finds them all stored already.
    @Test func benchIngestTimesAnalysisAndStoringApart() throws {
        // A debug build, sharing the cores with the other suites: 85 s for twelve briefings twice.
        let folder = try batch(6)
        let database = temp.url.appendingPathComponent("bench.sqlite").path
        let first = try Presser.run(["bench", "--ingest", folder.path, "--into", database], timeout: .seconds(300))
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.hasPrefix("6 files, "), "\(first)")
        #expect(first.stdout.contains(": 6 analysed (0 failed), 6 stored (0 unchanged) into \(database)"), "\(first)")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for part in ["analysis, \(cores) threads:", "storing, one writer:", "ingest at best on \(cores) cores:"] {
            #expect(first.stdout.contains(part), "\(first)")
        }
        let facts = try inspect(database)
        #expect(facts["ok"] == 1 && facts["briefings"] == 6 && facts["partial"] == 0, "\(facts)")
        #expect(facts["fts"] == facts["turns"] && facts["twins"] == 0, "\(facts)")
        let again = try Presser.run(["bench", "--ingest", folder.path, "--into", database], timeout: .seconds(300))
        #expect(again.stdout.contains(": 6 analysed (0 failed), 0 stored (6 unchanged)"), "\(again)")
        let wrong = try Presser.run(["bench", "--into", database])
        #expect(wrong.status == 64 && wrong.stderr.contains("--into goes with --ingest"), "\(wrong)")
    }

    @Test func helpSaysWhereTheDatabaseIs() throws {
        let run = try Presser.run(["--help"])
        #expect(run.stdout.contains("~/.local/share/presser/presser.sqlite"), "\(run)")
        #expect(run.stdout.contains("PRESSER_DATABASE"), "\(run)")
    }
}
