import Foundation
import PresserCore
import PresserParse
import Testing

/// The reference input, SCIO 2019-12-09, checked point by point against a reading of it.
@Suite struct ReferenceBriefingTests {
    let briefing: Briefing

    init() throws {
        briefing = try Fixtures.parse("scio-2019-12-09.txt")
    }

    private func name(_ id: String?) -> String? { briefing.name(of: id) }

    @Test func titleDateAndLayout() {
        #expect(briefing.title == "SCIO briefing on Xinjiang's stability and development")
        #expect(briefing.date == "2019-12-09")
        #expect(briefing.layout == "roster-labels")
        #expect(briefing.language == "en")
    }

    @Test func fiveParticipantsWithRosterRolesAndHuKaihongModerates() throws {
        #expect(
            briefing.participants.map(\.name) == [
                "Shohrat Zakir", "Xu Hairong", "Erkin Tuniyaz", "Parhat Rozi", "Hu Kaihong",
            ])
        let hu = try #require(briefing.participants.first { $0.name == "Hu Kaihong" })
        #expect(hu.kind == .moderator)
        #expect(hu.roles == ["spokesperson of the State Council Information Office"])
        let zakir = try #require(briefing.participants.first { $0.name == "Shohrat Zakir" })
        #expect(zakir.kind == .official)
        #expect(zakir.roles.last == "chairman of the Xinjiang regional government")
        #expect(briefing.participants.filter { $0.kind == .official }.count == 4)
    }

    @Test func thirtyThreeTurnsAndNoneForPageFurniture() {
        #expect(briefing.turns.count == 33)
        #expect(!briefing.turns.contains { $0.label == "Suggest To A Friend" })
        #expect(!briefing.turns.contains { $0.text.contains("Suggest To A Friend") })
        #expect(!briefing.turns.contains { $0.text.contains("Media Release") })
        #expect(briefing.turns.map(\.index) == Array(0..<33))
        // Line numbers point into the original file.
        #expect(briefing.turns.first?.line == 19)
        #expect(briefing.turns.last?.line == 201)
        #expect(briefing.turns[3].line == 50)  // the first question, printed without a label
    }

    @Test func elevenExchangesFourWithoutOutlet() {
        #expect(briefing.exchanges.count == 11)
        #expect(briefing.exchanges.filter { $0.outlet == nil }.count == 4)
        #expect(
            briefing.exchanges.compactMap(\.outlet) == [
                "Economic Daily", "China Arab TV", "Macao Daily", "Yomiuri Shimbun",
                "Associated Press of Pakistan", "The Global Times", "Hong Kong-based Economic Herald",
            ])
    }

    @Test func sixDelegationsByShohratZakirToTheRightOfficial() {
        let delegated = briefing.exchanges.filter { $0.delegatedBy != nil }
        #expect(delegated.count == 6)
        #expect(delegated.allSatisfy { name($0.delegatedBy) == "Shohrat Zakir" })
        let answerers = delegated.map { $0.answeredBy.compactMap(name) }
        #expect(
            answerers == [
                ["Erkin Tuniyaz"], ["Xu Hairong"], ["Erkin Tuniyaz"], ["Xu Hairong"], ["Parhat Rozi"], ["Xu Hairong"],
            ])
        let macao = briefing.exchanges.first { $0.outlet == "Macao Daily" }
        #expect(macao.flatMap { name($0.answeredBy.first) } == "Xu Hairong")
        let poverty = briefing.exchanges.first {
            briefing.turns[$0.question].text.contains("poverty-stricken counties")
        }
        #expect(poverty.flatMap { name($0.answeredBy.first) } == "Parhat Rozi")
        #expect(poverty?.outlet == nil)
    }

    @Test func turnTextIsSpokenTextOnly() throws {
        let first = try #require(briefing.turns.first)
        #expect(first.text.hasPrefix("Ladies and gentlemen, good morning."))
        #expect(first.kind == .moderation)
        let economicDaily = try #require(briefing.turns.first { $0.outlet == "Economic Daily" })
        #expect(economicDaily.kind == .question)
        #expect(economicDaily.speaker == nil)
        #expect(economicDaily.label == "Economic Daily")
        // Paragraphs joined by a blank line, no label, no stray spaces.
        let zakirOpening = briefing.turns[1]
        #expect(zakirOpening.text.contains("\n\n"))
        #expect(!zakirOpening.text.hasPrefix("Shohrat Zakir"))
        #expect(!zakirOpening.text.contains("  "))
        // The label followed by a non-breaking space still starts a turn.
        #expect(briefing.turns[5].speaker == "erkin-tuniyaz")
        #expect(briefing.turns[4].kind == .delegation)
    }
}
