import Foundation
import PresserCheck
import PresserCore
import PresserEval
import Testing

/// `presser align` on the English and Chinese versions of the Foreign Ministry's briefings.
@Suite struct AlignmentTests {
    /// At least 95% of the figures said in both versions are matched, on the hand-labelled pairs
    /// (Tests/Fixtures/align-gold); every question is paired.
    @Test func matchesNinetyFivePercentOfTheFiguresInBothVersions() throws {
        let evaluation = try AlignEvaluation.run(
            goldDirectory: Fixtures.alignGold.path, corpusDirectory: Fixtures.corpusZH.path)
        #expect(evaluation.pairs.count >= 2)
        #expect(evaluation.goldFigures >= 30)
        let missed = evaluation.pairs.flatMap(\.missed).joined(separator: "\n")
        #expect(evaluation.recall >= 0.95, "\(evaluation.matched) of \(evaluation.goldFigures)\n\(missed)")
        for p in evaluation.pairs {
            #expect(p.questions.en == p.goldQuestions.en && p.questions.zh == p.goldQuestions.zh, "\(p.pair)")
            #expect(p.questionsPaired == min(p.goldQuestions.en, p.goldQuestions.zh), "\(p.pair)")
        }
    }

    /// One figure altered in the Chinese version: a warning names the altered claim and its
    /// English counterpart.
    @Test func aFigureAlteredInTheChineseVersionIsDrift() throws {
        let en = try Fixtures.analyseZH("mfa-2020-03-12-en.txt")
        let zh = try Fixtures.analyseZH("mfa-2020-03-12-zh.txt", replacing: "62793例", with: "62893例")
        let alignment = Aligner.align(en, zh)
        let altered = try #require(zh.claims.firstIndex { $0.text == "62893例" })
        let warnings = alignment.findingsB.filter { $0.kind == .translationDrift && $0.severity == .warning }
        #expect(warnings.count == 1, "\(warnings.map(\.message))")
        #expect(warnings.first?.claims == [altered])
        #expect(warnings.first?.details["otherText"] == .text("62,793"))
        #expect(warnings.first?.message.contains("62,793") == true)
        // Unaltered, the two versions agree on every figure.
        let clean = Aligner.align(en, try Fixtures.analyseZH("mfa-2020-03-12-zh.txt"))
        #expect(!(clean.findingsA + clean.findingsB).contains { $0.severity >= .warning })
    }

    /// The same in the English version, and a question dropped from one version.
    @Test func aFigureAlteredInEnglishAndAQuestionMissing() throws {
        let en = try Fixtures.analyseZH("mfa-2020-03-12-en.txt", replacing: "1,318", with: "1,381")
        let zh = try Fixtures.analyseZH("mfa-2020-03-12-zh.txt")
        let alignment = Aligner.align(en, zh)
        let altered = try #require(en.claims.firstIndex { $0.text == "1,381" })
        #expect(
            alignment.findingsA.contains { $0.severity == .warning && $0.claims == [altered] },
            "\(alignment.findingsA.map(\.message))")

        let dropped = try Fixtures.analyseZH(
            "mfa-2020-03-12-zh.txt", replacing: "　　问：美方称将暂停欧洲赴美的航班，中方对此有何评论？", with: "")
        let missing = Aligner.align(try Fixtures.analyseZH("mfa-2020-03-12-en.txt"), dropped)
        #expect(missing.exchanges.filter { $0.b == nil }.count == 1)
        #expect(
            missing.findingsA.contains { $0.severity == .warning && $0.message.contains("not in the zh version") },
            "\(missing.findingsA.map(\.message))")
    }

    /// "千余人受伤" rendered "thousands more injured": the Chinese figure has no English counterpart.
    @Test func thousandsMoreInjuredHasNoFigure() throws {
        let alignment = Aligner.align(
            try Fixtures.analyseZH("mfa-2026-08-12-en.txt"), try Fixtures.analyseZH("mfa-2026-08-12-zh.txt"))
        #expect(alignment.findingsB.contains { $0.message.contains("“千余人” (1000) is in the zh version only") })
        #expect(alignment.figures.contains { $0.status == .same && $0.aText == "7.4" && $0.bText == "7.4级" })
    }
}
