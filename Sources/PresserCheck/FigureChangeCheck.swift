import Foundation
import PresserCore

/// The same quantity, for the same period, stated more than once with different values: "91
/// countries" in one answer and "120 countries" in another.
///
/// Two figures are taken to be the same quantity when they have the same kind and unit, both state
/// a level (or both a change in the same direction), sit in different sentences, are described by
/// the same words (subjects nearly the same, and surrounding words, weighted by rarity), and are
/// within a factor of 3 of each other. A restated figure keeps its number: "more than 1,000" and
/// "more than 1,300" are a change even though both could be true. Values within the precision
/// printed (and 5% when one says "about") are the same.
///
/// How sure that is depends on the periods. Both stated in the figures' own sentences and equal: a
/// warning (in English; the word lists are English). Starting together ("in 2014", "in early 2014"):
/// info. Not stated (or carried over from an earlier sentence): the same noun with a different number
/// is as often a different figure ("50 states … 48 states") as a changed one, so only a figure said at
/// least twice one way and once another is reported, as info.
enum FigureChangeCheck {
    static let similarityThreshold = 0.6

    static func findings(_ figures: Figures, skipping reported: Set<[Int]>) -> [Finding] {
        let all = figures.all.filter(isCheckable)
        // Parents by figure index (a figure's index is its place in `figures.all`), in arrays: as
        // dictionaries, hashing the indexes was a fifth of this check.
        var parent = Array(figures.all.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        var overlapping: [(Figure, Figure)] = []
        // Restatements whose period is not stated: linked apart from the dated ones.
        var restated = parent
        func restatedRoot(_ i: Int) -> Int {
            var i = i
            while restated[i] != i { i = restated[i] }
            return i
        }
        // By index: binding each later figure as a value retained and released all its parts,
        // for every pair.
        for k in all.indices {
            let a = all[k]
            for m in (k + 1)..<all.count where isSameQuantity(a, all[m], figures) {
                let b = all[m]
                if reported.contains([a.index, b.index]) { continue }
                switch periodRelation(a, b) {
                case .same:
                    parent[root(b.index)] = root(a.index)
                case .unknown:
                    restated[restatedRoot(b.index)] = restatedRoot(a.index)
                case .overlapping:
                    if !agree(a, b) { overlapping.append((a, b)) }
                case .disjoint:
                    continue
                }
            }
        }
        let groups = Self.groups(all, count: figures.all.count, root)
        var out: [Finding] = []
        for group in groups.values.sorted(by: { $0[0].index < $1[0].index }) where group.count > 1 {
            let classes = valueClasses(group)
            guard classes.count > 1 else { continue }
            out.append(changedFinding(group, classes, figures, severity: figures.language == "en" ? .warning : .info))
        }
        let restatedGroups = Self.groups(all, count: figures.all.count, restatedRoot)
        for group in restatedGroups.values.sorted(by: { $0[0].index < $1[0].index }) where group.count > 2 {
            // A figure said at least twice the same way, and once otherwise.
            let classes = valueClasses(group)
            guard classes.count > 1, classes[0].count >= 2, classes.dropFirst().allSatisfy({ $0.count == 1 }) else {
                continue
            }
            out.append(changedFinding(group, classes, figures, severity: .info))
        }
        for (a, b) in overlapping {
            out.append(
                Finding(
                    kind: .figureChanged, severity: .info,
                    message:
                        "\(GrowthCheck.capitalised(a.thing ?? b.thing ?? "A figure")): \(Format.figure(a)) and, "
                        + "for an overlapping period, \(Format.figure(b)).",
                    claims: [a.index, b.index], turns: Array(Set([a.claim.turn, b.claim.turn])).sorted(),
                    details: ["first": .number(a.claim.value), "second": .number(b.claim.value)]))
        }
        return out
    }

    /// The figures grouped by their root, groups of two or more only (an array for each figure
    /// alone was most of this check's allocations).
    /// (`count`: the briefing's number of figures, which the indexes are below.)
    private static func groups(_ all: [Figure], count: Int, _ root: (Int) -> Int) -> [Int: [Figure]] {
        let roots = all.map { root($0.index) }
        var size = [Int](repeating: 0, count: count)
        for r in roots { size[r] += 1 }
        var groups: [Int: [Figure]] = [:]
        for (f, r) in zip(all, roots) where size[r] > 1 { groups[r, default: []].append(f) }
        return groups
    }

    private static func isCheckable(_ f: Figure) -> Bool {
        f.claim.upper == nil && f.claim.value != 0 && f.claim.kind != .other
    }

    static func isSameQuantity(_ a: Figure, _ b: Figure, _ figures: Figures) -> Bool {
        guard a.sentence != b.sentence, a.isComparable(with: b) else { return false }
        guard a.claim.change?.direction == b.claim.change?.direction,
            a.claim.change?.basis == b.claim.change?.basis
        else { return false }
        let ratio = a.claim.value / b.claim.value
        guard ratio > 1.0 / 3, ratio < 3 else { return false }
        if !a.subjectWords.isEmpty, !b.subjectWords.isEmpty,
            a.subjectWords.jaccard(with: b.subjectWords, weights: figures.idWeights) < 0.7
        {
            return false
        }
        return figures.similarity(a, b) >= similarityThreshold
    }

    enum PeriodRelation { case same, overlapping, disjoint, unknown }

    static func periodRelation(_ a: Figure, _ b: Figure) -> PeriodRelation {
        // A period not stated, or carried over from an earlier sentence, is too weak to say two
        // figures are about the same time.
        guard let p = a.period, let q = b.period, !a.periodInherited, !b.periodInherited else { return .unknown }
        if p.from == q.from && p.to == q.to { return .same }
        // Only periods that start together ("in 2014", "in early 2014"; "since 2014", "from 2014 to
        // 2018") are worth a note; others overlap in too many innocent ways.
        return p.from != nil && p.from == q.from ? .overlapping : .disjoint
    }

    /// The same number, as far as the printed precision tells.
    static func agree(_ a: Figure, _ b: Figure) -> Bool { CorpusKeys.sameValue(a.claim, b.claim) }

    /// The figures grouped by value: each class agrees within itself.
    private static func valueClasses(_ group: [Figure]) -> [[Figure]] {
        var classes: [[Figure]] = []
        for f in group.sorted(by: { $0.claim.value < $1.claim.value }) {
            if let last = classes.last?.last, agree(last, f) {
                classes[classes.count - 1].append(f)
            } else {
                classes.append([f])
            }
        }
        return classes.sorted { $0.count > $1.count || ($0.count == $1.count && $0[0].index < $1[0].index) }
    }

    private static func changedFinding(
        _ group: [Figure], _ classes: [[Figure]], _ figures: Figures, severity: Finding.Severity
    ) -> Finding {
        let thing = group.lazy.compactMap(\.thing).first ?? "A figure"
        let statements = classes.map { c in
            let turns = Array(Set(c.map(\.claim.turn))).sorted().map(String.init)
            return "“\(c[0].claim.text)” (turn\(turns.count > 1 ? "s" : "") \(turns.joined(separator: ", ")))"
        }
        let period = group.lazy.compactMap(\.period).first.map { " (\($0.text))" } ?? ""
        let values = classes.map { $0[0].claim.value }
        return Finding(
            kind: .figureChanged, severity: severity,
            message: severity == .info
                ? "\(GrowthCheck.capitalised(thing)): \(statements.dropLast().joined(separator: ", ")) and "
                    + "\(statements.last ?? "") may be the same figure, stated differently (the period is not given)."
                : "\(GrowthCheck.capitalised(thing))\(period): stated as "
                    + "\(statements.dropLast().joined(separator: ", ")) and \(statements.last ?? "").",
            claims: group.map(\.index).sorted(), turns: Array(Set(group.map(\.claim.turn))).sorted(),
            details: [
                "values": .text(values.map { Format.fixed($0, 2) }.joined(separator: ", ")),
                "difference": Format.detail((values.max() ?? 0) - (values.min() ?? 0)),
                "tolerance": .text("printed precision; 5% for approximate figures"),
            ])
    }
}
