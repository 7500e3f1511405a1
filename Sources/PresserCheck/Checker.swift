import Foundation
import PresserCore

/// The checks stage: reads a parsed briefing with its claims and says what does not add up.
///
/// Each check lives in its own file and adds findings; they run in a fixed order, so the output is
/// stable: growth, endpoints, parts, changed figures, repeated talking points, questions.
public enum Checker {
    /// How each exchange's question was answered (the briefing's `exchanges` in order).
    public static func answers(in briefing: Briefing) -> [Answer] {
        answers(in: briefing, figures: Figures(briefing))
    }

    /// The briefing with its findings and each exchange's answer filled in (claims already
    /// extracted); the figures and word weights are worked out once for both.
    public static func check(_ briefing: Briefing) -> Briefing {
        checked(briefing, sentences: Sentences.ofTurns(briefing)).briefing
    }

    /// The same with each turn's sentences split already (`Sentences.ofTurns`).
    public static func check(_ briefing: Briefing, sentences: [[Sentences.Span]]) -> Briefing {
        checked(briefing, sentences: sentences).briefing
    }

    /// The checked briefing and the figures read for it.
    private static func checked(_ briefing: Briefing, sentences: [[Sentences.Span]]) -> (
        briefing: Briefing, figures: Figures
    ) {
        var b = briefing
        let figures = Figures(b, sentences: sentences)
        b.findings = findings(in: b, figures: figures)
        let answers = self.answers(in: b, figures: figures)
        for i in b.exchanges.indices { b.exchanges[i].answer = answers[i] }
        return (b, figures)
    }

    /// `check`, and the fingerprints of the officials' sentences the store compares across
    /// briefings (`CorpusKeys.sentenceFingerprints`), from the one reading of the sentences.
    public static func checkForStore(_ briefing: Briefing, sentences: [[Sentences.Span]]) -> (
        briefing: Briefing, sentences: [(turn: Int, fingerprint: String, text: String)]
    ) {
        let (b, figures) = checked(briefing, sentences: sentences)
        return (b, CorpusKeys.sentenceFingerprints(b, figures: figures))
    }

    /// The findings for one briefing (its `claims` already extracted).
    public static func findings(in briefing: Briefing) -> [Finding] {
        findings(in: briefing, figures: Figures(briefing))
    }

    private static func answers(in briefing: Briefing, figures: Figures) -> [Answer] {
        // Each answer is read with the exchange before it: a follow-up ("Can you spell it out?")
        // or a reporter's reply to an official who asked back ("Yes, that's right.") asks about
        // what the question before asked.
        var answers: [Answer] = []
        answers.reserveCapacity(briefing.exchanges.count)
        var previous: AnswerCheck.Previous?
        for exchange in briefing.exchanges {
            let read = AnswerCheck.read(exchange, in: briefing, figures: figures, after: previous)
            answers.append(read.answer)
            previous = read.previous
        }
        return answers
    }

    private static func findings(in briefing: Briefing, figures: Figures) -> [Finding] {
        var findings: [Finding] = []
        let growth = GrowthCheck.findings(figures)
        findings += growth
        let endpoints = EndpointsCheck.findings(figures)
        findings += endpoints.findings
        findings += PartsCheck.findings(figures)
        // A pair already reported as an endpoint disagreement is not reported again.
        findings += FigureChangeCheck.findings(figures, skipping: endpoints.reportedPairs)
        findings += TalkingPointCheck.findings(briefing, figures: figures)
        findings += QuestionCheck.findings(briefing)
        return findings
    }
}

/// Number formatting for messages.
enum Format {
    /// "+11.9%", "-3.0%".
    static func signedPercent(_ x: Double) -> String {
        (x >= 0 ? "+" : "-") + fixed(abs(x), 1) + "%"
    }

    /// A number with `decimals` decimals, no grouping.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "-∞" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        var s = String(rounded)
        if s.hasSuffix(".0") && decimals == 0 { s.removeLast(2) }
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: dot, to: s.endIndex) - 1
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
        } else if decimals > 0 {
            s += "." + String(repeating: "0", count: decimals)
        }
        if s.containsBytes("e") { return String(x) }
        return s
    }

    /// Rounded to 4 significant digits, for `details`.
    static func detail(_ x: Double) -> Finding.Detail {
        guard x.isFinite, x != 0 else { return .number(x.isFinite ? 0 : (x > 0 ? 1e308 : -1e308)) }
        let magnitude = (log10(abs(x))).rounded(.down)
        let factor = pow(10, 3 - magnitude)
        return .number((x * factor).rounded() / factor)
    }

    /// A figure as printed, with its period when it has one: "1.09 trillion yuan (In 2017)".
    static func figure(_ f: Figure) -> String {
        let text = "“\(f.claim.text)”"
        guard let period = f.period else { return text }
        return "\(text) (\(period.text))"
    }

    /// "Shohrat Zakir" or "a reporter", for a turn.
    static func speaker(_ turn: Int, in briefing: Briefing) -> String {
        guard briefing.turns.indices.contains(turn) else { return "someone" }
        let t = briefing.turns[turn]
        if let name = briefing.name(of: t.speaker) { return name }
        if t.kind == .question { return t.outlet.map { "a reporter (\($0))" } ?? "a reporter" }
        return t.label ?? "an unnamed speaker"
    }
}
