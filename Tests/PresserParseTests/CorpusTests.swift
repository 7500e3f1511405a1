import Foundation
import PresserClaims
import PresserCore
import Testing

@testable import PresserParse

/// Every transcript in the corpus, text and HTML, parses; statements give no exchanges.
@Suite struct CorpusTests {
    @Test(arguments: Fixtures.corpusFiles)
    func parsesWithoutError(_ name: String) throws {
        let briefing = try Fixtures.parse(name)
        #expect(!briefing.turns.isEmpty)
        #expect(briefing.date != nil, "\(name): no date found")
        #expect(briefing.source.sha256.count == 64)
        // `list --layout` takes the names in `Layout.names` only.
        #expect(Layout.names.contains(briefing.layout), "\(name): layout \(briefing.layout) not in Layout.names")
        // The claims stage holds together on every real transcript too.
        let claims = ClaimExtractor.claims(in: briefing)
        #expect(FuzzTests.claimViolation(claims, in: briefing) == nil)
    }

    /// A turn's word count is counted when its text is set (the parser passes the count it made
    /// on the same text): it is the text's, follows edits and a JSON round trip, and is not written.
    @Test(arguments: Fixtures.corpusFiles)
    func wordCountsAreTheirTextsCount(_ name: String) throws {
        let briefing = try Fixtures.parse(name)
        for turn in briefing.turns {
            #expect(turn.wordCount == Turn.words(in: turn.text), "\(name) turn \(turn.index)")
            var edited = turn
            edited.text += " two words"
            #expect(edited.wordCount == turn.wordCount + 2)
        }
        let json = try JSONEncoder().encode(briefing.turns)
        #expect(try JSONDecoder().decode([Turn].self, from: json) == briefing.turns)
        #expect(!String(decoding: json, as: UTF8.self).contains("wordCount"))
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

    /// Eight White House pages of the corpus were saved by their scraper as Python's `repr` of the
    /// bytes (`b'<div …>\n<p>\n\tPRESIDENT OBAMA:\xc2\xa0 …'`): one line, every break and accent
    /// escaped. Read as they are, five were one turn, two lost half their turns and one a turn; read
    /// back into their bytes, each gives the transcript, claims and findings its text gives.
    @Test(arguments: [
        "whitehouse-obama-2009-01-23", "whitehouse-obama-2010-03-04", "whitehouse-obama-2013-11-05",
        "whitehouse-obama-2016-03-21", "whitehouse-obama-2016-04-01", "whitehouse-obama-2016-05-23",
        "whitehouse-obama-2016-07-05", "whitehouse-obama-2016-08-03",
    ])
    func pageSavedAsABytesLiteralMatchesItsText(_ stem: String) throws {
        let bytes = try Array(Data(contentsOf: Fixtures.corpus.appendingPathComponent(stem + ".html")))
        #expect(bytes.starts(with: Array("<h1>".utf8)) && String(decoding: bytes, as: UTF8.self).contains("\nb'<div"))
        let result = try TranscriptParser.parse([TranscriptFile(name: stem + ".html", bytes: bytes)])
        #expect(result.warnings.contains { $0.contains("saved as a Python bytes literal") }, "\(result.warnings)")
        let html = result.briefing
        let text = try Fixtures.parse(stem + ".txt")
        #expect(html.turns.count == text.turns.count && html.turns.count >= 15)
        #expect(html.turns.map(\.text) == text.turns.map(\.text))
        #expect(html.turns.map(\.kind) == text.turns.map(\.kind))
        #expect(html.participants.map(\.name) == text.participants.map(\.name))
        #expect(html.exchanges.count == text.exchanges.count)
        #expect(html.title == text.title && html.date == text.date)
    }

    /// rev.com names reporters by first name ("Peter:", "Tony:"), as it names officials; they press
    /// in short turns that ask or break off. Read as officials, their follow-ups became answers to
    /// the question before (Peter's 13 turns of follow-ups hung under one question). The first
    /// names are not joined to the word before them in the call ("Please Doug.", "Again- Jim").
    @Test func reportersCalledByFirstNameAreReporters() throws {
        let briefing = try Fixtures.parse("rev-covid-2020-04-10.txt")
        let kinds = Dictionary(briefing.participants.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for name in ["Peter", "Tony", "Doug", "Jim", "Kristen"] {
            #expect(kinds[name] == .journalist, "\(name): \(String(describing: kinds[name]))")
        }
        for name in ["Donald Trump", "Deborah Birx", "Tony Fauci", "Mike Pence"] {
            #expect(kinds[name] == .official, "\(name)")
        }
        #expect(!briefing.participants.contains { $0.name.hasPrefix("Please") || $0.name.hasPrefix("Again") })
        // "Deborah Saunders of the Las Vegas Review Journal and I'm here today as a print reporter"
        #expect(briefing.participants.first { $0.name == "Deborah Saunders" }?.outlet == "Las Vegas Review Journal")
        // "And how do you do that without the widespread testing, specifically my question." is
        // Peter's follow-up, a question of its own.
        let followUp = try #require(briefing.turns.first { $0.text.hasPrefix("And how do you do that without") })
        #expect(followUp.kind == .question)
        #expect(briefing.exchanges.contains { $0.question == followUp.index })
        let other = try Fixtures.parse("rev-covid-2020-03-31.txt")
        #expect(!other.participants.contains { $0.name.hasPrefix("When ") || $0.name.hasSuffix("- Jim") })
        #expect(other.participants.first { $0.name == "Jim Acosta" }?.kind == .journalist)
    }

    /// An answer that ends by calling the next reporter is an answer, not only moderation:
    /// "I'm concerned about everything. … I would not be happy about that. Go ahead." answers
    /// "Are you concerned that he's opening up another financial avenue?"; "Go ahead, please."
    /// and "The gentleman in the blue blazer." stay moderation.
    @Test func anAnswerEndingInACallIsAnAnswer() throws {
        let briefing = try Fixtures.parse("rev-covid-2020-04-10.txt")
        let answer = try #require(briefing.turns.first { $0.text.hasPrefix("I’m concerned about everything.") })
        #expect(answer.kind == .answer)
        let question = try #require(briefing.turns.first { $0.text.hasPrefix("Are you concerned that he’s opening") })
        #expect(briefing.exchanges.first { $0.question == question.index }?.answers == [answer.index])
        let pointing = try Fixtures.parse("rev-covid-2020-02-07.txt")
        #expect(
            pointing.turns.first { $0.text.hasPrefix("Thank you. The gentleman in the blue blazer.") }?.kind
                == .moderation)
    }

    /// fomc-2025-12-10 prints two reporters' names untagged ("Enda. ENDA CURRAN. Thank you, Chair.
    /// Enda Curran, Bloomberg News."): their five questions are questions, asked by them.
    @Test func untaggedReportersInTheFedTranscriptAsk() throws {
        let briefing = try Fixtures.parse("fomc-2025-12-10.txt")
        let curran = briefing.exchanges.filter { $0.askedBy == "Enda Curran" }
        let romans = briefing.exchanges.filter { $0.askedBy == "Christine Romans" }
        #expect(curran.count == 4)
        #expect(romans.count == 2)
        #expect(briefing.participants.first { $0.name == "Enda Curran" }?.outlet == "Bloomberg News")
        #expect(!briefing.turns.contains { $0.kind != .question && $0.text.contains("ENDA CURRAN") })
    }

    /// The guest's goodbyes end the last exchange ("Thank you so much. Thanks for joining us."),
    /// and the press secretary's opening statement after them answers no one.
    @Test func goodbyesCloseTheFloor() throws {
        let briefing = try Fixtures.parse("whitehouse-2021-03-09.txt")
        let topper = try #require(briefing.turns.first { $0.text.hasPrefix("Okay. As the President said last week") })
        #expect(topper.kind == .statement)
        #expect(!briefing.exchanges.contains { $0.answers.contains(topper.index) })
        let goodbye = try #require(briefing.turns.first { $0.text == "Thank you so much. Thanks for joining us." })
        #expect(goodbye.kind == .moderation)
        #expect(BriefingBuilder.onlyThanks("And we’ll look forward to having you back in the future."))
        #expect(!BriefingBuilder.onlyThanks("Thank you for the question. The answer is no."))
        #expect(!BriefingBuilder.onlyThanks("Thanks to the Treasury, payments go out this month."))
    }

    /// An interpreter's label makes an interpreter, never a reporter, even when their sound check
    /// asks ("Testing one, two, three. Can you hear, Mr. President?").
    @Test func interpretersAreInterpreters() throws {
        let briefing = try Fixtures.parse("whitehouse-obama-2016-05-23.txt")
        #expect(briefing.participants.first { $0.name == "Interpreter" }?.kind == .interpreter)
        #expect(!briefing.turns.contains { $0.label == "INTERPRETER" && $0.kind == .question })
    }

    /// A reporter's "Hello Mr. Vice President." asks nothing: the officials' opening remarks after
    /// it, as the podium passes from one to the next, are statements, not its answers.
    @Test func greetingsOpenNoAnswers() throws {
        let briefing = try Fixtures.parse("rev-covid-2020-03-14.txt")
        let hello = try #require(briefing.turns.first { $0.text == "Hello Mr. Vice President." })
        let exchange = try #require(briefing.exchanges.first { $0.question == hello.index })
        #expect(exchange.answers.isEmpty)
        let pence = try #require(briefing.turns.first { $0.text.hasPrefix("Well, good afternoon everyone.") })
        #expect(pence.kind == .statement)
        #expect(BriefingBuilder.onlyCourtesy("Thank you, Mr. President."))
        #expect(!BriefingBuilder.onlyCourtesy("Thank you, Mr. President. Are you concerned?"))
        #expect(!BriefingBuilder.onlyCourtesy("Hello, the testing numbers are low."))
    }

    /// "Next question." moves the floor on even when the moderator's label comes after it; an
    /// official who quips before a question ("We're ramped up, sir.") is no moderator.
    @Test func floorWordsAndQuipsAreReadForWhatTheyDo() throws {
        let briefing = try Fixtures.parse("whitehouse-2021-03-08.txt")
        #expect(briefing.turns.first { $0.text == "Next question." }?.kind == .moderation)
        let trump = try Fixtures.parse("whitehouse-trump-2020-03-27.txt")
        #expect(trump.participants.first { $0.name == "Peter Navarro" }?.kind == .official)
        #expect(!BriefingBuilder.opensWithFloorWords("They found that that's all they had."))
    }

    /// Spanish labels whose title holds a comma: the part that reads as a name is the name
    /// ("SECRETARIA DE DESARROLLO AGRARIO, TERRITORIAL Y URBANO, EDNA ELENA VEGA RANGEL"), and a
    /// middle name left out in another label is the same person.
    @Test func spanishTitlesWithCommas() throws {
        let briefing = try Fixtures.parse("mananera-2025-06-16.txt")
        let names = briefing.participants.map(\.name)
        #expect(names.contains("Edna Elena Vega Rangel"))
        #expect(names.contains("Jabnely Maldonado Meza"))
        #expect(!names.contains("Territorial y Urbano"))
        #expect(!names.contains("Edna Vega Rangel"))
        #expect(!names.contains("Vocal Ejecutiva del Fovissste"))
        let (roles, name) = Names.split(label: "VOCAL EJECUTIVA DEL FOVISSSTE, JABNELY MALDONADO MEZA")
        #expect(name == "Jabnely Maldonado Meza")
        #expect(roles == ["Vocal Ejecutiva del Fovissste"])
        // "Del Suburbano, lo está atendiendo…" calls no reporter; "de Noticiero en Redes" is the
        // whole outlet; "—Adelante, por favor, ingeniero Octavio Romero—" hands the question on.
        #expect(!names.contains("Del Suburbano"))
        #expect(briefing.participants.first { $0.name == "Hans Salazar" }?.outlet == "Noticiero en Redes")
        #expect(
            briefing.turns.first { $0.text.hasPrefix("—Adelante, por favor, ingeniero Octavio Romero") }?.kind
                == .delegation)
    }

    /// The next official's opening remarks ("Well, good afternoon, everyone. As the President just
    /// said, …") close the question before them: they and the remarks handed on after them are
    /// statements. A recorded narrator ("VOZ DE MUJER") is a voice, no participant.
    @Test func openingRemarksCloseTheQuestionBefore() throws {
        let briefing = try Fixtures.parse("whitehouse-trump-2020-03-14.txt")
        let pence = try #require(
            briefing.turns.first { $0.text.hasPrefix("Well, good afternoon, everyone. As the President") })
        #expect(pence.kind == .statement)
        #expect(briefing.turns[pence.index + 1].kind == .statement)
        #expect(!briefing.exchanges.contains { $0.answers.contains(pence.index) })
        let fomc = try Fixtures.parse("fomc-2021-06-16.txt")
        #expect(fomc.participants.first { $0.name == "Rachel Siegel" }?.outlet == "Washington Post")
        let mananera = try Fixtures.parse("mananera-2020-03-16.txt")
        #expect(!mananera.participants.contains { $0.name == "Voz de Mujer" })
    }

    /// A label that gives a surname ("MR. GIBBS") takes the first name a post is printed with
    /// ("Press Briefing by Press Secretary Robert Gibbs"), never a spouse's title ("First Lady
    /// Melania Trump" names no one "TRUMP").
    @Test func surnamesTakeTheFirstNameTheirPostIsPrintedWith() throws {
        #expect(try Fixtures.parse("whitehouse-obama-2009-01-23.txt").participants.first?.name == "Robert Gibbs")
        #expect(try Fixtures.parse("whitehouse-2021-02-19.txt").participants.contains { $0.name == "Jen Psaki" })
        let trump = try Fixtures.parse("whitehouse-trump-2020-03-27.txt")
        #expect(!trump.participants.contains { $0.name.hasPrefix("Melania") })
    }

    /// From a fourth read-through: a label typo that swaps two letters is the same official
    /// ("ADMIRAL GIRIOR"), "A few more." and "Further questions for the team?" move the floor on,
    /// an in-sentence hand-off ("I'd love to have the Admiral speak to that question") is a
    /// delegation, and a letter with a stroke keeps its place in the id ("Đại Quang").
    @Test func typosFloorWordsHandOffsAndStrokes() throws {
        let briefing = try Fixtures.parse("whitehouse-trump-2020-04-06.txt")
        #expect(!briefing.participants.contains { $0.id == "girior" })
        #expect(briefing.turns.first { $0.text.hasPrefix("A few more. We’ll do a few more.") }?.kind == .moderation)
        #expect(briefing.turns.first { $0.text == "Further questions for the team?" }?.kind == .moderation)
        #expect(
            briefing.turns.first { $0.text.hasPrefix("Yeah, I’d love to have the Admiral speak") }?.kind == .delegation)
        #expect(Participant.slug("Đại Quang") == "dai-quang")
        #expect(!BriefingBuilder.opensWithFloorWords("One more thing: the tests are free."))
    }
}
