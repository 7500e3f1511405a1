import PresserCore

/// Who asked and for which outlet, read from the words around a question: the reporter's
/// self-introduction ("Colby Smith with the Financial Times", "Monserrat Sánchez, de Reporte
/// Índigo") and the moderator's call ("Zeke at AP", "Anneken, CNN.", "Colby.").
struct Attribution: Sendable, Equatable {
    var name: String?
    var outlet: String?
}

enum Outlets {
    /// "Ben with ABC", "Zeke at AP", "Jeff Mason from Reuters".
    private static let callPrepositions: Set<String> = ["at", "from", "with"]
    /// The same and "of": "Roberta Rampton of Reuters".
    private static let namePrepositions: Set<String> = ["at", "from", "with", "of"]
    private static let prepositions: Set<String> = ["with", "from", "at", "of", "de", "del", "for"]
    private static let outletConnectors: Set<String> = [
        "of", "the", "and", "&", "de", "del", "la", "el", "y", "for", "on", "en",
    ]
    /// Capitalised words that start sentences but are no names.
    private static let notNames: Set<String> = [
        "yes", "yeah", "please", "thanks", "thank", "okay", "ok", "sure", "next", "go", "question",
        "all", "right", "everyone", "everybody", "one", "two", "again", "hi", "hello", "good", "so",
        "and", "but", "well", "let", "let's", "i", "i'm", "we", "you", "my", "our", "this", "that",
        "it", "mr", "mrs", "ms", "dr", "first", "last", "final", "buenos", "buenas", "gracias", "muy",
        "sí", "adelante", "bueno", "pues", "a", "the", "in", "on", "what", "how", "why", "when", "is",
        "are", "do", "does", "can", "could", "would", "will", "there", "now", "great", "oh", "no",
        "just", "back", "take", "time", "here", "over", "then", "today", "sorry", "hold", "wait",
        "i’m", "it’s", "mi", "soy", "jefe", "señor", "señora",
        // One-word answers ("Soon.", "Correct.") that a bare call would take for a name.
        "soon", "later", "tomorrow", "never", "correct", "exactly", "absolutely", "maybe", "probably", "possibly",
        "definitely", "certainly", "nope", "true", "false", "agreed", "done", "fine", "none", "nothing", "both",
        "neither", "either", "everything", "indeed", "precisely", "perhaps", "sometimes", "often", "yesterday",
        // Spanish articles and prepositions that open a sentence ("Del Suburbano, lo está atendiendo").
        "del", "de", "la", "el", "los", "las", "un", "una", "en", "con", "por", "para", "al",
    ]
    /// Words between a reporter's name and the outlet: "corresponsal de Sin Censura".
    private static let reporterNouns: Set<String> = [
        "corresponsal", "reportero", "reportera", "periodista", "portal", "medio", "revista", "diario",
        "periódico", "canal", "agencia", "correspondent", "reporter", "columnista", "conductor", "conductora",
    ]

    /// The sentences of a text, split after ".", "?" or "!" followed by a space.
    static func sentences(_ text: String, limit: Int = .max) -> [Substring] {
        // The boundaries are ASCII bytes, so the scan runs on the UTF-8 bytes in place and slices
        // the text at those bytes (walking `String.Index`es: 0.08 → 0.05 ms a briefing).
        var copy = text
        return copy.withUTF8 { u in
            let base = text.utf8.startIndex
            func index(_ k: Int) -> String.Index { text.utf8.index(base, offsetBy: k) }
            var out: [Substring] = []
            // Made once at about its size: grown a sentence at a time, 3% of an ingest's allocations.
            out.reserveCapacity(min(limit, u.count / 40 + 1))
            var start = 0
            var i = 0
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }
            func append(_ from: Int, _ to: Int) {
                var s = from
                while s < to, isSpace(u[s]) { s += 1 }
                if s < to { out.append(text[index(s)..<index(to)]) }
            }
            while i < u.count, out.count < limit {
                let c = u[i]
                let next = i + 1
                if c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!") || c == 0x0A,
                    next == u.count || isSpace(u[next])
                {
                    // "Mr." and initials do not end a sentence: a last word of at most three
                    // characters starting with a capital.
                    var abbreviation = false
                    if c == UInt8(ascii: ".") {
                        var w = i
                        while w > start, !isSpace(u[w - 1]) { w -= 1 }
                        let word = text[index(w)..<index(next)]
                        // An ASCII byte followed by another is a character of its own.
                        if u[w] < 0x80, w + 1 == next || u[w + 1] < 0x80 {
                            if u[w] >= 0x41 && u[w] <= 0x5A { abbreviation = next - w <= 3 || word.count <= 3 }
                        } else if let letter = word.first, letter.isUppercase {
                            abbreviation = word.utf8.count <= 3 || word.count <= 3
                        }
                    }
                    if !abbreviation {
                        append(start, next)
                        start = next
                    }
                }
                i = next
            }
            if start < u.count, out.count < limit { append(start, u.count) }
            return out
        }
    }

    /// The last few hundred characters of a text, starting at a word: calls are at the end.
    static func tail(_ text: String) -> String {
        guard text.utf8.count > 240 else { return text }
        var start = text.utf8.index(text.utf8.endIndex, offsetBy: -240)
        while start < text.utf8.endIndex, text.utf8[start] != 0x20 { start = text.utf8.index(after: start) }
        return String(Substring(text.utf8[start...]))
    }

    /// The space-separated words of a sentence, cut on UTF-8 bytes (the space is ASCII, so the
    /// cuts are character boundaries), read in place.
    private static func words(_ sentence: Substring, limit: Int = .max) -> [Substring] {
        let utf8 = sentence.utf8
        let base = utf8.startIndex
        func cut(_ u: UnsafeBufferPointer<UInt8>) -> [Substring] {
            var out: [Substring] = []
            out.reserveCapacity(u.count / 4)
            var start = 0
            // Sliced as UTF-8 views (a `Substring` subscript checks its bounds against characters) and
            // into an array sized for them: 0.09 → 0.05 ms a briefing.
            func word(_ end: Int) -> Substring {
                Substring(utf8[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: end)])
            }
            for i in 0..<u.count where u[i] == 0x20 {
                if start < i {
                    out.append(word(i))
                    if out.count == limit { return out }
                }
                start = i + 1
            }
            if start < u.count { out.append(word(u.count)) }
            return out
        }
        return utf8.withContiguousStorageIfAvailable(cut) ?? Array(utf8).withUnsafeBufferPointer(cut)
    }

    /// The word without surrounding punctuation: trailing `.,?!;:"”`, leading `"“(`.
    /// Works on UTF-8 (” is E2 80 9D, “ is E2 80 9C).
    private static func bare(_ word: Substring) -> Substring {
        let u = word.utf8
        var end = u.endIndex
        var start = u.startIndex
        while end > start {
            let b = u[u.index(before: end)]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!")
                || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "\"")
            {
                end = u.index(before: end)
            } else if b == 0x9D, u.distance(from: start, to: end) >= 3, u[u.index(end, offsetBy: -2)] == 0x80,
                u[u.index(end, offsetBy: -3)] == 0xE2
            {
                end = u.index(end, offsetBy: -3)
            } else {
                break
            }
        }
        while start < end {
            let b = u[start]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") {
                start = u.index(after: start)
            } else if b == 0xE2, u.distance(from: start, to: end) >= 3, u[u.index(start, offsetBy: 1)] == 0x80,
                u[u.index(start, offsetBy: 2)] == 0x9C
            {
                start = u.index(start, offsetBy: 3)
            } else {
                break
            }
        }
        return Substring(u[start..<end])
    }

    /// A cheap first test for a name word: it starts with A–Z or a byte beyond ASCII.
    private static func startsWithCapital(_ word: Substring) -> Bool {
        guard let b = word.utf8.first else { return false }
        return (b >= 0x41 && b <= 0x5A) || b >= 0xC0 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") || b == 0xE2
    }

    private static func isNameWord(_ word: Substring) -> Bool {
        let w = bare(word)
        // A capital first: A–Z, or a capital beyond ASCII ("Índigo").
        guard let b = w.utf8.first, (b >= 0x41 && b <= 0x5A) || (b >= 0xC0 && w.first?.isUppercase == true),
            w.utf8.count >= 2, b < 0x80 || w.count >= 2
        else { return false }
        // An ASCII word is read byte by byte (a byte is a character there), before the lookups:
        // 0.06 → 0.04 ms a briefing.
        let ascii = w.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let letters =
            ascii
            ? w.utf8.allSatisfy { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x27 || $0 == 0x2E }
            : w.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
        guard letters else { return false }
        if ascii {
            // Lower case is ASCII folding here, and the words are looked up by their bytes.
            return w.utf8.withContiguousStorageIfAvailable {
                !notNameBytes.contains($0, foldingCase: true) && !Names.titleWordBytes.contains($0, foldingCase: true)
            } ?? (!notNames.contains(w.lowercased()) && !Names.titleWords.contains(w.lowercased()))
        }
        let lower = w.lowercased()
        return !notNames.contains(lower) && !Names.titleWords.contains(lower)
    }

    private static let notNameBytes = PackedWords(notNames)

    private static func endsClause(_ word: Substring) -> Bool {
        guard let l = word.last else { return false }
        return l == "," || l == "." || l == "?" || l == "!" || l == ";" || l == ":"
    }

    /// Titles of people, which open no outlet's name ("National Journal" and "Press TV" are
    /// outlets, so not every title word of `Names.titleWords` is here).
    private static let personTitles: Set<String> = [
        "president", "vice", "secretary", "minister", "prime", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
        "senator", "governor", "ambassador", "chairman", "chairwoman", "admiral", "sir", "presidente", "secretario",
        "secretaria", "canciller",
    ]

    /// Months, which open dates ("from May 19"), not outlets.
    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre",
    ]

    /// Capitalised words that end an outlet's name: "of the Las Vegas Review Journal and I'm here
    /// today as a print reporter".
    private static let pronouns: Set<String> = [
        "i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "we", "my",
    ]

    /// Reads a capitalised outlet name starting at `start`; stops at the end of the clause.
    private static func outlet(_ words: [Substring], from start: Int) -> String? {
        var parts: [Substring] = []
        var k = start
        while k < words.count {
            let word = words[k]
            let w = bare(word)
            if parts.isEmpty, w.lowercased() == "the" { k += 1; continue }
            guard let f = w.first, !pronouns.contains(w.lowercased()) else { break }
            if f.isUppercase || f.isNumber || (!parts.isEmpty && outletConnectors.contains(w.lowercased())) {
                parts.append(w)
            } else {
                break
            }
            if endsClause(word) || parts.count >= 6 { break }
            k += 1
        }
        while let last = parts.last, outletConnectors.contains(last.lowercased()) { parts.removeLast() }
        // "a visit to China from May 19 to 24": a date, not an outlet.
        // "… Committee with Vice President Wang": a title opens no outlet's name.
        guard let first = parts.first, !months.contains(first.lowercased()),
            !personTitles.contains(first.lowercased())
        else { return nil }
        return parts.joined(separator: " ")
    }

    /// "Colby Smith with the Financial Times", "I'm Jeff Mason from Reuters", "Steve Liesman,
    /// CNBC", "Jonathan Nácar, de Eje Central": a name of two to four words followed by an
    /// outlet, in the first three sentences of a question.
    static func selfIntroduction(_ text: String) -> Attribution? {
        for sentence in sentences(text, limit: 3) {
            let w = words(sentence)
            // A name can start the sentence, follow a clause ("Mr. Chairman, Michael McKee
            // from Bloomberg"), a stage direction ("[Laughter] Michael McKee from Bloomberg Radio")
            // or a lead-in ("I'm Jeff Mason"), near the start: deep in a question,
            // "meet with the Foreign Minister, Sergey Lavrov, at the G20" names someone else.
            for i in w.indices.prefix(Self.introductionWithin)
            where startsWithCapital(w[i])
                && (i == 0 || endsClause(w[i - 1]) || leadIns.contains(bare(w[i - 1]).lowercased())
                    || w[i - 1].hasSuffix("]") || w[i - 1].hasSuffix(")"))
            {
                if let found = introduction(w, at: i) { return found }
            }
        }
        return nil
    }

    /// Words after which a name can introduce its speaker: "I'm Jeff Mason".
    private static let leadIns: Set<String> = [
        "i'm", "i’m", "this", "is", "it's", "it’s", "hi", "hello", "yes", "yeah", "thanks", "sí", "am", "i", "and",
        "es", "soy", "name",
    ]

    /// How far into its sentence a reporter's name can introduce them, in words.
    static let introductionWithin = 12

    /// Words that make a name an outlet's: "I'm from Cuban TV" names an outlet, "I am from
    /// Azerbaijan" does not.
    private static let mediaWords: Set<String> = [
        "tv", "television", "televisión", "news", "radio", "times", "post", "journal", "press", "daily",
        "agency", "network", "broadcasting", "channel", "magazine", "herald", "tribune", "gazette",
        "reuters", "bloomberg", "diario", "periódico", "noticias", "revista", "canal", "agencia", "prensa",
        "media", "wire", "telegraph", "guardian", "economist", "politico", "axios", "xinhua", "cnn", "bbc",
    ]

    /// "I'm from Cuban TV", "I'm with the Associated Press": an outlet with no name.
    static func outletIntroduction(_ text: String) -> String? {
        // Only a text that says "I'm" or "I am" early on can introduce its outlet this way.
        let opening = String(decoding: text.utf8.prefix(600), as: UTF8.self)
        guard opening.containsBytes("I’m ") || opening.containsBytes("I'm ") || opening.containsBytes("I am ") else {
            return nil
        }
        for sentence in sentences(text, limit: 3) {
            let w = words(sentence)
            for i in w.indices.dropLast(2) {
                let first = bare(w[i]).lowercased()
                let pronoun =
                    first == "i’m" || first == "i'm" || (first == "am" && i > 0 && bare(w[i - 1]).lowercased() == "i")
                guard pronoun, ["from", "with"].contains(bare(w[i + 1]).lowercased()),
                    let outlet = outlet(w, from: i + 2)
                else { continue }
                let outletWords = outlet.split(separator: " ")
                let isMedia =
                    outletWords.contains { mediaWords.contains($0.lowercased()) }
                    || outletWords.contains { $0.count >= 2 && $0.count <= 5 && SpeakerLabel.isUpperCase($0) }
                if isMedia { return outlet }
            }
        }
        return nil
    }

    private static func introduction(_ w: [Substring], at i: Int) -> Attribution? {
        var j = i
        while j < w.count, j - i < 4, isNameWord(w[j]) {
            j += 1
            if endsClause(w[j - 1]) { break }
        }
        guard j - i >= 2, j < w.count else { return nil }
        let name = w[i..<j].map { bare($0) }.joined(separator: " ")
        if !endsClause(w[j - 1]), prepositions.contains(bare(w[j]).lowercased()), let outlet = outlet(w, from: j + 1) {
            return Attribution(name: name, outlet: outlet)
        }
        // "Steve Liesman, CNBC." / "Jonathan Nácar, de Eje Central." / "Rafael Herrera,
        // corresponsal de Sin Censura" / "Mario Alberto Segura, del portal El Sur Tampico.com"
        if w[j - 1].last == "," {
            var k = j
            var skipped = false
            while k < w.count, k - j < 2,
                prepositions.contains(bare(w[k]).lowercased()) || reporterNouns.contains(bare(w[k]).lowercased())
            {
                k += 1
                skipped = true
            }
            if skipped, let outlet = outlet(w, from: k) { return Attribution(name: name, outlet: outlet) }
            // A bare "Name, Outlet." is a sentence of its own.
            if w.count <= 8, i <= 2, w.count - j <= 4, let outlet = outlet(w, from: j) {
                return Attribution(name: name, outlet: outlet)
            }
        }
        return nil
    }

    /// Calls on a reporter in the last sentences of a turn: "Steve Holland, Reuters.",
    /// "How about Ben with ABC, where are you Ben?", "Zeke at AP.", and a bare name as the last
    /// sentence ("Colby.", "Go ahead, Steve."). Latest first.
    static func calls(atEndOf text: String) -> [Attribution] {
        var found: [Attribution] = []
        let last = sentences(tail(text)).suffix(3)
        for sentence in last.reversed() {
            // Past 14 words only the first four are read below: the rest are not cut out.
            let count = sentence.spaceSeparatedWordCount
            let w = words(sentence, limit: count <= 14 ? .max : 4)
            // A call is a short sentence ("How about Ben with ABC, where are you Ben?"); an
            // announcement's "… Committee with Vice President Wang." is none.
            for (p, word) in w.enumerated()
            where count <= 14 && p > 0 && word.utf8.count <= 5 && callPrepositions.contains(bare(word).lowercased()) {
                guard !endsClause(w[p - 1]), let outlet = outlet(w, from: p + 1) else { continue }
                var start = p
                while start > 0, p - start < 3, isNameWord(w[start - 1]), start == p || !endsClause(w[start - 1]) {
                    start -= 1
                }
                guard start < p else { continue }
                found.append(Attribution(name: w[start..<p].map { bare($0) }.joined(separator: " "), outlet: outlet))
            }
            // "Mark Landler, since you had your hand up, I'll call on you."
            if count >= 3, isNameWord(w[0]), isNameWord(w[1]), !endsClause(w[0]) {
                let nameEnd = w[1].last == "," ? 2 : (count > 3 && isNameWord(w[2]) && w[2].last == "," ? 3 : 0)
                if nameEnd > 0, nameEnd < count, !namePrepositions.contains(bare(w[nameEnd]).lowercased()) {
                    found.append(Attribution(name: w[..<nameEnd].map { bare($0) }.joined(separator: " "), outlet: nil))
                }
            }
            if count <= 6, let comma = w.firstIndex(where: { $0.last == "," }), comma + 1 < w.count {
                let nameWords = w[...comma]
                if nameWords.count <= 3, nameWords.allSatisfy(isNameWord), let outlet = outlet(w, from: comma + 1),
                    outlet.split(separator: " ").count == w.count - comma - 1
                {
                    found.append(Attribution(name: nameWords.map { bare($0) }.joined(separator: " "), outlet: outlet))
                }
            }
        }
        if let lastSentence = last.last, let bareCall = call(in: lastSentence) { found.insert(bareCall, at: 0) }
        return found
    }

    /// The moderator's call at the end of a turn: "Zeke at AP.", "Anneken, CNN.", "Colby.",
    /// "Go ahead, Steve.", "First question, Jim Acosta." Returns the name and outlet called.
    static func call(atEndOf text: String) -> Attribution? {
        sentences(tail(text)).last.flatMap(call(in:))
    }

    /// Verbs before "with", "to" or "on" that call on someone.
    private static let callingVerbs: Set<String> = [
        "go", "start", "begin", "call", "turn", "come", "move", "over", "head", "going", "back", "now",
    ]

    /// The call in one sentence, the last of a turn.
    private static func call(in last: Substring) -> Attribution? {
        // Counted before it is cut into words: most last sentences are longer.
        guard (1...10).contains(last.spaceSeparatedWordCount) else { return nil }
        let w = words(last)
        // "We'll go to Jeanna Smialek, the New York Times.", "Rachel Siegel, the Washington Post.":
        // a name of two or three words, a comma, and an outlet to the end of the sentence.
        if let comma = w.lastIndex(where: { $0.last == "," }), comma >= 1, comma < w.count - 1,
            bare(w[comma + 1]).lowercased() == "the",
            let o = outlet(w, from: comma + 1), o.split(separator: " ").count == w.count - comma - 2
        {
            var start = comma + 1
            while start > 0, comma + 1 - start < 3, isNameWord(w[start - 1]),
                start - 1 == comma || !endsClause(w[start - 1])
            {
                start -= 1
            }
            if comma + 1 - start >= 2 {
                return Attribution(name: w[start...comma].map { bare($0) }.joined(separator: " "), outlet: o)
            }
        }
        // The run of name words at the end, or before "at/from/with OUTLET".
        var end = w.count
        var outletName: String?
        if let p = w.lastIndex(where: { $0.utf8.count <= 5 && namePrepositions.contains(bare($0).lowercased()) }),
            p > 0,
            p < w.count - 1
        {
            if let o = outlet(w, from: p + 1), o.split(separator: " ").count == w.count - p - 1 {
                outletName = o
                end = p
            }
        } else if w.count >= 2, let comma = w.lastIndex(where: { $0.last == "," }), comma < w.count - 1, comma >= 0 {
            // "Anneken, CNN." — a name, a comma, then a short upper-case outlet.
            let tail = w[(comma + 1)...]
            if tail.count <= 3, tail.allSatisfy({ SpeakerLabel.isUpperCase(bare($0)) && bare($0).count >= 2 }),
                comma >= 0, isNameWord(w[comma])
            {
                outletName = tail.map { bare($0) }.joined(separator: " ")
                end = comma + 1
            }
        }
        var start = end
        while start > 0, end - start < 3, isNameWord(w[start - 1]) {
            // A word that ends a clause can only be the last word of the name.
            if start - 1 < end - 1, endsClause(w[start - 1]) { break }
            start -= 1
        }
        // "Let me go with Hallie Jackson.": no name before the preposition, so what follows it
        // is the person called, not an outlet.
        guard start < end else {
            let verb = end > 0 ? bare(w[end - 1]).lowercased() : ""
            guard callingVerbs.contains(verb) else { return nil }
            return outletName.map { Attribution(name: $0, outlet: nil) }
        }
        // What comes before the name must be a short lead-in ("Go ahead,", "First question,"),
        // or end in a verb of calling ("I'm going to start with Roberta Rampton of Reuters").
        let callingWords: Set<String> = ["with", "to", "on", "is", "call"]
        let leadIn = start > 0 ? bare(w[start - 1]).lowercased() : ""
        if start > 0, !endsClause(w[start - 1]) {
            guard callingWords.contains(leadIn) else { return nil }
            // "with", "to", "on" call only after a verb of calling ("go with", "turn to", "call
            // on"): "We're certainly not going to do that with Kevin McCarthy." names no one.
            if ["with", "to", "on"].contains(leadIn) {
                let verb = start > 1 ? bare(w[start - 2]).lowercased() : ""
                guard callingVerbs.contains(verb) else { return nil }
            }
        } else if start > 4 {
            return nil
        }
        let name = w[start..<end].map { bare($0) }.joined(separator: " ")
        return Attribution(name: name, outlet: outletName)
    }
}
