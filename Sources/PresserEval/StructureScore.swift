import PresserCore

/// How well a parsed briefing matches its gold labels: counts, so that files can be added up.
public struct StructureScore: Sendable, Equatable {
    public var goldTurns = 0
    public var predictedTurns = 0
    public var matchedTurns = 0
    public var speakersRight = 0
    public var questionTurns = 0
    public var outletsRight = 0
    public var goldExchanges = 0
    public var predictedExchanges = 0
    public var exchangesRight = 0
    /// Human-readable differences, for finding what went wrong.
    public var mistakes: [String] = []

    public init() {}

    public var turnPrecision: Double { ratio(matchedTurns, predictedTurns) }
    public var turnRecall: Double { ratio(matchedTurns, goldTurns) }
    public var speakerAccuracy: Double { ratio(speakersRight, matchedTurns) }
    public var outletAccuracy: Double { ratio(outletsRight, questionTurns) }
    /// Right exchanges over the larger of the gold and predicted counts, so both missed and
    /// invented exchanges cost.
    public var exchangeAccuracy: Double { ratio(exchangesRight, max(goldExchanges, predictedExchanges)) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    public static func + (l: StructureScore, r: StructureScore) -> StructureScore {
        var s = StructureScore()
        s.goldTurns = l.goldTurns + r.goldTurns
        s.predictedTurns = l.predictedTurns + r.predictedTurns
        s.matchedTurns = l.matchedTurns + r.matchedTurns
        s.speakersRight = l.speakersRight + r.speakersRight
        s.questionTurns = l.questionTurns + r.questionTurns
        s.outletsRight = l.outletsRight + r.outletsRight
        s.goldExchanges = l.goldExchanges + r.goldExchanges
        s.predictedExchanges = l.predictedExchanges + r.predictedExchanges
        s.exchangesRight = l.exchangesRight + r.exchangesRight
        s.mistakes = l.mistakes + r.mistakes
        return s
    }

    /// Scores one briefing against its gold.
    ///
    /// - A predicted turn matches a gold turn when it starts on the same line and its text
    ///   begins with the gold `start` (compared on letters and digits only).
    /// - A speaker is right when the names agree (see `Names.same`); an anonymous gold speaker
    ///   needs an anonymous prediction.
    /// - An outlet is scored on gold question turns.
    /// - An exchange is right when its question turn matches and the same people answered.
    public static func score(_ briefing: Briefing, against gold: GoldFile) -> StructureScore {
        var s = StructureScore()
        s.goldTurns = gold.turns.count
        s.predictedTurns = briefing.turns.count
        s.goldExchanges = gold.exchanges.count
        s.predictedExchanges = briefing.exchanges.count
        let tag = gold.file

        // Turn matching, one to one, in order.
        var goldToPredicted: [Int: Int] = [:]
        var used = Set<Int>()
        let predictedKeys = briefing.turns.map { NameMatch.letters($0.text) }
        for (g, goldTurn) in gold.turns.enumerated() {
            let start = NameMatch.letters(goldTurn.start)
            let found = briefing.turns.indices.first { p in
                !used.contains(p) && briefing.turns[p].line == goldTurn.line && predictedKeys[p].hasPrefix(start)
            }
            if let p = found {
                used.insert(p)
                goldToPredicted[g] = p
            } else {
                s.mistakes.append("\(tag): missed turn at line \(goldTurn.line) “\(goldTurn.start)”")
            }
        }
        for p in briefing.turns.indices where !used.contains(p) {
            let t = briefing.turns[p]
            s.mistakes.append("\(tag): extra turn at line \(t.line) “\(t.text.prefix(50))”")
        }
        s.matchedTurns = goldToPredicted.count

        for (g, p) in goldToPredicted.sorted(by: { $0.key < $1.key }) {
            let goldTurn = gold.turns[g]
            let predicted = briefing.turns[p]
            let name = briefing.name(of: predicted.speaker)
            if NameMatch.same(goldTurn.speaker, name) {
                s.speakersRight += 1
            } else {
                s.mistakes.append(
                    "\(tag):\(goldTurn.line): speaker \(name ?? "nil"), gold \(goldTurn.speaker ?? "nil")")
            }
            if goldTurn.kind != predicted.kind.rawValue {
                s.mistakes.append("\(tag):\(goldTurn.line): kind \(predicted.kind.rawValue), gold \(goldTurn.kind)")
            }
            if goldTurn.kind == "question" {
                s.questionTurns += 1
                if NameMatch.sameOutlet(goldTurn.outlet, predicted.outlet) {
                    s.outletsRight += 1
                } else {
                    s.mistakes.append(
                        "\(tag):\(goldTurn.line): outlet \(predicted.outlet ?? "nil"), gold \(goldTurn.outlet ?? "nil")"
                    )
                }
            }
        }

        for goldExchange in gold.exchanges {
            guard let p = goldToPredicted[goldExchange.question],
                let exchange = briefing.exchanges.first(where: { $0.question == p })
            else {
                s.mistakes.append("\(tag): no exchange for the question at gold turn \(goldExchange.question)")
                continue
            }
            let answered = exchange.answeredBy.compactMap { briefing.name(of: $0) }
            let sameAnswerers =
                answered.count == goldExchange.answeredBy.count
                && goldExchange.answeredBy.allSatisfy { g in answered.contains { NameMatch.same(g, $0) } }
            if sameAnswerers {
                s.exchangesRight += 1
            } else {
                let line = gold.turns[goldExchange.question].line
                s.mistakes.append("\(tag):\(line): answered by \(answered), gold \(goldExchange.answeredBy)")
            }
        }
        return s
    }
}
