import Foundation
import PresserCore
import PresserEval
import Testing

@testable import PresserCheck

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

    /// Chinese answers: "我不了解你说的情况" claims ignorance, "具体问题建议你向中方主管部门询问" refers
    /// elsewhere, and the rest are weighed by the characters they share with the question.
    @Test func chineseAnswersByTheirPhrasesAndWords() throws {
        let february = try Fixtures.analyseZH("mfa-2020-02-28-zh.txt")
        let ignorance = try #require(february.exchanges.first { $0.answer?.label == .claimsIgnorance })
        #expect(ignorance.answer?.cues.first?.text == "我不了解")
        let march = try Fixtures.analyseZH("mfa-2023-03-22-zh.txt")
        #expect(march.exchanges.contains { $0.answer?.label == .referred && $0.answer?.cues.first?.text == "建议你向" })
        // Without a cue, an answer sharing the question's words is direct, not a deflection.
        let geng = try Fixtures.analyseZH("mfa-2020-03-12-zh.txt")
        let who = try #require(geng.exchanges.first { geng.turns[$0.question].text.hasPrefix("11日，世卫组织总干事谭德塞表示") })
        #expect(who.answer?.label == .direct)
        #expect((who.answer?.relevance ?? 0) > 0.1)
        // "美方的所谓“国别人权报告”…": the premise rejected, as "so-called" is in English.
        let report = try #require(geng.exchanges.first { geng.turns[$0.question].text.contains("国别人权报告") })
        #expect(report.answer?.label == .premiseRejected)
    }

    /// A Chinese sentence the spokesperson says twice is a repeated talking point; the reporters'
    /// stock "中方对此有何评论？" is too short to be one.
    @Test func chineseTalkingPointsOnRepeat() throws {
        let b = try Fixtures.analyseZH("mfa-2020-03-12-zh.txt")
        let repeated = b.findings.filter { $0.kind == .repeatedTalkingPoint }
        #expect(
            repeated.contains { $0.message.contains("经过艰苦努力，目前中国疫情防控形势发生积极向好变化") && $0.turns == [2, 14] },
            "\(repeated.map(\.message))")
        #expect(!repeated.contains { $0.message.contains("“中方对此有何评论？”") })
    }

    @Test func anOfficialWhoAsksForTheQuestionAgainHasNotAnswered() throws {
        // "I'm sorry, I couldn't hear that first one. It broke up just a little bit. Can you repeat
        // the first question?": the answer comes in the exchange after.
        let b = try Fixtures.analyse("whitehouse-2023-05-12.txt")
        let asked = b.exchanges.filter { e in
            e.answers.contains { b.turns[$0].text.contains("Can you repeat the first question?") }
        }
        #expect(asked.count == 1)
        #expect(asked.first?.answer?.label == Answer.Label.none)
        #expect(asked.first?.answer?.explanation.hasPrefix("the official only asks back") == true)
        // A longer answer that only questions a word is still an answer.
        let iran = try Fixtures.analyse("whitehouse-obama-2016-08-03.txt")
        let quibble = iran.exchanges.first { e in
            e.answers.contains { iran.turns[$0].text.contains("not quite sure what you mean by saying") }
        }
        #expect(quibble?.answer?.label != Answer.Label.none)
    }

    @Test func aFigureAskedForAndNoneGivenIsPartial() throws {
        // "How many Americans need to be vaccinated before the U.S. will do that?" — "We're not at
        // that point yet": specifics asked, none given.
        let b = try Fixtures.analyse("whitehouse-2021-02-19.txt")
        let asked = try #require(
            b.exchanges.first { b.turns[$0.question].text.contains("How many Americans need to be vaccinated") })
        #expect(asked.answer?.label == .partial)
        #expect(asked.answer?.explanation.hasPrefix("a figure was asked for and the answer gives none") == true)
        // Asked how much the economy will slow, and given figures ("1.7 to 2.5"): not this rule.
        let fomc = try Fixtures.analyse("fomc-2021-06-16.txt")
        let told = try #require(
            fomc.exchanges.first { fomc.turns[$0.question].text.contains("how much you guys—the Fed thinks") })
        #expect(fomc.claims.contains { told.answers.contains($0.turn) })
        #expect(told.answer?.label == .direct)
    }

    /// A follow-up with next to no words of its own is read with the question before it; a
    /// reporter's reply to an official who asked back carries the question before it.
    @Test func followUpsLeanOnTheQuestionBefore() throws {
        let b = try Fixtures.analyse("whitehouse-obama-2016-07-05.txt")
        // "Can you spell it out?" after the DNC reimbursement question: the escrow account, a
        // direct answer (it shares no word with "spell it out").
        let spell = try #require(b.exchanges.first { b.turns[$0.question].text == "Can you spell it out?" })
        #expect(spell.answer?.label == .direct)
        #expect((spell.answer?.relevance ?? 0) > 0.1)
        // "Did I?" — "No, did he --" — "I don't know whether or not the President did."
        let did = try #require(b.exchanges.first { b.turns[$0.question].text == "No, did he --" })
        #expect(did.answer?.label == .claimsIgnorance)
        // "Yes, that's right." confirming the question the official asked back about, then answered.
        let w = try Fixtures.analyse("whitehouse-2023-05-12.txt")
        let right = try #require(w.exchanges.first { w.turns[$0.question].text == "Yes, that’s right." })
        #expect(right.answer?.label.answered == true)
    }

    /// "I expect we will have more on that soon", "I don't have additional details yet, but we hope
    /// to have them in the coming days": something said, the specifics put off.
    @Test func detailsPutOffArePartial() throws {
        let b = try Fixtures.analyse("whitehouse-2021-02-19.txt")
        for opening in ["On the chip front", "Does the White House have plans to mark 500,000 dead"] {
            let e = try #require(b.exchanges.first { b.turns[$0.question].text.hasPrefix(opening) })
            #expect(e.answer?.label == .partial, "\(opening)")
            #expect(e.answer?.explanation.hasPrefix("the answer puts details off") == true)
        }
        // "I don't have an update on that." with nothing put off stays "I don't know".
        let update = try #require(
            b.exchanges.first { e in e.answers.contains { b.turns[$0].text.hasPrefix("I don’t have an update on that") }
            })
        #expect(update.answer?.label == .claimsIgnorance)
    }

    /// "On G7, I'd refer you to the G7 Ministerial Statement" with a paragraph on either side: the
    /// referral covers one part of the answer.
    @Test func aCueInTheMiddleOfALongAnswerIsPartial() throws {
        let b = try Fixtures.analyse("whitehouse-2023-05-12.txt")
        let balloon = try #require(b.exchanges.first { b.turns[$0.question].text.contains("spy balloon come up") })
        #expect(balloon.answer?.label == .partial)
        #expect(balloon.answer?.cues.map(\.text) == ["refer you to"])
        // "I would certainly send you to our colleagues at the State Department": the whole answer.
        let w = try Fixtures.analyse("whitehouse-2021-02-19.txt")
        #expect(w.exchanges.contains { $0.answer?.label == .referred && $0.answer?.cues.first?.text == "send you to" })
    }

    /// Cut off: an official who began to answer ("It's slightly more complicated than that. But in
    /// a general --") answered in part; one who said "Yeah. Well —" did not begin. A reporter cut off
    /// after saying what they ask ("Would you feel comfortable bringing-") asked a question; "Could
    /// I ask you —" did not.
    @Test func cutOffTurns() throws {
        let b = try Fixtures.analyse("whitehouse-obama-2016-07-05.txt")
        let begun = try #require(
            b.exchanges.first { e in e.answers.contains { b.turns[$0].text.hasPrefix("It's slightly more complicated") }
            })
        #expect(begun.answer?.label == .partial)
        #expect(begun.answer?.explanation.hasPrefix("the answer breaks off") == true)
        let t = try Fixtures.analyse("whitehouse-trump-2020-03-27.txt")
        let well = try #require(t.exchanges.first { e in e.answers.map { t.turns[$0].text } == ["Yeah. Well —"] })
        #expect(well.answer?.label == Answer.Label.none)
        let ask = try #require(t.exchanges.first { t.turns[$0.question].text == "Could I ask you —" })
        #expect(ask.answer?.label == Answer.Label.none)
        let r = try Fixtures.analyse("rev-covid-2020-03-02.txt")
        let bringing = try #require(
            r.exchanges.first { r.turns[$0.question].text == "Would you feel comfortable bringing-" })
        #expect(bringing.answer?.label.answered == true)
    }

    /// The two readings on bytes and scalars behind these labels: question marks counted (ASCII and
    /// full-width, none inside other characters) and a turn's last mark read past trailing spaces,
    /// line breaks and no-break spaces.
    @Test func questionMarksAndCutOffEndings() {
        #expect(AnswerCheck.questionMarks("Why? And when? 何时？") == 3)
        #expect(AnswerCheck.questionMarks("No question here — “quoted”, 100%.") == 0)
        #expect(AnswerCheck.endsCutOff("But in a general --"))
        #expect(AnswerCheck.endsCutOff("Would you feel comfortable bringing-\u{A0}\r\n"))
        #expect(AnswerCheck.endsCutOff("Yeah. Well —\n\n"))
        #expect(AnswerCheck.endsCutOff("from 2019 –  "))
        #expect(!AnswerCheck.endsCutOff("It rose 5 — not 6."))
        #expect(!AnswerCheck.endsCutOff(" \n "))
        #expect(!AnswerCheck.endsCutOff(""))
    }

    /// "I don't know that this rules that in or out" doubts a claim; it is not "I don't know".
    @Test func aHedgeIsNotIgnorance() throws {
        let b = try Fixtures.analyse("fomc-2024-06-12.txt")
        let hedged = try #require(
            b.exchanges.first { e in
                e.answers.contains { b.turns[$0].text.contains("I don’t know that this rules that in or out") }
            })
        #expect(hedged.answer?.label != .claimsIgnorance)
        #expect(hedged.answer?.cues.contains { $0.text == "I don’t know" } == false)
        // "I don't know whether or not that's occurred" is.
        let w = try Fixtures.analyse("whitehouse-obama-2016-07-05.txt")
        #expect(
            w.exchanges.contains {
                $0.answer?.label == .claimsIgnorance && $0.answer?.cues.first?.text == "I don't know"
            })
    }

    /// Refusals and referrals in the words briefings use for them, read off the first two
    /// held-out rounds; a rhetorical "you have to ask" and "it's hard to say when" after a "yes"
    /// decide nothing.
    @Test func refusalsAndReferralsInBriefingIdiom() throws {
        func label(_ file: String, answerStarting opening: String) throws -> Answer.Label? {
            let briefing = try Fixtures.analyse(file)
            let turn = try #require(briefing.turns.first { $0.text.hasPrefix(opening) }, "\(file): \(opening)")
            return briefing.exchanges.first { $0.answers.first == turn.index }?.answer?.label
        }
        #expect(
            try label("whitehouse-2024-03-25.txt", answerStarting: "That’s between him and the Prime Minister.")
                == .declined)
        #expect(
            try label("whitehouse-obama-2016-08-03.txt", answerStarting: "I can't confirm the details") == .declined)
        #expect(
            try label("fomc-2022-06-15.txt", answerStarting: "We’re going to—I’ll just say, we’re going to react")
                == .declined)
        #expect(
            try label("whitehouse-2022-11-10.txt", answerStarting: "Well, you’ll have to ask President Putin")
                == .referred)
        #expect(
            try label("whitehouse-2022-06-02.txt", answerStarting: "You know, that — I really do leave that up to FDA")
                == .referred)
        #expect(try label("fomc-2022-06-15.txt", answerStarting: "The second part I didn’t get.") == Answer.Label.none)
        #expect(try label("fomc-2025-03-19.txt", answerStarting: "Yes, I think we will.") == .direct)
    }

    /// An official's "Yeah." or "Sure." while the reporter is still talking answers nothing: the
    /// question breaks off or is a statement, and goes on in the next turn. "Yes." after a question
    /// broken off mid-ask ("Are you considering … perhaps domestically —") and "Yeah, 250." do answer.
    @Test func anAcknowledgementMidQuestionIsNoAnswer() throws {
        func answer(_ file: String, question ending: String) throws -> Answer? {
            let briefing = try Fixtures.analyse(file)
            let exchange = try #require(
                briefing.exchanges.first { briefing.turns[$0.question].text.hasSuffix(ending) }, "\(file): \(ending)")
            return exchange.answer
        }
        let sure = try answer("whitehouse-2021-03-09.txt", question: "between the U.S. and the —")
        #expect(sure?.label == Answer.Label.none)
        #expect(sure?.explanation == "the official only acknowledges: “Sure.”")
        #expect(
            try answer(
                "whitehouse-trump-2020-04-06.txt", question: "to provide treatment to the British Prime Minister.")?
                .label == Answer.Label.none)
        #expect(
            try answer("whitehouse-trump-2020-04-06.txt", question: "waiting a week or longer to get their test —")?
                .label == Answer.Label.none)
        #expect(
            try answer(
                "whitehouse-trump-2020-03-14.txt", question: "other travel restrictions, perhaps domestically —")?
                .label == .direct)
        #expect(try answer("rev-covid-2020-04-10.txt", question: "Yeah, on the new $250 billion-")?.label == .direct)
        #expect(AnswerCheck.onlyAcknowledges("Yeah.", question: "Will shipments be back to normal next week?") == nil)
    }

    @Test func measuredOnTheHandLabelledAnswers() throws {
        let gold = Fixtures.root.appendingPathComponent("answers-gold").path
        let evaluation = try AnswerEvaluation.run(goldDirectory: gold, corpusDirectory: Fixtures.corpus.path)
        print(
            "answers: accuracy \(evaluation.accuracy), answered/not \(evaluation.coarseAccuracy), \(evaluation.pairs.count) exchanges"
        )
        #expect(evaluation.unmatched.isEmpty, "\(evaluation.unmatched)")
        #expect(evaluation.pairs.count == 133)
        // The aims (0.8 over the eight labels, 0.9 on answered / not answered).
        #expect(evaluation.accuracy >= 0.8)
        #expect(evaluation.coarseAccuracy >= 0.9)
    }

    /// On exchanges the rules were not written against the labels do much worse: the aims are met
    /// on the development set only (Tests/Fixtures/answers-heldout*/README.md). These floors stop
    /// the held-out figures sliding back.
    @Test(arguments: [
        ("answers-heldout", 88, 0.61, 0.78), ("answers-heldout-2", 100, 0.54, 0.80),
        ("answers-heldout-3", 125, 0.49, 0.70), ("answers-heldout-4", 125, 0.55, 0.79),
    ])
    func measuredOnTheHeldOutAnswers(directory: String, count: Int, accuracy: Double, coarse: Double) throws {
        let gold = Fixtures.root.appendingPathComponent(directory).path
        let evaluation = try AnswerEvaluation.run(goldDirectory: gold, corpusDirectory: Fixtures.corpus.path)
        print("\(directory): accuracy \(evaluation.accuracy), answered/not \(evaluation.coarseAccuracy)")
        #expect(evaluation.unmatched.isEmpty, "\(evaluation.unmatched)")
        #expect(evaluation.pairs.count == count)
        #expect(evaluation.accuracy >= accuracy)
        #expect(evaluation.coarseAccuracy >= coarse)
    }
}
