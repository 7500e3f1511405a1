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
    /// The roster is the one spokesperson the title names: unnamed answers ("A:", "答：") and
    /// opening remarks printed without a label are theirs.
    let hostFromTitle: Bool
    let title: String?
    /// All the lines, for the whole text, which few transcripts need (`allText()`).
    let lines: [SourceLine]
    /// Several files joined as pages: turns record their page.
    let paged: Bool

    var participants: [Participant] = []
    var turns: [Turn] = []
    var exchanges: [Exchange] = []

    init(
        segmentation: Segmentation, roster: [RosterEntry], hostFromTitle: Bool = false, title: String?,
        lines: [SourceLine], paged: Bool = false
    ) {
        self.segmentation = segmentation
        self.roster = roster
        self.hostFromTitle = hostFromTitle
        self.title = title
        self.lines = lines
        self.paged = paged
    }

    /// What a raw turn's label turned out to be.
    enum Speaker {
        case person(Int)  // index into participants
        case questioner(outlet: String?)
        case voice
        case none
    }

    var speakers: [Speaker] = []
    /// Each participant's turns, by participant index.
    var turnsOf: [[Int]] = []
    /// Per participant: most turns end in "?", and at least half contain one.
    var asksMostly: [Bool] = []
    var asksInHalf: [Bool] = []
    var pressesShortly: [Bool] = []
    /// Each turn's number of words.
    var wordCounts: [Int] = []
    /// The self-introduction at the start of each turn, read once.
    var introductions: [Attribution?] = []
    var introductionRead: [Bool] = []
    /// The calls at the end of each turn, read once.
    var callsAtEnd: [[Attribution]] = []
    var callsRead: [Bool] = []
    var labelHadTitle: [Bool] = []  // per participant: the label carried a title or role
    var onRoster: [Bool] = []

    mutating func build() {
        let n = segmentation.turns.count
        callsAtEnd = Array(repeating: [], count: n)
        callsRead = Array(repeating: false, count: n)
        introductions = Array(repeating: nil, count: n)
        introductionRead = Array(repeating: false, count: n)
        wordCounts = segmentation.turns.map { Turn.words(in: $0.text) }
        identifySpeakers()
        turnsOf = Array(repeating: [], count: participants.count)
        for (t, speaker) in speakers.enumerated() {
            if case .person(let p) = speaker { turnsOf[p].append(t) }
        }
        asksMostly = participants.indices.map(endsMostlyInQuestions)
        asksInHalf = participants.indices.map(asksInHalfOfTurns)
        pressesShortly = participants.indices.map(pressesInShortTurns)
        findJournalists()
        findModerators()
        findJournalists(afterModerator: true)
        typeTurns()
    }

    // MARK: 1. Who is speaking

    mutating func identifySpeakers() {
        var byKey: [String: Int] = [:]
        var labelCache: [String: Speaker] = [:]
        // Built only when a label gives a surname alone.
        var index: Names.Index?
        // Built only when a label prints a name in capitals.
        var spellings: Names.Spellings?
        // The whole text, joined only when one of those is built.
        var joined: String?
        func allText() -> String {
            if let joined { return joined }
            let text = lines.joinedText
            joined = text
            return text
        }
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
                } else if raw.opening, hostFromTitle, !participants.isEmpty {
                    speakers.append(.person(0))
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
            let outletStyles: Set<SpeakerLabel.Style> = [.colonLine, .colonInline, .fullWidth, .mixedInline]
            if let outlet = LabelRoles.chineseOutlet(label.text) {
                speaker = .questioner(outlet: outlet)
            } else if LabelRoles.isQuestioner(label.text) {
                speaker = .questioner(outlet: nil)
            } else if LabelRoles.isVoice(label.text) {
                speaker = .voice
            } else if hostFromTitle, LabelRoles.isAnswerer(label.text) {
                speaker = .person(0)
            } else if let index = rosterMatch(label.text) {
                speaker = .person(index)
            } else if !roster.isEmpty, outletStyles.contains(label.style) {
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
                        (title ?? "", 1000), (segmentation.header.joinedText, 100),
                        (allText(), 1),
                    ])
                }
                var resolved = index.map { Names.fullest(short, roles: roles, in: $0) } ?? short
                if SpeakerLabel.isUpperCase(label.text[...]), Names.mayHaveInnerCapital(resolved) {
                    if spellings == nil { spellings = Names.Spellings(allText()) }
                    if let printed = spellings?.spelling(of: resolved) { resolved = printed }
                }
                var id = Participant.slug(resolved)
                if byKey[id] == nil {
                    // Sorted once for the four tests (each had sorted them again).
                    let keys = byKey.keys.sorted()
                    if let similar = similarKey(id, in: keys) ?? nicknameKey(id, in: keys)
                        ?? middleNameKey(id, in: keys) ?? transposedKey(id, in: keys)
                    {
                        id = similar
                    }
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
                            id: id, name: resolved, roles: roles,
                            kind: isModeratorLabel
                                ? .moderator : LabelRoles.isInterpreter(label.text) ? .interpreter : .official))
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
    func rosterMatch(_ label: String) -> Int? {
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
    func nameFromTitle(role: String) -> String? {
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

    // The keys compared below are slugs (`Participant.slug`): ASCII letters and digits in parts
    // joined by single hyphens, none at either end. So the parts are cut and compared on bytes,
    // and a key is split into its parts only once its first (and last) part has matched: each
    // new speaker was compared with every known key, splitting both each time (1% of the analysis).

    /// A participant key one or two edits away from a known one with the same first word
    /// ("michelle-smth" for "michelle-smith"): a tagging slip, not a new person.
    /// `keys` (here and below) are the known ones, sorted.
    func similarKey(_ key: String, in keys: [String]) -> String? {
        guard key.count >= 8 else { return nil }
        let first = Self.firstPart(key)
        return keys.first { other in
            Self.firstPart(other).elementsEqual(first) && editDistance(other, key, limit: 2) <= 2
        }
    }

    /// "edna-vega-rangel" for "edna-elena-vega-rangel": a middle name left out (or added), the
    /// first and last names the same, three names or more in the shorter form.
    func middleNameKey(_ key: String, in keys: [String]) -> String? {
        let parts = key.split(separator: "-")
        func within(_ short: [Substring], _ long: [Substring]) -> Bool {
            guard short.count >= 3, long.count > short.count, short.first == long.first, short.last == long.last
            else { return false }
            var i = 0
            for part in long where i < short.count && part == short[i] { i += 1 }
            return i == short.count
        }
        let (first, last) = (Self.firstPart(key), Self.lastPart(key))
        return keys.first { other in
            guard Self.firstPart(other).elementsEqual(first), Self.lastPart(other).elementsEqual(last) else {
                return false
            }
            let o = other.split(separator: "-")
            return within(parts, o) || within(o, parts)
        }
    }

    /// "girior" for "giroir": a label's typo that swaps two letters side by side (five letters or
    /// more) is the same person.
    func transposedKey(_ key: String, in keys: [String]) -> String? {
        let k = Array(key.utf8)
        guard k.count >= 5 else { return nil }
        return keys.first { other in
            guard other.utf8.count == k.count else { return false }
            let o = Array(other.utf8)
            guard o != k, let i = k.indices.first(where: { k[$0] != o[$0] }), i + 1 < k.count
            else { return false }
            return k[i] == o[i + 1] && k[i + 1] == o[i] && k[(i + 2)...] == o[(i + 2)...]
        }
    }

    /// "debbie-birx" for "deborah-birx": the same surname and a first name sharing its first three
    /// letters is one person under a short form of the name.
    func nicknameKey(_ key: String, in keys: [String]) -> String? {
        let parts = key.split(separator: "-")
        guard parts.count == 2, parts[0].count >= 3 else { return nil }
        let last = Self.lastPart(key)
        return keys.first { other in
            guard Self.lastPart(other).elementsEqual(last) else { return false }
            let o = other.split(separator: "-")
            return o.count == 2 && o[1] == parts[1] && o[0].prefix(3) == parts[0].prefix(3)
        }
    }

    /// A slug's bytes up to its first hyphen.
    private static func firstPart(_ key: String) -> Substring.UTF8View {
        let u = key.utf8
        return Substring(u[..<(u.firstIndex(of: UInt8(ascii: "-")) ?? u.endIndex)]).utf8
    }

    /// A slug's bytes after its last hyphen.
    private static func lastPart(_ key: String) -> Substring.UTF8View {
        let u = key.utf8
        return Substring(u[(u.lastIndex(of: UInt8(ascii: "-")).map(u.index(after:)) ?? u.startIndex)...]).utf8
    }

    /// The self-introduction at the start of turn `t`, read on first use.
    mutating func introduction(_ t: Int) -> Attribution? {
        if !introductionRead[t] {
            // Self-introductions and calls are read in English and Spanish only.
            let text = segmentation.turns[t].text
            introductions[t] = Language.isChinese(text) ? nil : Outlets.selfIntroduction(text)
            introductionRead[t] = true
        }
        return introductions[t]
    }

    /// The calls on reporters at the end of turn `t`, read on first use.
    mutating func calls(atEndOf t: Int) -> [Attribution] {
        if !callsRead[t] {
            let text = segmentation.turns[t].text
            callsAtEnd[t] = Language.isChinese(text) ? [] : Outlets.calls(atEndOf: text)
            callsRead[t] = true
        }
        return callsAtEnd[t]
    }

}
