import PresserCore

/// What each turn does, and the exchanges they make.
extension BriefingBuilder {
    // MARK: 4. Turns and exchanges

    mutating func typeTurns() {
        var open: Int?  // index into exchanges
        // The open "question" is only a greeting or thanks ("Hello, Mr. Vice President.", "Thank
        // you, Mr. President."): what officials say next, until a real question, answers nothing
        // (the podium passing to the next official's opening remarks).
        var courtesyOnly = false
        for (t, raw) in segmentation.turns.enumerated() {
            var turn = Turn(
                index: t, speaker: nil, label: raw.label?.text, kind: .other, line: raw.line,
                page: paged ? raw.page : nil, text: raw.text, wordCount: wordCounts[t])
            switch speakers[t] {
            case .questioner(let outlet):
                turn.kind = .question
                turn.outlet = outlet
                // "追问：" (a follow-up) is the reporter who asked last, pressing on.
                if outlet == nil, let label = raw.label?.text, LabelRoles.isFollowUp(label),
                    let last = turns.last(where: { $0.kind == .question })
                {
                    turn.outlet = last.outlet
                    turn.askedBy = last.askedBy
                    turn.speaker = last.speaker
                }
            case .voice, .none:
                turn.kind = .other
            case .person(let p):
                turn.speaker = participants[p].id
                switch participants[p].kind {
                case .journalist:
                    turn.kind = .question
                    turn.askedBy = participants[p].name
                    turn.outlet = participants[p].outlet
                case .moderator:
                    turn.kind = .moderation
                case .official, .interpreter, .unknown:
                    if open != nil, wordCounts[t] <= 15, Self.onlyThanks(raw.text) {
                        turn.kind = .moderation
                    } else if callsNextReporter(t) {
                        turn.kind = open != nil && answersBeforeCalling(t) ? .answer : .moderation
                    } else if wordCounts[t] <= 8, Self.opensWithFloorWords(raw.text) {
                        // "Okay, the next question.", with the moderator's label after it.
                        turn.kind = .moderation
                    } else if open == nil || courtesyOnly {
                        turn.kind = .statement
                    } else if wordCounts[t] >= 150, Self.greetsTheRoom(raw.text) {
                        // "Well, good afternoon, everyone. As the President just said, …": the
                        // next official's opening remarks, not an answer; the question is closed.
                        turn.kind = .statement
                        open = nil
                    } else if isDelegation(t, by: p) {
                        turn.kind = .delegation
                    } else {
                        turn.kind = .answer
                    }
                }
            }
            if turn.kind == .question {
                if turn.outlet == nil, let intro = introduction(t) {
                    turn.outlet = intro.outlet
                    if turn.askedBy == nil { turn.askedBy = intro.name }
                }
                if turn.outlet == nil, !Language.isChinese(raw.text) {
                    turn.outlet = Outlets.outletIntroduction(raw.text)
                }
                if t > 0, !isQuestion(t - 1), let call = calls(atEndOf: t - 1).first {
                    if turn.outlet == nil { turn.outlet = call.outlet }
                    if turn.askedBy == nil, let name = call.name, name.split(separator: " ").count >= 2 {
                        turn.askedBy = name
                    }
                }
                exchanges.append(
                    Exchange(
                        index: exchanges.count, question: t, outlet: turn.outlet, askedBy: turn.askedBy,
                        delegatedBy: nil, answeredBy: [], answers: []))
                open = exchanges.count - 1
                courtesyOnly = wordCounts[t] <= 8 && Self.onlyCourtesy(raw.text)
            } else if turn.kind == .moderation {
                open = nil
            } else if let e = open, let speaker = turn.speaker {
                if turn.kind == .delegation {
                    if exchanges[e].delegatedBy == nil { exchanges[e].delegatedBy = speaker }
                } else if turn.kind == .answer {
                    exchanges[e].answers.append(t)
                    if !exchanges[e].answeredBy.contains(speaker) { exchanges[e].answeredBy.append(speaker) }
                }
            }
            turns.append(turn)
        }
        // An anonymous reporter named by the call before the question becomes a participant.
        for t in turns.indices where turns[t].kind == .question && turns[t].speaker == nil {
            guard let name = turns[t].askedBy else { continue }
            let id = Participant.slug(name)
            if !participants.contains(where: { $0.id == id }) {
                participants.append(Participant(id: id, name: name, kind: .journalist, outlet: turns[t].outlet))
            }
            turns[t].speaker = id
        }
    }

    /// An official's short turn that only gives the floor to the reporter who asks next
    /// ("Go ahead.", "Yeah, please.", "Steve Holland, Reuters.").
    func callsNextReporter(_ t: Int) -> Bool {
        let raw = segmentation.turns[t]
        let words = wordCounts[t]
        guard t + 1 < speakers.count, isQuestion(t + 1), words <= 30 else { return false }
        // Pointing at someone in the room, or moving on.
        if raw.text.lowercasedContainsAny(of: Self.pointingWords) { return true }
        // "In the Brown blazer here.": pointing at someone, in very few words.
        if words <= 8 {
            let lower = raw.text.lowercased()
            if lower.hasPrefix("in the ") || lower.containsBytes(". in the ") { return true }
        }
        guard words <= 15, let last = Outlets.sentences(raw.text).last?.lowercased() else { return false }
        let weak = ["please", "yes, sir", "yes, ma’am", "yes, ma'am", "sí, adelante"]
        return Outlets.call(atEndOf: raw.text)?.name != nil || weak.contains { last.containsBytes($0) }
    }

    private static let pointingWords = ByteSearch.Phrases([
        "go ahead", "next question", "last question", "in the back", "right there", "right here", "gentleman",
        "the lady", "adelante", "la última pregunta",
    ])

    /// "Next question.", "Okay, the next question.", "Last question.": a short turn that begins by
    /// moving the floor on.
    static func opensWithFloorWords(_ text: String) -> Bool {
        var lower = Substring(text.lowercased())
        for lead in ["okay, ", "okay. ", "ok, ", "all right, ", "alright, ", "and ", "so, ", "the "]
        where lower.hasPrefix(lead) {
            lower = lower.dropFirst(lead.count)
        }
        if lower.hasPrefix("the ") { lower = lower.dropFirst(4) }
        return [
            "next question", "last question", "final question", "one more question", "next caller",
            "further questions", "any more questions", "how about one more", "a few more", "a couple more",
            "couple more",
        ]
        .contains { lower.hasPrefix($0) }
    }

    /// A turn that opens by greeting the room: "good afternoon", "good morning", "good evening"
    /// (or "buenos días", "buenas tardes") in its first ten words.
    static func greetsTheRoom(_ text: String) -> Bool {
        // The first ten words, from no more than the first 120 bytes.
        var bytes = 0
        var words = 0
        for b in text.utf8.prefix(120) {
            if b == UInt8(ascii: " ") {
                words += 1
                if words == 10 { break }
            }
            bytes += 1
        }
        return greetings.firstIgnoringASCIICase(in: String(decoding: text.utf8.prefix(bytes), as: UTF8.self)) != nil
    }

    private static let greetings = ByteSearch.Phrases([
        "good afternoon", "good morning", "good evening", "buenos días", "buenas tardes", "buenas noches",
    ])

    /// A reporter's greeting or thanks that asks nothing: "Hello Mr. Vice President.", "Thank
    /// you, Mr. President.", "Good afternoon." — no question mark, opening with a greeting or
    /// thanks, and nothing after it but courtesy and titles.
    static func onlyCourtesy(_ text: String) -> Bool {
        guard !text.containsBytes("?"), !text.containsBytes("¿") else { return false }
        let words = letterWords(text)
        guard let first = words.first,
            ["hello", "hi", "hey", "thank", "thanks", "good", "gracias", "buenos", "buenas"].contains(first)
        else { return false }
        return words.allSatisfy { courtesyWords.contains($0) }
    }

    /// The words of a text in lower case: runs of letters and apostrophes. An ASCII text is cut on
    /// its bytes, where a byte is a character (splitting on Characters took 0.03 ms a briefing).
    static func letterWords(_ text: some StringProtocol) -> [String] {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        guard ascii else {
            return text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "’" && $0 != "'" }).map(String.init)
        }
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            if (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "'") {
                word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    private static let courtesyWords: Set<String> = [
        "hello", "hi", "hey", "thank", "thanks", "you", "very", "much", "so", "good", "morning", "afternoon",
        "evening", "mr", "mister", "madam", "ms", "mrs", "dr", "doctor", "sir", "ma’am", "ma'am", "president",
        "vice", "secretary", "speaker", "everyone", "everybody", "all", "gracias", "buenos", "buenas", "días",
        "tardes", "señor", "señora", "presidente", "presidenta", "secretario", "secretaria", "muchas",
    ]

    /// A goodbye that answers nothing and closes the floor: "Thank you so much. Thanks for joining
    /// us.", "And we'll look forward to having you back in the future.", "Thanks." — fifteen
    /// words at most, every sentence a thanks or a farewell. (The guest's farewells ended one
    /// exchange, and the press secretary's opening statement after them is no answer to it.)
    static func onlyThanks(_ text: String) -> Bool {
        guard text.utf8.count <= 200, Turn.words(in: text) <= 15 else { return false }
        let sentences = Outlets.sentences(text)
        return !sentences.isEmpty && sentences.allSatisfy { isThanks($0) }
    }

    private static func isThanks(_ sentence: Substring) -> Bool {
        var words = letterWords(sentence)
        if words.first == "okay" || words.first == "and" { words.removeFirst() }
        guard let first = words.first else { return false }
        let farewell =
            words.starts(with: ["we’ll", "look", "forward"]) || words.starts(with: ["we'll", "look", "forward"])
        guard thanksOpenings.contains(first) || farewell || words.starts(with: ["good", "to", "see"]) else {
            return false
        }
        // Nothing but courtesy: no word beyond the ones goodbyes are made of.
        return words.allSatisfy { farewellWords.contains($0) }
    }

    private static let thanksOpenings: Set<String> = ["thank", "thanks", "appreciate", "goodbye", "bye", "see"]
    private static let farewellWords: Set<String> = [
        "thank", "thanks", "you", "so", "very", "much", "everyone", "everybody", "all", "guys", "sir", "ma’am",
        "ma'am", "for", "joining", "coming", "being", "here", "having", "me", "us", "today", "we’ll", "we'll",
        "look", "forward", "to", "back", "in", "the", "future", "again", "soon", "appreciate", "it", "good",
        "great", "see", "later", "tomorrow", "goodbye", "bye", "of",
    ]

    /// "I'm concerned about everything. That's why I don't sleep a lot. … Go ahead.": an answer
    /// that ends by calling the next reporter. Ten words or more in sentences of four words or
    /// more that neither call, point, thank nor manage the floor ("The gentleman in the blue
    /// blazer.", "Okay, a couple of more.").
    func answersBeforeCalling(_ t: Int) -> Bool {
        let floor = [
            "go ahead", "thank", "please", "in the ", "right there", "right here", "question", "come to",
            "couple of more", "couple more", "one more", "next", "adelante", "gracias", "quicker", "taking over",
        ]
        let said = Outlets.sentences(segmentation.turns[t].text).map { String($0) }.filter { sentence in
            let lower = sentence.lowercased()
            return Turn.words(in: sentence) >= 4 && !floor.contains { lower.containsBytes($0) }
        }
        return said.reduce(0) { $0 + Turn.words(in: $1) } >= 10
    }

    /// A short turn that hands the question to the official who speaks next.
    func isDelegation(_ t: Int, by p: Int) -> Bool {
        let raw = segmentation.turns[t]
        let words = wordCounts[t]
        guard words <= 70, t + 1 < speakers.count, case .person(let next) = speakers[t + 1], next != p,
            participants[next].kind == .official
        else { return false }
        let lower = raw.text.lowercased()
        // The last sentence is a bare call of the next official ("Dr. Redfield?", "Go ahead, Bob.").
        if words <= 25, let last = Outlets.sentences(raw.text).last {
            let lastLower = last.lowercased()
            let names = participants[next].name.lowercased().split(separator: " ").filter { $0.count >= 3 }
            if last.split(separator: " ").count <= 5, names.contains(where: { lastLower.containsBytes(String($0)) }) {
                return true
            }
        }
        let cues = [
            "answer", "invite", "take this", "take that", "take the question", "turn it over", "hand it", "respond",
            "address", "go ahead", "over to", "responder", "conteste", "would you like to", "let me have", "let me ask",
            "adelante", "le pediríamos", "le pido", "le pedimos", "want to say something", "you want to speak",
            "love to have", "like to have", "let me let",
        ]
        guard cues.contains(where: { lower.containsBytes($0) }) else { return false }
        if words <= 25 { return true }
        // The next speaker is named (or called by surname or first name).
        let nameParts = participants[next].name.split(separator: " ").map { $0.lowercased() }
        return nameParts.contains { part in part.count >= 3 && lower.containsBytes(part) }
    }
}
