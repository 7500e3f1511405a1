import Foundation
import Testing

/// `presser export` read back by the tools researchers use: the real convokit package (installed
/// from PyPI into .build/convokit-venv), xmllint, Python's csv and json modules.
@Suite(.serialized) struct ExportTests {
    private let temp = TemporaryDirectory()

    static var textFiles: [String] {
        let corpus = Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/corpus")
        return ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { "Tests/Fixtures/corpus/" + $0 }
    }

    /// The corpus's turns, exchanges and claims, counted from `presser parse --format json`.
    static func corpusCounts() throws -> (turns: Int, exchanges: Int, claims: Int) {
        var turns = 0
        var exchanges = 0
        var claims = 0
        let run = try Presser.run(["parse", "--format", "json"] + textFiles, timeout: .seconds(300))
        for line in run.stdout.split(separator: "\n") {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            turns += (doc["turns"] as? [Any])?.count ?? 0
            exchanges += (doc["exchanges"] as? [Any])?.count ?? 0
            claims += (doc["claims"] as? [Any])?.count ?? 0
        }
        return (turns, exchanges, claims)
    }

    /// Runs a program, returns its standard output; records its standard error on failure.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 600) throws -> (Int32, String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Corpus.packageRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Issue.record(
                "\(executable) \(arguments.joined(separator: " ")): \(String(decoding: stderr.suffix(2000), as: UTF8.self))"
            )
        }
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self))
    }

    /// A virtual environment with convokit's corpus loader (no machine-learning stack).
    static func convokitPython() throws -> String {
        let venv = Corpus.packageRoot.appendingPathComponent(".build/convokit-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if !FileManager.default.isExecutableFile(atPath: python)
            || !succeeds(python, ["-c", "import convokit"])
        {
            _ = try run("/usr/bin/env", ["python3", "-m", "venv", venv.path])
            let pip = venv.appendingPathComponent("bin/pip").path
            _ = try run(pip, ["install", "-q", "--no-deps", "convokit"])
            _ = try run(
                pip,
                [
                    "install", "-q", "pyyaml", "requests", "numpy", "pandas", "scipy", "tqdm", "pymongo",
                    "scikit-learn", "unidecode",
                ])
        }
        return python
    }

    /// Whether a program runs and exits with 0, its output discarded.
    private static func succeeds(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func convokitLoadsTheWholeCorpus() throws {
        let counts = try Self.corpusCounts()
        let out = temp.url.appendingPathComponent("ck").path
        let export = try Presser.run(
            ["export", "--format", "convokit", "--out", out] + Self.textFiles, timeout: .seconds(300))
        #expect(export.status == 0, "\(export)")
        let python = try Self.convokitPython()
        let (status, stdout) = try Self.run(python, ["scripts/check_convokit.py", out])
        try #require(status == 0)
        let loaded = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(loaded["utterances"] as? Int == counts.turns)
        #expect(loaded["claims"] as? Int == counts.claims)
        #expect(loaded["repliesResolve"] as? Bool == true)
        // One conversation per exchange, and one per turn outside the exchanges.
        #expect(loaded["conversations"] as? Int == loaded["roots"] as? Int)
        #expect((loaded["conversations"] as? Int ?? 0) >= counts.exchanges)

        let perBriefing = temp.url.appendingPathComponent("ck-briefing").path
        _ = try Presser.run(
            ["export", "--format", "convokit", "--per-briefing", "--out", perBriefing] + Self.textFiles,
            timeout: .seconds(300))
        let (_, byBriefing) = try Self.run(python, ["scripts/check_convokit.py", perBriefing])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(byBriefing.utf8)) as? [String: Any])
        #expect(second["conversations"] as? Int == Self.textFiles.count)
    }

    @Test func teiIsWellFormedAndHoldsEveryTurnAndFigure() throws {
        let counts = try Self.corpusCounts()
        let out = temp.url.appendingPathComponent("corpus.xml").path
        let export = try Presser.run(
            ["export", "--format", "tei", "--out", out] + Self.textFiles, timeout: .seconds(300))
        #expect(export.status == 0, "\(export)")
        let (status, _) = try Self.run("/usr/bin/env", ["xmllint", "--noout", out])
        #expect(status == 0)
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.components(separatedBy: "<u xml:id=").count - 1 == counts.turns)
        #expect(xml.components(separatedBy: "<measure ").count - 1 == counts.claims)
        #expect(xml.contains("<persName>Shohrat Zakir</persName>"))
        #expect(
            xml.contains(
                "<measure type=\"currency\" quantity=\"1220000000000\" unit=\"CNY\">1.22 trillion yuan</measure>"))
    }

    @Test func csvRoundTripsThroughPythonAndJSONLinesThroughJSON() throws {
        let counts = try Self.corpusCounts()
        let csv = temp.url.appendingPathComponent("csv").path
        _ = try Presser.run(["export", "--format", "csv", "--out", csv] + Self.textFiles, timeout: .seconds(300))
        let script = """
            import csv, json, sys
            out = {}
            for name in ["turns", "exchanges", "claims", "findings"]:
                with open(sys.argv[1] + "/" + name + ".csv", newline="", encoding="utf-8") as f:
                    rows = list(csv.DictReader(f))
                out[name] = len(rows)
                out[name + "Fields"] = len(rows[0]) if rows else 0
            with open(sys.argv[1] + "/turns.csv", newline="", encoding="utf-8") as f:
                out["longest"] = max(len(r["text"]) for r in csv.DictReader(f))
            print(json.dumps(out))
            """
        let (_, stdout) = try Self.run("/usr/bin/env", ["python3", "-c", script, csv])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Int])
        #expect(rows["turns"] == counts.turns)
        #expect(rows["exchanges"] == counts.exchanges)
        #expect(rows["claims"] == counts.claims)
        #expect(rows["turnsFields"] == 12 && rows["claimsFields"] == 19)
        #expect((rows["longest"] ?? 0) > 1000)

        let jsonl = temp.url.appendingPathComponent("corpus.jsonl").path
        _ = try Presser.run(["export", "--format", "jsonl", "--out", jsonl] + Self.textFiles, timeout: .seconds(300))
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == Self.textFiles.count)
        for line in lines {
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(doc["schema"] as? String == "presser.briefing/1")
        }
    }

    /// A file where a folder is written, or a folder where a file is, is a usage error said before
    /// anything is read, not Foundation's message after the whole export was worked out.
    @Test func outMustBeAFolderOrAFileAsTheFormatWrites() throws {
        let file = try temp.write("taken.txt", Array("x".utf8))
        let folder = temp.url.appendingPathComponent("taken-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = "Tests/Fixtures/corpus/scio-2019-12-09.txt"
        for (format, out, said) in [
            ("csv", file, "is a file; csv writes a folder"), ("convokit", file, "is a file; convokit writes a folder"),
            ("tei", folder.path, "is a folder; tei writes one file"),
            ("jsonl", folder.path, "is a folder; jsonl writes one file"),
        ] {
            let run = try Presser.run(["export", "--format", format, "--out", out, source])
            #expect(run.status == 64 && run.stderr.contains("--out \(out) \(said)."), "\(run)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
        let fine = try Presser.run(["export", "--format", "csv", "--out", folder.path, source])
        #expect(fine.status == 0, "\(fine)")
    }

    @Test func exportFromTheStoreSelects() throws {
        let database = temp.url.appendingPathComponent("x.sqlite").path
        _ = try Presser.run([
            "ingest", "--quiet", "--database", database, "Tests/Fixtures/corpus/scio-2019-12-09.txt",
            "Tests/Fixtures/corpus/fomc-2020-09-16.txt",
        ])
        let out = temp.url.appendingPathComponent("sel.jsonl").path
        let run = try Presser.run([
            "export", "--database", database, "--format", "jsonl", "--query", "Xinjiang", "--out", out,
        ])
        #expect(run.stdout.contains("1 briefing exported"), "\(run)")
        let all = try Presser.run(["export", "--database", database, "--format", "jsonl", "--out", out])
        #expect(all.stdout.contains("2 briefings exported"), "\(all)")
        let year = try Presser.run([
            "export", "--database", database, "--format", "jsonl", "--to", "2019", "--out", out,
        ])
        #expect(year.stdout.contains("1 briefing exported"), "\(year)")
        // Selections pick stored briefings: with files, they are a usage error, not ignored.
        let mixed = try Presser.run([
            "export", "--database", database, "--format", "jsonl", "--from", "2020", "--out", out,
            "Tests/Fixtures/corpus/scio-2019-12-09.txt",
        ])
        #expect(mixed.status == 64 && mixed.stderr.contains("--from selects stored briefings"), "\(mixed)")

        // A conference stored from its page and its text is exported once, unless asked for both.
        _ = try Presser.run([
            "ingest", "--quiet", "--database", database, "Tests/Fixtures/corpus/whitehouse-obama-2013-11-05.html",
            "Tests/Fixtures/corpus/whitehouse-obama-2013-11-05.txt",
        ])
        let once = try Presser.run(["export", "--database", database, "--format", "jsonl", "--out", out])
        #expect(once.stdout.contains("3 briefings exported"), "\(once)")
        let both = try Presser.run([
            "export", "--database", database, "--format", "jsonl", "--with-twins", "--out", out,
        ])
        #expect(both.stdout.contains("4 briefings exported"), "\(both)")
        let twin = try Presser.run(["export", "--database", database, "--format", "jsonl", "--id", "4", "--out", out])
        #expect(twin.stdout.contains("1 briefing exported"), "\(twin)")
    }
}
