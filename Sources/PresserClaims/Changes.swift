import PresserCore

/// A figure that states a change: "an increase of 6.1%", "rose 25 basis points", "down 3%".
enum Changes {
    private static let up: Set<String> = [
        "increase", "increased", "increases", "increasing", "rise", "rose", "risen", "rises", "rising", "up",
        "grow", "grew", "grown", "growth", "grows", "gain", "gained", "gains", "jump", "jumped", "climbed",
        "climb", "raised", "raise", "hike", "hiked", "surge", "surged", "higher", "expanded", "expansion", "added",
        "aumento", "aumentó", "creció", "crecimiento", "incremento", "subió", "alza",
    ]
    private static let down: Set<String> = [
        "decrease", "decreased", "decreases", "decline", "declined", "declines", "fell", "fall", "fallen", "falls",
        "drop", "dropped", "drops", "down", "lower", "lowered", "cut", "cuts", "reduced", "reduction", "contracted",
        "contraction", "shrank", "slowed", "disminuyó", "disminución", "cayó", "caída", "bajó", "reducción",
    ]

    private static let between: Set<String> = [
        "by", "of", "a", "an", "some", "about", "nearly", "almost", "around", "roughly", "approximately",
        "more", "than", "over", "just", "de", "en", "un", "una", "casi", "alrededor", "más",
    ]

    /// Looks up to four words back from the number (before any qualifier) for a change verb or noun,
    /// and anywhere in the clause for its basis.
    static func find(_ t: [Token], before i: Int, clauseStart: Int, clauseEnd: Int) -> Claim.Change? {
        var direction: Claim.Change.Direction?
        var k = i - 1
        var steps = 0
        // Only these may stand between the change word and the figure: "increased by 6.1%", "an
        // increase of about 6%", "rose 3%". "rose to 6%" is a level, "up from 900,000" a baseline.
        var afterBy = false
        while k >= clauseStart, steps < (afterBy ? 10 : 4) {
            let w = t[k].lower
            if up.contains(w) { direction = .up; break }
            if down.contains(w) { direction = .down; break }
            // "cut rates by a quarter point", "raised the target range by 25 basis points": past
            // "by", the verb may be a few words further back.
            if w == "by" || w == "en" { afterBy = true }
            guard t[k].isWord, afterBy || between.contains(w) else { break }
            k -= 1
            steps += 1
        }
        guard let direction else { return nil }
        var basis: Claim.Change.Basis?
        let clause = t[max(clauseStart, 0)..<min(clauseEnd, t.count)].map(\.lower)
        let joined = Array(clause.joined(separator: " ").utf8)
        // Byte search: the phrases are ASCII (Foundation's `contains`: 0.10 → 0.02 ms a briefing).
        func has(_ phrase: StaticString) -> Bool {
            joined.withUnsafeBufferPointer {
                ByteSearch.find(UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount), in: $0)
                    != nil
            }
        }
        if has("year-on-year") || has("year on year") || has("from a year") || has("same period last year")
            || has("year-over-year") || has("year over year") || has("interanual") || has("anual respecto")
        {
            basis = .yearOnYear
        } else if has("annual") || has("annually") || has("a year") || has("per year") || has("anual") {
            basis = .annual
        } else if has("cumulative") || has("in total") || has("acumulad") {
            basis = .cumulative
        }
        return Claim.Change(direction: direction, basis: basis)
    }
}
