import Foundation
import PresserClaims
import PresserCore
import PresserParse
import Testing

/// Every transcript in the corpus, text and HTML, parses; statements give no exchanges.
@Suite struct CorpusTests {
    @Test(arguments: Fixtures.corpusFiles)
    func parsesWithoutError(_ name: String) throws {
        let briefing = try Fixtures.parse(name)
        #expect(!briefing.turns.isEmpty)
        #expect(briefing.date != nil, "\(name): no date found")
        #expect(briefing.source.sha256.count == 64)
        // The claims stage holds together on every real transcript too.
        let claims = ClaimExtractor.claims(in: briefing)
        #expect(FuzzTests.claimViolation(claims, in: briefing) == nil)
    }

    @Test(arguments: [
        "ecb-1998-06-09.txt", "ecb-1998-06-09.html", "fomc-chaironly-2023-12-13.txt", "fomc-chaironly-2024-06-12.txt",
    ])
    func statementsHaveNoExchangesAndNoInventedSpeakers(_ name: String) throws {
        let briefing = try Fixtures.parse(name)
        #expect(briefing.layout == "statement")
        #expect(briefing.exchanges.isEmpty)
        #expect(briefing.turns.count == 1)
        // The ECB page names its speaker in a byline; the chair-only texts name nobody.
        #expect(briefing.participants.map(\.name) == (name.hasPrefix("ecb") ? ["Willem F. Duisenberg"] : []))
    }

    /// A full web page (navigation, scripts with "<" and quotes in them, a footer) gives the
    /// same transcript as the text the corpus made from it.
    @Test(arguments: ["whitehouse-trump-2020-03-14", "whitehouse-trump-2020-04-24"])
    func htmlPageMatchesItsText(_ stem: String) throws {
        let html = try Fixtures.parse(stem + ".html")
        let text = try Fixtures.parse(stem + ".txt")
        #expect(html.turns.map(\.text) == text.turns.map(\.text))
        #expect(html.turns.map(\.kind) == text.turns.map(\.kind))
        #expect(html.title == text.title)
        #expect(html.date == text.date)
    }
}
