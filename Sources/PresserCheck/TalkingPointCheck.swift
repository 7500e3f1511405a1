import Foundation
import PresserCore

/// Sentences said again, nearly word for word: "no violent terrorist attacks for three consecutive
/// years" in the opening statement, in a reporter's question and in two answers.
///
/// Two sentences match when the content words they share carry at least 60% of the weight of the
/// shorter one (words weighted by how rare they are in the briefing, so "Xinjiang" in a briefing on
/// Xinjiang counts little), they share at least four content words and three two-word phrases
/// ("violent terrorist", "consecutive years"), and the shorter one's numbers are all in the other
/// (so "rose by 6.5% and 8.4%" does not repeat "rising by 8.4% and 8.2%"). Matching sentences are
/// grouped; each group of two or more is one finding, with who said each. Moderation and hand-offs
/// (titles read out again) are left out, and so is an answer repeating its own question. A sentence
/// saying the same in other words joins a group on a looser match anchored by a shared number.
enum TalkingPointCheck {
    static let threshold = 0.6
    static let looseThreshold = 0.5
    static let minimumShared = 4
    static let minimumPhrases = 3
    static let minimumWords = 6

    static func findings(_ briefing: Briefing, figures: Figures) -> [Finding] {
        let sentences = figures.sentences
        // Words as numbers (the figures' word ids), each sentence's distinct words, with their
        // weights; moderation and hand-offs have none.
        let weight = figures.idWeights
        let vocabulary = figures.vocabulary
        let ordered = zip(sentences, figures.sentenceIDs).map { s, words -> ArraySlice<Int> in
            let kind = briefing.turns.indices.contains(s.turn) ? briefing.turns[s.turn].kind : .other
            return kind != .moderation && kind != .delegation ? words : []
        }
        // Each sentence's words once, in order, told apart by marking word ids in an array rather
        // than hashing them into a set; the sets are made only for the few comparisons that use them.
        // All in one array, each sentence's a slice of it (an array a sentence was a twentieth of
        // the checks' allocations).
        var once: [Int] = []
        once.reserveCapacity(ordered.reduce(0) { $0 + $1.count })
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(ordered.count)
        var lastSeen = [Int](repeating: -1, count: vocabulary.count)
        for (i, words) in ordered.enumerated() {
            let start = once.count
            for w in words where lastSeen[w] != i {
                lastSeen[w] = i
                once.append(w)
            }
            bounds.append(start..<once.count)
        }
        let distinct = bounds.map { once[$0] }
        var sets = [Set<Int>?](repeating: nil, count: distinct.count)
        func stems(_ i: Int) -> Set<Int> {
            if let made = sets[i] { return made }
            let made = Set(distinct[i])
            sets[i] = made
            return made
        }
        let totals = distinct.map { $0.reduce(0) { $0 + weight[$1] } }
        let isNumber = Set(vocabulary.indices.filter { Self.startsWithNumber(vocabulary[$0]) })
        func phrases(_ i: Int) -> Set<Int> {
            Set(zip(ordered[i], ordered[i].dropFirst()).map { $0 &* 1_000_003 &+ $1 })
        }
        // Each answer turn's question turn, so that an answer echoing its question is not a repeat.
        var questionOf: [Int: Int] = [:]
        for e in briefing.exchanges { for a in e.answers { questionOf[a] = e.question } }
        func echoes(_ i: Int, _ j: Int) -> Bool {
            let (a, b) = (sentences[i].turn, sentences[j].turn)
            return questionOf[a] == b || questionOf[b] == a
        }
        // Long enough to be a talking point: six content words, or in Chinese (whose words are
        // pairs of characters) twelve pairs, so that "中方对此有何评论？" is not one.
        let long = sentences.indices.map { i in
            let count = distinct[i].count
            guard count >= minimumWords else { return false }
            return count >= 2 * minimumWords || !ChineseText.isMostlyChinese(sentences[i].text, limit: 200)
        }
        // Candidate pairs through the words they share, rare words only. Arrays by word id and by
        // sentence, not dictionaries: hashing was a third of this check's time.
        // The long sentences each word is in, in order, the lists one after another in one array:
        // word w's is `listed[firstListed[w]..<firstListed[w + 1]]`. (An array a word, grown a
        // sentence at a time, was a seventh of the checks' allocations.)
        var firstListed = [Int](repeating: 0, count: vocabulary.count + 1)
        for (i, s) in distinct.enumerated() where long[i] {
            for w in s { firstListed[w + 1] += 1 }
        }
        for w in vocabulary.indices { firstListed[w + 1] += firstListed[w] }
        var listed = [Int](repeating: 0, count: firstListed[vocabulary.count])
        var filled = firstListed
        for (i, s) in distinct.enumerated() where long[i] {
            for w in s {
                listed[filled[w]] = i
                filled[w] += 1
            }
        }
        func index(_ w: Int) -> ArraySlice<Int> { listed[firstListed[w]..<firstListed[w + 1]] }
        var parent = Array(0..<sentences.count)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        let common = max(20, sentences.count / 10)
        // The walk below runs on buffers of its own: as arrays, every write to them was checked for
        // a unique reference (about a tenth of this check's time).
        func buffer(_ count: Int, _ value: Int) -> UnsafeMutableBufferPointer<Int> {
            let made = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(count, 1))
            made.initialize(repeating: value)
            return made
        }
        // How many rare words each later sentence shares with this one; `touched` lists those with
        // any (the first `touchedCount`).
        let shared = buffer(sentences.count, 0)
        let touched = buffer(sentences.count, 0)
        var touchedCount = 0
        // Per word, where the sentences after the one being read begin in its list (the lists are
        // in order, and each holds the sentence being read): only those are walked.
        let later = buffer(vocabulary.count, 0)
        // Per word, the last sentence read that has it: a candidate's words are looked up here.
        let inSentence = buffer(vocabulary.count, -1)
        defer {
            for made in [shared, touched, later, inSentence] { made.deallocate() }
        }
        // The word lists and the sentences' words read through buffers too: a slice of either,
        // made for every word and every candidate, retained and released the array each time.
        listed.withUnsafeBufferPointer { listed in
            once.withUnsafeBufferPointer { once in
                for i in distinct.indices where long[i] {
                    for j in touched[..<touchedCount] { shared[j] = 0 }
                    touchedCount = 0
                    for p in bounds[i] {
                        let w = once[p]
                        inSentence[w] = i
                        later[w] += 1
                        let (first, end) = (firstListed[w], firstListed[w + 1])
                        guard end - first <= common else { continue }
                        for q in (first + later[w])..<end {
                            let j = listed[q]
                            if shared[j] == 0 {
                                touched[touchedCount] = j
                                touchedCount += 1
                            }
                            shared[j] += 1
                        }
                    }
                    for j in touched[..<touchedCount] where shared[j] >= minimumShared - 1 {
                        // Common words were skipped above; count them now for the candidates left
                        // (walking the candidate's words, each looked up in an array, not hashed
                        // into a set).
                        var sharedWords = 0
                        var sharedWeight = 0.0
                        for p in bounds[j] where inSentence[once[p]] == i {
                            sharedWords += 1
                            sharedWeight += weight[once[p]]
                        }
                        guard sharedWords >= minimumShared else { continue }
                        let smaller = min(totals[i], totals[j])
                        let similarity = smaller > 0 ? sharedWeight / smaller : 0
                        let (small, large) = bounds[j].count < bounds[i].count ? (j, i) : (i, j)
                        guard similarity >= threshold, !echoes(i, j),
                            phrases(i).intersection(phrases(j)).count >= minimumPhrases,
                            stems(small).intersection(isNumber).isSubset(of: stems(large))
                        else { continue }
                        parent[root(j)] = root(i)
                    }
                }
            }
        }
        // Groups of two or more (a sentence alone is no repeat, and an array for each was a fiftieth
        // of the checks' allocations).
        let grouped = sentences.indices.filter { parent[$0] != $0 || distinct[$0].count >= minimumWords }
        var size = [Int](repeating: 0, count: sentences.count)
        for i in grouped { size[root(i)] += 1 }
        var groups: [Int: [Int]] = [:]
        for i in grouped where size[root(i)] > 1 { groups[root(i), default: []].append(i) }
        // The same point in other words: "not a single case of violence or a terrorist attack has
        // occurred in the past three years" beside "no violent terrorist attacks for three
        // consecutive years". A sentence joins a group that is already a repeat on a looser match
        // with one of its members, anchored by a figure: half the weight of the shorter sentence, four
        // shared words, a shared number ("three", "70"), and the shorter one's numbers all in the
        // other. (Without the number, sentences that only name the same thing, "vocational education
        // and training centers", would match.)
        let numeric = Set(vocabulary.indices.filter { isNumber.contains($0) || numberWords.contains(vocabulary[$0]) })
        // In order of first saying: a sentence joins the first group it matches, so the order
        // decides (a dictionary's order changes from run to run, and so did the findings).
        let repeats = groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        var inGroup = Set(repeats.joined())
        var paraphrases: [Int: [Int]] = [:]
        for members in repeats where !ChineseText.isMostlyChinese(sentences[members[0]].text, limit: 200) {
            let figuresSaid = members.reduce(into: Set<Int>()) { $0.formUnion(stems($1).intersection(numeric)) }
            guard !figuresSaid.isEmpty else { continue }
            // The long sentences that say one of its figures, in order (through the word index).
            let sayingFigures = Set(figuresSaid.flatMap(index)).sorted()
            for k in sayingFigures where !inGroup.contains(k) {
                let words = stems(k)
                for m in members where !echoes(k, m) {
                    let both = words.intersection(stems(m))
                    guard both.count >= minimumShared, !both.isDisjoint(with: numeric) else { continue }
                    let smaller = min(totals[k], totals[m])
                    let similarity = smaller > 0 ? both.reduce(0) { $0 + weight[$1] } / smaller : 0
                    let (small, large) = distinct[k].count < distinct[m].count ? (k, m) : (m, k)
                    guard similarity >= looseThreshold, stems(small).intersection(numeric).isSubset(of: stems(large))
                    else { continue }
                    paraphrases[members[0], default: []].append(k)
                    inGroup.insert(k)
                    break
                }
            }
        }
        var out: [Finding] = []
        for group in groups.values.sorted(by: { $0[0] < $1[0] }) where group.count > 1 {
            let reworded = paraphrases[group[0]] ?? []
            let members = (group + reworded).sorted()
            let turns = members.map { sentences[$0].turn }
            let who = members.map { "\(Format.speaker(sentences[$0].turn, in: briefing)) (turn \(sentences[$0].turn))" }
            let first = sentences[members[0]].text
            out.append(
                Finding(
                    kind: .repeatedTalkingPoint, severity: .info,
                    message:
                        "Said \(members.count) times\(reworded.isEmpty ? "" : " (\(reworded.count) in other words)"): "
                        + "“\(shortened(first))” — by \(who.joined(separator: "; ")).",
                    claims: figures.all.filter { members.contains($0.sentence) }.map(\.index),
                    turns: Array(Set(turns)).sorted(),
                    details: [
                        "count": .number(Double(members.count)), "threshold": .number(threshold),
                        "sentences": .text(members.map { sentences[$0].text }.joined(separator: " | ")),
                    ]))
        }
        return out
    }

    private static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "forty", "fifty", "hundre", "thousa", "millio", "billio", "trilli", "dozen",
    ]

    /// Whether the word starts with a digit, or another character that is a number ("½", "三").
    private static func startsWithNumber(_ word: String) -> Bool {
        guard let byte = word.utf8.first else { return false }
        if byte < 0x80 { return byte >= 0x30 && byte <= 0x39 }
        return word.first?.isNumber == true
    }

    private static func shortened(_ s: String) -> String {
        guard s.count > 160 else { return s }
        return String(s.prefix(157)) + "…"
    }
}
