import PresserCore

/// Turns raw turns into participants, typed turns and exchanges.
///
/// The order matters and each step is one rule:
/// 1. every label becomes a participant, an anonymous reporter, a voice, or (when the publisher
///    printed a roster and the label is not on it) an outlet asking;
/// 2. a named speaker who introduces themselves with an outlet, or is called by name just before
///    speaking, is a journalist; everyone else named is an official;
/// 3. an official who mostly speaks just before questions and hardly ever after them, in short
///    turns, is the moderator;
/// 4. an official's turn is an answer while a question is open, a delegation when it only hands
///    the question to the official who speaks next, and a statement otherwise.
struct BriefingBuilder {
    let segmentation: Segmentation
    let roster: [RosterEntry]
    let title: String?
    let allText: String
    /// Several files joined as pages: turns record their page.
    let paged: Bool

    private(set) var participants: [Participant] = []
    private(set) var turns: [Turn] = []
    private(set) var exchanges: [Exchange] = []

    init(segmentation: Segmentation, roster: [RosterEntry], title: String?, allText: String, paged: Bool = false) {
        self.segmentation = segmentation
        self.roster = roster
        self.title = title
        self.allText = allText
        self.paged = paged
    }

    /// What a raw turn's label turned out to be.
    private enum Speaker {
        case person(Int)  // index into participants
        case questioner(outlet: String?)
        case voice
        case none
    }

    private var speakers: [Speaker] = []
    /// Each participant's turns, by participant index.
    private var turnsOf: [[Int]] = []
    /// Per participant: most turns end in "?", and at least half contain one.
    private var asksMostly: [Bool] = []
    private var asksInHalf: [Bool] = []
    /// Each turn's number of words.
    private var wordCounts: [Int] = []
    /// The self-introduction at the start of each turn, read once.
    private var introductions: [Attribution?] = []
    private var introductionRead: [Bool] = []
    /// The calls at the end of each turn, read once.
    private var callsAtEnd: [[Attribution]] = []
    private var callsRead: [Bool] = []
    private var labelHadTitle: [Bool] = []  // per participant: the label carried a title or role
    private var onRoster: [Bool] = []

    mutating func build() {
        let n = segmentation.turns.count
        callsAtEnd = Array(repeating: [], count: n)
        callsRead = Array(repeating: false, count: n)
        introductions = Array(repeating: nil, count: n)
        introductionRead = Array(repeating: false, count: n)
        wordCounts = segmentation.turns.map { $0.text.spaceSeparatedWordCount }
        identifySpeakers()
        turnsOf = Array(repeating: [], count: participants.count)
        for (t, speaker) in speakers.enumerated() {
            if case .person(let p) = speaker { turnsOf[p].append(t) }
        }
        asksMostly = participants.indices.map(endsMostlyInQuestions)
        asksInHalf = participants.indices.map(asksInHalfOfTurns)
        findJournalists()
        findModerators()
        findJournalists(afterModerator: true)
        typeTurns()
    }

    // MARK: 1. Who is speaking

    private mutating func identifySpeakers() {
        var byKey: [String: Int] = [:]
        var labelCache: [String: Speaker] = [:]
        // Built only when a label gives a surname alone.
        var index: Names.Index?
        // Roster entries first, so that labels resolve to them.
        for entry in roster {
            let id = Participant.slug(entry.name)
            guard byKey[id] == nil else { continue }
            byKey[id] = participants.count
            participants.append(Participant(id: id, name: entry.name, roles: entry.roles, kind: .official))
            labelHadTitle.append(true)
            onRoster.append(true)
        }
        for raw in segmentation.turns {
            guard let label = raw.label else {
                if let byline = raw.byline, let known = byKey[Participant.slug(byline.name)] {
                    speakers.append(.person(known))
                } else if let byline = raw.byline {
                    participants.append(
                        Participant(
                            id: Participant.slug(byline.name), name: byline.name, roles: byline.roles, kind: .official))
                    labelHadTitle.append(true)
                    onRoster.append(true)
                    speakers.append(.person(participants.count - 1))
                } else {
                    speakers.append(raw.unlabelledQuestion ? .questioner(outlet: nil) : .none)
                }
                continue
            }
            // A numbered voice ("Speaker 3") is taken for a reporter, unless it only manages the
            // floor ("All right, guys, last question."): rev.com numbers staff it could not name too.
            if LabelRoles.isNumbered(label.text), !raw.text.containsBytes("?"), Self.managesFloor(raw.text) {
                speakers.append(.voice)
                continue
            }
            if let cached = labelCache[label.text] {
                speakers.append(cached)
                continue
            }
            let speaker: Speaker
            if LabelRoles.isQuestioner(label.text) {
                speaker = .questioner(outlet: nil)
            } else if LabelRoles.isVoice(label.text) {
                speaker = .voice
            } else if let index = rosterMatch(label.text) {
                speaker = .person(index)
            } else if !roster.isEmpty, label.style == .colonLine || label.style == .colonInline {
                // The publisher listed the officials; a label that is none of them names the
                // outlet of the reporter asking ("Economic Daily:").
                speaker = .questioner(outlet: label.text)
            } else {
                let isModeratorLabel = LabelRoles.isModerator(label.text)
                var (roles, name) = Names.split(label: label.text)
                if name == nil, let role = roles.first { name = nameFromTitle(role: role) ?? role }
                let short = name ?? label.text
                if index == nil, !short.containsBytes(" ") {
                    index = Names.Index([
                        (title ?? "", 1000), (segmentation.header.map(\.text).joined(separator: "\n"), 100),
                        (allText, 1),
                    ])
                }
                let resolved = index.map { Names.fullest(short, roles: roles, in: $0) } ?? short
                var id = Participant.slug(resolved)
                if byKey[id] == nil, let similar = similarKey(id, in: byKey) ?? nicknameKey(id, in: byKey) {
                    id = similar
                }
                if let index = byKey[id] {
                    for role in roles where !participants[index].roles.contains(role) {
                        participants[index].roles.append(role)
                    }
                    speaker = .person(index)
                } else {
                    byKey[id] = participants.count
                    participants.append(
                        Participant(
                            id: id, name: resolved, roles: roles, kind: isModeratorLabel ? .moderator : .official))
                    labelHadTitle.append(!roles.isEmpty || Names.hasHonorific(label.text))
                    onRoster.append(false)
                    speaker = .person(participants.count - 1)
                }
            }
            labelCache[label.text] = speaker
            speakers.append(speaker)
        }
    }

    /// A label naming a roster entry: the full name, or its last word.
    private func rosterMatch(_ label: String) -> Int? {
        guard !roster.isEmpty else { return nil }
        let key = Participant.slug(label)
        for (i, p) in participants.enumerated() where onRoster[i] {
            if p.id == key { return i }
            if let surname = p.id.split(separator: "-").last, key.hasSuffix("-" + surname) || key == surname {
                return i
            }
        }
        return nil
    }

    /// "THE PRESIDENT" in a briefing titled "Remarks by President Trump…" is Trump.
    private func nameFromTitle(role: String) -> String? {
        guard let title else { return nil }
        let words = title.split(separator: " ").map { String($0).trimmingCharacters(of: ",.;:") }
        let roleWords = role.split(separator: " ").map { $0.lowercased() }
        guard !roleWords.isEmpty, words.count > roleWords.count else { return nil }
        for i in 0..<(words.count - roleWords.count) {
            let window = words[i..<(i + roleWords.count)].map { $0.lowercased() }
            // "President" must not be the end of "Vice President".
            if window == roleWords, !(i > 0 && words[i - 1].lowercased() == "vice" && roleWords.first != "vice") {
                let next = words[i + roleWords.count]
                if let f = next.first, f.isUppercase, !Names.titleWords.contains(next.lowercased()) { return next }
            }
        }
        return nil
    }

    /// A participant key one or two edits away from a known one with the same first word
    /// ("michelle-smth" for "michelle-smith"): a tagging slip, not a new person.
    private func similarKey(_ key: String, in keys: [String: Int]) -> String? {
        guard key.count >= 8 else { return nil }
        let first = key.split(separator: "-").first
        return keys.keys.sorted().first { other in
            other.split(separator: "-").first == first && editDistance(other, key, limit: 2) <= 2
        }
    }

    /// "debbie-birx" for "deborah-birx": the same surname and a first name sharing its first three
    /// letters is one person under a short form of the name.
    private func nicknameKey(_ key: String, in keys: [String: Int]) -> String? {
        let parts = key.split(separator: "-")
        guard parts.count == 2, parts[0].count >= 3 else { return nil }
        return keys.keys.sorted().first { other in
            let o = other.split(separator: "-")
            return o.count == 2 && o[1] == parts[1] && o[0].prefix(3) == parts[0].prefix(3)
        }
    }

    /// The self-introduction at the start of turn `t`, read on first use.
    private mutating func introduction(_ t: Int) -> Attribution? {
        if !introductionRead[t] {
            introductions[t] = Outlets.selfIntroduction(segmentation.turns[t].text)
            introductionRead[t] = true
        }
        return introductions[t]
    }

    /// The calls on reporters at the end of turn `t`, read on first use.
    private mutating func calls(atEndOf t: Int) -> [Attribution] {
        if !callsRead[t] {
            callsAtEnd[t] = Outlets.calls(atEndOf: segmentation.turns[t].text)
            callsRead[t] = true
        }
        return callsAtEnd[t]
    }

    // MARK: 2. Journalists

    /// A named speaker without a title is a journalist when they introduce themselves with an
    /// outlet, when the turn before calls them by name, or (`afterModerator`) when they speak
    /// right after the moderator.
    private mutating func findJournalists(afterModerator: Bool = false) {
        for (t, raw) in segmentation.turns.enumerated() {
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
            if introNamesThem || (!labelHadTitle[p] && ((asks && call != nil) || moderated || asksMostly[p])) {
                participants[p].kind = .journalist
                participants[p].outlet = introNamesThem ? intro?.outlet : call?.outlet
            }
        }
        // A journalist's outlet may come in a later turn than their first.
        for (t, raw) in segmentation.turns.enumerated() {
            guard case .person(let p) = speakers[t], participants[p].kind == .journalist, participants[p].outlet == nil
            else { continue }
            if let intro = introduction(t), samePerson(intro.name, participants[p].name) {
                participants[p].outlet = intro.outlet
            }
        }
    }

    /// Most of a speaker's turns end in a question mark.
    private func endsMostlyInQuestions(_ p: Int) -> Bool {
        let own = turnsOf[p]
        let asked = own.filter { segmentation.turns[$0].text.utf8.last == UInt8(ascii: "?") }.count
        return !own.isEmpty && asked * 2 > own.count
    }

    /// Words of someone running the room rather than asking.
    static func managesFloor(_ text: String) -> Bool {
        let lower = text.lowercased()
        return [
            "last question", "next question", "thank you all", "thanks, everyone", "we have to go", "that's all",
            "that’s all",
        ]
        .contains { lower.containsBytes($0) }
    }

    /// At least half of a speaker's turns ask something.
    private func asksInHalfOfTurns(_ p: Int) -> Bool {
        let own = turnsOf[p]
        let asked = own.filter { segmentation.turns[$0].text.utf8.contains(UInt8(ascii: "?")) }.count
        return !own.isEmpty && asked * 2 >= own.count
    }

    /// Two names for one person: the same first name, or the same surname ("Mike Derby" and
    /// "Michael Derby"; "Steve" and "Steve Holland").
    private func samePerson(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        let wa = a.lowercased().split(separator: " ")
        let wb = b.lowercased().split(separator: " ")
        guard let fa = wa.first, let fb = wb.first else { return false }
        if fa == fb { return true }
        return wa.count >= 2 && wb.count >= 2 && wa.last == wb.last
    }

    // MARK: 3. Moderators

    private func isQuestion(_ t: Int) -> Bool {
        switch speakers[t] {
        case .questioner: return true
        case .person(let p): return participants[p].kind == .journalist
        default: return false
        }
    }

    private mutating func findModerators() {
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
            if median <= 40, afterQuestion * 5 <= own.count, beforeQuestion >= 1 || roleSaysSo {
                participants[p].kind = .moderator
            }
        }
    }

    // MARK: 4. Turns and exchanges

    private mutating func typeTurns() {
        var open: Int?  // index into exchanges
        for (t, raw) in segmentation.turns.enumerated() {
            var turn = Turn(
                index: t, speaker: nil, label: raw.label?.text, kind: .other, line: raw.line,
                page: paged ? raw.page : nil, text: raw.text)
            switch speakers[t] {
            case .questioner(let outlet):
                turn.kind = .question
                turn.outlet = outlet
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
                    if callsNextReporter(t) {
                        turn.kind = .moderation
                    } else if open == nil {
                        turn.kind = .statement
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
                if turn.outlet == nil { turn.outlet = Outlets.outletIntroduction(raw.text) }
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
    private func callsNextReporter(_ t: Int) -> Bool {
        let raw = segmentation.turns[t]
        let words = wordCounts[t]
        guard t + 1 < speakers.count, isQuestion(t + 1), words <= 30 else { return false }
        let lower = raw.text.lowercased()
        // Pointing at someone in the room, or moving on.
        let strong = [
            "go ahead", "next question", "last question", "in the back", "right there", "right here",
            "gentleman", "the lady", "adelante", "la última pregunta",
        ]
        if strong.contains(where: { lower.containsBytes($0) }) { return true }
        // "In the Brown blazer here.": pointing at someone, in very few words.
        if words <= 8, lower.hasPrefix("in the ") || lower.containsBytes(". in the ") { return true }
        guard words <= 15, let last = Outlets.sentences(raw.text).last?.lowercased() else { return false }
        let weak = ["please", "yes, sir", "yes, ma’am", "yes, ma'am", "sí, adelante"]
        return Outlets.call(atEndOf: raw.text)?.name != nil || weak.contains { last.containsBytes($0) }
    }

    /// A short turn that hands the question to the official who speaks next.
    private func isDelegation(_ t: Int, by p: Int) -> Bool {
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
        ]
        guard cues.contains(where: { lower.containsBytes($0) }) else { return false }
        if words <= 25 { return true }
        // The next speaker is named (or called by surname or first name).
        let nameParts = participants[next].name.split(separator: " ").map { $0.lowercased() }
        return nameParts.contains { part in part.count >= 3 && lower.containsBytes(part) }
    }
}

extension String {
    func trimmingCharacters(of set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    if abs(a.count - b.count) > limit { return limit + 1 }
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + [Int](repeating: 0, count: b.count)
        var best = i
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            best = min(best, current[j])
        }
        if best > limit { return limit + 1 }
        previous = current
    }
    return previous[b.count]
}
