import PresserCore

/// Who is a reporter and who runs the room.
extension BriefingBuilder {
    // MARK: 2. Journalists

    /// A named speaker without a title is a journalist when they introduce themselves with an
    /// outlet, when the turn before calls them by name, or (`afterModerator`) when they speak
    /// right after the moderator.
    mutating func findJournalists(afterModerator: Bool = false) {
        for t in segmentation.turns.indices {
            guard case .person(let p) = speakers[t], !onRoster[p], participants[p].kind == .official else { continue }
            // A reporter's label carries no title, so only the untitled may introduce themselves.
            let intro = labelHadTitle[p] ? nil : introduction(t)
            let introNamesThem = intro.map { samePerson($0.name, participants[p].name) } ?? false
            var call: Attribution?
            var moderated = false
            if t > 0, !labelHadTitle[p], case .person(let previous) = speakers[t - 1] {
                let matching = calls(atEndOf: t - 1).filter { samePerson($0.name, participants[p].name) }
                call = matching.first { $0.outlet != nil } ?? matching.first
                moderated = afterModerator && participants[previous].kind == .moderator
            }
            // Officials get called by name too ("Go ahead, Bob."): a call counts only for someone
            // who asks.
            let asks = asksInHalf[p]
            let untitled = !labelHadTitle[p]
            if introNamesThem
                || (untitled && ((asks && call != nil) || moderated || asksMostly[p] || pressesShortly[p]))
            {
                participants[p].kind = .journalist
                participants[p].outlet = introNamesThem ? intro?.outlet : call?.outlet
            }
        }
        // A journalist's outlet may come in a later turn than their first.
        for t in segmentation.turns.indices {
            guard case .person(let p) = speakers[t], participants[p].kind == .journalist, participants[p].outlet == nil
            else { continue }
            if let intro = introduction(t), samePerson(intro.name, participants[p].name) {
                participants[p].outlet = intro.outlet
            }
        }
    }

    /// Most of a speaker's turns end in a question mark.
    func endsMostlyInQuestions(_ p: Int) -> Bool {
        let own = turnsOf[p]
        let asked = own.filter { segmentation.turns[$0].text.utf8.last == UInt8(ascii: "?") }.count
        return !own.isEmpty && asked * 2 > own.count
    }

    /// Someone who presses, in short turns: most turns ask ("?", "I want to ask you", "my
    /// question"), or break off as the official cuts in ("Have you had a chance to speak to-"),
    /// and half of them run to 45 words or fewer. rev.com's reporters called by first name
    /// ("Peter:", "Tony:") ask in runs like that; an official's turns are statements.
    func pressesInShortTurns(_ p: Int) -> Bool {
        let own = turnsOf[p]
        guard own.count >= 3 else { return false }
        let pressing = own.filter { t in
            let text = segmentation.turns[t].text
            return text.containsBytes("?") || Self.breaksOff(text) || Self.asksInWords(text)
        }
        let words = own.map { wordCounts[$0] }.sorted()
        return pressing.count * 5 >= own.count * 3 && words[words.count / 2] <= 45
    }

    /// A turn cut off mid-sentence ("Is that your thinking, though that those-").
    static func breaksOff(_ text: String) -> Bool {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        let body = text[..<end]
        return body.hasSuffix("-") || body.hasSuffix("—") || body.hasSuffix("–") || body.hasSuffix("…")
    }

    /// The words of someone asking, near the start of a turn.
    static func asksInWords(_ text: String) -> Bool {
        text.prefix(200).lowercasedContainsAny(of: askingWords)
    }

    private static let askingWords = ByteSearch.Phrases([
        "ask you", "my question", "a question", "more question", "another question", "quick question",
        "follow up", "follow-up", "wondering", "i wonder", "i'm curious", "i’m curious",
    ])

    /// A turn that calls on a reporter or moves the floor on: "Colby.", "Go ahead, Steve.", "Next
    /// question.", "Adelante."
    func callsOnSomeone(_ text: String) -> Bool {
        if Outlets.call(atEndOf: text) != nil || Self.managesFloor(text) { return true }
        return text.lowercasedContainsAny(of: Self.floorCalls)
    }

    private static let floorCalls = ByteSearch.Phrases(["go ahead", "adelante", "请提问"])

    /// Words of someone running the room rather than asking.
    static func managesFloor(_ text: String) -> Bool {
        text.lowercasedContainsAny(of: floorWords)
    }

    private static let floorWords = ByteSearch.Phrases([
        "last question", "next question", "thank you all", "thanks, everyone", "we have to go", "that's all",
        "that’s all",
    ])

    /// At least half of a speaker's turns ask something.
    func asksInHalfOfTurns(_ p: Int) -> Bool {
        let own = turnsOf[p]
        let asked = own.filter { segmentation.turns[$0].text.containsBytes("?") }.count
        return !own.isEmpty && asked * 2 >= own.count
    }

    /// Two names for one person: the same first name, or the same surname ("Mike Derby" and
    /// "Michael Derby"; "Steve" and "Steve Holland").
    func samePerson(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        let wa = a.lowercased().split(separator: " ")
        let wb = b.lowercased().split(separator: " ")
        guard let fa = wa.first, let fb = wb.first else { return false }
        if fa == fb { return true }
        return wa.count >= 2 && wb.count >= 2 && wa.last == wb.last
    }

    // MARK: 3. Moderators

    func isQuestion(_ t: Int) -> Bool {
        switch speakers[t] {
        case .questioner: return true
        case .person(let p): return participants[p].kind == .journalist
        default: return false
        }
    }

    mutating func findModerators() {
        let roleWords = [
            "spokesperson", "spokesman", "spokeswoman", "moderator", "host", "vocero", "vocera", "moderador",
        ]
        for p in participants.indices where participants[p].kind == .official {
            let own = turnsOf[p]
            guard own.count >= 2 else { continue }
            let afterQuestion = own.filter { $0 > 0 && isQuestion($0 - 1) }.count
            let beforeQuestion = own.filter { $0 + 1 < speakers.count && isQuestion($0 + 1) }.count
            let words = own.map { wordCounts[$0] }.sorted()
            let median = words[words.count / 2]
            let roleSaysSo = participants[p].roles.contains { role in
                roleWords.contains { role.lowercased().containsBytes($0) }
            }
            // Someone who runs the room calls on reporters or moves the floor on at least once
            // ("Colby.", "Go ahead, Steve.", "Next question."); an official's quip and short reply
            // before a question do not make a moderator.
            guard median <= 40, afterQuestion * 5 <= own.count else { continue }
            if roleSaysSo || (beforeQuestion >= 1 && own.contains { callsOnSomeone(segmentation.turns[$0].text) }) {
                participants[p].kind = .moderator
            }
        }
    }
}
