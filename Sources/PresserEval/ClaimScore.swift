import PresserCore

/// How well claims found in sentences match the gold: counts, so that files add up.
public struct ClaimScore: Sendable, Equatable {
    public var gold = 0
    public var predicted = 0
    /// Matched on value and kind.
    public var matched = 0
    /// Matched, with the right qualifier too.
    public var matchedWithQualifier = 0
    public var periodsRight = 0
    public var subjectsRight = 0
    /// Gold claims with a subject, among the matched (subject accuracy is scored on these and on
    /// matched claims whose gold subject is null).
    public var sentences = 0
    public var mistakes: [String] = []

    public init() {}

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    private func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    public var precision: Double { ratio(matched, predicted) }
    public var recall: Double { ratio(matched, gold) }
    public var f1: Double { f1(precision, recall) }
    public var qualifierF1: Double { f1(ratio(matchedWithQualifier, predicted), ratio(matchedWithQualifier, gold)) }
    public var qualifierAccuracy: Double { ratio(matchedWithQualifier, matched) }
    public var periodAccuracy: Double { ratio(periodsRight, matched) }
    public var subjectAccuracy: Double { ratio(subjectsRight, matched) }

    public static func + (l: ClaimScore, r: ClaimScore) -> ClaimScore {
        var s = ClaimScore()
        s.gold = l.gold + r.gold
        s.predicted = l.predicted + r.predicted
        s.matched = l.matched + r.matched
        s.matchedWithQualifier = l.matchedWithQualifier + r.matchedWithQualifier
        s.periodsRight = l.periodsRight + r.periodsRight
        s.subjectsRight = l.subjectsRight + r.subjectsRight
        s.sentences = l.sentences + r.sentences
        s.mistakes = l.mistakes + r.mistakes
        return s
    }

    /// Equal values: the same to a millionth, relatively.
    public static func sameValue(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-6 * max(abs(a), abs(b))
    }

    /// Scores the claims predicted for one gold sentence. A prediction matches a gold claim of the
    /// same kind and value (one to one, preferring the one whose text overlaps).
    public static func score(
        predicted: [Claim], gold: ClaimGoldFile.GoldSentence, file: String
    ) -> ClaimScore {
        var s = ClaimScore()
        s.sentences = 1
        s.gold = gold.claims.count
        s.predicted = predicted.count
        var used = Set<Int>()
        for g in gold.claims {
            let candidates = predicted.indices.filter {
                !used.contains($0) && predicted[$0].kind.rawValue == g.kind && sameValue(predicted[$0].value, g.value)
            }
            let pick =
                candidates.first { p in
                    predicted[p].text.contains(g.text) || g.text.contains(predicted[p].text)
                } ?? candidates.first
            guard let p = pick else {
                s.mistakes.append(
                    "\(file):\(gold.line): missed “\(g.text)” = \(g.value) \(g.kind) in “\(gold.text.prefix(90))”")
                continue
            }
            used.insert(p)
            let c = predicted[p]
            s.matched += 1
            if c.qualifier.rawValue == g.qualifier {
                s.matchedWithQualifier += 1
            } else {
                s.mistakes.append(
                    "\(file):\(gold.line): “\(g.text)” qualifier \(c.qualifier.rawValue), gold \(g.qualifier)")
            }
            if c.period?.from == g.period?.from && c.period?.to == g.period?.to {
                s.periodsRight += 1
            } else {
                s.mistakes.append(
                    "\(file):\(gold.line): “\(g.text)” period \(c.period.map { "\($0.text) \($0.from ?? "nil")..\($0.to ?? "nil")" } ?? "nil"), gold \(g.period.map { "\($0.text) \($0.from ?? "nil")..\($0.to ?? "nil")" } ?? "nil")"
                )
            }
            if sameSubject(c.subject, g.subject) {
                s.subjectsRight += 1
            } else {
                s.mistakes.append(
                    "\(file):\(gold.line): “\(g.text)” subject \(c.subject ?? "nil"), gold \(g.subject ?? "nil")")
            }
        }
        for p in predicted.indices where !used.contains(p) {
            let c = predicted[p]
            s.mistakes.append(
                "\(file):\(gold.line): extra “\(c.text)” = \(c.value) \(c.kind.rawValue) in “\(gold.text.prefix(90))”")
        }
        return s
    }

    /// Subjects agree when both are absent, or one (letters and digits only, without a leading
    /// article or possessive) contains the other.
    public static func sameSubject(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (let a?, let b?):
            func norm(_ s: String) -> String {
                var words = NameMatch.letters(s).split(separator: " ")
                while let f = words.first,
                    ["the", "its", "their", "our", "a", "an", "el", "la", "los", "las"].contains(f)
                {
                    words.removeFirst()
                }
                return words.joined(separator: " ")
            }
            let x = norm(a)
            let y = norm(b)
            return !x.isEmpty && !y.isEmpty && (x == y || x.contains(y) || y.contains(x))
        }
    }
}
