import Foundation
import PresserCore
import Testing

/// The findings the issue names for the reference briefing (SCIO, 2019-12-09), each with its
/// arithmetic, and the reviewed text snapshot of them all.
@Suite struct ReferenceFindingsTests {
    let briefing: Briefing

    init() throws { briefing = try Fixtures.analyse("scio-2019-12-09.txt") }

    @Test func gdpLevelsAgainstTheRealGrowthRateIsANominalVsRealGap() throws {
        let gdp = try #require(briefing.findings(.growthMismatch).first { $0.message.contains("1.22 trillion") })
        #expect(gdp.severity == .info)
        #expect(gdp.details["implied"] == .number(11.93))
        #expect(gdp.details["stated"] == .number(6.1))
        #expect(gdp.details["note"] == .text("nominal vs real"))
        #expect(gdp.message.contains("+11.9%") && gdp.message.contains("“6.1%”"))
        let levels = gdp.claims.map { briefing.claims[$0].text }
        #expect(levels == ["1.09 trillion yuan", "1.22 trillion yuan", "6.1%"])
    }

    @Test func touristArrivalsGrowthHolds() throws {
        let holds = briefing.findings(.growthConsistent).filter { $0.message.contains("150 million") }
        #expect(holds.count == 2)  // the opening statement's "40.1%" and the answer's "over 40%"
        for finding in holds {
            #expect(finding.message.contains("“107 million” (In 2017) → “150 million” (In 2018) implies +40.2%"))
            #expect(finding.details["implied"] == .number(40.19))
        }
        #expect(holds.contains { $0.message.hasSuffix("the stated “over 40%” holds.") })
    }

    @Test func noViolentTerroristAttacksForThreeYearsIsARepeatedTalkingPoint() throws {
        let point = try #require(
            briefing.findings(.repeatedTalkingPoint).first { $0.message.contains("three consecutive years") })
        // Four times, as the issue counts them: the fourth ("not a single case of violence or a
        // terrorist attack has occurred in the past three years", turn 9) in other words.
        #expect(point.turns == [1, 3, 9, 25])
        #expect(point.details["count"] == .number(4))
        #expect(point.message.hasPrefix("Said 4 times (1 in other words)"))
        #expect(
            point.message.contains(
                "Shohrat Zakir (turn 1); a reporter (turn 3); Shohrat Zakir (turn 9); Shohrat Zakir (turn 25)"))
    }

    @Test func fourOfElevenQuestionsHaveNoOutlet() throws {
        let finding = try #require(briefing.findings(.unattributedQuestions).first)
        #expect(finding.turns == [3, 13, 15, 21])
        #expect(finding.message.hasPrefix("4 of 11 questions appear in the transcript without the outlet"))
    }

    @Test func nothingInTheReferenceIsAWarning() {
        #expect(briefing.findings.filter { $0.severity >= .warning }.isEmpty, "\(briefing.findings)")
        #expect(briefing.findings(.unanswered).isEmpty)
    }

    /// Tests/Fixtures/findings/scio-2019-12-09.txt was read by a person; a change to the text of the
    /// findings shows up here as a diff to review (regenerate with `presser check … > that file`).
    @Test func textMatchesTheReviewedSnapshot() throws {
        let snapshot = try String(
            contentsOf: Fixtures.findings.appendingPathComponent("scio-2019-12-09.txt"), encoding: .utf8)
        let text = FindingReport.text(briefing.findings, in: briefing)
        #expect(text == snapshot)
    }
}
