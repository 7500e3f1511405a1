import Foundation
import PresserCore

/// A stated growth rate against the two levels it connects: "107 million in 2017 … 150 million in
/// 2018, up over 40%" implies +40.2%, and "over 40%" holds.
///
/// The rate's level is in its own sentence (the nearest one, or the one in the same place of a
/// "respectively" list); the previous level is a figure of the same unit, about the same thing, in
/// the same span of the year before. The implied rate is a range, from the rounding of both
/// levels; the stated rate is a range from its precision and qualifier, widened by 0.1 points
/// (published rates are computed from unrounded or revised levels). They must meet.
enum GrowthCheck {
    static let slack = 0.1

    static func findings(_ figures: Figures) -> [Finding] {
        var out: [Finding] = []
        var seen: Set<[Int]> = []
        for rate in figures.all where isRate(rate) {
            for current in levels(for: rate, in: figures) {
                guard let period = current.period, let previousPeriod = yearBefore(period),
                    let previous = previousLevel(of: current, in: previousPeriod, figures: figures)
                else { continue }
                let key = [previous.index, current.index, rate.index]
                guard seen.insert(key).inserted else { continue }
                out.append(finding(previous: previous, current: current, rate: rate, figures: figures))
            }
        }
        return out
    }

    /// A percentage change on a year-on-year or yearly basis (or none stated).
    static func isRate(_ f: Figure) -> Bool {
        guard f.claim.kind == .percent, let change = f.claim.change else { return false }
        return change.basis != .cumulative
    }

    /// The level (or levels, for "both up by …") the rate is about.
    static func levels(for rate: Figure, in figures: Figures) -> [Figure] {
        let sentence = figures.inSentence(of: rate)
        let levels = sentence.filter { isGrowthLevel($0) && compatiblePeriods($0, rate) }
        guard !levels.isEmpty else { return [] }
        let rates = sentence.filter(isRate)
        let words = rate.claim.sentence.lowercased()
        if rates.count > 1, rates.count == levels.count, let i = rates.firstIndex(where: { $0.index == rate.index }) {
            return [levels[i]]  // "rose by 6.5% and 8.4% respectively, to 32,764 yuan and 11,975 yuan"
        }
        if rates.count == 1, words.contains("both"), levels.count == 2 { return levels }
        // The nearest level before the rate, else the nearest after it.
        if let before = levels.last(where: { $0.claim.start < rate.claim.start }) { return [before] }
        return levels.first.map { [$0] } ?? []
    }

    static func isGrowthLevel(_ f: Figure) -> Bool {
        guard f.isLevel, f.claim.upper == nil, f.claim.value > 0 else { return false }
        switch f.claim.kind {
        case .currency, .count, .mass, .volume, .energy, .length, .area: return true
        default: return false
        }
    }

    private static func compatiblePeriods(_ level: Figure, _ rate: Figure) -> Bool {
        guard let a = level.period, let b = rate.period else { return true }
        return a.from == b.from && a.to == b.to
    }

    /// The same span one year earlier; nil for spans that are open or longer than a year.
    static func yearBefore(_ period: Claim.Period) -> Claim.Period? {
        guard let from = period.from, let to = period.to, let a = shift(from), let b = shift(to),
            from.prefix(4) == to.prefix(4)
        else { return nil }
        return Claim.Period(text: period.text, from: a, to: b)
    }

    private static func shift(_ date: String) -> String? {
        guard date.count == 10, let year = Int(date.prefix(4)) else { return nil }
        var rest = String(date.dropFirst(4))
        if rest == "-02-29" { rest = "-02-28" }
        return String(format4(year - 1)) + rest
    }

    private static func format4(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// The best previous level: same unit, about the same thing, in the period before; among
    /// several, the one whose words match best, then the closest in value.
    static func previousLevel(of current: Figure, in period: Claim.Period, figures: Figures) -> Figure? {
        var best: (figure: Figure, score: Double)?
        for f in figures.all where f.index != current.index && isGrowthLevel(f) && f.isComparable(with: current) {
            guard let p = f.period, p.from == period.from, p.to == period.to else { continue }
            // "exceeded 100 million for the first time to reach 107 million": the threshold gives way
            // to the exact level beside it.
            if f.claim.qualifier != .exact, hasExactPeer(f, figures) { continue }
            let ratio = current.claim.value / f.claim.value
            guard ratio > 1.0 / 3, ratio < 3 else { continue }
            let similarity = figures.similarity(current, f)
            guard similarity >= 0.15 else { continue }
            // Words first, then the same place in a list ("… and … respectively"), then the closer value;
            // an exact figure beats a threshold ("exceeded 100 million … to reach 107 million").
            var score = similarity - 0.5 * abs(log(ratio)) + (f.claim.qualifier == .exact ? 0.05 : 0)
            if let a = place(of: current, figures), let b = place(of: f, figures), a == b { score += 0.2 }
            if let b = best, b.score >= score { continue }
            best = (f, score)
        }
        return best?.figure
    }

    /// An exact level of the same unit and period in the figure's sentence.
    private static func hasExactPeer(_ f: Figure, _ figures: Figures) -> Bool {
        figures.inSentence(of: f).contains {
            $0.index != f.index && $0.claim.qualifier == .exact && isGrowthLevel($0) && $0.isComparable(with: f)
                && $0.period?.from == f.period?.from && $0.period?.to == f.period?.to
        }
    }

    /// The figure's place among the levels of its unit in its sentence, when there are several.
    private static func place(of f: Figure, _ figures: Figures) -> Int? {
        let peers = figures.inSentence(of: f).filter { isGrowthLevel($0) && $0.isComparable(with: f) }
        guard peers.count > 1 else { return nil }
        return peers.firstIndex { $0.index == f.index }
    }

    private static func finding(previous: Figure, current: Figure, rate: Figure, figures: Figures) -> Finding {
        let p = previous.range
        let c = current.range
        let implied = (current.claim.value / previous.claim.value - 1) * 100
        let impliedRange = ValueRange(
            low: p.high.isFinite ? (c.low / p.high - 1) * 100 : -100,
            high: p.low > 0 ? (c.high / p.low - 1) * 100 : .infinity)
        let sign: Double = rate.claim.change?.direction == .down ? -1 : 1
        var statedRange = ValueRange(rate.claim)
        if sign < 0 { statedRange = ValueRange(low: -statedRange.high, high: -statedRange.low) }
        let stated = sign * rate.claim.value
        let gap = impliedRange.distance(to: statedRange.widened(by: slack))
        let thing = current.thing ?? previous.thing ?? rate.thing ?? "the figure"
        let arithmetic =
            "\(capitalised(thing)): \(Format.figure(previous)) → \(Format.figure(current)) implies "
            + "\(Format.signedPercent(implied))"
        var details: [String: Finding.Detail] = [
            "implied": Format.detail(implied), "impliedLow": Format.detail(impliedRange.low),
            "impliedHigh": Format.detail(impliedRange.high), "stated": Format.detail(stated),
            "difference": Format.detail(gap), "tolerance": .number(slack),
            "previous": .number(previous.claim.value), "current": .number(current.claim.value),
        ]
        let claims = [previous.index, current.index, rate.index]
        let turns = Array(Set(claims.map { figures.all[$0].claim.turn })).sorted()
        if gap == 0 {
            return Finding(
                kind: .growthConsistent, severity: .info,
                message: "\(arithmetic); the stated “\(rate.claim.text)” holds.", claims: claims, turns: turns,
                details: details)
        }
        let statedText = "the stated growth is “\(rate.claim.text)”"
        let range =
            "(\(Format.signedPercent(impliedRange.low)) to \(Format.signedPercent(impliedRange.high)) "
            + "allowing for rounding)"
        if current.claim.kind == .currency, implied > stated, gap <= 10, isOutput(figures, current, previous, rate) {
            details["note"] = .text("nominal vs real")
            return Finding(
                kind: .growthMismatch, severity: .info,
                message:
                    "\(arithmetic) \(range), but \(statedText), \(Format.fixed(gap, 1)) points less: the rate is "
                    + "probably real growth (at constant prices) and the levels nominal; worth asking which.",
                claims: claims, turns: turns, details: details)
        }
        let opposite = (implied > 0) != (stated > 0) && abs(implied) > 1 && abs(stated) > 1
        return Finding(
            kind: .growthMismatch, severity: opposite ? .error : .warning,
            message: "\(arithmetic) \(range), but \(statedText), \(Format.fixed(gap, 1)) points apart.",
            claims: claims, turns: turns, details: details)
    }

    /// GDP, output, value added: measures usually given as real growth against nominal levels.
    private static func isOutput(_ all: Figures, _ figures: Figure...) -> Bool {
        let words: Set<String> = ["gdp", "output", "added", "gross", "domest", "produc", "econom"]
        return figures.contains { all.contains(anyOf: words, in: $0.words) }
    }

    static func capitalised(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
