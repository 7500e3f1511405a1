import Foundation
import PresserEval
import Testing

/// End-to-end tests of the `presser` command: the real built binary, run as a subprocess, with
/// its standard output, standard error and exit status checked.
///
/// The test target depends on the PresserCLI executable target (Package.swift), so `swift test`
/// builds `presser` first and puts it beside the test bundle (.build/<triple>/debug).
@Suite struct CLITests {
    private let temp = TemporaryDirectory()

    // MARK: Refused inputs: exit code, one line on stderr naming the file and the problem, nothing on stdout

    @Test func emptyFileIsBadData() throws {
        let path = try temp.write("empty.txt", [])
        let run = try Presser.run(["parse", path])
        run.expectFailure(65, naming: path, saying: "empty")
    }

    @Test func binaryFileIsBadData() throws {
        var generator = SplitMix64(seed: 0xB1_4A_27)
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for offset in stride(from: 7, to: bytes.count, by: 97) { bytes[offset] = 0x00 }
        let path = try temp.write("random.bin", bytes)
        let run = try Presser.run(["parse", path])
        run.expectFailure(65, naming: path, saying: "binary data")
    }

    @Test func invalidUTF8ThatIsNotWindows1252IsBadData() throws {
        // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are the five bytes Windows-1252 leaves undefined.
        let bytes =
            Array("MS. PSAKI: Good afternoon, ".utf8) + [0x81, 0x8D, 0x8F, 0x90, 0x9D]
            + Array(" everyone.\n".utf8)
        let path = try temp.write("undefined-bytes.txt", bytes)
        let run = try Presser.run(["parse", path])
        run.expectFailure(65, naming: path, saying: "invalid text encoding at byte 27")
    }

    @Test func missingFileIsUnreadable() throws {
        let path = temp.url.appendingPathComponent("no-such-briefing.txt").path
        let run = try Presser.run(["parse", path])
        run.expectFailure(66, naming: path, saying: "no such file")
    }

    @Test func directoryIsUnreadable() throws {
        let path = temp.url.appendingPathComponent("a-folder").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let run = try Presser.run(["parse", path])
        run.expectFailure(66, naming: path, saying: "is a directory")
    }

    @Test func parseWithoutFilesIsAUsageError() throws {
        let run = try Presser.run(["parse"])
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        // ArgumentParser's own usage message: the error line, then help and usage lines.
        #expect(run.stderrLines.first?.contains("Missing expected argument") == true, "\(run)")
    }

    /// `presser` with no arguments at all is a usage error too (64), with the usage on stderr.
    @Test func noArgumentsAtAllIsAUsageError() throws {
        let run = try Presser.run([])
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderr.contains("parse"), "\(run)")
    }

    @Test func sparse200MBFileIsRefusedQuicklyForItsSize() throws {
        let url = temp.url.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // a hole: no disk space used
        try handle.close()
        let started = ContinuousClock.now
        let run = try Presser.run(["parse", url.path])
        let elapsed = ContinuousClock.now - started
        run.expectFailure(65, naming: url.path, saying: "209715200 bytes is over the limit of 67108864 bytes")
        #expect(elapsed < .seconds(5), "took \(elapsed): the file should be refused from its size, not read")
    }

    @Test func htmlPageWithNavigationOnlyIsNotATranscript() throws {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><title>Briefing Room | The White House</title>
            <script>window.dataLayer = [];</script><style>nav { display: flex; }</style></head>
            <body>
            <nav><ul>
              <li><a href="/">Home</a></li>
              <li><a href="/briefing-room/">Briefing Room</a></li>
              <li><a href="/administration/">Administration</a></li>
              <li><a href="/contact/">Contact</a></li>
            </ul></nav>
            <main><h1>Briefing Room</h1>
            <ul><li><a href="/page/2/">Next page</a></li><li><a href="/search/">Search</a></li></ul></main>
            <footer><p>Privacy Policy</p><p>Copyright</p></footer>
            </body>
            </html>

            """
        let path = try temp.write("navigation.html", Array(html.utf8))
        let run = try Presser.run(["parse", path])
        run.expectFailure(65, naming: path, saying: "no transcript found")
    }

    @Test func shortLinesWithoutSpeakersOrProseAreNotATranscript() throws {
        let text = """
            Press Releases
            Home
            Latest News
            Photos
            Videos
            Subscribe
            Follow us
            Share this page
            Print

            """
        let path = try temp.write("menu.txt", Array(text.utf8))
        let run = try Presser.run(["parse", path])
        run.expectFailure(65, naming: path, saying: "no transcript found")
    }

    // MARK: Converted encodings: parsed, with a warning

    @Test func windows1252IsReadWithAWarning() throws {
        // The first 60 lines of the SCIO transcript (title, roster and the first question), with
        // curly apostrophes as Windows-1252 writes them (0x92) and no-break spaces as 0xA0.
        let lines = try String(decoding: Corpus.bytes("scio-2019-12-09.txt"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).prefix(60)
        var bytes: [UInt8] = []
        for scalar in lines.joined(separator: "\n").unicodeScalars {
            switch scalar.value {
            case 0x27, 0x2019: bytes.append(0x92)
            case 0..<0x80, 0xA0...0xFF: bytes.append(UInt8(scalar.value))
            default: bytes.append(UInt8(ascii: "?"))
            }
        }
        #expect(bytes.contains(0x92))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let path = try temp.write("scio-cp1252.txt", bytes)
        let run = try Presser.run(["parse", path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines == ["presser: warning: \(path): not UTF-8; read as Windows-1252"], "\(run)")
        #expect(run.stdout.contains("SCIO briefing on Xinjiang\u{2019}s stability and development"), "\(run)")
        #expect(run.stdout.contains("Shohrat Zakir hands to Erkin Tuniyaz"), "\(run)")
    }

    @Test func utf16LittleEndianWithBOMIsReadWithAWarning() throws {
        let text = String(decoding: try Corpus.bytes("scio-2019-12-09.txt"), as: UTF8.self)
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try temp.write("scio-utf16le.txt", bytes)
        let run = try Presser.run(["parse", "--format", "json", path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines == ["presser: warning: \(path): converted from UTF-16"], "\(run)")
        let document = try run.json()
        #expect((document["turns"] as? [Any])?.count == 33)
        #expect(document["title"] as? String == "SCIO briefing on Xinjiang's stability and development")
    }

    // MARK: The reference transcript

    @Test func textFormatOfTheReferenceTranscript() throws {
        let run = try Presser.run(["parse", "Tests/Fixtures/corpus/scio-2019-12-09.txt"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        for expected in [
            "SCIO briefing on Xinjiang's stability and development",
            "2019-12-09",
            "Macao Daily → Shohrat Zakir hands to Xu Hairong",
            "4 of 11 questions",
        ] {
            #expect(run.stdout.contains(expected), "stdout lacks \(expected.debugDescription)")
        }
    }

    /// A transcript that gives no title (the Federal Reserve's) is named by its file, not
    /// "(untitled)".
    @Test func untitledTranscriptIsNamedByItsFile() throws {
        let run = try Presser.run(["parse", "Tests/Fixtures/corpus/fomc-2025-12-10.txt"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("fomc-2025-12-10.txt\n2025-12-10 · "), "\(run)")
        let claims = try Presser.run(["claims", "Tests/Fixtures/corpus/fomc-2025-12-10.txt"])
        #expect(claims.stdout.contains(" claims in fomc-2025-12-10.txt\n"), "\(claims)")
    }

    /// Counts of one are said in the singular: "1 figure", "1 word" (not "1 figures").
    @Test func textFormatSaysOneInTheSingular() throws {
        let path = try temp.write(
            "short.txt",
            Array(
                "MODERATOR: Welcome.\nQ: How much did exports grow?\nMINISTER: About 5 percent in 2019.\n"
                    .utf8) + Array("Q: And next year?\nMINISTER: More.\n".utf8))
        let run = try Presser.run(["parse", path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("· 5 turns · 2 questions · 1 figure\n"), "\(run)")
        #expect(run.stdout.contains("→ Minister · 1 word\n") && run.stdout.contains("→ Minister · 5 words\n"), "\(run)")
    }

    /// The same transcript gives the same JSON in every run. Each process hashes with a seed of its
    /// own, so an order taken from a dictionary changes between runs: the talking points of this
    /// briefing, where a sentence in other words could join either of two repeats, came out one
    /// way or the other half the time.
    @Test func sameOutputEveryRun() throws {
        let path = "Tests/Fixtures/corpus/rev-covid-2020-03-31.txt"
        let outputs = try (0..<4).map { _ in try Presser.run(["parse", "--format", "json", path]).stdout }
        #expect(outputs.allSatisfy { !$0.isEmpty && $0 == outputs[0] })
        #expect(outputs[0].contains("Said 6 times (2 in other words): “In a few moments, Dr. Birx will explain"))
        #expect(outputs[0].contains("Said 5 times (1 in other words): “15 days ago we published"))
    }

    @Test func jsonFormatFromAPathAndFromStandardInput() throws {
        let relative = "Tests/Fixtures/corpus/scio-2019-12-09.txt"
        let fromPath = try Presser.run(["parse", "--format", "json", relative])
        #expect(fromPath.status == 0, "\(fromPath)")
        #expect(fromPath.stderr.isEmpty, "\(fromPath)")
        let document = try fromPath.json()
        #expect(document["schema"] as? String == "presser.briefing/1")
        let turns = try #require(document["turns"] as? [[String: Any]])
        #expect(turns.count == 33)
        #expect((document["source"] as? [String: Any])?["files"] as? [String] == [relative])

        let fromStandardInput = try Presser.run(
            ["parse", "--format", "json", "-"], standardInput: Corpus.url("scio-2019-12-09.txt"))
        #expect(fromStandardInput.status == 0, "\(fromStandardInput)")
        #expect(fromStandardInput.stderr.isEmpty, "\(fromStandardInput)")
        let piped = try fromStandardInput.json()
        #expect((piped["source"] as? [String: Any])?["files"] as? [String] == ["-"])
        let pipedTurns = try #require(piped["turns"] as? [[String: Any]])
        #expect(Turns(pipedTurns) == Turns(turns))
    }

    /// Empty lists are written `[]` (Foundation's pretty printing put an empty line between the
    /// brackets), and the indented document holds exactly what the one-line form of the same
    /// transcript does (two transcripts are written a line each, by `BriefingJSON`).
    @Test func indentedJSONWritesEmptyListsOnOneLine() throws {
        let path = "Tests/Fixtures/corpus/scio-2019-12-09.txt"
        let indented = try Presser.run(["parse", "--format", "json", path])
        #expect(indented.status == 0, "\(indented)")
        #expect(!indented.stdout.contains("[\n\n") && !indented.stdout.contains("{\n\n"), "\(indented)")
        #expect(indented.stdout.contains("\"cues\" : [],\n"), "\(indented)")
        let lines = try Presser.run(["parse", "--format", "json", path, path])
        #expect(lines.status == 0, "\(lines)")
        let first = try #require(lines.stdout.split(separator: "\n").first)
        let oneLine = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? NSDictionary)
        let document = try indented.json() as NSDictionary
        #expect(oneLine == document)
    }

    // MARK: --pages

    /// The SCIO transcript split after line 101, just before the label "Xu Hairong:" that starts
    /// turn 12: joined again with --pages it gives the same 33 turns (the split is at a turn
    /// boundary, so no turn is cut in two or merged), the first 12 on page 0 and the rest on
    /// page 1 with line numbers counted in the second file.
    @Test func pagesJoinTwoHalvesIntoOneBriefing() throws {
        try expectPagesMatchWholeFile(splittingAfterLine: 101)
    }

    /// The same with a first page that holds only the header (title, roster, date: lines 1–18)
    /// and no turn: every turn starts on page 1.
    @Test func pagesWithAHeaderOnlyFirstPage() throws {
        try expectPagesMatchWholeFile(splittingAfterLine: 18)
    }

    private func expectPagesMatchWholeFile(splittingAfterLine split: Int) throws {
        let name = "scio-2019-12-09.txt"
        let whole = try Presser.run(["parse", "--format", "json", Corpus.url(name).path])
        try #require(whole.status == 0, "\(whole)")
        let wholeTurns = try #require(try whole.json()["turns"] as? [[String: Any]])

        let lines = try Corpus.bytes(name).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        try #require(lines.count > split + 1)
        let first = Array(lines[..<split].joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
        let second = Array(lines[split...].joined(separator: [UInt8(ascii: "\n")]))
        #expect(first.count + second.count == (try Corpus.bytes(name)).count)
        let part1 = try temp.write("part1.txt", first)
        let part2 = try temp.write("part2.txt", second)

        let run = try Presser.run(["parse", "--format", "json", "--pages", part1, part2])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        let document = try run.json()
        #expect((document["source"] as? [String: Any])?["files"] as? [String] == [part1, part2])
        let turns = try #require(document["turns"] as? [[String: Any]])
        try #require(
            turns.count == wholeTurns.count,
            "\(turns.count) turns from the pages, \(wholeTurns.count) from the whole file")
        #expect(wholeTurns.contains { ($0["line"] as? Int ?? 0) > split }, "nothing after the split")
        for (paged, original) in zip(turns, wholeTurns) {
            let index = original["index"] as? Int ?? -1
            let line = original["line"] as? Int ?? 0
            let onSecondPage = line > split
            #expect(paged["index"] as? Int == index)
            #expect(paged["page"] as? Int == (onSecondPage ? 1 : 0), "turn \(index) (line \(line) of the whole file)")
            #expect(paged["line"] as? Int == (onSecondPage ? line - split : line), "turn \(index)")
            #expect(paged["speaker"] as? String == original["speaker"] as? String, "turn \(index)")
            #expect(paged["kind"] as? String == original["kind"] as? String, "turn \(index)")
            #expect(paged["text"] as? String == original["text"] as? String, "turn \(index)")
        }
    }

    // MARK: check

    @Test func alignShowsBothVersionsAndFailsOnDriftWhenAsked() throws {
        let en = "Tests/Fixtures/corpus-zh/mfa-2020-03-12-en.txt"
        let zh = "Tests/Fixtures/corpus-zh/mfa-2020-03-12-zh.txt"
        let text = try Presser.run(["align", en, zh])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("8 questions in both; 13 figures in both, 0 differ"), "\(text)")
        #expect(text.stdout.contains("= 62,793  ↔  62793例"), "\(text)")
        let json = try Presser.run(["align", "--format", "json", en, zh])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "presser.alignment/1")
        #expect((object?["exchanges"] as? [Any])?.count == 8)

        let altered = try String(contentsOfFile: zh, encoding: .utf8).replacingOccurrences(of: "1318例", with: "1381例")
        let file = try temp.write("altered-zh.txt", Array(altered.utf8))
        let failing = try Presser.run(["align", "--fail-on", "warning", en, file])
        #expect(failing.status == 1, "\(failing)")
        #expect(failing.stdout.contains("“1,318” (1318) where the zh version says “1381例” (1381)"), "\(failing)")
        let missing = try Presser.run(["align", en, "no-such-file.txt"])
        #expect(missing.status == 66, "\(missing)")
    }

    @Test func checkFailsOnWarningsOnlyWhenAsked() throws {
        let reference = "Tests/Fixtures/corpus/scio-2019-12-09.txt"
        let quiet = try Presser.run(["check", "--fail-on", "warning", reference])
        #expect(quiet.status == 0, "\(quiet)")
        #expect(quiet.stdout.contains("INFO    growthMismatch"), "\(quiet)")
        #expect(quiet.stdout.contains("4 of 11 questions appear in the transcript without the outlet"), "\(quiet)")

        // The urban income for 2018 changed from 32,764 to 35,764 yuan: the stated 6.5% no longer holds.
        let text = try String(decoding: Corpus.bytes("scio-2019-12-09.txt"), as: UTF8.self)
            .replacingOccurrences(of: "to 32,764 yuan", with: "to 35,764 yuan")
        let altered = try temp.write("altered.txt", Array(text.utf8))
        let failing = try Presser.run(["check", "--fail-on", "warning", altered])
        #expect(failing.status == 1, "\(failing)")
        #expect(failing.stdout.contains("WARNING growthMismatch"), "\(failing)")
        #expect(failing.stdout.contains("implies +16.2%"), "\(failing)")
        let notAsked = try Presser.run(["check", altered])
        #expect(notAsked.status == 0, "\(notAsked)")
        let errorsOnly = try Presser.run(["check", "--fail-on", "error", altered])
        #expect(errorsOnly.status == 0, "\(errorsOnly)")
    }

    @Test func checkJSONHasOneLinePerFileAndParseJSONHasTheFindings() throws {
        let files = ["Tests/Fixtures/corpus/scio-2019-12-09.txt", "Tests/Fixtures/corpus/fomc-2020-09-16.txt"]
        let run = try Presser.run(["check", "--format", "json"] + files)
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["file"] as? String == files[0])
        let findings = try #require(first["findings"] as? [[String: Any]])
        let kinds = Set(findings.compactMap { $0["kind"] as? String })
        #expect(
            kinds.isSuperset(of: [
                "growthMismatch", "growthConsistent", "repeatedTalkingPoint", "unattributedQuestions",
            ]))
        for finding in findings {
            #expect(Set(finding.keys) == ["kind", "severity", "message", "claims", "turns", "details"])
        }

        let parsed = try Presser.run(["parse", "--format", "json", files[0]]).json()
        let parsedFindings = try #require(parsed["findings"] as? [[String: Any]])
        #expect(parsedFindings.count == findings.count)
    }

    @Test func checkRefusesAnUnknownSeverity() throws {
        let run = try Presser.run(["check", "--fail-on", "fatal", "Tests/Fixtures/corpus/scio-2019-12-09.txt"])
        #expect(run.status == 64, "\(run)")
    }

    @Test func checkOnAMissingFileIsUnreadable() throws {
        let path = temp.url.appendingPathComponent("gone.txt").path
        let run = try Presser.run(["check", path])
        run.expectFailure(66, naming: path, saying: "no such file")
    }

    // MARK: Help

    @Test func topLevelHelpMentionsParse() throws {
        let run = try Presser.run(["--help"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("parse"), "\(run)")
        #expect(run.stdout.contains("presser parse"), "\(run)")
    }

    @Test func checkHelpListsKindsAndExitCodes() throws {
        let run = try Presser.run(["check", "--help"])
        #expect(run.status == 0, "\(run)")
        for expected in [
            "--fail-on", "growthMismatch", "figureChanged", "repeatedTalkingPoint", "unanswered", "1 a finding",
        ] {
            #expect(run.stdout.contains(expected), "check --help lacks \(expected.debugDescription)")
        }
    }

    @Test func parseHelpListsFormatsAndExitCodes() throws {
        let run = try Presser.run(["parse", "--help"])
        #expect(run.status == 0, "\(run)")
        for expected in ["--format", "text", "markdown", "json", "--pages", "Exit codes", "64", "65", "66"] {
            #expect(run.stdout.contains(expected), "parse --help lacks \(expected.debugDescription)")
        }
    }
}

// MARK: - Helpers

/// The package root and its corpus, found from this file.
enum Corpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/corpus").appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }
}

/// A fresh directory for one test's inputs, removed when the test is done.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("presser-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes the bytes to a file in the directory and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }
}

/// One finished run of `presser`.
struct PresserRun: CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    /// False when the process died from a signal (a trap, a crash): then `status` is the signal.
    var exited: Bool
    var stdout: String
    var stderr: String

    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String {
        let out = stdout.count > 2000 ? String(stdout.prefix(2000)) + "…" : stdout
        let end = exited ? "exit \(status)" : "killed by signal \(status)"
        return "presser \(arguments.joined(separator: " ")) → \(end)\nstderr: \(stderr)\nstdout: \(out)"
    }

    /// Expects a refusal: the exit code, nothing on stdout, and exactly one line on stderr that
    /// names the file and says what is wrong.
    func expectFailure(
        _ code: Int32, naming path: String, saying problem: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(status == code, "\(self)", sourceLocation: sourceLocation)
        #expect(stdout.isEmpty, "\(self)", sourceLocation: sourceLocation)
        #expect(stderrLines.count == 1, "\(self)", sourceLocation: sourceLocation)
        let line = stderrLines.first ?? ""
        #expect(line.hasPrefix("presser: \(path): "), "\(self)", sourceLocation: sourceLocation)
        #expect(line.contains(problem), "\(self)", sourceLocation: sourceLocation)
    }

    /// Standard output as one JSON object.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(object as? [String: Any], "stdout is not a JSON object")
    }
}

/// Turns from the JSON output, compared on the fields that do not depend on the file name.
private struct Turns: Equatable {
    var fields: [[String]]
    init(_ turns: [[String: Any]]) {
        fields = turns.map { turn in
            ["index", "speaker", "label", "kind", "outlet", "askedBy", "line", "page", "text"].map { key in
                turn[key].map { "\($0)" } ?? "-"
            }
        }
    }
}

/// Runs the built `presser` binary.
enum Presser {
    /// `presser serve` over `database` on `port`, running in the background (the caller stops
    /// it), its standard output to `output`.
    static func serve(_ database: String, port: Int, output: FileHandle = .nullDevice) throws -> Process {
        let server = Process()
        server.executableURL = try #require(executable)
        server.arguments = ["serve", "--database", database, "--port", String(port)]
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        return server
    }

    /// `presser`, built by `swift test` (the test target depends on the executable target) into
    /// the directory that holds the test bundle: on Linux the test runner is
    /// .build/<triple>/debug/PresserPackageTests.xctest, an executable; on macOS it is a bundle
    /// in the same directory, with the runner (xctest or swiftpm-testing-helper) elsewhere.
    static let executable: URL? = {
        var directories: [URL] = []
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        directories.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        if let first = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        // Last resort: the usual place under the package.
        directories.append(Corpus.packageRoot.appendingPathComponent(".build/debug"))
        return directories.map { $0.appendingPathComponent("presser") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `presser` with the arguments in the package root, with standard input from a file (or
    /// empty), and waits at most `timeout`.
    static func run(_ arguments: [String], standardInput: URL? = nil, timeout: Duration = .seconds(60)) throws
        -> PresserRun
    {
        let executable = try #require(Presser.executable, "presser binary not found beside the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Corpus.packageRoot
        // Output goes to files, not pipes, so a large output cannot fill a pipe and block.
        let outputs = TemporaryDirectory()
        let stdoutURL = outputs.url.appendingPathComponent("stdout")
        let stderrURL = outputs.url.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        let stdin = try standardInput.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        defer {
            try? stdout.close()
            try? stderr.close()
            if standardInput != nil { try? stdin.close() }
        }
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("presser \(arguments.joined(separator: " ")) did not finish within \(timeout)")
        }
        process.waitUntilExit()
        return PresserRun(
            arguments: arguments,
            status: process.terminationStatus,
            exited: process.terminationReason == .exit,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}
