import Foundation
import PresserEval
import Testing

/// The claims extractor against the hand-labelled sentences in Tests/Fixtures/claims-gold. The
/// floor is F1 0.92 on value and kind; the README shows the current figures
/// (`presser eval claims Tests/Fixtures/claims-gold`).
@Suite struct ClaimGoldTests {
    static let gold = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/claims-gold")

    @Test func f1AtLeastNinetyTwoPercent() throws {
        let evaluation = try ClaimEvaluation.run(goldDirectory: Self.gold.path)
        let t = evaluation.total
        let report = t.mistakes.filter { $0.contains("missed") || $0.contains("extra") }.prefix(40).joined(
            separator: "\n")
        #expect(t.gold >= 100, "only \(t.gold) gold claims")
        #expect(t.f1 >= 0.92, "F1 \(t.f1)\n\(report)")
        #expect(t.qualifierAccuracy >= 0.92, "qualifier accuracy \(t.qualifierAccuracy)")
    }

    @Test func scorerCountsMissesAndExtras() {
        let gold = ClaimGoldFile.GoldSentence(
            line: 1, text: "GDP grew 6.1% to 1.22 trillion yuan.",
            claims: [
                .init(
                    text: "6.1%", value: 6.1, upper: nil, kind: "percent", unit: "%", counted: nil, qualifier: "exact",
                    subject: "GDP", period: nil, change: nil)
            ])
        let predicted = ClaimEvaluation.extract(gold.text, date: nil)
        let score = ClaimScore.score(predicted: predicted, gold: gold, file: "x")
        #expect(score.matched == 1)
        #expect(score.predicted == 2)  // 1.22 trillion yuan is not in this gold: an extra
        #expect(score.precision == 0.5)
        #expect(score.recall == 1)
    }
}

/// The claims extractor on Chinese sentences, against Tests/Fixtures/claims-gold-zh (aim: the
/// English level, F1 ≥ 0.95).
@Suite struct ChineseClaimGoldTests {
    static let gold = ClaimGoldTests.gold.deletingLastPathComponent().appendingPathComponent("claims-gold-zh")

    @Test func f1AtLeastNinetyFivePercent() throws {
        let evaluation = try ClaimEvaluation.run(goldDirectory: Self.gold.path)
        let t = evaluation.total
        let report = t.mistakes.filter { $0.contains("missed") || $0.contains("extra") }.prefix(40).joined(
            separator: "\n")
        #expect(t.gold >= 150, "only \(t.gold) gold claims")
        #expect(t.f1 >= 0.95, "F1 \(t.f1)\n\(report)")
        #expect(t.qualifierAccuracy >= 0.92, "qualifier accuracy \(t.qualifierAccuracy)")
    }
}
