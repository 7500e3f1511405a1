/// Turning what a user typed into query text that cannot break or inject into a query: the text is
/// always a bound parameter, and for SQLite's FTS5 it is rebuilt from its words, each quoted.
enum SearchText {
    /// FTS5 query text: every word and every "quoted phrase" becomes a quoted string (inner quotes
    /// doubled), joined by spaces (all must match). Operators typed by the user (AND, OR, NEAR, *,
    /// column filters) are just words. nil when nothing is left to search for.
    static func fts5(_ text: String) -> String? {
        let phrases = fts5Phrases(text)
        return phrases.isEmpty ? nil : phrases.joined(separator: " ")
    }

    /// The phrases of `fts5(text)`, in order, each a query of its own: FTS5 numbers them so.
    static func fts5Phrases(_ text: String) -> [String] {
        var terms: [String] = []
        var inPhrase = false
        var current = ""
        func flush() {
            // A run of Chinese characters is a phrase of one-character words, as the index holds it.
            let words = current.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { spaced(String($0)) }
            current = ""
            guard !words.isEmpty else { return }
            if inPhrase {
                terms.append("\"" + words.joined(separator: " ") + "\"")
            } else {
                terms += words.map { "\"\($0)\"" }
            }
        }
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" {
                flush()
                inPhrase.toggle()
            } else {
                current.append(ch)
            }
        }
        flush()
        return terms
    }

    /// A LIKE pattern that finds `text` anywhere, lower-cased, with % _ and \ taken literally
    /// (used with `ESCAPE '\'`).
    static func contains(_ text: String) -> String {
        var out = "%"
        for ch in text.lowercased() {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "%"
    }

    /// The text as the full-text indexes read it: each Chinese character (U+3400–U+9FFF) a word
    /// of its own, set apart by spaces; the rest unchanged.
    static func spaced(_ text: String) -> String {
        spacedIfChinese(text) ?? text
    }

    /// `spaced(text)` when the text has Chinese characters, else nil (a turn's `spaced_text`).
    static func spacedIfChinese(_ text: String) -> String? {
        // Most turns have no byte that can begin a character from U+3400 on (E3–E9): one pass over
        // the bytes rules them out before the scalars are decoded (0.5 → 0.2% of an ingest's CPU).
        let mayHaveHan =
            text.utf8.withContiguousStorageIfAvailable { $0.contains { $0 &- 0xE3 < 7 } }
            ?? text.utf8.contains { $0 &- 0xE3 < 7 }
        guard mayHaveHan, text.unicodeScalars.contains(where: isHan) else { return nil }
        var out = String.UnicodeScalarView()
        var previousHan = false
        for scalar in text.unicodeScalars {
            let han = isHan(scalar)
            if let last = out.last, last != " ", han || previousHan { out.append(" ") }
            out.append(scalar)
            previousHan = han
        }
        return String(out)
    }

    /// A snippet of spaced text made whole again: the spaces `spaced` put around Chinese
    /// characters (and around the «» marks beside them) removed, and the marks of a phrase joined.
    static func unspaced(_ snippet: String) -> String {
        let s = Array(snippet.unicodeScalars)
        guard s.contains(where: isHan) else { return snippet }
        func isMark(_ c: Unicode.Scalar) -> Bool { c == "«" || c == "»" || c == "…" }
        func neighbour(_ i: Int, _ step: Int) -> Unicode.Scalar? {
            var k = i + step
            while k >= 0, k < s.count, isMark(s[k]) { k += step }
            return k >= 0 && k < s.count ? s[k] : nil
        }
        var out = String.UnicodeScalarView()
        for (i, c) in s.enumerated() {
            if c == " ", let before = neighbour(i, -1), let after = neighbour(i, 1),
                isHan(before) || isHan(after), before != " ", after != " "
            {
                continue
            }
            out.append(c)
        }
        // PostgreSQL marks each character of a phrase ("«治»«愈»"): one mark for the phrase.
        let joined = Array(out)
        var merged = String.UnicodeScalarView()
        var i = 0
        while i < joined.count {
            if joined[i] == "»", i + 2 < joined.count, joined[i + 1] == "«", i > 0, isHan(joined[i - 1]),
                isHan(joined[i + 2])
            {
                i += 2
                continue
            }
            merged.append(joined[i])
            i += 1
        }
        return String(merged)
    }

    /// Query text for PostgreSQL's `websearch_to_tsquery`: each run of Chinese characters becomes
    /// a quoted phrase of one-character words (inside quotes the user typed, just spaced).
    static func websearch(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHan) else { return text }
        var out = String.UnicodeScalarView()
        var inQuotes = false
        var inRun = false
        for scalar in text.unicodeScalars {
            let han = isHan(scalar)
            if scalar == "\"" { inQuotes.toggle() }
            if han && !inRun {
                out.append(" ")
                if !inQuotes { out.append("\"") }
            } else if han && inRun {
                out.append(" ")
            } else if !han && inRun {
                if !inQuotes { out.append("\"") }
                if scalar != " " { out.append(" ") }
            }
            out.append(scalar)
            inRun = han
        }
        if inRun && !inQuotes { out.append("\"") }
        return String(out)
    }

    /// The first word of the query, lower-cased (a Chinese character alone): where a passage
    /// should start looking. Empty when there is none.
    static func firstWord(_ text: String) -> String {
        var word = ""
        for ch in text.lowercased() {
            if ch.unicodeScalars.contains(where: isHan) { return word.isEmpty ? String(ch) : word }
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else if !word.isEmpty {
                return word
            }
        }
        return word
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool { (0x3400...0x9FFF).contains(scalar.value) }

    /// Whether the text has anything to search for, for PostgreSQL (whose parser copes with the rest).
    static func hasWords(_ text: String) -> Bool { text.contains { $0.isLetter || $0.isNumber } }
}
