import PresserCore

/// Holds two language versions of one briefing side by side.
///
/// 1. Turns are aligned in order (a global alignment, as for two sequences): a pair scores for the
///    same kind of turn (question with question), for a similar share of its version's words (a
///    Chinese character and an English word are each one), and for figures in common.
/// 2. Questions pair where their turns pair.
/// 3. In each pair of turns, figures pair one to one by value, nearest in relative position; a
///    figure left over in one turn pairs with one of the same kind and unit near the same place
///    in the other as a figure that `differs`; the rest are in one version only.
/// 4. Findings (`translationDrift`): a figure that differs (warning), a question in one version
///    only (warning), a figure in one version only (info).
public enum Aligner {
    public static func align(_ a: Briefing, _ b: Briefing) -> Alignment {
        let turnPairs = alignTurns(a, b)
        let exchangeOfTurnA = Dictionary(a.exchanges.map { ($0.question, $0.index) }, uniquingKeysWith: { x, _ in x })
        let exchangeOfTurnB = Dictionary(b.exchanges.map { ($0.question, $0.index) }, uniquingKeysWith: { x, _ in x })
        var exchanges: [Alignment.Pair] = []
        for pair in turnPairs {
            let ea = pair.a.flatMap { exchangeOfTurnA[$0] }
            let eb = pair.b.flatMap { exchangeOfTurnB[$0] }
            if ea != nil || eb != nil { exchanges.append(Alignment.Pair(a: ea, b: eb)) }
        }
        let claimsOfTurnA = Dictionary(grouping: a.claims.indices, by: { a.claims[$0].turn })
        let claimsOfTurnB = Dictionary(grouping: b.claims.indices, by: { b.claims[$0].turn })
        var figures: [Alignment.FigurePair] = []
        for pair in turnPairs {
            let ca = pair.a.flatMap { claimsOfTurnA[$0] } ?? []
            let cb = pair.b.flatMap { claimsOfTurnB[$0] } ?? []
            let turnA = pair.a.map { a.turns[$0] }
            let turnB = pair.b.map { b.turns[$0] }
            figures += matchFigures(a, ca, turnA, b, cb, turnB)
        }
        var findingsA: [Finding] = []
        var findingsB: [Finding] = []
        for f in figures { report(f, a, b, &findingsA, &findingsB) }
        for pair in exchanges where pair.a == nil || pair.b == nil {
            report(question: pair, a, b, &findingsA, &findingsB)
        }
        func version(_ x: Briefing) -> Alignment.Version {
            Alignment.Version(
                file: x.source.files.first ?? "-", language: x.language, title: x.title, date: x.date,
                turns: x.turns.count, questions: x.exchanges.count, claims: x.claims.count)
        }
        return Alignment(
            a: version(a), b: version(b), turns: turnPairs, exchanges: exchanges, figures: figures,
            findingsA: findingsA, findingsB: findingsB)
    }

    // MARK: 1. Turns

    static func alignTurns(_ a: Briefing, _ b: Briefing) -> [Alignment.Pair] {
        let n = a.turns.count
        let m = b.turns.count
        let wordsA = a.turns.map { Double(max(1, $0.wordCount)) }
        let wordsB = b.turns.map { Double(max(1, $0.wordCount)) }
        let totalA = max(1, wordsA.reduce(0, +))
        let totalB = max(1, wordsB.reduce(0, +))
        let valuesA = values(a)
        let valuesB = values(b)
        func score(_ i: Int, _ j: Int) -> Double {
            let ta = a.turns[i]
            let tb = b.turns[j]
            var s = 0.0
            let questionA = ta.kind == .question
            let questionB = tb.kind == .question
            if questionA != questionB { return -3 }
            s += ta.kind == tb.kind ? 1.5 : 0.5
            let la = wordsA[i] / totalA
            let lb = wordsB[j] / totalB
            s += 1 - abs(la - lb) / max(la, lb)
            let va = valuesA[i]
            let vb = valuesB[j]
            if !va.isEmpty || !vb.isEmpty {
                let common = va.filter { x in vb.contains { sameValue(x, $0) } }.count
                s += 2 * Double(common) / Double(max(va.count, vb.count))
            }
            return s
        }
        let gap = -0.6
        // best[i][j]: the best score aligning the first i turns of a with the first j of b.
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        // move[i][j]: 0 the turns pair, 1 turn i of a has no counterpart, 2 turn j of b has none.
        var move = [[UInt8]](repeating: [UInt8](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: 1, through: n, by: 1) {
            best[i][0] = Double(i) * gap
            move[i][0] = 1
        }
        for j in stride(from: 1, through: m, by: 1) {
            best[0][j] = Double(j) * gap
            move[0][j] = 2
        }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    let pair = best[i - 1][j - 1] + score(i - 1, j - 1)
                    let onlyA = best[i - 1][j] + gap
                    let onlyB = best[i][j - 1] + gap
                    if pair >= onlyA && pair >= onlyB {
                        best[i][j] = pair
                        move[i][j] = 0
                    } else if onlyA >= onlyB {
                        best[i][j] = onlyA
                        move[i][j] = 1
                    } else {
                        best[i][j] = onlyB
                        move[i][j] = 2
                    }
                }
            }
        }
        var pairs: [Alignment.Pair] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            switch move[i][j] {
            case 0 where i > 0 && j > 0:
                pairs.append(Alignment.Pair(a: i - 1, b: j - 1))
                i -= 1
                j -= 1
            case 1 where i > 0:
                pairs.append(Alignment.Pair(a: i - 1, b: nil))
                i -= 1
            default:
                pairs.append(Alignment.Pair(a: nil, b: j - 1))
                j -= 1
            }
        }
        return pairs.reversed()
    }

    private static func values(_ b: Briefing) -> [[Double]] {
        var out = [[Double]](repeating: [], count: b.turns.count)
        for c in b.claims where out.indices.contains(c.turn) { out[c.turn].append(c.value) }
        return out
    }

    /// The same value, to a part in a thousand (a translation rounds "1,318" no further).
    public static func sameValue(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= 1e-3 * max(abs(x), abs(y))
    }

    /// "dozens of" (12) and "数十个" (10): two vague amounts a quarter apart say the same.
    static func bothVague(_ x: Claim, _ y: Claim, _ vx: Double, _ vy: Double) -> Bool {
        guard x.qualifier != .exact, y.qualifier != .exact, vx > 0, vy > 0 else { return false }
        return max(vx, vy) / min(vx, vy) <= 1.25
    }

    // MARK: 3. Figures

    static func matchFigures(
        _ a: Briefing, _ ca: [Int], _ turnA: Turn?, _ b: Briefing, _ cb: [Int], _ turnB: Turn?
    ) -> [Alignment.FigurePair] {
        func position(_ claim: Claim, _ turn: Turn?) -> Double {
            guard let turn else { return 0 }
            return Double(claim.start) / Double(max(1, turn.text.unicodeScalars.count))
        }
        // Each figure offers its value, and a range its upper bound too ("2.8%—9.7%" is said as
        // "2.8 percent to 9.7 percent" or as two figures).
        struct Slot: Hashable {
            var claim: Int
            var upper: Bool
        }
        func slots(_ x: Briefing, _ claims: [Int]) -> [Slot] {
            claims.flatMap { i in
                x.claims[i].upper == nil
                    ? [Slot(claim: i, upper: false)] : [Slot(claim: i, upper: false), Slot(claim: i, upper: true)]
            }
        }
        func value(_ x: Briefing, _ slot: Slot) -> Double {
            slot.upper ? (x.claims[slot.claim].upper ?? x.claims[slot.claim].value) : x.claims[slot.claim].value
        }
        /// How far apart two figures stand in their turns.
        func distance(_ x: Claim, _ y: Claim) -> Double { abs(position(y, turnB) - position(x, turnA)) }
        var usedB = Set<Slot>()
        var matchedA = Set<Int>()
        var matchedB = Set<Int>()
        var pairs: [Alignment.FigurePair] = []
        let slotsB = slots(b, cb)
        // Same value, nearest place; larger figures first (they are rarely coincidences).
        for slot in slots(a, ca).sorted(by: { value(a, $0) > value(a, $1) }) {
            let x = a.claims[slot.claim]
            let v = value(a, slot)
            let candidates = slotsB.filter { y in
                !usedB.contains(y) && (sameValue(value(b, y), v) || bothVague(x, b.claims[y.claim], v, value(b, y)))
            }
            guard let j = candidates.min(by: { distance(x, b.claims[$0.claim]) < distance(x, b.claims[$1.claim]) })
            else { continue }
            usedB.insert(j)
            // A range matched at both ends is one figure.
            if matchedA.contains(slot.claim) && matchedB.contains(j.claim) { continue }
            matchedA.insert(slot.claim)
            matchedB.insert(j.claim)
            pairs.append(figure(.same, slot.claim, j.claim, a, b))
        }
        let leftA = ca.filter { !matchedA.contains($0) }
        // Left over on both sides: the same kind and unit near the same place is the same figure
        // with another value.
        var leftB = cb.filter { !matchedB.contains($0) }
        for i in leftA.sorted() {
            let x = a.claims[i]
            let near = leftB.filter { j in
                let y = b.claims[j]
                return y.kind == x.kind && y.unit == x.unit && distance(x, y) <= 0.12 && x.kind != .duration
            }
            if let j = near.min(by: { distance(x, b.claims[$0]) < distance(x, b.claims[$1]) }) {
                leftB.removeAll { $0 == j }
                pairs.append(figure(.differs, i, j, a, b))
            } else {
                pairs.append(figure(.onlyA, i, nil, a, b))
            }
        }
        for j in leftB { pairs.append(figure(.onlyB, nil, j, a, b)) }
        return pairs.sorted { ($0.a ?? Int.max, $0.b ?? Int.max) < ($1.a ?? Int.max, $1.b ?? Int.max) }
    }

    private static func figure(
        _ status: Alignment.FigurePair.Status, _ i: Int?, _ j: Int?, _ a: Briefing, _ b: Briefing
    ) -> Alignment.FigurePair {
        Alignment.FigurePair(
            status: status, a: i, b: j, aText: i.map { a.claims[$0].text }, bText: j.map { b.claims[$0].text },
            aValue: i.map { a.claims[$0].value }, bValue: j.map { b.claims[$0].value })
    }

    // MARK: 4. Findings

    private static func report(
        _ f: Alignment.FigurePair, _ a: Briefing, _ b: Briefing, _ findingsA: inout [Finding],
        _ findingsB: inout [Finding]
    ) {
        let la = a.language
        let lb = b.language
        switch f.status {
        case .same:
            return
        case .differs:
            guard let i = f.a, let j = f.b else { return }
            let x = a.claims[i]
            let y = b.claims[j]
            let message =
                "The \(la) version says “\(x.text)” (\(ClaimTable.format(x.value))) where the \(lb) version says "
                + "“\(y.text)” (\(ClaimTable.format(y.value)))."
            let details: [String: Finding.Detail] = [
                "value": .number(x.value), "otherValue": .number(y.value), "otherClaim": .number(Double(j)),
                "otherText": .text(y.text), "otherLanguage": .text(lb),
            ]
            findingsA.append(
                Finding(
                    kind: .translationDrift, severity: .warning, message: message, claims: [i], turns: [x.turn],
                    details: details))
            findingsB.append(
                Finding(
                    kind: .translationDrift, severity: .warning, message: message, claims: [j], turns: [y.turn],
                    details: [
                        "value": .number(y.value), "otherValue": .number(x.value), "otherClaim": .number(Double(i)),
                        "otherText": .text(x.text), "otherLanguage": .text(la),
                    ]))
        case .onlyA:
            guard let i = f.a else { return }
            let x = a.claims[i]
            findingsA.append(
                Finding(
                    kind: .translationDrift, severity: .info,
                    message: "“\(x.text)” (\(ClaimTable.format(x.value))) is in the \(la) version only.",
                    claims: [i], turns: [x.turn], details: ["value": .number(x.value), "otherLanguage": .text(lb)]))
        case .onlyB:
            guard let j = f.b else { return }
            let y = b.claims[j]
            findingsB.append(
                Finding(
                    kind: .translationDrift, severity: .info,
                    message: "“\(y.text)” (\(ClaimTable.format(y.value))) is in the \(lb) version only.",
                    claims: [j], turns: [y.turn], details: ["value": .number(y.value), "otherLanguage": .text(la)]))
        }
    }

    private static func report(
        question pair: Alignment.Pair, _ a: Briefing, _ b: Briefing, _ findingsA: inout [Finding],
        _ findingsB: inout [Finding]
    ) {
        if let e = pair.a {
            let turn = a.exchanges[e].question
            findingsA.append(
                Finding(
                    kind: .translationDrift, severity: .warning,
                    message: "Question \(e + 1) of the \(a.language) version is not in the \(b.language) version.",
                    turns: [turn], details: ["exchange": .number(Double(e)), "otherLanguage": .text(b.language)]))
        }
        if let e = pair.b {
            let turn = b.exchanges[e].question
            findingsB.append(
                Finding(
                    kind: .translationDrift, severity: .warning,
                    message: "Question \(e + 1) of the \(b.language) version is not in the \(a.language) version.",
                    turns: [turn], details: ["exchange": .number(Double(e)), "otherLanguage": .text(a.language)]))
        }
    }
}
