import Foundation
import PresserCore

/// A claim as the checks see it: where it sits (turn, paragraph, sentence), the period it is about
/// (its own, or the one the paragraph set earlier: "In 2017, GDP reached … Incomes rose …"), the
/// values it allows, and the words that say what it measures. A class, not a struct: the checks
/// weigh every pair of figures, and copying a figure (a claim's strings and two word lists) for each pair
/// cost more than the weighing.
final class Figure: Sendable {
    let index: Int
    let claim: Claim
    /// Position of the sentence in the briefing, counting every sentence of every turn.
    let sentence: Int
    let paragraph: Int
    let period: Claim.Period?
    /// The period came from an earlier sentence of the same paragraph.
    let periodInherited: Bool
    let range: ValueRange
    /// The words of the subject and of what is counted.
    let subjectWords: FigureWords
    /// Those and the words around the figure in its sentence (worked out once, not for each pair
    /// weighed).
    let words: FigureWords
    /// Offset of the sentence in the turn's text, in scalars.
    let sentenceStart: Int

    init(
        index: Int, claim: Claim, sentence: Int, paragraph: Int, period: Claim.Period?, periodInherited: Bool,
        range: ValueRange, subjectWords: FigureWords, words: FigureWords, sentenceStart: Int
    ) {
        self.index = index
        self.claim = claim
        self.sentence = sentence
        self.paragraph = paragraph
        self.period = period
        self.periodInherited = periodInherited
        self.range = range
        self.subjectWords = subjectWords
        self.words = words
        self.sentenceStart = sentenceStart
    }

    /// The word before the figure in its sentence, lower-cased ("to" of "dropped to", "from"), read
    /// from at most 48 scalars back. Worked out when asked, not for every figure: only figures that
    /// share a sentence with another are asked (made for all, the two words before took 2% of the
    /// analysis).
    var wordBefore: String { Figures.wordBefore(claim, sentenceStart: sentenceStart) }

    var isLevel: Bool { claim.change == nil && claim.kind != .percentagePoint && claim.kind != .basisPoint }

    /// What the figure is about, for messages: subject, else what is counted, else nil.
    var thing: String? { claim.subject ?? claim.counted }

    /// Same kind and unit: the two can be compared.
    func isComparable(with other: Figure) -> Bool {
        claim.kind == other.claim.kind && claim.unit == other.claim.unit
    }
}

/// The figures of a briefing, with the sentence index the checks share.
struct Figures: Sendable {
    var all: [Figure]
    /// Every sentence of the briefing, in order, with its turn.
    var sentences: [(turn: Int, text: String)]
    /// Every content word of the briefing once, in the order first said: a word's id is its index.
    /// After them, the words only the figures' descriptions have (`Figure.words`).
    var vocabulary: [String]
    /// The content words of each sentence, numbers included, in order, as word ids.
    var sentenceIDs: SentenceWords
    var weights: WordWeights
    /// Each word's weight in `weights`, by id (descriptions' own words: the weight of a word unseen).
    var idWeights: [Double]
    /// Each turn's sentences, as a range of indices into `sentences`.
    var sentencesOfTurn: [Int: Range<Int>]
    /// The briefing's language: the word lists are English, so comparisons by words are weaker
    /// in other languages.
    var language: String

    init(_ briefing: Briefing) {
        self.init(briefing, sentences: Sentences.ofTurns(briefing))
    }

    /// From each turn's sentences, split already (`Sentences.ofTurns`).
    init(_ briefing: Briefing, sentences spansOfTurns: [[Sentences.Span]]) {
        var sentences: [(turn: Int, text: String)] = []
        var sentenceIDs = SentenceWords()
        var vocabulary = Vocabulary()
        let sentenceCount = spansOfTurns.reduce(0) { $0 + $1.count }
        let textLength = briefing.turns.reduce(0) { $0 + $1.text.utf8.count }
        sentenceIDs.reserveCapacity(sentences: sentenceCount, words: textLength / 6)
        sentences.reserveCapacity(sentenceCount)
        // Per turn: the sentence spans and the paragraph each starts in.
        var spansByTurn: [Int: [(span: Sentences.Span, index: Int, paragraph: Int)]] = [:]
        var paragraph = 0
        var sentencesOfTurn: [Int: Range<Int>] = [:]
        for (turn, turnSpans) in zip(briefing.turns, spansOfTurns) {
            let first = sentences.count
            defer { sentencesOfTurn[turn.index] = first..<sentences.count }
            var spans: [(span: Sentences.Span, index: Int, paragraph: Int)] = []
            spans.reserveCapacity(turnSpans.count)
            let breaks = Self.paragraphBreaks(turn.text)
            var nextBreak = 0
            paragraph += 1
            for span in turnSpans {
                while nextBreak < breaks.count, breaks[nextBreak] <= span.start {
                    paragraph += 1
                    nextBreak += 1
                }
                spans.append((span, sentences.count, paragraph))
                sentences.append((turn.index, span.text))
                sentenceIDs.append(span.text, in: &vocabulary)
            }
            spansByTurn[turn.index] = spans
        }
        self.sentences = sentences
        self.sentencesOfTurn = sentencesOfTurn
        self.language = briefing.language
        self.sentenceIDs = sentenceIDs
        let weights = WordWeights(vocabulary: vocabulary, documents: sentenceIDs)
        self.weights = weights

        // The words describing each figure, as ids: those the sentences have by the id each is
        // known by (`WordWeights.canonical`), the rest (cut off by the figure: "about" of
        // "about5%") numbered after them, once for each text.
        let inSentences = vocabulary.count
        var descriptionsOnly: [String: Int] = [:]
        func add(_ text: some StringProtocol, to ids: inout [Int]) {
            let first = ids.count
            Words.stemIDs(text, in: &vocabulary, appendingTo: &ids)
            for k in first..<ids.count {
                let id = ids[k]
                if id < inSentences {
                    ids[k] = weights.canonical[id]
                    continue
                }
                let word = vocabulary[id]
                if let known = weights.id(of: word) ?? descriptionsOnly[word] {
                    ids[k] = known
                } else {
                    descriptionsOnly[word] = id
                }
            }
        }
        // Per claim: its sentence, paragraph and sentence start, the subject's words, and those
        // with the words around it.
        var placed: [(sentence: Int, paragraph: Int, start: Int, subject: [Int], words: [Int])] = []
        placed.reserveCapacity(briefing.claims.count)
        for claim in briefing.claims {
            let spans = spansByTurn[claim.turn] ?? []
            let span = spans.last { $0.span.start <= claim.start }
            let start = span?.span.start ?? claim.start
            let (before, after) = Self.window(of: claim, sentenceStart: start, words: 8)
            // Each array made once at about its size, the texts read where they are (the arrays
            // grown and the texts copied were a twelfth of the analysis's allocations).
            var subject: [Int] = []
            subject.reserveCapacity(8)
            if let text = claim.subject { add(text, to: &subject) }
            if let text = claim.counted { add(text, to: &subject) }
            var words: [Int] = []
            words.reserveCapacity(subject.count + 16)
            words += subject
            add(before, to: &words)
            add(after, to: &words)
            placed.append((span?.index ?? -1, span?.paragraph ?? -1, start, subject, words))
        }
        self.vocabulary = vocabulary.words
        let idWeights = vocabulary.words.indices.map { id in
            id < inSentences ? weights.weight(id: weights.canonical[id]) : weights.weight(vocabulary[id])
        }
        self.idWeights = idWeights

        var all: [Figure] = []
        var lastPeriod: (paragraph: Int, sentence: Int, period: Claim.Period)?
        for (index, (claim, place)) in zip(briefing.claims, placed).enumerated() {
            let (sentence, paragraph) = (place.sentence, place.paragraph)
            var period = claim.period
            var inherited = false
            if let p = period, p.from != nil || p.to != nil {
                lastPeriod = (paragraph, sentence, p)
            } else if let last = lastPeriod, last.paragraph == paragraph, last.sentence < sentence {
                period = last.period
                inherited = true
            } else {
                period = nil
            }
            all.append(
                Figure(
                    index: index, claim: claim, sentence: sentence, paragraph: paragraph, period: period,
                    periodInherited: inherited, range: ValueRange(claim),
                    subjectWords: FigureWords(place.subject, weights: idWeights),
                    words: FigureWords(place.words, weights: idWeights), sentenceStart: place.start))
        }
        self.all = all
    }

    /// The figures sentence by sentence, in order (sentences without figures left out).
    var bySentence: [ArraySlice<Figure>] {
        var out: [ArraySlice<Figure>] = []
        var i = 0
        while i < all.count {
            var j = i + 1
            while j < all.count, all[j].sentence == all[i].sentence { j += 1 }
            out.append(all[i..<j])
            i = j
        }
        return out
    }

    /// The content words said in these turns (numbers included), as a mark by word id: set at the
    /// id each word is known by (`WordWeights.canonical`), which `WordWeights.id(of:)` gives for a
    /// word's text. (A set of the words' texts, made for every answer, hashed each of them.)
    func said(inTurns turns: [Int]) -> [Bool] {
        var said = [Bool](repeating: false, count: vocabulary.count)
        let canonical = weights.canonical
        for turn in turns {
            for i in sentencesOfTurn[turn] ?? 0..<0 {
                for id in sentenceIDs[i] { said[canonical[id]] = true }
            }
        }
        return said
    }

    /// The content words of sentence `i` (numbers left out), each once, by the id `said(inTurns:)`
    /// marks: the stems `Words.stems` gives for its text, read off `sentenceIDs` rather than
    /// scanned and hashed again.
    func contentWords(ofSentence i: Int) -> Set<Int> { contentWords(ofSentences: i..<(i + 1)) }

    /// The same for every sentence of a turn.
    func contentWords(ofTurn turn: Int) -> Set<Int> { contentWords(ofSentences: sentencesOfTurn[turn] ?? 0..<0) }

    private func contentWords(ofSentences range: Range<Int>) -> Set<Int> {
        var out = Set<Int>(minimumCapacity: range.reduce(0) { $0 + sentenceIDs[$1].count })
        let canonical = weights.canonical
        for i in range {
            for id in sentenceIDs[i] where !Self.isNumber(vocabulary[id]) { out.insert(canonical[id]) }
        }
        return out
    }

    /// A number among the words (`Words.stems` with `numbers`: "8.4", "2019").
    private static func isNumber(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    /// Figures in the same sentence as `figure`, itself included, in order.
    func inSentence(of figure: Figure) -> [Figure] {
        all.filter { $0.sentence == figure.sentence }
    }

    /// How alike two figures' descriptions are, 0 to 1: the subject words count twice.
    func similarity(_ a: Figure, _ b: Figure) -> Double {
        let context = a.words.overlap(with: b.words, weights: idWeights)
        guard !a.subjectWords.isEmpty, !b.subjectWords.isEmpty else { return context }
        return (2 * a.subjectWords.overlap(with: b.subjectWords, weights: idWeights) + context) / 3
    }

    /// Whether any of `stems` (as `Words.stem` gives them) is among `words`.
    func contains(anyOf stems: Set<String>, in words: FigureWords) -> Bool {
        words.ids.contains { stems.contains(vocabulary[$0]) }
    }

    /// The last word before the figure in its sentence, read from at most 48 scalars back, on the
    /// sentence's bytes.
    fileprivate static func wordBefore(_ claim: Claim, sentenceStart: Int) -> String {
        let offset = claim.start - sentenceStart
        guard offset > 0 else { return "" }
        var sentence = claim.sentence
        return sentence.withUTF8 { u -> String in
            // Each scalar starts with a byte that is not a continuation byte.
            func isContinuation(_ i: Int) -> Bool { u[i] & 0xC0 == 0x80 }
            var end = 0
            var scalars = 0
            while end < u.count, scalars < offset {
                end += 1
                while end < u.count, isContinuation(end) { end += 1 }
                scalars += 1
            }
            guard scalars == offset else { return "" }
            var start = end
            for _ in 0..<min(offset, 48) where start > 0 {
                start -= 1
                while start > 0, isContinuation(start) { start -= 1 }
            }
            // ASCII, no-break spaces and general punctuation (dashes, curly quotes: U+2000–U+206F),
            // the common case: letters and digits make words, anything else parts them.
            var i = start
            while i < end {
                if u[i] < 0x80 {
                    i += 1
                } else if u[i] == 0xC2, i + 1 < end, u[i + 1] == 0xA0 {
                    i += 2
                } else if u[i] == 0xE2, i + 2 < end, u[i + 1] == 0x80 || (u[i + 1] == 0x81 && u[i + 2] <= 0xAF) {
                    i += 3
                } else {
                    break
                }
            }
            guard i >= end else {
                // Beyond those, the last run of letters and digits, read back from the end by
                // Characters (splitting the whole window into words, lower-cased, was 3% of the
                // analysis of a Spanish briefing).
                let head = String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)
                func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
                var wordEnd = head.endIndex
                while wordEnd > head.startIndex, !isWordCharacter(head[head.index(before: wordEnd)]) {
                    wordEnd = head.index(before: wordEnd)
                }
                var wordStart = wordEnd
                while wordStart > head.startIndex, isWordCharacter(head[head.index(before: wordStart)]) {
                    wordStart = head.index(before: wordStart)
                }
                return head[wordStart..<wordEnd].lowercased()
            }
            func isWordByte(_ b: UInt8) -> Bool {
                (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            }
            var wordEnd = end
            while wordEnd > start, !isWordByte(u[wordEnd - 1]) { wordEnd -= 1 }
            var wordStart = wordEnd
            while wordStart > start, isWordByte(u[wordStart - 1]) { wordStart -= 1 }
            return String(decoding: u[wordStart..<wordEnd].map(ByteSearch.fold), as: UTF8.self)
        }
    }

    /// The part of `text` from scalar offset `from` to `to` (cut at the end of the text, and then
    /// `cut` is true), found on its UTF-8 bytes; nil when `from` is past the end or after `to`.
    /// (Copying a sentence's scalars into an array and a slice of them into a `String`, scalar by
    /// scalar, made a twentieth of the checks' allocations.)
    static func text(_ text: String, scalars from: Int, _ to: Int) -> (text: String, cut: Bool)? {
        guard from >= 0, from <= to else { return nil }
        let utf8 = text.utf8
        var index = utf8.startIndex
        var scalar = 0
        var lower: String.Index?
        while true {
            if scalar == from { lower = index }
            if scalar == to || index == utf8.endIndex { break }
            index = utf8.index(after: index)
            while index < utf8.endIndex, utf8[index] & 0xC0 == 0x80 { index = utf8.index(after: index) }
            scalar += 1
        }
        guard let lower else { return nil }
        return (String(text.unicodeScalars[lower..<index]), scalar < to)
    }

    /// Scalar offsets where a paragraph break ("\n\n") ends, read on the bytes (a scalar begins at
    /// each byte that is not a continuation byte): eight at a time while none is a newline.
    private static func paragraphBreaks(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { u in
            var out: [Int] = []
            var offset = 0
            var previousNewline = false
            var i = 0
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i < u.count {
                if !previousNewline, i + 8 <= u.count, let base = u.baseAddress {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    if ByteSearch.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) == 0 {
                        // Continuation bytes are 10xxxxxx: the high bit set, the next one clear.
                        offset += 8 - (word & ~(word << 1) & highs).nonzeroBitCount
                        i += 8
                        continue
                    }
                }
                let b = u[i]
                i += 1
                guard b & 0xC0 != 0x80 else { continue }
                offset += 1
                if b == 0x0A {
                    if previousNewline { out.append(offset) }
                    previousNewline = true
                } else {
                    previousNewline = false
                }
            }
            return out
        }
    }

    /// The text of the claim's sentence within `words` words (separated by spaces or newlines)
    /// before and after the figure, the figure left out (found by its offset in the sentence; by
    /// its text when the offset does not fit; the whole sentence when neither).
    static func window(of claim: Claim, sentenceStart: Int, words: Int) -> (before: Substring, after: Substring) {
        let sentence = claim.sentence
        let scalars = sentence.unicodeScalars
        let offset = claim.start - sentenceStart
        let length = claim.end - claim.start
        let range: Range<String.Index>
        if offset >= 0, length >= 0,
            let lower = scalars.index(scalars.startIndex, offsetBy: offset, limitedBy: scalars.endIndex),
            let upper = scalars.index(lower, offsetBy: length, limitedBy: scalars.endIndex)
        {
            range = lower..<upper
        } else if let found = sentence.range(of: claim.text) {
            range = found
        } else {
            return (sentence[...], "")
        }
        // Only the few words wanted are split off: a byte walk out from the figure finds where
        // the `words`-th word before it begins and the `words`-th after it ends.
        let utf8 = sentence.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }
        var start = range.lowerBound
        var seen = 0
        var inWord = false
        while start > utf8.startIndex {
            let previous = utf8.index(before: start)
            if isSpace(utf8[previous]) {
                if inWord { seen += 1; inWord = false; if seen == words { break } }
            } else {
                inWord = true
            }
            start = previous
        }
        var end = range.upperBound
        seen = 0
        inWord = false
        while end < utf8.endIndex {
            if isSpace(utf8[end]) {
                if inWord { seen += 1; inWord = false; if seen == words { break } }
            } else {
                inWord = true
            }
            end = utf8.index(after: end)
        }
        return (sentence[start..<range.lowerBound], sentence[range.upperBound..<end])
    }
}
