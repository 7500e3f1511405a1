import Foundation
import PresserCore

/// A change stated with its endpoints — "the poverty incidence rate has dropped to 6.51% this year
/// from 22.48% in 2014" — checked three ways: the direction word against the endpoints, a change
/// stated with them ("down 15.97 points", "a fall of 71%") against their difference, and each
/// endpoint against the same endpoints stated elsewhere in the briefing.
enum EndpointsCheck {
    struct Pair {
        var from: Figure
        var to: Figure
        /// "up", "down", or nil when the sentence has no direction word.
        var direction: Claim.Change.Direction?
    }

    static func findings(_ figures: Figures) -> (findings: [Finding], reportedPairs: Set<[Int]>) {
        let pairs = endpointPairs(figures)
        var out: [Finding] = []
        var reported: Set<[Int]> = []
        for pair in pairs {
            if let f = directionFinding(pair) { out.append(f) }
            if let f = statedChangeFinding(pair, figures) { out.append(f) }
        }
        // Each endpoint against the same endpoint of another statement of the change.
        for (i, a) in pairs.enumerated() {
            for b in pairs[(i + 1)...] where a.from.sentence != b.from.sentence && a.from.isComparable(with: b.from) {
                guard figures.similarity(a.to, b.to) >= 0.5 else { continue }
                for (x, y, role) in [(a.from, b.from, "starting point"), (a.to, b.to, "end point")]
                where !x.range.intersects(y.range) {
                    reported.insert([min(x.index, y.index), max(x.index, y.index)])
                    let thing = a.to.thing ?? b.to.thing ?? "the figure"
                    out.append(
                        Finding(
                            kind: .endpointsMismatch, severity: .warning,
                            message:
                                "\(GrowthCheck.capitalised(thing)): the \(role) of the change is \(Format.figure(x)) "
                                + "in one statement and \(Format.figure(y)) in another.",
                            claims: [x.index, y.index], turns: turnList(x, y),
                            details: [
                                "first": .number(x.claim.value), "second": .number(y.claim.value),
                                "difference": Format.detail(abs(x.claim.value - y.claim.value)),
                            ]))
                }
            }
        }
        return (out, reported)
    }

    /// "to X from Y", "from Y to X" in one sentence, X and Y of the same unit.
    static func endpointPairs(_ figures: Figures) -> [Pair] {
        var out: [Pair] = []
        for group in figures.bySentence {
            let sentence = group.filter { $0.isLevel }
            guard sentence.count >= 2 else { continue }
            let last = sentence.map(\.wordBefore)
            for (k, a) in sentence.enumerated() {
                for (l, b) in sentence.enumerated().dropFirst(k + 1) where a.isComparable(with: b) {
                    let wa = last[k]
                    let wb = last[l]
                    if wa == "to" && wb == "from" {
                        out.append(Pair(from: b, to: a, direction: direction(in: clause(from: a, to: b))))
                    }
                    if wa == "from" && wb == "to" {
                        out.append(Pair(from: a, to: b, direction: direction(in: clause(from: a, to: b))))
                    }
                }
            }
        }
        return out
    }

    /// The sentence from a few words before the first endpoint to the end of the second: where
    /// "dropped" or "rose" would be.
    private static func clause(from a: Figure, to b: Figure) -> String {
        let start = max(0, a.claim.start - a.sentenceStart - 60)
        return Figures.text(a.claim.sentence, scalars: start, b.claim.end - b.sentenceStart)?.text ?? ""
    }

    static func direction(in sentence: String) -> Claim.Change.Direction? {
        let words = Set(sentence.lowercased().split(whereSeparator: { !$0.isLetter }))
        let down: Set<Substring> = [
            "dropped", "drop", "drops", "fell", "fallen", "fall", "falls", "falling", "declined", "decline", "declines",
            "declining", "decreased", "decrease", "down", "reduced", "lowered", "lower", "cut", "shrank", "narrowed",
            "moderated", "slowed", "eased",
        ]
        let up: Set<Substring> = [
            "rose", "risen", "rise", "rising", "increased", "increase", "grew", "grown", "up", "climbed", "raised",
            "higher", "expanded", "jumped", "surged",
        ]
        let isDown = !words.isDisjoint(with: down)
        let isUp = !words.isDisjoint(with: up)
        if isDown == isUp { return nil }
        return isDown ? .down : .up
    }

    private static func directionFinding(_ pair: Pair) -> Finding? {
        guard let direction = pair.direction else { return nil }
        let wrong =
            direction == .down ? pair.to.range.low > pair.from.range.high : pair.to.range.high < pair.from.range.low
        guard wrong else { return nil }
        let said = direction == .down ? "a fall" : "a rise"
        let did = direction == .down ? "rose" : "fell"
        return Finding(
            kind: .endpointsMismatch, severity: .error,
            message:
                "The sentence describes \(said) from \(Format.figure(pair.from)) to \(Format.figure(pair.to)), "
                + "but the figure \(did).",
            claims: [pair.from.index, pair.to.index], turns: turnList(pair.from, pair.to),
            details: ["from": .number(pair.from.claim.value), "to": .number(pair.to.claim.value)])
    }

    /// A change stated in the same sentence as the endpoints: points for rates, percent for levels.
    private static func statedChangeFinding(_ pair: Pair, _ figures: Figures) -> Finding? {
        let change = figures.inSentence(of: pair.from).first {
            $0.index != pair.from.index && $0.index != pair.to.index
                && ($0.claim.kind == .percentagePoint || ($0.claim.kind == .percent && $0.claim.change != nil))
        }
        guard let change else { return nil }
        let isPoints = change.claim.kind == .percentagePoint
        let from = pair.from.range
        let to = pair.to.range
        let implied: ValueRange
        let value: Double
        if isPoints {
            guard pair.from.claim.kind == .percent else { return nil }
            implied = ValueRange(low: abs(to.low - from.high), high: abs(to.high - from.low))
            value = abs(pair.to.claim.value - pair.from.claim.value)
        } else {
            guard from.low > 0 else { return nil }
            implied = ValueRange(low: abs(to.low / from.high - 1) * 100, high: abs(to.high / from.low - 1) * 100)
            value = abs(pair.to.claim.value / pair.from.claim.value - 1) * 100
        }
        let ordered = ValueRange(low: min(implied.low, implied.high), high: max(implied.low, implied.high))
        let gap = ordered.distance(to: ValueRange(change.claim).widened(by: GrowthCheck.slack))
        guard gap > 0 else { return nil }
        let unit = isPoints ? " points" : "%"
        return Finding(
            kind: .endpointsMismatch, severity: .warning,
            message:
                "From \(Format.figure(pair.from)) to \(Format.figure(pair.to)) is a change of "
                + "\(Format.fixed(value, 2))\(unit), but the sentence states “\(change.claim.text)”.",
            claims: [pair.from.index, pair.to.index, change.index], turns: turnList(pair.from, pair.to),
            details: [
                "implied": Format.detail(value), "stated": .number(change.claim.value),
                "difference": Format.detail(gap),
                "tolerance": .number(GrowthCheck.slack),
            ])
    }

    private static func turnList(_ figures: Figure...) -> [Int] {
        Array(Set(figures.map(\.claim.turn))).sorted()
    }
}
