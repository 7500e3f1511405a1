import Foundation
import PresserCore
import PresserStore

/// What the briefing page shows: roster, question cards, the transcript with its figures marked,
/// the findings with links to what they are about, and two charts.
struct BriefingPage {
    struct Person {
        var name: String
        var kind: String
        var roles: String
        var style: String
    }

    struct Question {
        var number: Int
        var turn: Int
        var outlet: String?
        var askedBy: String?
        var handOff: String?
        var answeredBy: String
        /// The answers' length: "1 word", "612 words".
        var words: String
        /// How it was answered ("direct", "premiseRejected"…), and why.
        var answer: String?
        var answerWhy: String?
    }

    struct TurnRow {
        var index: Int
        var who: String
        var kind: String
        var style: String
        var outlet: String?
        var segments: [Segment]
    }

    struct FindingRow {
        var severity: String
        var kind: String
        var message: String
        var turns: [Link]
        var claims: [Link]
    }

    struct Link {
        var target: Int
    }

    var title: String
    var id: Int64
    var date: String
    var layout: String
    var location: String?
    var people: [Person]
    var questions: [Question]
    var questionCount: Int
    var unattributed: Int
    var turns: [TurnRow]
    var findings: [FindingRow]
    var hasFindings: Bool
    var corpus: [FindingRow]
    var hasCorpus: Bool
    var claimCount: Int
    var wordsChart: String
    var outletsChart: String
    /// A stored briefing; otherwise a preview from the analyse page, with the text to store.
    var stored: Bool
    var source: String
    var name: String
    var needsToken: Bool

    /// Other language versions of this briefing in the store, linked side by side.
    struct Version {
        /// The briefing shown, for the side-by-side link.
        var briefingID: Int64
        var id: Int64
        var language: String
        var title: String
    }
    var versions: [Version] = []
    var hasVersions = false
    /// The briefing this one repeats almost whole (`BriefingSummary.twinOf`), as text for the page.
    var twinOf: String?

    init(_ stored: StoredBriefing, corpus: [CorpusFinding], versions: [BriefingSummary] = []) {
        self.init(stored.briefing, id: stored.summary.id, corpus: corpus)
        self.versions = versions.map {
            Version(briefingID: stored.summary.id, id: $0.id, language: $0.language, title: $0.displayTitle)
        }
        hasVersions = !versions.isEmpty
        twinOf = stored.summary.twinOf.map(String.init)
    }

    /// A preview of a briefing not stored: the page with a button to store it.
    init(preview b: Briefing, source: String, name: String, needsToken: Bool) {
        self.init(b, id: 0, corpus: [])
        stored = false
        self.source = source
        self.name = name
        self.needsToken = needsToken
    }

    private init(_ b: Briefing, id: Int64, corpus: [CorpusFinding]) {
        stored = true
        source = ""
        name = ""
        needsToken = false
        self.id = id
        title = b.displayTitle
        date = b.date ?? "date unknown"
        layout = b.layout
        location = b.location
        var styleOf: [String: String] = [:]
        for (i, p) in b.participants.enumerated() { styleOf[p.id] = "speaker-\(i % 8)" }
        people = b.participants.filter { $0.kind != .journalist }.map {
            Person(
                name: $0.name, kind: $0.kind.rawValue, roles: $0.roles.joined(separator: ", "),
                style: styleOf[$0.id] ?? "")
        }
        questions = b.exchanges.map { e in
            let answerers = e.answeredBy.compactMap { b.name(of: $0) }
            let handOff = b.name(of: e.delegatedBy).map { "\($0) → \(answerers.joined(separator: ", "))" }
            return Question(
                number: e.index + 1, turn: e.question, outlet: e.outlet, askedBy: e.askedBy, handOff: handOff,
                answeredBy: answerers.joined(separator: ", "),
                words: BriefingReport.count(
                    e.answers.reduce(0) { $0 + (b.turns.indices.contains($1) ? b.turns[$1].wordCount : 0) }, "word"),
                answer: e.answer?.label.rawValue, answerWhy: e.answer?.explanation)
        }
        questionCount = b.exchanges.count
        unattributed = b.exchanges.filter { $0.outlet == nil }.count
        var claimsByTurn: [Int: [(Int, Claim)]] = [:]
        for (i, c) in b.claims.enumerated() { claimsByTurn[c.turn, default: []].append((i, c)) }
        turns = b.turns.map { t in
            let who = b.name(of: t.speaker) ?? (t.kind == .question ? "Reporter" : t.label ?? "Unattributed")
            return TurnRow(
                index: t.index, who: who, kind: t.kind.rawValue, style: styleOf[t.speaker ?? ""] ?? "speaker-none",
                outlet: t.kind == .question ? t.outlet : nil,
                segments: Self.segments(t.text, claimsByTurn[t.index] ?? []))
        }
        findings = b.findings.map {
            FindingRow(
                severity: $0.severity.rawValue, kind: $0.kind.rawValue, message: $0.message,
                turns: $0.turns.map(Link.init), claims: $0.claims.map(Link.init))
        }
        hasFindings = !findings.isEmpty
        self.corpus = corpus.map {
            FindingRow(
                severity: $0.severity.rawValue, kind: $0.kind.rawValue, message: $0.message, turns: [], claims: [])
        }
        hasCorpus = !corpus.isEmpty
        claimCount = b.claims.count
        var words: [String: Int] = [:]
        for t in b.turns where t.speaker != nil { words[t.speaker ?? "", default: 0] += t.wordCount }
        wordsChart = Charts.bars(
            words.sorted { $0.value > $1.value }.prefix(12).map {
                Charts.Bar(label: b.name(of: $0.key) ?? $0.key, value: $0.value, style: styleOf[$0.key] ?? "")
            }, title: "Words spoken per participant", unit: ("word", "words"))
        var outlets: [String: Int] = [:]
        for e in b.exchanges { outlets[e.outlet ?? "outlet not given", default: 0] += 1 }
        outletsChart = Charts.bars(
            outlets.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(12).map {
                Charts.Bar(
                    label: $0.key, value: $0.value, style: $0.key == "outlet not given" ? "unattributed" : "outlet")
            }, title: "Questions per outlet", unit: ("question", "questions"))
    }

    /// The turn's text cut at its claims: plain runs, and claims with what they mean.
    static func segments(_ text: String, _ claims: [(Int, Claim)]) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        var out: [Segment] = []
        var at = 0
        for (i, c) in claims.sorted(by: { $0.1.start < $1.1.start }) where c.start >= at && c.end <= scalars.count {
            if c.start > at { out.append(Segment(text: string(scalars[at..<c.start]), marked: false)) }
            out.append(Segment(text: string(scalars[c.start..<c.end]), marked: true, claim: i, note: note(c)))
            at = c.end
        }
        if at < scalars.count { out.append(Segment(text: string(scalars[at...]), marked: false)) }
        return out
    }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }

    /// 400,000,000,000 · 6.51 · 0.5: whole numbers grouped by thousands, others as they are.
    static func number(_ x: Double) -> String {
        guard x == x.rounded(), abs(x) < 1e15 else { return String(format: "%g", x) }
        var digits = String(Int64(abs(x)))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (x < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// "400,000,000,000 CNY · approximately · period: this year (2019-01-01 – 2019-12-31) · subject: …".
    static func note(_ c: Claim) -> String {
        var parts = [number(c.value) + (c.unit.map { " \($0)" } ?? "")]
        if c.qualifier != .exact { parts.append(c.qualifier.rawValue) }
        if let p = c.period { parts.append("period: \(p.text) (\(p.from ?? "…") – \(p.to ?? "…"))") }
        if let s = c.subject ?? c.counted { parts.append("about: \(s)") }
        if let change = c.change { parts.append("change: \(change.direction.rawValue)") }
        return parts.joined(separator: " · ")
    }
}
