import PresserCore

/// Hedges around a number: "more than 20,000", "nearly 400 billion", "15 or more", "casi 3 mil".
enum Qualifiers {
    /// Phrases that stand right before the number (or its currency sign), longest first.
    private static let before: [([String], Claim.Qualifier)] = [
        (["no", "less", "than"], .atLeast), (["not", "less", "than"], .atLeast), (["no", "fewer", "than"], .atLeast),
        (["no", "more", "than"], .atMost), (["not", "more", "than"], .atMost), (["as", "much", "as"], .atMost),
        (["as", "many", "as"], .atMost), (["as", "high", "as"], .atMost), (["as", "few", "as"], .atLeast),
        (["as", "little", "as"], .atLeast), (["as", "low", "as"], .atLeast), (["something", "like"], .approximately),
        (["in", "the", "neighborhood", "of"], .approximately), (["in", "the", "range", "of"], .approximately),
        (["in", "excess", "of"], .moreThan), (["upwards", "of"], .moreThan), (["more", "than"], .moreThan),
        (["greater", "than"], .moreThan), (["higher", "than"], .moreThan), (["por", "lo", "menos"], .atLeast),
        (["alrededor", "de"], .approximately), (["cerca", "de"], .approximately), (["más", "de"], .moreThan),
        (["menos", "de"], .lessThan), (["al", "menos"], .atLeast),
        (["at", "least"], .atLeast), (["at", "most"], .atMost), (["up", "to"], .atMost),
        (["less", "than"], .lessThan), (["fewer", "than"], .lessThan), (["lower", "than"], .lessThan),
        (["close", "to"], .approximately), (["an", "estimated"], .approximately),
        (["on", "the", "order", "of"], .approximately),
        (["nearly"], .approximately), (["almost"], .approximately), (["about"], .approximately),
        (["around"], .approximately), (["roughly"], .approximately), (["some"], .approximately),
        (["approximately"], .approximately), (["approx"], .approximately), (["circa"], .approximately),
        (["estimated"], .approximately), (["casi"], .approximately), (["aproximadamente"], .approximately),
        (["unos"], .approximately), (["unas"], .approximately), (["over"], .moreThan), (["exceeded"], .moreThan),
        (["exceeding"], .moreThan), (["exceeds"], .moreThan), (["exceed"], .moreThan), (["within"], .atMost),
        (["surpassed"], .moreThan), (["surpassing"], .moreThan),
        (["above"], .moreThan), (["beyond"], .moreThan), (["below"], .lessThan),
        (["hasta"], .atMost), (["superior", "a"], .moreThan), (["arriba", "de"], .moreThan),
    ]

    /// Verbs after which "about" introduces a topic, not a hedge: "asked about 3½ percent".
    private static let aboutTopics: Set<String> = [
        "like", "asked", "ask", "asking", "talk", "talked", "talking", "think", "thinking", "thought", "care",
        "worried", "worry", "know", "knew", "concerned", "said", "say", "saying", "speak", "spoke", "question",
        "questions", "heard", "hear", "read", "learn", "learned", "excited", "optimistic", "pessimistic", "clear",
        "comment", "wrote", "write", "remind", "reminded", "told", "tell",
    ]

    /// The qualifier written before token `i`, and the token where it starts.
    static func before(_ t: [Token], at i: Int) -> (Claim.Qualifier, Int)? {
        if i >= 2, t[i - 1].lower == "about", aboutTopics.contains(t[i - 2].lower) { return nil }
        // "under 2,000 deaths" is a hedge; "under two scenarios" is not.
        if i > 0, t[i - 1].lower == "under", i < t.count, t[i].isNumber || Units.currencySigns[t[i].text] != nil {
            return (.lessThan, i - 1)
        }
        for (words, qualifier) in before {
            let s = i - words.count
            guard s >= 0 else { continue }
            if (0..<words.count).allSatisfy({ t[s + $0].lower == words[$0] }) { return (qualifier, s) }
        }
        return nil
    }

    /// "or more", "or so", "plus", "-odd", "or fewer" after the number and its unit.
    static func after(_ t: [Token], at i: Int) -> (Claim.Qualifier, Int)? {
        func w(_ k: Int) -> String { k < t.count ? t[k].lower : "" }
        if w(i) == "or" {
            switch w(i + 1) {
            case "more", "above", "greater": return (.atLeast, i + 2)
            case "less", "fewer", "below": return (.atMost, i + 2)
            case "so": return (.approximately, i + 2)
            default: break
            }
        }
        if w(i) == "or", w(i + 1) == "even" {
            if ["lower", "less", "fewer"].contains(w(i + 2)) { return (.atMost, i + 3) }
            if ["higher", "more", "greater"].contains(w(i + 2)) { return (.atLeast, i + 3) }
        }
        if w(i) == "or", ["lower", "higher"].contains(w(i + 1)) {
            return (w(i + 1) == "lower" ? .atMost : .atLeast, i + 2)
        }
        if w(i) == "o", w(i + 1) == "más" { return (.atLeast, i + 2) }
        if w(i) == "-", i + 1 < t.count, t[i + 1].lower == "odd", !t[i].spaceBefore { return (.approximately, i + 2) }
        if w(i) == "plus" { return (.moreThan, i + 1) }
        return nil
    }
}
