/// Splits a turn's text into sentences, with their offsets in Unicode scalars. A sentence ends at
/// ".", "?" or "!" followed by a space or the end, or at a paragraph break; not after an
/// abbreviation ("Mr.", "U.S.", "a.m.") or an initial, and never inside a number ("6.1").
enum Sentences {
    struct Span: Sendable, Equatable {
        var text: String
        var start: Int
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "no", "gen", "gov", "sen", "rep", "prof", "lt",
        "col", "sgt", "capt", "adm", "approx", "sra", "sr", "lic", "ing", "art", "fig", "inc", "co", "corp",
    ]

    static func split(_ text: String) -> [Span] {
        let s = Array(text.unicodeScalars)
        var out: [Span] = []
        var start = 0
        func emit(_ end: Int) {
            var a = start
            var b = end
            while a < b, s[a].properties.isWhitespace { a += 1 }
            while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { out.append(Span(text: String(String.UnicodeScalarView(s[a..<b])), start: a)) }
            start = end
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\n", i + 1 < s.count, s[i + 1] == "\n" {
                emit(i)
                i += 2
                continue
            }
            if c == "." || c == "?" || c == "!" {
                // Closing quotes and brackets stay with the sentence.
                var j = i + 1
                while j < s.count, ["\"", "”", "’", ")", "]"].contains(s[j]) { j += 1 }
                if j == s.count || s[j].properties.isWhitespace {
                    if c == "." && isAbbreviation(s, before: i) {
                        i += 1
                        continue
                    }
                    emit(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        emit(s.count)
        return out
    }

    /// The word before a full stop is an abbreviation or an initial.
    private static func isAbbreviation(_ s: [Unicode.Scalar], before dot: Int) -> Bool {
        var k = dot
        while k > 0, !s[k - 1].properties.isWhitespace, s[k - 1] != "(" { k -= 1 }
        let word = String(String.UnicodeScalarView(s[k..<dot]))
        if word.isEmpty { return false }
        if word.contains(".") { return true }  // "U.S", "a.m"
        if word.unicodeScalars.count == 1, word.first?.isUppercase == true { return true }  // an initial
        return abbreviations.contains(word.lowercased())
    }
}
