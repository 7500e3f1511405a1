import Foundation
import PresserCheck
import PresserClaims
import PresserCore
import PresserEval
import PresserParse
import Testing

/// Robustness: real transcripts with random byte-level damage must either parse into a briefing
/// that holds together or be refused with a `PresserError`, never trap or hang.
///
/// Deterministic (seeded), so a failure reproduces on every run. Before each call the input is
/// written to `$TMPDIR/presser-fuzz/<file>.last` (or `.last.page0`, `.last.page1`… when it is
/// cut into pages), so if the parser traps and takes the test process down, the input that did
/// it is left there; the files are removed when a case finishes. Inputs that break an invariant
/// are kept as `<file>.failure-<n>` and named in the issue.
@Suite struct FuzzTests {
    /// The transcripts mutated, one test case each (they run in parallel), and the generator
    /// seed for each.
    static let seeds: [(file: String, seed: UInt64)] = [
        ("scio-2019-12-09.txt", 0x5C10_2019_1209),
        ("fomc-2023-03-22.txt", 0xF03C_2023_0322),
        ("whitehouse-2021-02-19.txt", 0xB4_2021_0219),
        ("mananera-2026-08-21.txt", 0x3A4A_2026_0821),
        ("rev-covid-2020-03-02.txt", 0x2E7_2020_0302),
        ("whitehouse-trump-2020-04-24.html", 0x7_2020_0424),
    ]
    /// Mutated inputs parsed per transcript: 6 × 520 = 3,120 in all (about 9 s of CPU in a
    /// debug build). For a longer hunt, set PRESSER_FUZZ_COUNT (inputs per transcript) and
    /// PRESSER_FUZZ_SEED (mixed into every seed), e.g.
    /// `PRESSER_FUZZ_COUNT=5000 PRESSER_FUZZ_SEED=7 swift test --filter FuzzTests`.
    static let mutationsPerFile = environment("PRESSER_FUZZ_COUNT").flatMap { Int($0) } ?? 520
    static let extraSeed = environment("PRESSER_FUZZ_SEED").flatMap { UInt64($0) } ?? 0

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }

    /// The fixtures, found from this file.
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/corpus")

    private static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpus.appendingPathComponent(name)))
    }

    @Test func atLeastThreeThousandMutations() {
        #expect(Self.seeds.count * Self.mutationsPerFile >= 3_000)
    }

    @Test(arguments: seeds.map(\.file))
    func mutatedTranscriptParsesOrFailsCleanly(file: String) throws {
        let seed = try #require(Self.seeds.first { $0.file == file }?.seed)
        var random = SplitMix64(seed: seed ^ (Self.extraSeed &* 0x9E37_79B9_7F4A_7C15))
        let original = try Self.bytes(file)
        let others = try Self.seeds.map(\.file).filter { $0 != file }.map { try Self.bytes($0) }
        let crashDump = FileManager.default.temporaryDirectory.appendingPathComponent("presser-fuzz", isDirectory: true)
        try FileManager.default.createDirectory(at: crashDump, withIntermediateDirectories: true)
        let dumpURL = crashDump.appendingPathComponent(file + ".last")

        var parsed = 0
        var refused: [String: Int] = [:]
        var problems = 0
        var slowest: (Duration, Int) = (.zero, -1)
        let clock = ContinuousClock()
        var parseTime = Duration.zero
        let started = clock.now

        for iteration in 0..<Self.mutationsPerFile {
            var bytes = Self.window(of: original, fromTheStart: file.hasSuffix(".html") ? 10 : 45, using: &random)
            let rounds = Int.random(in: 1...4, using: &random)
            for _ in 0..<rounds { Self.mutate(&bytes, others: others, using: &random) }
            bytes = Self.maybeReencode(bytes, using: &random)
            let pages = Self.maybeSplitIntoPages(bytes, using: &random)
            let names = pages.count == 1 ? [file] : pages.indices.map { "page\($0)-\(file)" }
            let inputs = zip(names, pages).map { TranscriptFile(name: $0, bytes: $1) }

            try Self.keep(pages, at: dumpURL)

            var outcome: Result<ParseResult, PresserError>!
            let elapsed = clock.measure {
                do throws(PresserError) {
                    outcome = .success(try TranscriptParser.parse(inputs))
                } catch {
                    outcome = .failure(error)
                }
            }
            parseTime += elapsed
            if elapsed > slowest.0 { slowest = (elapsed, iteration) }

            var problem: String?
            switch outcome! {
            case .success(let result):
                parsed += 1
                var briefing = result.briefing
                briefing.claims = ClaimExtractor.claims(in: briefing)
                problem =
                    Self.violation(in: result.briefing, pages: pages)
                    ?? Self.claimViolation(briefing.claims, in: briefing)
                    ?? Self.findingViolation(Checker.findings(in: briefing), in: briefing)
                    ?? Self.answerViolation(Checker.answers(in: briefing), in: briefing)
            case .failure(let error):
                refused[Self.kind(of: error), default: 0] += 1
                if case .usage = error {
                    problem = "usage error for a file: \(error)"
                } else if let named = Self.fileNamed(by: error), let page = names.firstIndex(of: named) {
                    problem = Self.misreport(error, page: pages[page])
                } else {
                    problem = "the error names no input file: \(error)"
                }
            }
            if elapsed > .seconds(2) {
                problem = (problem.map { $0 + "; " } ?? "") + "took \(elapsed) for \(bytes.count) bytes"
            }
            if let problem {
                problems += 1
                if problems <= 5 {
                    // Keep the input for the report.
                    let kept = crashDump.appendingPathComponent("\(file).failure-\(iteration)")
                    try? Self.keep(pages, at: kept)
                    Issue.record(
                        "\(file) mutation \(iteration) (\(pages.count) page(s), \(bytes.count) bytes, input kept in \(kept.path)): \(problem)"
                    )
                }
            }
        }
        for suffix in ["", ".page0", ".page1", ".page2"] {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: dumpURL.path + suffix))
        }
        print(
            "fuzz \(file): \(Self.mutationsPerFile) inputs, \(parsed) parsed, refused \(refused.sorted { $0.key < $1.key }), slowest \(slowest.0) (#\(slowest.1)); parsing \(parseTime) of \(clock.now - started)"
        )
        #expect(problems == 0, "\(problems) of \(Self.mutationsPerFile) mutated inputs of \(file) broke an invariant")
    }

    /// Writes an input where it can be found again: one file at `url`, or the pages at
    /// `url.page0`, `url.page1`… (then `presser parse --pages url.page0 url.page1` replays it).
    static func keep(_ pages: [[UInt8]], at url: URL) throws {
        if pages.count == 1 {
            try Data(pages[0]).write(to: url)
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: url.path + ".page0"))
        } else {
            try? FileManager.default.removeItem(at: url)
            for (n, page) in pages.enumerated() {
                try Data(page).write(to: URL(fileURLWithPath: url.path + ".page\(n)"))
            }
        }
    }

    // MARK: Invariants

    /// What is wrong with the claims of a briefing: each must point into its turn's text, read
    /// what it says, and have a finite value, an ordered range and an ordered period.
    static func claimViolation(_ claims: [Claim], in briefing: Briefing) -> String? {
        for claim in claims {
            guard briefing.turns.indices.contains(claim.turn) else {
                return "claim in turn \(claim.turn) of \(briefing.turns.count)"
            }
            let scalars = Array(briefing.turns[claim.turn].text.unicodeScalars)
            guard claim.start >= 0, claim.start < claim.end, claim.end <= scalars.count else {
                return
                    "claim “\(claim.text)” at \(claim.start)..<\(claim.end) outside its turn of \(scalars.count) scalars"
            }
            let text = String(String.UnicodeScalarView(scalars[claim.start..<claim.end]))
            if text != claim.text { return "claim “\(claim.text)” but its offsets read “\(text)”" }
            if !claim.value.isFinite { return "claim “\(claim.text)” has value \(claim.value)" }
            if let upper = claim.upper, !(upper > claim.value) {
                return "claim “\(claim.text)” range \(claim.value)–\(upper)"
            }
            if let from = claim.period?.from, let to = claim.period?.to, from > to {
                return "claim “\(claim.text)” period \(from) after \(to)"
            }
        }
        return nil
    }

    /// Findings point at claims and turns that exist, and say something.
    static func findingViolation(_ findings: [Finding], in briefing: Briefing) -> String? {
        for finding in findings {
            if let bad = finding.claims.first(where: { !briefing.claims.indices.contains($0) }) {
                return "\(finding.kind) names claim \(bad) of \(briefing.claims.count)"
            }
            if let bad = finding.turns.first(where: { !briefing.turns.indices.contains($0) }) {
                return "\(finding.kind) names turn \(bad) of \(briefing.turns.count)"
            }
            if finding.message.isEmpty { return "\(finding.kind) with an empty message" }
            for case (let key, .number(let n)) in finding.details where !n.isFinite {
                return "\(finding.kind) detail \(key) is \(n)"
            }
        }
        return nil
    }

    /// Every exchange has an answer, and each cue's offsets read its text in its turn.
    static func answerViolation(_ answers: [Answer], in briefing: Briefing) -> String? {
        guard answers.count == briefing.exchanges.count else {
            return "\(answers.count) answers for \(briefing.exchanges.count) exchanges"
        }
        for answer in answers {
            for cue in answer.cues {
                guard briefing.turns.indices.contains(cue.turn) else { return "answer cue in turn \(cue.turn)" }
                let scalars = Array(briefing.turns[cue.turn].text.unicodeScalars)
                guard cue.start >= 0, cue.start <= cue.end, cue.end <= scalars.count,
                    String(String.UnicodeScalarView(scalars[cue.start..<cue.end])) == cue.text
                else { return "answer cue “\(cue.text)” at \(cue.start)..<\(cue.end) does not read its text" }
            }
        }
        return nil
    }

    /// What is wrong with a parsed briefing, or nil when it holds together.
    static func violation(in briefing: Briefing, pages: [[UInt8]]) -> String? {
        let turns = briefing.turns
        if turns.isEmpty { return "a briefing with no turns (should be noTranscript)" }
        if turns.map(\.index) != Array(turns.indices) {
            return "turn indexes \(turns.map(\.index).prefix(20)) are not 0..<\(turns.count)"
        }
        let ids = Set(briefing.participants.map(\.id))
        let lineCounts = pages.map(Self.lineCount)
        var previousPage = 0
        for turn in turns {
            if let speaker = turn.speaker, !ids.contains(speaker) {
                return "turn \(turn.index) speaker \(speaker.debugDescription) is not a participant id \(ids.sorted())"
            }
            if turn.line < 1 { return "turn \(turn.index) at line \(turn.line)" }
            if pages.count == 1 {
                if let page = turn.page { return "turn \(turn.index) has page \(page) from a single file" }
            } else {
                guard let page = turn.page, lineCounts.indices.contains(page) else {
                    return "turn \(turn.index) has page \(String(describing: turn.page)) of \(pages.count)"
                }
                if page < previousPage { return "turn \(turn.index) on page \(page) after page \(previousPage)" }
                previousPage = page
            }
            let count = lineCounts[turn.page ?? 0]
            if turn.line > count { return "turn \(turn.index) at line \(turn.line) of a page of \(count) lines" }
        }
        for (position, exchange) in briefing.exchanges.enumerated() {
            if exchange.index != position { return "exchange \(position) has index \(exchange.index)" }
            guard turns.indices.contains(exchange.question) else {
                return "exchange \(position) question \(exchange.question) is not a turn (\(turns.count) turns)"
            }
            if turns[exchange.question].kind != .question {
                return "exchange \(position) question \(exchange.question) is a \(turns[exchange.question].kind) turn"
            }
            if let bad = exchange.answers.first(where: { !turns.indices.contains($0) }) {
                return "exchange \(position) answer \(bad) is not a turn (\(turns.count) turns)"
            }
            if let bad = exchange.answeredBy.first(where: { !ids.contains($0) }) {
                return "exchange \(position) answeredBy \(bad.debugDescription) is not a participant id"
            }
            if let delegatedBy = exchange.delegatedBy, !ids.contains(delegatedBy) {
                return "exchange \(position) delegatedBy \(delegatedBy.debugDescription) is not a participant id"
            }
        }
        return nil
    }

    /// The number of lines the parser can number in a page: line breaks are LF, CR or CRLF.
    /// An upper bound taken on the raw bytes (UTF-16 newlines hold a 0x0A or 0x0D byte too).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (i, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
            if byte == 0x0A, i > 0, bytes[i - 1] == 0x0D { continue }
            count += 1
        }
        return count
    }

    /// What is wrong with an error about a UTF-8 or Windows-1252 page, or nil: an empty file
    /// must hold only whitespace, and the offset of a binary byte or of a byte that is not text
    /// must point at such a byte.
    static func misreport(_ error: PresserError, page bytes: [UInt8]) -> String? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return nil  // UTF-16: offsets count code units, not checked here
        }
        switch error {
        case .empty:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if let text = body.firstIndex(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
                return "\(error), but byte \(text) is 0x\(String(body[text], radix: 16))"
            }
        case .binary(_, let offset):
            guard bytes.indices.contains(offset), bytes[offset] < 0x20,
                ![0x09, 0x0A, 0x0D, 0x0C].contains(bytes[offset])
            else {
                return
                    "\(error), but that byte is \(bytes.indices.contains(offset) ? "0x" + String(bytes[offset], radix: 16) : "past the end")"
            }
        case .invalidEncoding(_, let offset):
            // Either a byte Windows-1252 leaves undefined, or the first byte where UTF-8 breaks.
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            guard bytes.indices.contains(offset),
                [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(bytes[offset])
                    || (bytes[offset] >= 0x80 && String(validating: bytes[body..<offset], as: UTF8.self) != nil)
            else {
                return
                    "\(error), but that byte is \(bytes.indices.contains(offset) ? "0x" + String(bytes[offset], radix: 16) : "past the end")"
            }
        default: break
        }
        return nil
    }

    static func kind(of error: PresserError) -> String {
        switch error {
        case .unreadable: "unreadable"
        case .empty: "empty"
        case .binary: "binary"
        case .invalidEncoding: "encoding"
        case .tooLarge: "tooLarge"
        case .noTranscript: "noTranscript"
        case .usage: "usage"
        }
    }

    static func fileNamed(by error: PresserError) -> String? {
        switch error {
        case .unreadable(let file, _), .empty(let file), .binary(let file, _), .invalidEncoding(let file, _),
            .tooLarge(let file, _, _), .noTranscript(let file, _):
            file
        case .usage: nil
        }
    }

    // MARK: Mutations

    /// Pieces inserted into transcripts: bytes that are not text, odd spaces, and the marks the
    /// parser looks for (labels, front matter, tags, entities, line breaks).
    static let tokens: [[UInt8]] =
        [
            [0x00], [0xFF], [0xFE], [0xC2, 0xA0], [0x92], [0x81], [0xE2, 0x80], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE],
            [0x0C], [0x1B], [0x7F],
        ]
        + [
            "<NAME>", "Q ", "---\n", ":", "\r", "\n", "\r\n", "\n\n", "\t", "   ", "Q:", "Q.", "Q ", "A:",
            "MS. PSAKI:", "THE PRESIDENT:", "Hu Kaihong:", "CHAIR POWELL.", "Economic Daily:", "Speaker 1 (00:12):",
            "Donald Trump: (", "PREGUNTA:", "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR:", "INTERLOCUTOR:", "[Crosstalk]",
            "(inaudible)", "END", "12:19 P.M. EDT", "Dec. 9, 2019", "March 32, 2020", "—", "\u{FEFF}", "\u{200B}",
            "\u{2028}", "\u{85}", "é", "👍🏽", "e\u{301}", ">", "<", "&", ">>",
            "---\ntitle: \"x\"\ndate: 2020-13-45\nspeakers: [\n---\n", "---\ntitle: \\u00\n",
            "<p>", "</p>", "<br>", "<div>", "</div>", "<nav>", "<script>", "</script>", "<style>", "<!--", "-->",
            "<a href=\"", "\"", "'", "<html>", "<title>", "&amp;", "&nbsp;", "&#0;", "&#x0;", "&#xD800;",
            "&#1114112;", "&#99999999999999999999;", "&#x;", "&", "\\[", "\\*", "<s>", "**", "# ", "> ",
            String(repeating: "word ", count: 300), String(repeating: "A", count: 2_000),
            String(repeating: ":", count: 50),
            String(repeating: "\n", count: 40),
        ].map { Array($0.utf8) }

    /// A piece of the transcript to mutate: often the start (the header: title, roster, date;
    /// the percentage given, less for HTML, whose first lines are a long head of scripts),
    /// otherwise from a random point on; sometimes the whole file. The piece starts and ends at
    /// a line break when there is one near (some transcripts, FOMC's, are one 45 KB line), else
    /// between two UTF-8 characters.
    static func window(of bytes: [UInt8], fromTheStart percent: Int, using random: inout SplitMix64) -> [UInt8] {
        if Int.random(in: 0..<100, using: &random) < 4 { return bytes }
        func boundary(_ at: Int, forward: Bool) -> Int {
            var i = at
            for _ in 0..<400 {
                if i <= 0 || i >= bytes.count || bytes[i - 1] == 0x0A { return i }
                i += forward ? 1 : -1
            }
            i = at
            while i > 0, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            return i
        }
        var start = 0
        if Int.random(in: 0..<100, using: &random) >= percent {
            start = boundary(Int.random(in: 0..<bytes.count, using: &random), forward: false)
        }
        let end = boundary(min(bytes.count, start + Int.random(in: 200...5_000, using: &random)), forward: true)
        return Array(bytes[start..<max(start, end)])
    }

    static func mutate(_ bytes: inout [UInt8], others: [[UInt8]], using random: inout SplitMix64) {
        func position(_ random: inout SplitMix64, atLineStart: Bool = false) -> Int {
            var at = Int.random(in: 0...bytes.count, using: &random)
            if atLineStart { while at > 0, bytes[at - 1] != 0x0A { at -= 1 } }
            return at
        }
        func range(_ random: inout SplitMix64, upTo length: Int) -> Range<Int> {
            let start = Int.random(in: 0...bytes.count, using: &random)
            return start..<min(bytes.count, start + Int.random(in: 1...length, using: &random))
        }
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<12:  // flip bits or replace bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                let i = Int.random(in: 0..<bytes.count, using: &random)
                if Bool.random(using: &random) {
                    bytes[i] ^= 1 << UInt8.random(in: 0...7, using: &random)
                } else {
                    bytes[i] = UInt8.random(in: 0...255, using: &random)
                }
            }
        case 12..<20:  // insert random bytes
            let count = Int.random(in: 1...12, using: &random)
            bytes.insert(
                contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) },
                at: position(&random))
        case 20..<50:  // insert a token, half the time at the start of a line
            let token = tokens[Int.random(in: 0..<tokens.count, using: &random)]
            bytes.insert(contentsOf: token, at: position(&random, atLineStart: Bool.random(using: &random)))
        case 50..<60:  // delete a range
            bytes.removeSubrange(range(&random, upTo: Bool.random(using: &random) ? 16 : 2_000))
        case 60..<70:  // duplicate a range
            let piece = Array(bytes[range(&random, upTo: 1_500)])
            bytes.insert(contentsOf: piece, at: position(&random))
        case 70..<76:  // truncate
            bytes.removeSubrange(position(&random)...)
        case 76..<84:  // splice: this file up to a point, then another file from a point
            let other = others[Int.random(in: 0..<others.count, using: &random)]
            let from = Int.random(in: 0..<other.count, using: &random)
            let tail = other[from..<min(other.count, from + Int.random(in: 100...4_000, using: &random))]
            bytes.replaceSubrange(position(&random)..., with: tail)
        case 84..<90:  // change every line ending
            let ending: [UInt8] = [[0x0D], [0x0D, 0x0A], [0x0A, 0x0A], [0x20]][Int.random(in: 0..<4, using: &random)]
            var changed: [UInt8] = []
            changed.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                if byte == 0x0A { changed += ending } else { changed.append(byte) }
            }
            bytes = changed
        case 90..<95:  // move a line somewhere else
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard lines.count > 2 else { return }
            var shuffled = lines
            let moved = shuffled.remove(at: Int.random(in: 0..<shuffled.count, using: &random))
            shuffled.insert(moved, at: Int.random(in: 0...shuffled.count, using: &random))
            bytes = Array(shuffled.joined(separator: [0x0A]))
        default:  // upper- or lower-case a range (labels are often in capitals)
            let r = range(&random, upTo: 400)
            let upper = Bool.random(using: &random)
            for i in r where (0x41...0x5A).contains(bytes[i]) || (0x61...0x7A).contains(bytes[i]) {
                bytes[i] = upper ? bytes[i] & ~0x20 : bytes[i] | 0x20
            }
        }
    }

    /// Now and then, the same text as UTF-16 (either byte order, with a byte-order mark).
    static func maybeReencode(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        guard Int.random(in: 0..<100, using: &random) < 5 else { return bytes }
        let bigEndian = Bool.random(using: &random)
        var units = Array(String(decoding: bytes, as: UTF8.self).utf16)
        if Bool.random(using: &random), !units.isEmpty {
            units.removeLast()  // maybe half a surrogate pair
        }
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in units {
            out += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        if Bool.random(using: &random) { out.append(0x41) }  // an odd byte count
        return out
    }

    /// Now and then, the input cut into two or three pages (as `--pages` reads them).
    static func maybeSplitIntoPages(_ bytes: [UInt8], using random: inout SplitMix64) -> [[UInt8]] {
        guard Int.random(in: 0..<100, using: &random) < 12 else { return [bytes] }
        let cuts = (0..<Int.random(in: 1...2, using: &random)).map { _ in
            var at = Int.random(in: 0...bytes.count, using: &random)
            if Bool.random(using: &random) { while at > 0, bytes[at - 1] != 0x0A { at -= 1 } }
            return at
        }.sorted()
        var pages: [[UInt8]] = []
        var start = 0
        for cut in cuts {
            pages.append(Array(bytes[start..<cut]))
            start = cut
        }
        pages.append(Array(bytes[start...]))
        return pages
    }
}
