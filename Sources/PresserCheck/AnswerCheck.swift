import Foundation
import PresserCore

/// How each question was answered, from the answer's words: a refusal, a referral, "I don't know",
/// a rejected premise, each found by its phrases (English and Chinese) in the opening of the answer
/// (one in the middle of a long answer decides only a part: partial); details put off for later
/// ("we'll have more on that soon") or an answer cut off after it began: partial; else, from how much
/// of the question's focus the answer takes up (relevance), a direct or partial answer, or a
/// deflection. Exchanges with no answer, whose "question" is not one, or whose only reply asks back,
/// are `none`; a follow-up with no words of its own, or a reporter's reply to an official who asked
/// back, is read with the question before it.
///
/// Relevance is the share of the question's content words, each weighted by its rarity in the
/// briefing (so "Xinjiang" in a briefing on Xinjiang counts little), that reappear in the answer.
enum AnswerCheck {
    /// Phrases and the label they point to, in the order they are tried.
    static let cues: [(Answer.Label, [String])] = [
        (
            .premiseRejected,
            [
                "so-called", "so called", "false and groundless", "groundless", "that's not true", "that is not true",
                "not accurate", "reject the premise", "don't accept the premise", "do not accept the premise",
                "completely false", "totally false", "fabricated", "disinformation", "smear", "not the case",
                "it's not like that", "that's not right", "that's not correct", "i disagree",
                "所谓", "毫无根据", "无中生有", "纯属捏造", "子虚乌有", "颠倒黑白", "歪曲事实", "不实之词", "造谣", "抹黑",
            ]
        ),
        (
            .declined,
            [
                "not going to comment", "won't comment", "will not comment", "can't comment", "cannot comment",
                "no comment", "not going to get ahead", "not going to speculate", "won't speculate",
                "not in a position to", "not going to weigh in", "decline to", "not going to get into",
                "not going to characterize", "i'm not saying anything more", "we don't give advice",
                "not going to preview", "i won't get into", "getting way ahead", "anything more to read out",
                "not for me to", "wouldn't share", "not going to be able to", "too early", "not going to prejudge",
                "too far away", "too soon to",
                "nothing more to read out",
                "nothing more to share", "nothing to read out", "anything to add", "nothing to add",
                "not going to argue", "not able to confirm", "unable to confirm", "can't confirm", "cannot confirm",
                "put a number on", "that's between", "protect the confidentiality", "leave it at that",
                "don't want to get ahead", "not spending any time",
                "i'm not going to", "不便评论", "无可奉告", "没有可以发布的", "不作评论", "不予评论", "假设性问题",
            ]
        ),
        (
            .referred,
            [
                "refer you to", "point you to", "direct you to", "defer to", "that's a question for",
                "that is a question for", "check with", "ask the", "refer that to", "send you to", "would be for the",
                "'ll have to ask", "'d have to ask", "would have to ask", "leave that up to", "leave that to",
                "let them speak", "speak for themselves",
                "建议你向", "请你向", "请向", "向主管部门", "向有关部门", "向有关主管部门",
            ]
        ),
        (
            .claimsIgnorance,
            [
                "i don't know", "i do not know", "i haven't seen", "i have not seen", "not aware", "i don't have",
                "i don't recall", "not sure", "haven't had a chance", "i'm not familiar", "i don't have an update",
                "have not spoken with", "haven't spoken with", "have to talk to", "have to check", "let me check",
                "i'll check", "come back to you", "get back to you", "remains to be seen",
                "didn't listen", "我不了解", "不了解有关情况", "不了解你提到", "我没有看到",
                "我没有听说", "不掌握", "我不清楚",
            ]
        ),
    ]

    /// Relevance below which a long answer is a deflection, and below which an answer is partial:
    /// tuned on the answers gold (the words of a direct answer often differ from the question's).
    /// Measured on the answers gold, the relevance of direct answers overlaps that of partial ones and
    /// deflections almost entirely (a direct answer rarely repeats the question's words), so the
    /// thresholds are at zero: only an answer sharing nothing with the question is called a
    /// deflection, and a question of three or more parts answered loosely is partial.
    static let deflectionBelow = 0.0
    static let partialBelow = 0.0

    /// The exchange before, as a follow-up leans on it: its question, and whether the official only
    /// asked back.
    struct Previous {
        var question: Int
        var askedBack: Bool
    }

    /// The answer to `exchange`, read after the exchange before it (`previous`), and what the next
    /// exchange needs to know of this one.
    static func read(_ exchange: Exchange, in briefing: Briefing, figures: Figures, after previous: Previous?)
        -> (answer: Answer, previous: Previous)
    {
        let asked = asksBack(exchange, turns: briefing.turns)
        let answer = self.answer(exchange, in: briefing, figures: figures, asksBack: asked, after: previous)
        return (answer, Previous(question: exchange.question, askedBack: asked != nil))
    }

    private static func answer(
        _ exchange: Exchange, in briefing: Briefing, figures: Figures, asksBack: String?, after previous: Previous?
    ) -> Answer {
        let turns = briefing.turns
        guard turns.indices.contains(exchange.question) else {
            return Answer(label: .none, relevance: 0, cues: [], explanation: "the question is missing")
        }
        let question = turns[exchange.question]
        let replies = exchange.answers.filter { turns.indices.contains($0) && turns[$0].kind == .answer }
        guard !replies.isEmpty else {
            return Answer(label: .none, relevance: 0, cues: [], explanation: "no one answered")
        }
        // Each reply's words, counted once.
        let counts = replies.map { turns[$0].wordCount }
        let replyWords = counts.reduce(0, +)
        // The official asked back in the exchange before ("Did I?"); this turn is the reporter's
        // reply ("No, did he --", "Yes, that's right."), and the question is still the one before.
        let continues =
            (previous?.askedBack ?? false)
            && !question.text.utf8.prefix(10).map(ByteSearch.fold).elementsEqual("(inaudible".utf8)
            && replyWords >= 10
        if question.wordCount < 6 && !question.text.containsBytes("?") && !continues
            && !Self.isCutOffQuestion(question.text)
        {
            return Answer(label: .none, relevance: 0, cues: [], explanation: "not a question: “\(question.text)”")
        }
        if let text = asksBack {
            return Answer(label: .none, relevance: 0, cues: [], explanation: "the official only asks back: “\(text)”")
        }
        if replyWords <= 3, let text = Self.onlyAcknowledges(turns[replies[0]].text, question: question.text) {
            return Answer(
                label: .none, relevance: 0, cues: [], explanation: "the official only acknowledges: “\(text)”")
        }
        // What was asked: a follow-up with next to no words of its own ("Can you spell it out?")
        // asks about what the question before asked.
        // (The question's words as the figures read them: scanned and hashed again, they were 2%
        // of the analysis.)
        let unasked = Set(questionWords.compactMap(figures.weights.id(of:)))
        var asked = figures.contentWords(ofTurn: exchange.question).subtracting(unasked)
        if let previous, turns.indices.contains(previous.question), continues || asked.count < 3 {
            asked.formUnion(figures.contentWords(ofTurn: previous.question).subtracting(unasked))
        }
        // The answer's words, as the figures already read them sentence by sentence.
        let said = figures.said(inTurns: replies)
        let relevance = self.relevance(asked, said: said, figures.weights)
        let defers = Self.defersFor(replies, words: replyWords, turns: turns)
        // A cue in the opening of the answer (its first 70 words) decides. The search runs on the
        // turn's text lower-cased, curly apostrophes straightened (neither changes the offsets).
        let first = turns[replies[0]]
        let openingEnd: String.Index
        if ChineseText.isMostlyChinese(first.text, limit: 600) {
            // Chinese: the first 150 characters, about as much as 70 English words.
            openingEnd =
                first.text.index(first.text.startIndex, offsetBy: 150, limitedBy: first.text.endIndex)
                ?? first.text.endIndex
        } else {
            openingEnd = Self.startOfWord(70, in: first.text) ?? first.text.endIndex
        }
        let lower = openingBytes(first.text[..<openingEnd])
        let offsets = Self.cuePhrases.firstOffsets(in: lower)
        var next = 0
        for (label, phrases) in cues {
            for phrase in phrases {
                defer { next += 1 }
                guard let at = offsets[next] else { continue }
                // "I don't know that this rules that in or out": a hedge, not ignorance.
                if phrase.hasSuffix(" know"), Self.hedges(lower, after: at + phrase.utf8.count) { continue }
                // A referral or "I don't know" inside a long, on-topic answer does not decide it.
                if (label == .claimsIgnorance || label == .referred), relevance >= 0.5, counts[0] > 120 {
                    continue
                }
                // "I don't have additional details yet, but we hope to have them in the coming
                // days": not ignorance, details put off (partial, below).
                if label == .claimsIgnorance, defers != nil { continue }
                // Each scalar starts with one byte that is not a continuation byte.
                let start = lower[..<at].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                let cue = Answer.Cue(
                    text: String(first.text.unicodeScalars.dropFirst(start).prefix(phrase.unicodeScalars.count)),
                    turn: first.index, start: start, end: start + phrase.unicodeScalars.count, cue: label.rawValue)
                // A refusal, referral or "I don't know" with much said before and after it covers
                // one part of a longer answer ("On G7, I'd refer you to the Ministerial Statement.
                // On the Biden-Xi call, …").
                if label != .premiseRejected {
                    let before = Self.wordCount(lower[..<at])
                    let after = replyWords - before
                    if before >= Self.partBefore, after >= Self.partAfter {
                        return Answer(
                            label: .partial, relevance: relevance, cues: [cue],
                            explanation: "“\(cue.text)” for one part of a longer answer")
                    }
                }
                return Answer(
                    label: label, relevance: relevance, cues: [cue],
                    explanation: "“\(cue.text)” early in the answer")
            }
        }
        let parts = Self.questionMarks(question.text)
        let label: Answer.Label
        let explanation: String
        // A question cut off after a few words ("Would you feel comfortable bringing-") shares
        // next to nothing with any answer: its relevance says nothing of a deflection.
        if relevance <= deflectionBelow && counts[0] > 80 && !Self.isCutOffQuestion(question.text) {
            label = .deflection
            explanation = "the answer takes up little of what was asked (relevance \(Format.fixed(relevance, 2)))"
        } else if let last = replies.last, let lastCount = counts.last, lastCount <= Self.partAfter,
            Self.beginsAnswer(turns[last].text)
        {
            // "It's slightly more complicated than that. But in a general --": the official
            // began and was cut off.
            label = .partial
            explanation = "the answer breaks off (relevance \(Format.fixed(relevance, 2)))"
        } else if let defers {
            label = .partial
            explanation =
                "the answer puts details off: “\(defers)” (relevance \(Format.fixed(relevance, 2)))"
        } else if relevance < partialBelow || (parts >= 3 && relevance < 0.3) {
            label = .partial
            explanation =
                "the answer takes up part of what was asked (relevance \(Format.fixed(relevance, 2))\(parts >= 3 ? ", \(parts) questions in one" : ""))"
        } else if Self.asksForAFigure(question.text), !figures.all.contains(where: { replies.contains($0.claim.turn) })
        {
            label = .partial
            explanation = "a figure was asked for and the answer gives none (relevance \(Format.fixed(relevance, 2)))"
        } else if let split = Self.partsTakenUp(exchange.question, said: said, figures, unasked: unasked),
            split.skipped > 0, split.taken > 0
        {
            label = .partial
            explanation =
                "the answer takes up \(split.taken) of the \(split.taken + split.skipped) questions asked (relevance \(Format.fixed(relevance, 2)))"
        } else {
            label = .direct
            explanation = "the answer takes up what was asked (relevance \(Format.fixed(relevance, 2)))"
        }
        return Answer(label: label, relevance: relevance, cues: [], explanation: explanation)
    }

    /// For a question of several parts (sentences ending in "?", each with three content words or
    /// more): how many the answer takes up (relevance at least `partTakenUp`) and how many it
    /// leaves. Measured on the answers gold, calling "some taken up, some not" partial raises the
    /// accuracy from 0.654 to 0.684, about the same for any cut from 0.1 to 0.15.
    static func partsTakenUp(_ question: Int, said: [Bool], _ figures: Figures, unasked: Set<Int>) -> (
        taken: Int, skipped: Int
    )? {
        // Each part's content words read once, for the count and the relevance.
        let asked = (figures.sentencesOfTurn[question] ?? 0..<0)
            .filter { figures.sentences[$0].text.hasSuffix("?") || figures.sentences[$0].text.hasSuffix("？") }
            .map { figures.contentWords(ofSentence: $0).subtracting(unasked) }.filter { $0.count >= 3 }
        guard asked.count >= 2 else { return nil }
        let taken = asked.filter { relevance($0, said: said, figures.weights) >= partTakenUp }.count
        return (taken, asked.count - taken)
    }

    static let partTakenUp = 0.12

    /// The reply of an official who only asks back ("Did I?", "An invitation from the United States
    /// to join the —") or asks for the question again: the answer comes with the reporter's next turn.
    static func asksBack(_ exchange: Exchange, turns: [Turn]) -> String? {
        let replies = exchange.answers.filter { turns.indices.contains($0) && turns[$0].kind == .answer }
        guard replies.count == 1, let only = replies.first else { return nil }
        let words = turns[only].wordCount
        guard words <= 45 else { return nil }
        let text = trimmingWhitespace(turns[only].text)
        let endsAsking = text.hasSuffix("?") || text.hasSuffix("—") || text.hasSuffix("--") || text.hasSuffix("-")
        // "I couldn't hear that first one. Can you repeat the first question?": the line broke
        // up, and the answer comes in the exchange after.
        let clarifies = Self.repeatPhrases.firstOffsets(in: openingBytes(text[...])).contains { $0 != nil }
        return (endsAsking && words <= 12 && !beginsAnswer(text)) || clarifies ? text : nil
    }

    /// The question marks in `text`, ASCII and full-width ("？", EF BC 9F), counted on its bytes
    /// rather than compared Character by Character.
    static func questionMarks(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { u in
            var count = 0
            for i in u.indices {
                if u[i] == UInt8(ascii: "?") {
                    count += 1
                } else if u[i] == 0xEF, i + 2 < u.count, u[i + 1] == 0xBC, u[i + 2] == 0x9F {
                    count += 1
                }
            }
            return count
        }
    }

    /// "It's slightly more complicated than that. But in a general --": a statement of a few words
    /// made, then cut off — the official began to answer. Not "Yeah. Well —", nor a fragment that
    /// asks ("All right, can you —").
    static func beginsAnswer(_ text: String) -> Bool {
        guard endsCutOff(text) else { return false }
        var sentences = Sentences.split(text).map(\.text)
        guard let fragment = sentences.popLast() else { return false }
        let words = fragment.lowercased().split(whereSeparator: { !$0.isLetter })
        let asks = zip(words, words.dropFirst()).contains {
            questionOpeners.contains(String($0)) && pronouns.contains(String($1))
        }
        let said = sentences.filter { !$0.hasSuffix("?") }.reduce(0) { $0 + $1.split(separator: " ").count }
        return !asks && said >= 4
    }

    /// "I don't know that …" going on ("that this rules that in or out", "that anybody's ever seen"):
    /// doubt about a claim, not "I don't know" (which may end with "that."). Only after "know": "I
    /// haven't seen that report" is not a hedge.
    static func hedges(_ lower: [UInt8], after end: Int) -> Bool {
        let that = Array(" that".utf8)
        guard end + that.count < lower.count, Array(lower[end..<end + that.count]) == that else { return false }
        let next = lower[end + that.count]
        return next != UInt8(ascii: ".") && next != UInt8(ascii: "?") && next != UInt8(ascii: "!")
    }

    /// Cues with this many words of the answer before them, and this many after, decide one part of
    /// the answer only.
    static let partBefore = 30
    static let partAfter = 60

    /// Words in UTF-8 text: runs of bytes other than spaces and line breaks.
    static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for b in bytes {
            let space = b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// `text` without white space at either end, as Foundation's `CharacterSet.whitespaces` has it
    /// (the tab, the space separators, and the zero-width space), whose `trimmingCharacters(in:)`
    /// took half the time of telling whether an official asks back.
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isWhite(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
        guard let first = scalars.firstIndex(where: { !isWhite($0) }),
            let last = scalars.lastIndex(where: { !isWhite($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// A question cut off by the official ("Would you feel comfortable bringing-"): it opens as a
    /// question does, says something, and breaks off.
    static func isCutOffQuestion(_ text: String) -> Bool {
        let trimmed = trimmingWhitespace(text)
        guard endsCutOff(trimmed) else { return false }
        let first = trimmed.prefix { $0.isLetter || $0 == "'" || $0 == "’" }.lowercased()
        // With three content words or more: "Could I ask you —" says nothing of what was asked.
        return questionOpeners.contains(first) && contentWords(trimmed).count >= 3
    }

    /// The reply, when all it does is acknowledge the reporter mid-question: "Yeah.", "Sure.", "Fine."
    /// after a statement or a sentence that breaks off (the question goes on in the next turn), or
    /// "Right." / "Yes." after one that breaks off. After a question mark, "Yeah." answers it.
    static func onlyAcknowledges(_ reply: String, question: String) -> String? {
        guard !question.containsBytes("?"), !question.containsBytes("？") else { return nil }
        let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.contains(where: \.isNumber) else { return nil }  // "Yeah, 250." gives the figure
        let words =
            trimmed.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "-") })
            .joined(separator: " ")
        if acknowledgements.contains(words) { return trimmed }
        // "Yes." to "Are you considering other travel restrictions, perhaps domestically —" answers it.
        if confirmations.contains(words) && endsCutOff(question) && !lastSentenceAsks(question) { return trimmed }
        return nil
    }

    /// Whether the last sentence of `text` opens as a question does ("Are you considering …").
    private static func lastSentenceAsks(_ text: String) -> Bool {
        let last = text.split(separator: ". ").last ?? Substring(text)
        let first = last.drop { !$0.isLetter }.prefix { $0.isLetter }.lowercased()
        return questionOpeners.contains(first)
    }

    private static let acknowledgements: Set<String> = [
        "yeah", "yeah yeah", "sure", "okay", "ok", "fine", "oh", "uh-huh", "mm-hmm", "hmm", "i get it",
    ]
    private static let confirmations: Set<String> = ["right", "that's right", "yes", "yep", "correct"]

    /// A turn that breaks off mid-sentence ("But in a general --"): its last scalar other than white
    /// space and line breaks is a hyphen or dash. Read from the end (trimming the text first copied
    /// every answer).
    static func endsCutOff(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !CharacterSet.whitespacesAndNewlines.contains($0) })
        else { return false }
        return last == "-" || last == "—" || last == "–"
    }

    private static let pronouns: Set<String> = ["you", "he", "she", "they", "we", "i", "it", "that", "this"]

    private static let questionOpeners: Set<String> = [
        "is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could", "should", "has", "have",
        "had", "what", "why", "how", "when", "where", "who", "which",
    ]

    /// The phrase by which an answer of some length puts the details off ("we'll have more on that
    /// soon", "further announcements in the course of the week"), if it has one: it said something,
    /// and not the specifics.
    static func defersFor(_ replies: [Int], words: Int, turns: [Turn]) -> String? {
        guard words >= 40 else { return nil }
        for reply in replies {
            if let found = deferralPhrases.firstIgnoringASCIICase(in: turns[reply].text) { return deferrals[found] }
        }
        return nil
    }

    /// How an official puts details off for later (lower-case ASCII, searched in either case).
    static let deferrals = [
        "more on that soon", "more on this soon", "have more soon", "more to say", "more to share soon",
        "more to update", "further announcements", "more to announce", "in the coming days", "additional details",
        "more details", "stay tuned", "travel to announce", "anything to announce", "nothing to announce",
        "anything to preview", "nothing to preview",
    ]
    private static let deferralPhrases = ByteSearch.Phrases(deferrals)

    /// "How many …?", "what percentage …?": the question asks for a number.
    static func asksForAFigure(_ question: String) -> Bool {
        figurePhrases.firstIgnoringASCIICase(in: question) != nil
    }

    private static let figurePhrases = ByteSearch.Phrases([
        "how many", "how much", "what percentage", "what proportion", "what share", "what number", "多少",
    ])

    /// What an official says who did not hear or understand the question (in a short reply).
    static let askingToRepeat = [
        "repeat the", "can you repeat", "could you repeat", "say that again", "couldn't hear", "could not hear",
        "didn't hear", "did not hear", "didn't catch", "didn't get", "broke up", "more about what you mean",
        "what do you mean", "give me a chance", "got to go",
        "没听清", "请重复",
    ]

    /// All the cue phrases, in the order they are tried, for one search of an answer's opening.
    static let cuePhrases = ByteSearch.Phrases(cues.flatMap(\.1))

    private static let repeatPhrases = ByteSearch.Phrases(askingToRepeat)

    /// Where the rest of `text` begins after its first `n` words and the space or newline after
    /// them: the start of the last piece of `split(maxSplits: n)` at spaces and newlines, nil when
    /// there is none. Found on the bytes: a space or newline byte followed by an ASCII byte, a
    /// dash, a curly quote or a CJK character is a Character of its own, except in "\r\n" (or
    /// after a prepended mark, which no transcript has); where one is followed by anything else (a
    /// combining mark may join it) the Characters are split after all. (Splitting every answer's
    /// opening took 1.5% of the analysis.)
    static func startOfWord(_ n: Int, in text: String) -> String.Index? {
        func bySplitting() -> String.Index? {
            let words = text.split(maxSplits: n, whereSeparator: { $0 == " " || $0 == "\n" })
            return words.count > n ? words[n].startIndex : nil
        }
        guard n > 0 else { return bySplitting() }
        var bytes = text
        let found: Int?? = bytes.withUTF8 { u -> Int?? in
            var words = 0
            var inWord = false
            for i in 0..<u.count {
                let b = u[i]
                guard b == 0x20 || b == 0x0A else {
                    inWord = true
                    continue
                }
                if i + 1 < u.count, u[i + 1] >= 0x80 {
                    // Punctuation (U+2000–U+206F but the joiners U+200C and U+200D), a no-break
                    // space or a CJK character starts a Character of its own.
                    let rest = UnsafeBufferPointer(rebasing: u[(i + 1)..<min(i + 4, u.count)])
                    let ownCharacter =
                        (rest.count >= 3 && rest[0] == 0xE2 && rest[1] == 0x80 && rest[2] != 0x8C && rest[2] != 0x8D)
                        || (rest.count >= 2 && rest[0] == 0xC2 && rest[1] == 0xA0)
                        || (rest[0] >= 0xE4 && rest[0] <= 0xE9)
                    if !ownCharacter { return .some(nil) }
                }
                if b == 0x0A, i > 0, u[i - 1] == 0x0D { return .some(nil) }
                if inWord {
                    words += 1
                    inWord = false
                    if words == n { return i + 1 < u.count ? i + 1 : nil }
                }
            }
            return nil
        }
        switch found {
        case .some(.some(let offset)): return text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        case .some(.none): return bySplitting()
        case .none: return nil
        }
    }

    /// The opening of an answer lower-cased, curly apostrophes straightened, as UTF-8 bytes: one
    /// scalar still starts at each byte that is not a continuation byte, so offsets carry over.
    static func openingBytes(_ text: Substring) -> [UInt8] {
        // ASCII, Latin-1 (Spanish accents), general punctuation (dashes, curly quotes: U+2000–U+203F)
        // and Chinese (U+3000–U+9FFF, which has no case): folded byte by byte. Other scripts go
        // through `lowercased()`, which on Spanish and Chinese answers took 0.4% of the analysis.
        var fast: [UInt8] = []
        fast.reserveCapacity(text.utf8.count)
        let folded =
            text.utf8.withContiguousStorageIfAvailable { u -> Bool in
                var i = 0
                while i < u.count {
                    let b = u[i]
                    if b < 0x80 {
                        fast.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                        i += 1
                    } else if b == 0xC2 || b == 0xC3, i + 1 < u.count {
                        // U+00C0–U+00DE (× U+00D7 aside) lower-case to U+00E0–U+00FE.
                        let c = u[i + 1]
                        fast.append(b)
                        fast.append(b == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97 ? c + 0x20 : c)
                        i += 2
                    } else if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] >= 0x80, u[i + 2] <= 0xBF {
                        if u[i + 2] == 0x99 {
                            fast.append(UInt8(ascii: "'"))
                        } else {
                            fast.append(contentsOf: u[i..<(i + 3)])
                        }
                        i += 3
                    } else if b >= 0xE3 && b <= 0xE9, i + 2 < u.count {
                        fast.append(contentsOf: u[i..<(i + 3)])
                        i += 3
                    } else {
                        return false
                    }
                }
                return true
            } ?? false
        if folded { return fast }
        let bytes = Array(text.lowercased().utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            // ’ is E2 80 99.
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                out.append(UInt8(ascii: "'"))
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// The stems of a question's content words, less the words every question has ("ask", "wonder").
    static func contentWords(_ question: String) -> Set<String> {
        Set(Words.stems(question)).subtracting(questionWords)
    }

    /// The weighted share of the asked words (stems) among the words said in answer (marked by
    /// word id, `Figures.said(inTurns:)`).
    static func relevance(_ asked: Set<Int>, said: [Bool], _ weights: WordWeights) -> Double {
        guard !asked.isEmpty else { return 0 }
        var total = 0.0
        var taken = 0.0
        for id in asked {
            let weight = weights.weight(id: id)
            total += weight
            if said[id] { taken += weight }
        }
        guard total > 0 else { return 0 }
        return (taken / total * 1000).rounded() / 1000
    }

    private static let questionWords: Set<String> = Set(
        ["ask", "asked", "question", "questions", "follow", "going", "wonder", "wondering", "curious", "talk", "tell"]
            .map(Words.stem))
}
