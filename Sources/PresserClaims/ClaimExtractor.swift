import PresserCore

/// Finds every number in a text and says what it means. The entry points take one sentence, or a
/// whole briefing (every turn, sentence by sentence).
public enum ClaimExtractor {
    /// The claims of every turn of a briefing, in order.
    public static func claims(in briefing: Briefing) -> [Claim] {
        claims(in: briefing, sentences: Sentences.ofTurns(briefing))
    }

    /// The same with each turn's sentences split already (`Sentences.ofTurns`).
    public static func claims(in briefing: Briefing, sentences: [[Sentences.Span]]) -> [Claim] {
        var out: [Claim] = []
        let date = Day(iso: briefing.date)
        for (turn, spans) in zip(briefing.turns, sentences) {
            for sentence in spans {
                for var claim in claims(inSentence: sentence.text, date: date) {
                    claim.turn = turn.index
                    claim.speaker = turn.speaker
                    claim.start += sentence.start
                    claim.end += sentence.start
                    out.append(claim)
                }
            }
        }
        return out
    }

    /// The claims of one sentence; `date` (YYYY-MM-DD) resolves "this year" and the like. Offsets
    /// are within the sentence and `turn` is 0.
    public static func claims(inSentence sentence: String, date: String?) -> [Claim] {
        claims(inSentence: sentence, date: Day(iso: date))
    }

    static func claims(inSentence sentence: String, date: Day?) -> [Claim] {
        if ChineseClaims.applies(to: sentence) { return ChineseClaims.claims(inSentence: sentence, date: date) }
        // Most sentences hold no digit and no number word: skip them fast.
        guard mayHoldNumbers(sentence) else { return [] }
        let scalars = Array(sentence.unicodeScalars)
        let t = Tokenizer.tokens(sentence)
        let spanish = Self.isSpanish(t)
        let found = Periods.find(t, sentence: scalars, date: date, spanish: spanish)
        // "up 42.6% over the same period last year", "up 42.6% from last year": a baseline's period
        // is not the figure's.
        // "now" yields to any other time expression in the sentence.
        let explicit = found.contains { $0.period.text.lowercased() != "now" }
        let periods = found.filter { p in
            if explicit, p.period.text.lowercased() == "now" { return false }
            let samePeriod =
                p.start >= 2 && t[p.start - 2].lower == "same"
                && ["period", "time", "month", "quarter"].contains(t[p.start - 1].lower)
            let comparedWith = p.start >= 1 && ["from", "than", "over"].contains(t[p.start - 1].lower)
            return !samePeriod && !comparedWith
        }
        var insidePeriod = [Bool](repeating: false, count: t.count)
        for p in found { for k in p.start..<p.end { insidePeriod[k] = true } }
        let quoted = quotedWords(t)

        var claims: [Claim] = []
        var spans: [Range<Int>] = []
        var i = 0
        while i < t.count {
            if insidePeriod[i] {
                i += 1
                continue
            }
            guard let found = quantity(t, at: i, scalars: scalars, quoted: quoted, spanish: spanish) else {
                i += 1
                continue
            }
            var claim = found.claim
            claim.sentence = sentence
            if !(found.firstToken..<found.end).contains(where: { insidePeriod[$0] }) {
                claims.append(claim)
                spans.append(found.firstToken..<found.end)
            }
            i = max(found.end, i + 1)
        }
        guard !claims.isEmpty else { return [] }
        // Each figure takes the nearest period of its clause that no other figure stands between.
        let clauses = clauseStarts(t)
        for k in claims.indices {
            let span = spans[k]
            let eligible = periods.filter { p in
                clauses[p.start] == clauses[span.lowerBound]
                    // A period after the figure is not its own when another figure comes first
                    // ("dropped to 6.51% from 22.48% in early 2014"); one before it is shared.
                    && !(p.start >= span.upperBound
                        && spans.contains {
                            $0.lowerBound >= span.upperBound && $0.upperBound <= p.start && $0.lowerBound > 0
                                && ["from", "than"].contains(t[$0.lowerBound - 1].lower)
                        })
            }
            claims[k].period = nearest(eligible, to: span)
        }
        if t.contains(where: { $0.lower == "respectively" || $0.lower == "respectivamente" }) {
            distributeRespectively(&claims, tokens: t)
        }
        // A baseline ("dropped to 6.51% this year from 22.48% in 2014") measures what the level
        // before it measures.
        for k in claims.indices.dropFirst() {
            // Compared scalar by scalar, in either case (no other letter lower-cases to these).
            let before = Array(scalars[..<claims[k].start].reversed().drop { $0 == " " }.prefix(4).reversed())
            if before.count == 4,
                zip(before, "from".unicodeScalars).allSatisfy({ $0.isASCII && $0.value | 0x20 == $1.value })
            {
                claims[k].subject = claims[k - 1].subject
                claims[k].change = nil
            }
        }
        // Subjects: a change refers to the level before it in the sentence ("GDP reached 1.22
        // trillion yuan, a year-on-year increase of 6.1%").
        for k in claims.indices where claims[k].subject == nil && claims[k].change != nil && claims[k].kind != .count {
            claims[k].subject = claims[..<k].last(where: { $0.subject != nil })?.subject
        }
        return claims
    }

    /// Spanish when its function words outnumber English ones.
    static func isSpanish(_ t: [Token]) -> Bool {
        var spanish = 0
        var english = 0
        // None of the function words is longer than four bytes: longer words are not looked up.
        for token in t where token.isWord && token.lower.utf8.count <= 4 {
            if token.isOne(of: spanishFunctionWords) {
                spanish += 1
            } else if token.isOne(of: englishFunctionWords) {
                english += 1
            }
        }
        return spanish > english
    }

    /// By their bytes: a `switch` on the word compared it with each in turn (0.11 → 0.07 ms a briefing).
    private static let spanishFunctionWords = PackedWords([
        "de", "la", "que", "el", "los", "las", "del", "y", "en", "por", "con", "para", "una", "es", "se",
    ])
    private static let englishFunctionWords = PackedWords([
        "the", "and", "of", "to", "is", "that", "in", "we", "it", "for", "with", "this", "are",
    ])

    /// "Income of urban and rural residents rose by 6.5% and 8.4% respectively, to 32,764 yuan and
    /// 11,975 yuan": the coordinated subject is shared out over each run of figures of one kind,
    /// in order, and a run shares its first figure's change.
    private static func distributeRespectively(_ claims: inout [Claim], tokens t: [Token]) {
        guard let first = claims.first,
            let firstToken = t.firstIndex(where: { $0.start == first.start })
                ?? t.firstIndex(where: { $0.start >= first.start })
        else { return }
        let phrase = subjectPhrase(t, before: firstToken, clauseStart: 0, allowAnd: true)
        let subjects = phrase.map(coordinated) ?? []
        var k = 0
        while k < claims.count {
            var run = [k]
            while let last = run.last, last + 1 < claims.count, claims[last + 1].kind == claims[k].kind {
                run.append(last + 1)
            }
            if run.count >= 2 {
                for (n, index) in run.enumerated() {
                    if subjects.count == run.count { claims[index].subject = subjects[n] }
                    if n > 0, claims[index].change == nil { claims[index].change = claims[run[0]].change }
                }
            }
            k = (run.last ?? k) + 1
        }
    }

    /// "per capita disposable income of urban and rural residents" → the phrase for each side of
    /// "and": "per capita disposable income of urban residents", "… of rural residents".
    static func coordinated(_ phrase: String) -> [String] {
        let words = phrase.split(separator: " ").map(String.init)
        guard let and = words.firstIndex(where: { $0 == "and" || $0 == "y" }), and > 0, and + 1 < words.count else {
            return []
        }
        let head = words[..<(and - 1)]
        let tail = words[(and + 2)...]
        return [words[and - 1], words[and + 1]].map { (head + [$0] + tail).joined(separator: " ") }
    }

    /// A quick test on UTF-8 bytes: any digit or vulgar fraction, or a word that is a number word.
    /// Words (runs of ASCII letters and bytes beyond ASCII) are looked up where they stand, capitals
    /// folded, without copying them out: 0.38 → 0.19 ms a briefing on the synthetic ones.
    static func mayHoldNumbers(_ sentence: String) -> Bool {
        var sentence = sentence
        let numberWords = numberWordBytes  // once, not through the global's accessor at every word
        return sentence.withUTF8 { u in
            var wordStart = 0
            // The word's first 16 bytes, capitals folded, packed as they are read.
            var lo: UInt64 = 0
            var hi: UInt64 = 0
            func isNumberWord(_ end: Int) -> Bool {
                defer { (lo, hi) = (0, 0) }
                let length = end - wordStart
                guard length >= 2 else { return false }
                if length <= 16 { return numberWords.contains(PackedKey(lo: lo, hi: hi)) }
                return numberWords.contains(UnsafeBufferPointer(rebasing: u[wordStart..<end]), foldingCase: true)
            }
            func pack(_ byte: UInt8, at position: Int) {
                let folded = UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                if position < 8 {
                    lo |= folded << (8 * UInt64(position))
                } else if position < 16 {
                    hi |= folded << (8 * UInt64(position - 8))
                }
            }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i < u.count {
                // At a word's start, eight ASCII bytes at a time (below 0x80 no carry crosses a
                // byte): a digit among them settles it; else the word's letters are packed at once
                // and, when it ends among them, looked up. Bytes beyond ASCII go the byte way.
                if i == wordStart, i + 8 <= u.count, let base = u.baseAddress {
                    let chunk = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    if chunk & highs == 0 {
                        let digits = (chunk &+ ((0x80 - 0x30) &* ones)) & ~(chunk &+ ((0x80 - 0x3A) &* ones)) & highs
                        if digits != 0 { return true }
                        let letters = ByteSearch.asciiLetters(chunk)
                        let folded = chunk | (letters >> 2)
                        if letters == highs {
                            lo = folded  // a word of eight letters or more: the rest byte by byte
                            i += 8
                            continue
                        }
                        let run = (~letters & highs).trailingZeroBitCount / 8
                        lo = run == 0 ? 0 : folded & ((1 << (8 * UInt64(run))) &- 1)
                        // The byte after the letters parts words: the word ends there.
                        if isNumberWord(i + run) { return true }
                        wordStart = i + run + 1
                        i += run + 1
                        continue
                    }
                }
                let byte = u[i]
                switch byte {
                case 0x30...0x39: return true
                case 0x41...0x5A, 0x61...0x7A: pack(byte, at: i - wordStart)
                case 0x80...0xFF:
                    pack(byte, at: i - wordStart)
                    // Vulgar fractions (¼ ½ ¾ are C2 BC–BE, ⅐ … ⅞ are E2 85 90–9E) are neither
                    // digits nor words.
                    if byte == 0xC2, i + 1 < u.count, (0xBC...0xBE).contains(u[i + 1]) { return true }
                    if byte == 0xE2, i + 2 < u.count, u[i + 1] == 0x85, (0x90...0x9E).contains(u[i + 2]) {
                        return true
                    }
                default:
                    if isNumberWord(i) { return true }
                    wordStart = i + 1
                }
                i += 1
            }
            return isNumberWord(u.count)
        }
    }

    /// Words that start a quantity without being number words ("a million", "US$ 3", "RMB 20").
    private static let quantityStarts: Set<String> = [
        "a", "an", "three-quarters", "two-thirds", "us", "usd", "rmb", "eur", "mxn", "cny", "tens", "dozens",
        "hundreds", "thousands", "millions", "billions", "trillions", "miles", "cientos", "decenas", "third",
        "mitad", "la",
    ]

    /// `numberWords` by their bytes, for the quick test.
    private static let numberWordBytes = PackedWords(numberWords)

    /// `numberWords` and `quantityStarts` by their bytes.
    private static let quantityHeads = PackedWords(numberWords.union(quantityStarts))

    /// Every word that can start or make a number, lower case (hyphenated tens are split at "-").
    static let numberWords: Set<String> = {
        var words = Set(NumberReader.englishUnits.keys).union(NumberReader.spanishUnits.keys)
            .union(NumberReader.scales.keys)
        words.formUnion(["dozen", "half", "quarter", "quarters", "un", "una", "uno", "third", "thirds", "mitad"])
        words.formUnion([
            "tens", "dozens", "hundreds", "thousands", "millions", "billions", "trillions", "cientos", "decenas",
        ])
        return words
    }()

    /// Word tokens inside quotation marks (names and slogans: "two no worries, three guarantees").
    /// A quotation that holds digits quotes figures ("a million or even 2 million"); one in words
    /// only is a name or a slogan.
    private static func quotedWords(_ t: [Token]) -> [Bool] {
        var out = [Bool](repeating: false, count: t.count)
        var open: Int?
        func close(_ end: Int) {
            guard let start = open else { return }
            if !t[start..<end].contains(where: \.isNumber) {
                for k in start..<end { out[k] = true }
            }
            open = nil
        }
        // Quotation marks are signs; their bytes are compared, not their Characters (which went
        // through Unicode comparison): 0.09 → 0.02 ms a briefing.
        for k in t.indices where t[k].kind == .sign {
            let x = t[k].text.utf8
            let straight = x.elementsEqual("\"".utf8)
            if x.elementsEqual("“".utf8) || (straight && open == nil) {
                open = k + 1
            } else if x.elementsEqual("”".utf8) || straight {
                close(k)
            }
        }
        close(t.count)  // a quotation still open at the end of the sentence
        return out
    }

    private static let futureWords: Set<String> = [
        "expected", "expects", "expect", "will", "forecast", "projected", "plan", "plans", "aims", "target",
    ]

    /// For each token, the index of its clause: clauses end at ";" and at ", and", ", but", ", while".
    private static func clauseStarts(_ t: [Token]) -> [Int] {
        var out = [Int](repeating: 0, count: t.count)
        var clause = 0
        for k in t.indices {
            // A new clause at ";", or at ", and …" when what follows is a forecast ("…, and it is
            // expected to maintain 20% growth"): the period of what happened does not carry over.
            let forecastFollows =
                t[k].is(sign: ",") && k + 1 < t.count && ["and", "but", "while", "y", "pero"].contains(t[k + 1].lower)
                && t[(k + 1)..<min(t.count, k + 6)].contains { futureWords.contains($0.lower) }
            if t[k].is(sign: ";") || forecastFollows { clause += 1 }
            out[k] = clause
        }
        return out
    }

    /// The period closest to the figure's tokens; on a tie, the one after it ("6.51% this year
    /// from 22.48% in 2014": 22.48% is about 2014).
    private static func nearest(_ periods: [PeriodRead], to span: Range<Int>) -> Claim.Period? {
        periods.min { a, b in
            let (da, db) = (distance(a, span), distance(b, span))
            return da < db || (da == db && a.start > b.start)
        }?.period
    }

    private static func distance(_ p: PeriodRead, _ span: Range<Int>) -> Int {
        p.start >= span.upperBound
            ? p.start - span.upperBound : (p.end <= span.lowerBound ? span.lowerBound - p.end + 1 : 0)
    }

    // MARK: One quantity

    private struct Found {
        var claim: Claim
        var firstToken: Int
        var end: Int
    }

    private static let notAfterNames: Set<String> = [
        "phase", "title", "article", "section", "chapter", "level", "stage", "tier", "number", "no", "item",
        "route", "highway", "apollo", "vision", "agenda", "covid", "h1n1", "sars", "room", "exhibit", "version",
        "line", "page", "question", "point", "step", "round", "category", "grade", "class", "team", "channel",
        "air", "force", "building", "resolution", "paragraph", "rule", "executive", "order", "artículo",
        "fracción", "número", "capítulo",
    ]
    /// "después de Cristo", "antes de Cristo", "a.C.", "d.C.", "BC", "AD" within the next few tokens,
    /// past a range ("200 a 250 después de Cristo").
    private static func eraFollows(_ t: [Token], from k: Int) -> Bool {
        var j = k
        var steps = 0
        while j < t.count, steps < 6 {
            let w = t[j].lower
            if (w == "después" || w == "antes"), j + 2 < t.count, t[j + 1].lower == "de", t[j + 2].lower == "cristo" {
                return true
            }
            if ["bc", "ad", "bce", "ce"].contains(w) && t[j].text.uppercased() == t[j].text { return true }
            if w == "a" || w == "d", j + 2 < t.count, t[j + 1].is(sign: "."), t[j + 2].text == "C" { return true }
            if t[j].kind == .sign, w != "-", w != "–", w != "." { return false }
            j += 1
            steps += 1
        }
        return false
    }

    /// Lower-case words after which a number is a reference, not a quantity ("level three").
    private static let referenceWords: Set<String> = [
        "level", "section", "phase", "tier", "stage", "chapter", "article", "title", "number", "no", "paragraph",
        "nivel", "fase", "artículo", "número",
    ]

    /// True when token `i` stands inside square brackets (a transcriber's note).
    private static func insideBrackets(_ t: [Token], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 {
            if t[k].is(sign: "]") { return false }
            if t[k].is(sign: "[") { return true }
            k -= 1
        }
        return false
    }

    /// What "the two …" names when it means the two parties of a relationship.
    private static let partiesAfterTwo: Set<String> = [
        "sides", "countries", "nations", "peoples", "parties", "leaders", "heads", "governments", "presidents",
        "ministers", "prime", "foreign", "militaries", "economies", "states", "neighbors", "neighbours", "koreas",
    ]

    private static let pronounAfterOne: Set<String> = [
        "of", "more", "another", "thing", "or", "way", "that", "which", "who", "is", "was", "would", "could",
        "can", "will", "should", "must", "might", "has", "had", "have", "does", "did", "and", "in", "on", "at",
        "to", "for", "from", "with", "by", "as", "point", "side", "hand", "other", "last", "final", "big",
        "day", "time", "question", "de", "que", "y", "o", "en", "para", "por", "con", "más", "vez", "sola",
    ]
    private static let determiners: Set<String> = [
        "the", "this", "that", "any", "each", "every", "no", "which", "whichever", "a", "an", "el", "la", "ese",
        "esa", "este", "esta", "cada", "ningún", "ninguna", "otro", "otra",
    ]

    private static func quantity(
        _ t: [Token], at start: Int, scalars: [Unicode.Scalar], quoted: [Bool], spanish: Bool
    ) -> Found? {
        var i = start
        // Only a digit, a currency sign, a currency code or a number word can start a quantity.
        // (Most tokens are neither; hashing each as a `String` to learn it took 0.15 ms a briefing.)
        if t[i].isWord, !t[i].isOne(of: quantityHeads),
            !(t[i].lower.utf8.contains(UInt8(ascii: "-"))
                && numberWords.contains(String(t[i].lower.prefix { $0 != "-" })))
        {
            return nil
        }
        if t[i].kind == .sign, !t[i].isOne(of: Units.currencySignBytes) { return nil }
        // An article starts a quantity only before a fraction or a scale ("a quarter point", "a
        // third of", "la mitad", "a million"): most do not, and were read through every reader below.
        if t[i].isOne(of: articles), i + 1 >= t.count || !t[i + 1].isOne(of: afterArticles) { return nil }
        // A currency sign or code before the number: "$4.1 billion", "US$ 3", "RMB 20 billion".
        var currency: String?
        if t[i].kind == .sign, let code = Units.currencySigns[t[i].text], i + 1 < t.count, t[i + 1].isNumber {
            currency = code
            i += 1
        } else if t[i].text == "US" || t[i].text == "USD", i + 2 < t.count, t[i + 1].text == "$", t[i + 2].isNumber {
            currency = "USD"
            i += 2
        } else if currencyCodes.contains(t[i].text), i + 1 < t.count, t[i + 1].isNumber {
            currency = t[i].text == "RMB" ? "CNY" : t[i].text
            i += 1
        }
        // "a quarter point", "half a percentage point", "three-quarters of a percentage point".
        if currency == nil, let fraction = fractionOfPoint(t, at: i) {
            let (value, end) = fraction
            let claim = make(
                t, scalars: scalars, first: start, end: end, value: value, upper: nil,
                unit: UnitRead(kind: .percentagePoint, unit: "pp", end: end))
            return Found(claim: claim, firstToken: start, end: end)
        }
        // Shares: "half of all Americans", "one third of the pharmacy sites", "cut … in half".
        if currency == nil, let share = share(t, at: i) {
            let claim = make(
                t, scalars: scalars, first: start, end: share.end, value: share.value, upper: nil,
                unit: UnitRead(kind: .other, unit: nil, end: share.end))
            return Found(claim: claim, firstToken: start, end: share.end)
        }
        // Vague amounts: "millions of", "thousands of", "tens of billions", "hundreds of".
        if currency == nil, let vague = vagueAmount(t, at: i) {
            let claim = make(
                t, scalars: scalars, first: start, end: vague.end, value: vague.value, upper: nil, unit: vague.unit)
            var atLeast = claim
            atLeast.qualifier = .atLeast
            return Found(claim: atLeast, firstToken: start, end: vague.end)
        }
        // "a nearly two-hour phone call", "a 15-year plan" written as one word: "two-hour".
        if t[i].isWord, let dash = t[i].lower.firstIndex(of: "-"),
            let n = NumberReader.englishUnits[String(t[i].lower[..<dash])],
            let unit = Units.durations[String(t[i].lower[t[i].lower.index(after: dash)...])],
            !(i + 1 < t.count
                && ["average", "rolling", "moving", "window", "period", "change", "rate", "low", "high", "horizon"]
                    .contains(t[i + 1].lower))
        {
            let claim = make(
                t, scalars: scalars, first: start, end: i + 1, value: n, upper: nil,
                unit: UnitRead(kind: .duration, unit: unit, end: i + 1))
            return Found(claim: claim, firstToken: start, end: i + 1)
        }
        guard let number = NumberReader.read(t, at: i, spanish: spanish) else { return nil }
        let first = t[i]
        // Not quantities: numbers glued to letters ("COVID-19", "G7", "18th", "3D"), ordinals, dates,
        // clock times, numbers after a name ("Phase 2"), words in quotes.
        if first.isNumber {
            // Codes, not quantities: a leading zero ("0066"), eight or more bare digits (a phone
            // number), digits joined to digits by a hyphen ("+86-10-12308").
            let digits = first.text.unicodeScalars
            if digits.count >= 2, digits.first == "0", !first.text.containsBytes(".") { return nil }
            if digits.count >= 8, digits.allSatisfy({ ("0"..."9").contains($0) }) { return nil }
            if i > 1, !first.spaceBefore, t[i - 1].is(sign: "-"), !t[i - 1].spaceBefore, t[i - 2].isNumber {
                return nil
            }
            if number.end + 1 < t.count, t[number.end].is(sign: "-"), !t[number.end].spaceBefore,
                !t[number.end + 1].spaceBefore, t[number.end + 1].isNumber, t[number.end + 1].text.count >= 4
            {
                return nil
            }
            if i > 0, !first.spaceBefore, t[i - 1].isWord { return nil }
            if i > 1, !first.spaceBefore, t[i - 1].is(sign: "-"), !t[i - 1].spaceBefore, t[i - 2].isWord { return nil }
            if number.end < t.count, !t[number.end].spaceBefore, t[number.end].isWord,
                Units.measures[t[number.end].lower] == nil, NumberReader.scales[t[number.end].lower] == nil,
                !["k", "m", "bn", "mn"].contains(t[number.end].lower)
            {
                return nil
            }
            if number.end < t.count, t[number.end].is(sign: ":"), !t[number.end].spaceBefore { return nil }
            if number.end < t.count,
                ["a.m", "p.m", "am", "pm", "a", "p", "o'clock", "o’clock", "hrs", "horas"].contains(
                    t[number.end].lower),
                number.value <= 24,
                !["a"].contains(t[number.end].lower) || number.end + 1 < t.count && t[number.end + 1].is(sign: ".")
            {
                return nil
            }
        } else {
            if quoted[i] { return nil }
            if first.lower == "one" || first.lower == "uno" || first.lower == "una", number.value == 1 {
                // "one" is mostly an article or a pronoun ("one simple truth", "one of them", "one
                // team, one mission"); it states a count when stressed: "just one testing site",
                // "only one", "one other household".
                let next = number.end < t.count ? t[number.end].lower : ""
                let previous = i > 0 ? t[i - 1].lower : ""
                guard
                    ["just", "only", "exactly", "least", "solo", "sólo", "apenas"].contains(previous) || next == "other"
                        || Units.durations[next] != nil
                else {
                    return nil
                }
            }
            // "the two sides", "the two countries", "our two peoples": the parties, not a count.
            if number.value == 2, i > 0, ["the", "our", "both", "these", "those"].contains(t[i - 1].lower),
                number.end < t.count, partiesAfterTwo.contains(t[number.end].lower)
            {
                return nil
            }
        }
        // Dates: a day number next to a month ("March 3", "21 de agosto").
        if number.value <= 31, number.value == number.value.rounded() {
            if i > 0, Periods.months[t[i - 1].lower] != nil,
                t[i - 1].text.first?.isUppercase == true || t[i - 1].lower.count > 3
            {
                return nil
            }
            if number.end < t.count, Periods.months[t[number.end].lower] != nil,
                t[number.end].text.first?.isUppercase == true
            {
                return nil
            }
            if number.end + 1 < t.count, t[number.end].lower == "de", Periods.months[t[number.end + 1].lower] != nil {
                return nil
            }
        }
        if i > 0, notAfterNames.contains(t[i - 1].lower), currency == nil,
            t[i - 1].text.first?.isUppercase == true || referenceWords.contains(t[i - 1].lower)
        {
            return nil
        }
        // "the two who dissented", "those two policy tools": referring back, not counting.
        if first.isWord, number.value <= 10, i > 0, ["the", "those", "these", "both"].contains(t[i - 1].lower),
            number.end >= t.count || t[number.end].kind == .sign
                || ["who", "which", "that", "of", "are", "is", "were", "was", "have", "had", "because", "and", "or"]
                    .contains(t[number.end].lower)
        {
            return nil
        }
        // "’22 and ’23" (years), "section 13(3)" (a reference), "[inaudible 00:18:51]" (a note).
        if first.isNumber {
            if i > 0, !first.spaceBefore, ["’", "'", "‘", "+"].contains(t[i - 1].text) { return nil }  // ’22, P5+1
            // Years of the era: "entre el 600 y el 900 después de Cristo", "250 a.C.".
            if eraFollows(t, from: number.end) { return nil }
            if number.end < t.count, t[number.end].is(sign: "("), !t[number.end].spaceBefore { return nil }
            if i > 0, t[i - 1].is(sign: "("), !first.spaceBefore, i > 1, t[i - 2].isNumber, !t[i - 1].spaceBefore {
                return nil
            }
            if insideBrackets(t, i) { return nil }
        }
        if i > 0, t[i - 1].lower == "number" || t[i - 1].lower == "no", first.isWord { return nil }
        // List numbering: "1." or "1)" at the start of the sentence.
        if i == 0, number.end < t.count, [")", "."].contains(t[number.end].text), number.end + 1 < t.count {
            return nil
        }

        var end = number.end
        var upper: Double?
        // A range: "2 to 3 percent", "between 10 and 15 days", "4-3/4 to 5", "de 2 a 3", "10-15".
        if end + 1 < t.count, rangeWords.contains(t[end].lower) {
            let joiner = t[end].lower
            let between = i > 0 && ["between", "entre", "from", "de"].contains(t[i - 1].lower)
            // "9 or 10 times": two figures joined by "or" are a range too.
            let orRange = joiner == "or" && number.inWords == false && end + 1 < t.count && t[end + 1].isNumber
            // "growth declined from 2.1 to 1.7": after a word of change, "from … to …" gives the two
            // ends of the change, not a range.
            let endpoints = joiner == "to" && i > 0 && t[i - 1].lower == "from" && changeBefore(t, i - 1)
            let allowed =
                (["to", "-", "–", "—"].contains(joiner) && !endpoints) || (["and", "y"].contains(joiner) && between)
                || (joiner == "a" && between) || orRange
            var k = end + 1
            var rangeCurrency = currency
            if let code = Units.currencySigns[t[k].text], k + 1 < t.count, t[k + 1].isNumber {
                rangeCurrency = code
                k += 1
            }
            if allowed, let second = NumberReader.read(t, at: k, spanish: spanish), second.value > number.value,
                !second.looksLikeYear || !number.looksLikeYear
            {
                // "4-3/4 to 5", and scales shared: "2 to 3 million" reads as 2 million to 3 million.
                var low = number.value
                if second.value >= 1000, low < 1000, k + 1 < t.count,
                    NumberReader.scales[t[second.end - 1].lower] != nil,
                    NumberReader.scales[t[end - 1].lower] == nil
                {
                    low *= NumberReader.scales[t[second.end - 1].lower] ?? 1
                }
                upper = second.value
                end = second.end
                currency = rangeCurrency
                return finish(low: low, upper: upper)
            }
            // The first end of a change takes the scale and unit written after the second: "rose from
            // 3.5 to 4.1 percent", "fell from 2 to 1.5 million".
            if endpoints, let second = NumberReader.read(t, at: k, spanish: spanish), !number.looksLikeYear {
                var low = number.value
                if let scale = NumberReader.scales[t[second.end - 1].lower],
                    NumberReader.scales[t[end - 1].lower] == nil,
                    second.end - 1 > k
                {
                    low *= scale
                }
                return finish(low: low, upper: nil, unitAt: second.end)
            }
        }
        return finish(low: number.value, upper: upper)

        func finish(low: Double, upper: Double?, unitAt: Int? = nil) -> Found? {
            var unit = Units.after(t, at: end, currency: currency)
            if unit == nil, let shared = unitAt, var read = Units.after(t, at: shared, currency: currency) {
                read.end = end
                unit = read
            }
            var unitEnd = unit?.end ?? end
            if unit == nil, number.looksLikeYear, upper == nil { return nil }  // a year, not a figure
            var value = low * (unit?.factor ?? 1)
            var high = upper.map { $0 * (unit?.factor ?? 1) }
            if unit == nil, end < t.count, t[end].lower == "times" || t[end].lower == "veces",
                end + 1 < t.count,
                ["the", "as", "more", "higher", "larger", "bigger", "greater", "lower", "what", "that"]
                    .contains(t[end + 1].lower)
            {
                // "five times the level": a ratio. ("I got the question 12 times" is a count.)
                unit = UnitRead(kind: .other, unit: nil, end: end + 1)
                unitEnd = end + 1
            }
            if unit == nil, low == 0,
                t[clauseBounds(t, around: start).0..<min(t.count, end)].contains(where: { $0.lower.hasPrefix("rate") })
            {
                // "keep rates at zero": zero percent.
                unit = UnitRead(kind: .percent, unit: "%", end: end)
                unitEnd = end
            }
            if unit == nil {
                unit = UnitRead(kind: .count, unit: nil, end: end)
                unitEnd = end
            }
            if unit?.kind == .duration && number.looksLikeYear { return nil }
            // A time reference, not a figure: "two days ago", "in the first 72 hours", "the 84 days
            // since …", "one month ago".
            if unit?.kind == .duration {
                let after = unitEnd < t.count ? t[unitEnd].lower : ""
                let before = start > 0 ? t[start - 1].lower : ""
                // "the 12-month change", "a 7-day average": a window, not a figure.
                if end < t.count, t[end].is(sign: "-"), unitEnd < t.count,
                    ["average", "rolling", "moving", "window", "period", "change", "rate", "low", "high", "horizon"]
                        .contains(t[unitEnd].lower)
                {
                    return nil
                }
                // "If one day the society no longer needs them": some day, not a duration.
                if number.value == 1, number.inWords, unit?.unit == "day",
                    !["for", "in", "of", "than", "just", "only", "about", "within", "a", "per"].contains(before)
                {
                    return nil
                }
                // "three years ago", "the past three years": a time, not a claim; but "it has been
                // 21 years since …" asserts the duration.
                let asserted = before == "been" && after == "since"
                if !asserted,
                    ["ago", "since", "later", "earlier", "hence", "atrás", "ending", "ended"].contains(after)
                        || ["first", "last", "past", "next", "coming"].contains(before)
                {
                    return nil
                }
            }
            if value.isNaN || value.isInfinite { return nil }
            if let h = high, h < value { high = nil }
            if abs(value) < 1e6 { value = (value * 1e9).rounded() / 1e9 }
            let claimEnd = Qualifiers.after(t, at: unitEnd)?.1 ?? unitEnd
            let claim = make(
                t, scalars: scalars, first: start, end: claimEnd, value: value, upper: high,
                unit: unit ?? UnitRead(kind: .count, unit: nil, end: end), unitEnd: unitEnd)
            return Found(claim: claim, firstToken: start, end: claimEnd)
        }
    }

    /// Currency codes written before the number ("RMB 20 billion"), as printed.
    private static let currencyCodes: Set<String> = ["RMB", "USD", "EUR", "MXN", "CNY"]

    /// The articles `quantity` can start at, and the words after one that can make it a quantity:
    /// a fraction (`fractions`, `share`, `fractionOfPoint`) or a scale (`NumberReader`'s "a million").
    private static let articles = PackedWords(["a", "an", "la"])
    private static let afterArticles = PackedWords(
        Array(fractions.keys) + ["hundred", "thousand", "million", "billion", "trillion", "dozen", "millón", "mil"])

    private static let fractions: [String: Double] = [
        "half": 0.5, "third": 1.0 / 3, "thirds": 2.0 / 3, "quarter": 0.25, "quarters": 0.75, "fifth": 0.2,
        "tenth": 0.1, "fourth": 0.25, "mitad": 0.5, "tercio": 1.0 / 3,
    ]

    private static let plural: [String: Double] = [
        "tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
        "trillions": 1e12, "miles": 1e3, "cientos": 100, "decenas": 10,
    ]

    /// For the second end of "rose from 5.55 million to 11.65 million": where the first end starts,
    /// so both take the subject before "from".
    private static func secondEndStart(_ t: [Token], _ k: Int) -> Int? {
        guard k > 1, t[k - 1].lower == "to" else { return nil }
        var j = k - 2
        while j > 0, k - j <= 5, !t[j].isNumber || t[j - 1].lower != "from" { j -= 1 }
        guard j > 0, t[j].isNumber, t[j - 1].lower == "from", changeBefore(t, j - 1) else { return nil }
        return j
    }

    /// A word of change among the six words before token `k`, within its clause: "a meaningful
    /// decline in growth out from …", "rose from …".
    private static func changeBefore(_ t: [Token], _ k: Int) -> Bool {
        var j = k - 1
        var seen = 0
        while j >= 0, seen < 6, t[j].isWord {
            if changeWords.contains(t[j].lower) { return true }
            seen += 1
            j -= 1
        }
        return false
    }

    private static let changeWords: Set<String> = [
        "rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls", "falling", "fallen", "declined",
        "decline", "declines", "declining", "dropped", "drop", "drops", "increased", "increase", "increases",
        "decreased", "decrease", "decreases", "grew", "jumped", "climbed", "moved", "revised", "raised", "lowered",
        "reduced", "slowed", "narrowed", "widened", "shrank", "went", "up", "down",
    ]

    private static let rangeWords: Set<String> = ["to", "-", "–", "—", "and", "a", "y", "through", "or"]

    /// "half of", "a third of", "one third of", "two-thirds of", "in half", "la mitad de": a share
    /// (kind `other`) and the token after it.
    private static func share(_ t: [Token], at i: Int) -> (value: Double, end: Int)? {
        func w(_ k: Int) -> String { k < t.count && k >= 0 ? t[k].lower : "" }
        var k = i
        var value = 1.0
        if ["a", "one", "la", "un"].contains(w(k)), let f = fractions[w(k + 1)] {
            value = f
            k += 2
        } else if ["two-thirds", "three-quarters", "three-fourths"].contains(w(k)) {
            value = w(k) == "two-thirds" ? 2.0 / 3 : 0.75
            k += 1
        } else if w(k) == "two", w(k + 1) == "thirds" {
            value = 2.0 / 3
            k += 2
        } else if w(k) == "half" || w(k) == "mitad" {
            value = 0.5
            k += 1
        } else {
            return nil
        }
        // "half of all Americans", "la mitad de", or "cut … in half".
        if ["of", "de"].contains(w(k)) || (w(i - 1) == "in" && w(i) == "half") { return (value, k) }
        return nil
    }

    private static let spanishPlurals: Set<String> = ["miles", "cientos", "decenas"]

    /// "millions of", "thousands of", "hundreds of", "tens of billions (of dollars)": the least the
    /// words can mean, and the token after.
    private static func vagueAmount(_ t: [Token], at i: Int) -> (value: Double, end: Int, unit: UnitRead)? {
        func w(_ k: Int) -> String { k < t.count ? t[k].lower : "" }
        // The Spanish plurals take "de" ("miles de personas"); "miles of coastline" is a length.
        guard let base = plural[w(i)], w(i + 1) == "of" && !spanishPlurals.contains(w(i)) || w(i + 1) == "de" else {
            return nil
        }
        var value = base
        var k = i + 2
        // "tens of billions", "hundreds of thousands"
        if let more = plural[w(k)], more > base { value = base * more; k += 1 }
        if ["of", "de"].contains(w(k)), let code = Units.currencyWords[w(k + 1)] {
            return (value, k + 2, UnitRead(kind: .currency, unit: code, end: k + 2))
        }
        if let code = Units.currencyWords[w(k)] {
            return (value, k + 1, UnitRead(kind: .currency, unit: code, end: k + 1))
        }
        return (value, i + 2 + (k - i - 2), UnitRead(kind: .count, unit: nil, end: k))
    }

    /// "a quarter point", "a quarter of a percentage point", "half a percentage point",
    /// "three-quarters of a percentage point": a value in percentage points and the token after.
    private static func fractionOfPoint(_ t: [Token], at i: Int) -> (Double, Int)? {
        func w(_ k: Int) -> String { k < t.count ? t[k].lower : "" }
        var k = i
        var value: Double
        if ["a", "one"].contains(w(k)), w(k + 1) == "quarter" {
            value = 0.25
            k += 2
        } else if w(k) == "three-quarters" || (w(k) == "three" && w(k + 1) == "quarters") {
            value = 0.75
            k += w(k) == "three" ? 2 : 1
        } else if w(k) == "half" {
            value = 0.5
            k += 1
        } else {
            return nil
        }
        if w(k) == "of" { k += 1 }
        if w(k) == "a" { k += 1 }
        if w(k) == "percentage" { k += 1 }
        guard ["point", "points"].contains(w(k)) else { return nil }
        return (value, k + 1)
    }

    /// Builds the claim: the qualifier before (and "or more" after), the text span, counted noun,
    /// change and subject.
    private static func make(
        _ t: [Token], scalars: [Unicode.Scalar], first: Int, end: Int, value: Double, upper: Double?, unit: UnitRead,
        unitEnd: Int? = nil
    ) -> Claim {
        var qualifier = Claim.Qualifier.exact
        var textStart = first
        if let (q, s) = Qualifiers.before(t, at: first) {
            qualifier = q
            textStart = s
        } else if first > 0, ["between", "entre"].contains(t[first - 1].lower), upper != nil {
            textStart = first - 1
        }
        if let (q, _) = Qualifiers.after(t, at: unitEnd ?? end) {
            qualifier = q
        } else {
            // "20% annual growth or more": the hedge after a few words.
            var k = unitEnd ?? end
            var words = 0
            while k < t.count, t[k].isWord, words < 3, t[k].lower != "or" {
                k += 1
                words += 1
            }
            if words > 0, let (q, _) = Qualifiers.after(t, at: k) { qualifier = q }
        }
        var counted: String?
        if unit.kind == .count {
            counted = countedNoun(t, from: unitEnd ?? end)
        }
        let clause = clauseBounds(t, around: first)
        let change = Changes.find(t, before: textStart, clauseStart: clause.0, clauseEnd: clause.1)
        var subject: String?
        if unit.kind != .count || counted == nil {
            subject = subjectPhrase(t, before: secondEndStart(t, textStart) ?? textStart, clauseStart: clause.0)
        }
        // Rates and shares: the measure named nearest in the clause ("inflation running at 2 percent",
        // "2 percent inflation", "the unemployment rate … 8.4 percent").
        if subject == nil, [.percent, .percentagePoint, .basisPoint].contains(unit.kind) {
            subject = nearestMeasure(t, around: first, end: end, clause: clause)
        }
        // After the figure: "38 percent of the tests in New York", "half of all Americans",
        // "$75 billion for hospitals", "$1,400 checks".
        if subject == nil, [.percent, .other, .currency].contains(unit.kind) {
            subject = phraseAfter(t, from: end, currency: unit.kind == .currency)
        }
        let textEnd = end
        let s = t[textStart].start
        let e = t[max(textStart, textEnd - 1)].end
        let text = String(scalars: scalars[s..<e])
        return Claim(
            turn: 0, speaker: nil, sentence: "", text: text, start: s, end: e, value: value, upper: upper,
            kind: unit.kind, unit: unit.unit, counted: counted, qualifier: qualifier, subject: subject, period: nil,
            change: change)
    }

    /// The clause around token `k`: bounded by ";", ":" or the sentence ends.
    private static func clauseBounds(_ t: [Token], around k: Int) -> (Int, Int) {
        var s = k
        // Compared one by one: an array literal here was built at each step.
        while s > 0, !t[s - 1].is(sign: ";"), !t[s - 1].is(sign: ":") { s -= 1 }
        var e = k
        while e < t.count, !t[e].is(sign: ";"), !t[e].is(sign: ":") { e += 1 }
        return (s, e)
    }

    private static let countedStops: Set<String> = [
        "in", "of", "with", "for", "from", "to", "at", "on", "by", "that", "which", "who", "and", "or", "are",
        "is", "were", "was", "have", "has", "had", "will", "would", "each", "per", "across", "this", "last",
        "over", "than", "as", "into", "since", "during", "under", "about", "like", "including", "but", "so",
        "en", "de", "del", "que", "con", "para", "por", "y", "a", "al", "the", "be", "been", "can", "could",
        "said", "more", "less", "we", "they", "it", "he", "she", "you", "i", "when", "where", "while", "if",
        "because", "before", "after", "between", "among", "through", "o", "se", "ya", "no", "not", "there",
        "do", "did", "does", "get", "got", "go", "went", "come", "came", "now", "then", "here", "out", "up",
        "down", "off", "also", "just", "only", "still", "even", "already", "again", "every", "all",
    ]

    /// The words after a count that say what is counted: "212,700 government-subsidized housing
    /// units in rural areas" gives "government-subsidized housing units".
    private static func countedNoun(_ t: [Token], from k: Int) -> String? {
        var words: [String] = []
        var j = k
        // "3.8 millones de visitantes"
        if j > 0, j + 1 < t.count, t[j].lower == "de",
            ["millones", "millón", "mil", "billones"].contains(t[j - 1].lower)
        {
            j += 1
        }
        while j < t.count, words.count < 4, t[j].isWord, !countedStops.contains(t[j].lower) {
            words.append(t[j].text)
            j += 1
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static let links: Set<String> = [
        "of", "at", "to", "reached", "reach", "reaches", "reaching", "was", "is", "were", "are", "stood", "stands",
        "totaled", "totalled", "totals", "hit", "by", "amounted", "amounting", "be", "been", "de", "fue", "es",
        "alcanzó", "llegó", "a", "an", "from", "rose", "grew", "increased", "fell", "declined", "dropped", "rise",
        "fall", "up", "down", "remained", "remains", "around", "about", "approximately", "nearly", "over",
        "rising", "growing", "increasing", "falling", "declining", "dropping", "dropped", "risen", "grown",
        "has", "have", "had", "will", "would", "could", "may", "now", "currently", "just", "already",
        "reduced", "decreased", "climbed", "jumped", "exceeded", "surpassed", "more", "than", "less", "account",
        "accounts", "accounted", "for", "recorded", "registered", "posted", "hits", "falls", "rises", "remains",
        "remain", "goes", "go", "moves", "move", "stays", "stay", "returns", "return", "runs", "run", "comes",
        "stands", "settles", "peaks", "peaked", "reaches", "declines", "increases", "grows", "elevated", "low",
        "high", "steady", "unchanged", "stable", "back", "down", "below", "above", "under", "close", "toward",
        "towards", "expected", "projected", "forecast", "estimated", "seen", "get", "gets", "got", "went",
        "coming", "going", "moving", "running", "staying", "getting", "fell", "is", "are", "was", "were",
        "anchored", "well",
    ]
    private static let changeNouns: Set<String> = [
        "increase", "growth", "rise", "decline", "decrease", "drop", "fall", "gain", "reduction", "year-on-year",
        "annual", "aumento", "crecimiento", "incremento", "disminución", "caída", "reducción",
    ]
    private static let phraseStops: Set<String> = [
        "the", "a", "an", "its", "their", "our", "his", "her", "this", "that", "these", "those", "and", "or",
        "in", "on", "for", "with", "we", "they", "it", "he", "she", "i", "you", "has", "have", "had", "been",
        "will", "would", "which", "who", "el", "la", "los", "las", "su", "sus", "said", "says", "say", "while",
        "where", "when", "as", "than", "if", "but", "so", "there", "here", "about", "with", "after", "before",
        "since", "by", "to", "at", "from", "is", "was", "are", "were", "be", "all", "some", "total", "y", "que",
        "en", "con", "para", "por", "into", "than", "more", "less", "both", "also", "now", "still", "just",
        "each", "every", "until", "unless", "not", "very", "means", "mean", "think", "thinks", "believe", "see",
        "cut", "cuts", "raise", "raised", "raising", "lowered", "lower", "rose", "fell", "grew",
        "increased", "decreased", "reduced", "added", "hiked",
    ]

    /// Measures that rates and shares are usually about, longest first.
    private static let measures: [[String]] = [
        ["federal", "funds", "rate"], ["unemployment", "rate"], ["inflation", "expectations"], ["interest", "rates"],
        ["poverty", "incidence", "rate"], ["positivity", "rate"], ["participation", "rate"],
        ["tasa", "de", "desempleo"],
        ["inflation"], ["unemployment"], ["gdp"], ["growth"], ["wages"], ["prices"], ["tariffs"], ["exports"],
        ["imports"], ["investment"], ["inflación"], ["desempleo"], ["pib"], ["rates"],
    ]

    /// The measure named closest to the figure, within its clause.
    private static func nearestMeasure(_ t: [Token], around first: Int, end: Int, clause: (Int, Int)) -> String? {
        var best: (distance: Int, text: String)?
        var k = clause.0
        while k < clause.1 {
            for m in measures where k + m.count <= clause.1 {
                if (0..<m.count).allSatisfy({ t[k + $0].lower == m[$0] }) {
                    let distance = k >= end ? k - end : (k + m.count <= first ? first - (k + m.count) : 0)
                    if distance < (best?.distance ?? .max) {
                        best = (distance, t[k..<(k + m.count)].map(\.text).joined(separator: " "))
                    }
                    break
                }
            }
            k += 1
        }
        return best?.text
    }

    /// The noun phrase after a figure: after "of"/"de" (or "for", for money), or right after an
    /// amount of money.
    private static func phraseAfter(_ t: [Token], from k: Int, currency: Bool) -> String? {
        var j = k
        guard j < t.count, t[j].isWord else { return nil }
        if ["of", "de", "del"].contains(t[j].lower) || (currency && t[j].lower == "for") {
            j += 1
        } else if !currency {
            return nil
        }
        while j < t.count, ["the", "a", "an", "la", "el", "los", "las", "our", "their", "its"].contains(t[j].lower) {
            j += 1
        }
        var words: [String] = []
        while j < t.count, t[j].isWord, words.count < 5 {
            let w = t[j].lower
            if countedStops.contains(w)
                && !(w == "in" && !words.isEmpty && words.count < 3 && j + 1 < t.count
                    && t[j + 1].text.first?.isUppercase == true)
            {
                break
            }
            words.append(t[j].text)
            j += 1
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Verbs that carry a change noun: "maintained an annual increase", "saw a decline".
    private static let changeVerbs: Set<String> = [
        "maintained", "maintains", "maintain", "saw", "seen", "sees", "recorded", "registered", "posted", "achieved",
        "kept", "showed", "shows", "reported", "marked", "experienced", "logged", "registró", "mantuvo", "tuvo",
    ]

    /// Adverbs between what is measured and its verb: "income annually saw a rise of 8.1%".
    private static let verbAdverbs: Set<String> = [
        "annually", "steadily", "significantly", "sharply", "slightly", "rapidly", "gradually", "substantially",
        "considerably", "continuously", "consistently", "markedly", "dramatically", "further", "also", "again",
    ]

    private static let timeWords: Set<String> = [
        "year", "years", "month", "months", "quarter", "quarters", "week", "weeks", "day", "days", "today",
        "yesterday", "now", "time", "año", "años", "mes", "meses",
    ]

    /// What is measured: the noun phrase before "of", "reached", "was", "rose"… ("its GDP reached",
    /// "the unemployment rate of", "tourism revenue grew").
    private static func subjectPhrase(_ t: [Token], before k: Int, clauseStart: Int, allowAnd: Bool = false) -> String?
    {
        var j = k - 1
        var linked = false
        while j >= clauseStart, t[j].isWord,
            links.contains(t[j].lower) || changeNouns.contains(t[j].lower)
                || (linked && verbAdverbs.contains(t[j].lower))
        {
            if changeNouns.contains(t[j].lower) {
                // "GDP has maintained an annual increase of 8.5%": past the change and its verb to
                // what changed. Without such a verb the level before supplies the subject.
                var m = j - 1
                while m >= clauseStart, t[m].isWord,
                    changeNouns.contains(t[m].lower) || ["a", "an", "the"].contains(t[m].lower)
                {
                    m -= 1
                }
                guard m >= clauseStart, t[m].isWord, changeVerbs.contains(t[m].lower) else { return nil }
                while m >= clauseStart, t[m].isWord,
                    changeVerbs.contains(t[m].lower) || links.contains(t[m].lower) || verbAdverbs.contains(t[m].lower)
                {
                    m -= 1
                }
                j = m
                linked = true
                break
            }
            linked = true
            j -= 1
        }
        guard linked else { return nil }
        var words: [String] = []
        while j >= clauseStart, t[j].isWord || t[j].text == "’" || t[j].is(sign: "'"), words.count < (allowAnd ? 9 : 6)
        {
            let w = t[j].lower
            if phraseStops.contains(w), !(allowAnd && (w == "and" || w == "y")) { break }
            // Adverbs, contractions and time words are not what is measured.
            if t[j].isWord && (w.hasSuffix("ly") || w.contains("’") || w.contains("'")) || timeWords.contains(w) {
                break
            }
            if t[j].isWord { words.append(t[j].text) }
            j -= 1
        }
        // "Annual transfer payments from central finance to Xinjiang reach …": a short phrase after
        // a preposition belongs to a longer one.
        while j >= clauseStart + 1, ["to", "from", "in", "for", "on"].contains(t[j].lower), words.count <= 6,
            t[j - 1].isWord, !phraseStops.contains(t[j - 1].lower)
        {
            var more: [String] = []
            var m = j - 1
            while m >= clauseStart, t[m].isWord, !phraseStops.contains(t[m].lower), more.count < 4 {
                more.append(t[m].text)
                m -= 1
            }
            words += [t[j].text] + more
            j = m
        }
        // Keep "of" phrases whole: "per capita disposable income of urban residents".
        if j >= clauseStart + 1, t[j].lower == "of", words.count <= 3 {
            var more: [String] = []
            var m = j - 1
            while m >= clauseStart, t[m].isWord, !phraseStops.contains(t[m].lower), more.count < 4 {
                more.append(t[m].text)
                m -= 1
            }
            if !more.isEmpty { words += ["of"] + more }
        }
        guard !words.isEmpty else { return nil }
        let phrase = words.reversed().joined(separator: " ")
        return phrase.count >= 2 ? phrase : nil
    }
}
