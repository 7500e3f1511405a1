import Foundation
import PresserCore

/// Questions the record leaves open: those printed without the outlet that asked them (one finding
/// with the count), and those with no answer, or whose only reply hands them to someone else.
///
/// A question counts as unanswered only when it is a question (six words or more, with a "?" or at
/// least a dozen words: not "Right.", "Can you hear me?"), and the briefing moves on without an
/// answer: the next turn that is not the moderator is neither an answer nor another question (a
/// reporter going on, "Mm-hmm" in between, is answered with the follow-up), or there is none.
enum QuestionCheck {
    static func findings(_ briefing: Briefing) -> [Finding] {
        var out: [Finding] = []
        let exchanges = briefing.exchanges
        let unattributed = exchanges.filter { $0.outlet == nil }
        if !unattributed.isEmpty {
            let numbers = unattributed.map { String($0.index + 1) }
            let which =
                unattributed.count == exchanges.count ? "none of them gives" : "questions \(list(numbers)) do not give"
            out.append(
                Finding(
                    kind: .unattributedQuestions, severity: .info,
                    message:
                        "\(unattributed.count) of \(exchanges.count) questions appear in the transcript without the "
                        + "outlet that asked them (\(which) one).",
                    turns: unattributed.map(\.question),
                    details: [
                        "unattributed": .number(Double(unattributed.count)),
                        "questions": .number(Double(exchanges.count)),
                    ]))
        }
        for exchange in exchanges {
            let replies = exchange.answers.compactMap { briefing.turns.indices.contains($0) ? briefing.turns[$0] : nil }
            let handedOn = !replies.isEmpty && replies.allSatisfy { $0.kind == .delegation }
            guard replies.isEmpty || handedOn, isQuestion(exchange.question, in: briefing),
                movesOn(after: exchange, in: briefing)
            else { continue }
            let asker = Format.speaker(exchange.question, in: briefing)
            let message =
                handedOn
                ? "Question \(exchange.index + 1) (\(asker), turn \(exchange.question)) was handed on, and no one answered it."
                : "Question \(exchange.index + 1) (\(asker), turn \(exchange.question)) got no answer."
            out.append(
                Finding(
                    kind: .unanswered, severity: .info, message: message,
                    turns: [exchange.question] + exchange.answers))
        }
        return out
    }

    private static func isQuestion(_ turn: Int, in briefing: Briefing) -> Bool {
        guard briefing.turns.indices.contains(turn) else { return false }
        let t = briefing.turns[turn]
        return t.wordCount >= 6 && (t.text.containsBytes("?") || t.wordCount >= 12)
    }

    /// After the question (and its hand-off, if any), the briefing goes on to something other than
    /// an answer or a follow-up question.
    private static func movesOn(after exchange: Exchange, in briefing: Briefing) -> Bool {
        let start = (exchange.answers.max() ?? exchange.question) + 1
        guard let next = briefing.turns[min(start, briefing.turns.count)...].first(where: { $0.kind != .moderation })
        else { return true }
        return next.kind != .question && next.kind != .answer
    }

    /// "1, 5, 6 and 8".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
