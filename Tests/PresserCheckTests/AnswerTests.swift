import Foundation
import PresserCore
import PresserEval
import Testing

/// How questions were answered: the reference briefing's cases the issue names, and the measured
/// accuracy on the hand-labelled answers (`presser eval answers Tests/Fixtures/answers-gold
/// Tests/Fixtures/corpus` prints the same), kept from sliding back.
@Suite struct AnswerTests {
    @Test func theReligiousFreedomQuestionHasItsPremiseRejected() throws {
        let b = try Fixtures.analyse("scio-2019-12-09.txt")
        let exchange = try #require(
            b.exchanges.first { b.turns[$0.question].text.contains("curtailing Muslim citizens") })
        let answer = try #require(exchange.answer)
        #expect(answer.label == .premiseRejected)
        #expect(answer.cues.map(\.text) == ["false and groundless"])
        let cue = try #require(answer.cues.first)
        let scalars = Array(b.turns[cue.turn].text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[cue.start..<cue.end])) == "false and groundless")
    }

    @Test func theLeakedDocumentsQuestionIsNotAnsweredDirectly() throws {
        let b = try Fixtures.analyse("scio-2019-12-09.txt")
        let yomiuri = try #require(b.exchanges.first { $0.outlet == "Yomiuri Shimbun" })
        #expect(yomiuri.answer?.label != .direct)
        #expect(b.exchanges.allSatisfy { $0.answer != nil })
    }

    @Test func measuredOnTheHandLabelledAnswers() throws {
        let gold = Fixtures.root.appendingPathComponent("answers-gold").path
        let evaluation = try AnswerEvaluation.run(goldDirectory: gold, corpusDirectory: Fixtures.corpus.path)
        print(
            "answers: accuracy \(evaluation.accuracy), answered/not \(evaluation.coarseAccuracy), \(evaluation.pairs.count) exchanges"
        )
        #expect(evaluation.unmatched.isEmpty, "\(evaluation.unmatched)")
        #expect(evaluation.pairs.count == 133)
        // Below the aim (0.8 and 0.9); these floors only stop it sliding back.
        #expect(evaluation.accuracy >= 0.63)
        #expect(evaluation.coarseAccuracy >= 0.8)
    }
}
