import Foundation
import PresserCore
import PresserEval
import Testing

/// The mutation harness on the real corpus (`presser eval checks Tests/Fixtures/checks-gold
/// Tests/Fixtures/corpus` prints the same figures): alter one figure of each hand-labelled
/// consistent group and expect a warning naming it; count the warnings on unaltered transcripts.
@Suite struct MutationHarnessTests {
    @Test func alteredFiguresAreFoundAndUnalteredTranscriptsStayQuiet() throws {
        let report = try MutationHarness.run(
            goldDirectory: Fixtures.checksGold.path, corpusDirectory: Fixtures.corpus.path, mutationsPerFigure: 3)
        func rate(_ outcomes: [MutationHarness.Outcome]) -> Double {
            outcomes.isEmpty ? 0 : Double(outcomes.filter(\.detected).count) / Double(outcomes.count)
        }
        // The pairs the issue names: a level, a rate, an endpoint.
        let arithmetic = report.outcomes(of: .growth) + report.outcomes(of: .endpoints)
        print(
            "mutation harness: growth \(rate(report.outcomes(of: .growth))), endpoints "
                + "\(rate(report.outcomes(of: .endpoints))), parts \(rate(report.outcomes(of: .parts))), "
                + "restated \(rate(report.outcomes(of: .repeated))), all \(report.detectionRate); "
                + "\(report.warningsPerBriefing) warnings per unaltered briefing")
        #expect(arithmetic.count >= 60)
        #expect(rate(arithmetic) >= 0.8)
        #expect(rate(report.outcomes(of: .growth)) >= 0.9)
        #expect(report.baseline.count >= 40)
        #expect(report.warningsPerBriefing <= 1.0)
        // Every labelled group was altered at least once.
        #expect(Set(report.outcomes.map(\.group)).count >= 40)
    }
}
