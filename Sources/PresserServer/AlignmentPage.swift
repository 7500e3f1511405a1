import PresserCore
import PresserStore

/// Two language versions side by side: each question of one beside its counterpart in the other,
/// and every figure with its counterpart, those that differ or are in one version only marked.
struct AlignmentPage {
    struct Side {
        var id: Int64
        var language: String
        var title: String
        var questions: Int
        var figures: Int
    }

    struct QuestionRow {
        var a: Cell?
        var b: Cell?
        var missing: Bool
    }

    struct Cell {
        var number: Int
        var turn: Int
        var outlet: String?
        var text: String
    }

    struct FigureRow {
        var status: String
        var label: String
        var a: FigureCell?
        var b: FigureCell?
    }

    struct FigureCell {
        var claim: Int
        var text: String
        var sentence: String
    }

    var title: String
    /// The two versions (named apart from the rows' `a` and `b`, which templates look up too).
    var left: Side
    var right: Side
    var questions: [QuestionRow]
    var figures: [FigureRow]
    var same: Int
    var drift: Int
    var findings: [String]
    var hasFindings: Bool

    init(_ alignment: Alignment, _ first: StoredBriefing, _ second: StoredBriefing) {
        let x = first.briefing
        let y = second.briefing
        title = "\(x.displayTitle) — side by side"
        func side(_ s: StoredBriefing) -> Side {
            Side(
                id: s.summary.id, language: s.briefing.language, title: s.briefing.displayTitle,
                questions: s.briefing.exchanges.count, figures: s.briefing.claims.count)
        }
        left = side(first)
        right = side(second)
        func cell(_ e: Int?, _ briefing: Briefing) -> Cell? {
            guard let e, briefing.exchanges.indices.contains(e) else { return nil }
            let exchange = briefing.exchanges[e]
            let text = briefing.turns.indices.contains(exchange.question) ? briefing.turns[exchange.question].text : ""
            return Cell(number: e + 1, turn: exchange.question, outlet: exchange.outlet, text: text)
        }
        questions = alignment.exchanges.map { pair in
            QuestionRow(a: cell(pair.a, x), b: cell(pair.b, y), missing: pair.a == nil || pair.b == nil)
        }
        func figure(_ i: Int?, _ briefing: Briefing) -> FigureCell? {
            guard let i, briefing.claims.indices.contains(i) else { return nil }
            return FigureCell(claim: i, text: briefing.claims[i].text, sentence: briefing.claims[i].sentence)
        }
        figures = alignment.figures.map { f in
            let label =
                switch f.status {
                case .same: "same"
                case .differs: "differs"
                case .onlyA: "\(x.language) only"
                case .onlyB: "\(y.language) only"
                }
            return FigureRow(status: f.status.rawValue, label: label, a: figure(f.a, x), b: figure(f.b, y))
        }
        same = alignment.figures.filter { $0.status == .same }.count
        drift = alignment.figures.count - same
        findings =
            (alignment.findingsA.filter { $0.severity >= .warning }
            + alignment.findingsB.filter {
                $0.severity >= .warning && $0.details["otherClaim"] == nil
            }).map(\.message)
        hasFindings = !findings.isEmpty
    }
}
