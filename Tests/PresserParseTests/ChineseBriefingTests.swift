import Foundation
import PresserCore
import PresserEval
import PresserParse
import Testing

/// Chinese transcripts of the Foreign Ministry's regular press conferences, and their English
/// versions, against the hand-labelled gold in Tests/Fixtures/gold-zh (aim: the English floor,
/// turn scores ≥ 0.98).
@Suite struct ChineseBriefingTests {
    @Test func goldScoresAtLeastNinetyEightPercent() throws {
        let evaluation = try StructureEvaluation.run(
            goldDirectory: Fixtures.goldZH.path, corpusDirectory: Fixtures.corpusZH.path)
        let t = evaluation.total
        let report = t.mistakes.prefix(40).joined(separator: "\n")
        #expect(evaluation.perFile.filter { $0.file.hasSuffix("-zh.txt") }.count >= 4)
        #expect(t.turnPrecision >= 0.98, "turn precision \(t.turnPrecision)\n\(report)")
        #expect(t.turnRecall >= 0.98, "turn recall \(t.turnRecall)\n\(report)")
        #expect(t.speakerAccuracy >= 0.98, "speaker accuracy \(t.speakerAccuracy)\n\(report)")
        #expect(t.outletAccuracy >= 0.98, "outlet accuracy \(t.outletAccuracy)\n\(report)")
        #expect(t.exchangeAccuracy >= 0.95, "exchange accuracy \(t.exchangeAccuracy)\n\(report)")
    }

    /// 问 / 答 with no names: the spokesperson the title names answers; the opening
    /// announcement printed without a label is theirs; the sidebar of other briefings is not text.
    @Test func questionAndAnswerLabelsWithTheSpokespersonFromTheTitle() throws {
        let b = try Fixtures.parseZH("mfa-2018-07-06-zh.txt")
        #expect(b.language == "zh")
        #expect(b.date == "2018-07-06")
        #expect(b.title == "2018年7月6日外交部发言人陆慷主持例行记者会")
        #expect(b.participants.map(\.name) == ["陆慷"])
        #expect(b.participants.first?.id == "u9646u6177")
        #expect(b.turns.first?.kind == .statement)
        #expect(b.turns.first?.text.hasPrefix("应法兰西共和国政府和布基纳法索政府邀请") == true)
        #expect(b.exchanges.count == 11)
        #expect(b.exchanges.allSatisfy { $0.outlet == nil && $0.answeredBy == ["u9646u6177"] })
        #expect(!b.turns.contains { $0.text.contains("主持例行记者会(2018-07-05)") })
        // Chinese counts characters as words.
        #expect(b.turns[1].wordCount > 20)
    }

    /// Outlets in the label ("法新社记者：", "《北京青年报》记者："), the spokesperson by name.
    @Test func outletsInTheLabels() throws {
        let b = try Fixtures.parseZH("mfa-2022-09-30-zh.txt")
        #expect(b.participants.map(\.name) == ["毛宁"])
        #expect(b.exchanges.count == 11)
        #expect(b.exchanges.first?.outlet == "总台央视")
        #expect(b.exchanges.contains { $0.outlet == "法新社" })
        #expect(b.exchanges.allSatisfy { $0.outlet != nil })
    }

    /// A feed collector's "TITLE: / PUBLISHED: / … / ARTICLE TEXT:" header is metadata, not speakers.
    @Test func feedHeaderIsMetadata() throws {
        let zh = try Fixtures.parseZH("mfa-2026-08-12-zh.txt")
        #expect(zh.date == "2026-08-12")
        #expect(zh.title?.hasPrefix("2026年8月12日外交部发言人郭嘉昆") == true)
        #expect(zh.participants.map(\.name) == ["郭嘉昆"])
        let en = try Fixtures.parseZH("mfa-2026-08-12-en.txt")
        #expect(en.language == "en")
        #expect(en.participants.map(\.name) == ["Guo Jiakun"])
        #expect(en.exchanges.first?.outlet == "Xinhua News Agency")
        #expect(en.exchanges.count == zh.exchanges.count)
    }

    /// Every Chinese transcript parses, with the spokesperson found and questions with answers.
    @Test(arguments: Fixtures.corpusZHFiles.filter { $0.hasSuffix("-zh.txt") })
    func everyChineseTranscriptParses(_ name: String) throws {
        let b = try Fixtures.parseZH(name)
        #expect(b.language == "zh", "\(name)")
        #expect(b.participants.count == 1, "\(name): \(b.participants.map(\.name))")
        #expect(b.exchanges.count >= 2, "\(name)")
        #expect(b.exchanges.allSatisfy { !$0.answeredBy.isEmpty }, "\(name)")
    }

    /// The Foreign Ministry's page furniture after the transcript ("附件", "相关附件", "相关链接："
    /// and the site directory) is no speech; "追问：" is the reporter who asked last.
    @Test func attachmentsEndTheTranscriptAndFollowUpsKeepTheirOutlet() throws {
        let briefing = try Fixtures.parseZH("mfa-2024-03-21-zh.txt")
        #expect(briefing.turns.last?.text == "我不了解你提到的有关情况。")
        let older = try Fixtures.parseZH("mfa-2020-03-12-zh.txt")
        #expect(older.turns.last.map { !$0.text.hasSuffix("附件") } == true)
        let followUps = try Fixtures.parseZH("mfa-2022-05-11-zh.txt")
        let pressing = try #require(followUps.turns.first { $0.label == "追问" })
        #expect(pressing.outlet == "印度报业托拉斯")
    }
}
