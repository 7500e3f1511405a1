import Foundation
import PresserCheck
import PresserClaims
import PresserCore
import PresserParse
import PresserStore

/// Measures the checks on real transcripts: alter one figure of a hand-labelled consistent group
/// (a level, a rate, an endpoint, a part, a restatement) in the raw text, run the whole pipeline,
/// and see whether a warning (or error) names the altered claim. Also counts the warnings on every
/// unaltered transcript of the corpus, which should be few.
///
/// Each alteration changes the number by 10% to 50% (at least one unit of its last digit), in a
/// direction that makes the group disagree whatever its qualifiers say: with "over 40%" as the
/// stated growth, the earlier level goes up and the later one down; a part goes above what the
/// total leaves for it; a total goes below the sum of its parts; an endpoint of a change that is
/// stated nowhere else goes past the other endpoint (the only way it can contradict the sentence).
public struct MutationHarness: Sendable {
    public struct Outcome: Sendable {
        public var file: String
        public var group: String
        public var type: ChecksGoldFile.GroupType
        public var role: String
        public var original: String
        public var altered: String
        /// nil when no claim carries the altered figure (the extractor missed it).
        public var claim: Int?
        public var detected: Bool
    }

    public struct Report: Sendable {
        public var outcomes: [Outcome]
        /// Warnings and errors on each unaltered transcript.
        public var baseline: [(file: String, findings: [Finding])]

        public var detectionRate: Double {
            outcomes.isEmpty ? 0 : Double(outcomes.filter(\.detected).count) / Double(outcomes.count)
        }

        public var warningsPerBriefing: Double {
            baseline.isEmpty ? 0 : Double(baseline.reduce(0) { $0 + $1.findings.count }) / Double(baseline.count)
        }

        public func outcomes(of type: ChecksGoldFile.GroupType) -> [Outcome] { outcomes.filter { $0.type == type } }
    }

    /// Parse, extract claims, check: the whole pipeline on one file's bytes.
    public static func analyse(_ bytes: [UInt8], name: String) throws(PresserError) -> Briefing {
        try Pipeline.run([TranscriptFile(name: name, bytes: bytes)]).briefing
    }

    public static func run(
        goldDirectory: String, corpusDirectory: String, mutationsPerFigure: Int = 3, seed: UInt64 = 2019_12_09
    ) throws -> Report {
        let gold = URL(fileURLWithPath: goldDirectory)
        let corpus = URL(fileURLWithPath: corpusDirectory)
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path).filter { $0.hasSuffix(".json") }
            .sorted()
        guard !names.isEmpty else { throw PresserError.usage("\(goldDirectory): no *.json gold files") }
        var random = SplitMix64(seed: seed)
        var outcomes: [Outcome] = []
        for name in names {
            let url = gold.appendingPathComponent(name)
            let file: ChecksGoldFile
            do {
                file = try JSONDecoder().decode(ChecksGoldFile.self, from: Data(contentsOf: url))
            } catch {
                throw PresserError.usage("\(url.path): not a checks gold file: \(error)")
            }
            let path = corpus.appendingPathComponent(file.file).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PresserError.unreadable(file: path, reason: "named by \(name) but not found")
            }
            let text = String(decoding: data, as: UTF8.self)
            for group in file.groups {
                for (k, figure) in group.figures.enumerated() {
                    for _ in 0..<mutationsPerFigure {
                        guard
                            let mutation = try mutate(
                                figure, at: k, of: group, in: text, file: file.file, using: &random)
                        else { continue }
                        outcomes.append(try evaluate(mutation, group: group, figure: figure, file: file.file))
                    }
                }
            }
        }
        var baseline: [(String, [Finding])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        where name.hasSuffix(".txt") {
            guard let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(name).path) else {
                continue
            }
            let briefing = try analyse(Array(data), name: name)
            baseline.append((name, briefing.findings.filter { $0.severity >= .warning }))
        }
        return Report(outcomes: outcomes, baseline: baseline)
    }

    struct Mutation {
        var text: String
        var original: String
        var altered: String
        /// The figure as printed after the change ("over 44%").
        var alteredFigure: String
    }

    /// The file's text with one figure altered, or nil when the figure has no digits to alter.
    static func mutate(
        _ figure: ChecksGoldFile.Figure, at index: Int, of group: ChecksGoldFile.Group, in text: String, file: String,
        using random: inout SplitMix64
    ) throws -> Mutation? {
        guard let contextRange = text.range(of: figure.context),
            text[contextRange.upperBound...].range(of: figure.context) == nil
        else {
            throw PresserError.usage("\(file): context “\(figure.context)” is not found exactly once")
        }
        guard let figureRange = text[contextRange].range(of: figure.text), let literal = NumberLiteral(figure.text)
        else { throw PresserError.usage("\(file): “\(figure.text)” is not in its context or has no digits") }
        guard literal.value > 0 else { return nil }
        let r = Double.random(in: 0.1...0.5, using: &random)
        var factor: Double
        let direction = direction(of: figure, in: group)
        switch direction {
        case .up: factor = 1 + r
        case .down: factor = 1 - r
        case .free: factor = Bool.random(using: &random) ? 1 + r : 1 - r
        case .above(let limit), .below(let limit):
            // A part above what the total leaves for it, a total below the sum of its parts, an
            // endpoint past the other.
            let own = scaled(figure.text, literal)
            guard own > 0, limit > 0 else { return nil }
            if case .above = direction { factor = limit / own * (1 + r) } else { factor = limit / own * (1 - r) }
        case .none:
            return nil
        }
        var value = literal.value * factor
        let unit = pow(10, -Double(literal.decimals))
        if abs(value - literal.value) < unit { value = literal.value + (factor >= 1 ? unit : -unit) }
        guard value > 0 else { return nil }
        let altered = format(value, decimals: literal.decimals, grouped: literal.text.contains(","))
        guard altered != literal.text else { return nil }
        var alteredFigure = figure.text
        let start = alteredFigure.unicodeScalars.index(alteredFigure.unicodeScalars.startIndex, offsetBy: literal.start)
        let end = alteredFigure.unicodeScalars.index(start, offsetBy: literal.text.unicodeScalars.count)
        alteredFigure.replaceSubrange(start..<end, with: altered)
        var newText = text
        newText.replaceSubrange(figureRange, with: alteredFigure)
        return Mutation(text: newText, original: figure.text, altered: altered, alteredFigure: alteredFigure)
    }

    enum Direction {
        case up, down, free
        /// Above this value, or below it (scale words included).
        case above(Double), below(Double)
        /// No change can break the group.
        case none
    }

    /// The direction that makes the group disagree whatever the qualifiers allow.
    static func direction(of figure: ChecksGoldFile.Figure, in group: ChecksGoldFile.Group) -> Direction {
        switch group.type {
        case .growth:
            guard let rate = group.figures.first(where: { $0.role == "rate" }) else { return .free }
            let bound = bound(of: rate.text)
            guard bound != 0 else { return .free }
            // A floor on growth ("over 40%"): push growth down. A ceiling: push it up.
            switch (figure.role, bound > 0) {
            case ("previous", true), ("rate", true), ("current", false): return .up
            default: return .down
            }
        case .repeated:
            return .free
        case .endpoints:
            // An endpoint stated nowhere else ("a decline in growth from 2.1 to 1.7", with only the
            // 1.7 said again) breaks the group only by turning the fall into a rise, or the rise
            // into a fall: it goes past the other endpoint. One stated again moves either way.
            guard figure.role == "from" || figure.role == "to", let own = value(of: figure.text) else { return .free }
            let restated = group.figures.contains { $0.role == "mention" && value(of: $0.text) == own }
            let otherRole = figure.role == "from" ? "to" : "from"
            guard !restated, let other = group.figures.first(where: { $0.role == otherRole }),
                let otherValue = value(of: other.text), otherValue != own
            else { return .free }
            return own > otherValue ? .below(otherValue) : .above(otherValue)
        case .parts:
            // A total with a floor ("more than 18,000") allows any parts: nothing to break.
            guard let total = group.figures.first(where: { $0.role == "total" }), bound(of: total.text) <= 0,
                let totalValue = value(of: total.text)
            else { return .none }
            let parts = group.figures.filter { $0.role == "part" }.compactMap { value(of: $0.text) }.reduce(0, +)
            if figure.role == "total" { return .below(parts) }
            return .above(totalValue - (parts - (value(of: figure.text) ?? 0)))
        }
    }

    /// The figure's value with its scale word ("1.9 trillion" is 1.9e12).
    static func value(of text: String) -> Double? {
        NumberLiteral(text).map { scaled(text, $0) }
    }

    /// +1 for a floor ("over", "more than", "at least"), -1 for a ceiling, 0 otherwise.
    static func bound(of text: String) -> Int {
        let t = text.lowercased()
        if ["over", "more than", "exceed", "above", "at least", "surpass"].contains(where: t.contains) { return 1 }
        if ["under", "less than", "below", "at most", "fewer than"].contains(where: t.contains) { return -1 }
        return 0
    }

    /// The literal's value with the scale word after it ("1.9 trillion" is 1.9e12).
    static func scaled(_ text: String, _ literal: NumberLiteral) -> Double {
        let t = text.lowercased()
        for (word, scale) in [("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3)]
        where t.contains(word) {
            return literal.value * scale
        }
        return literal.value
    }

    static func format(_ value: Double, decimals: Int, grouped: Bool) -> String {
        var s = String(format: "%.\(decimals)f", value)
        guard grouped else { return s }
        let parts = s.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var out = ""
        while whole.count > 3 {
            out = "," + whole.suffix(3) + out
            whole.removeLast(3)
        }
        s = whole + out + (parts.count > 1 ? "." + parts[1] : "")
        return s
    }

    /// Runs the pipeline on the altered text and looks for a warning naming the altered claim.
    static func evaluate(
        _ m: Mutation, group: ChecksGoldFile.Group, figure: ChecksGoldFile.Figure, file: String
    ) throws -> Outcome {
        let briefing = try analyse(Array(m.text.utf8), name: file)
        let collapsed = collapse(m.alteredFigure)
        let contextWords = Set(collapse(figure.context).lowercased().split(separator: " "))
        let candidates = briefing.claims.indices.filter {
            briefing.claims[$0].text.contains(m.altered) && collapse(briefing.claims[$0].sentence).contains(collapsed)
        }
        let claim = candidates.max { a, b in
            func shared(_ i: Int) -> Int {
                contextWords.intersection(briefing.claims[i].sentence.lowercased().split(separator: " ")).count
            }
            return shared(a) < shared(b)
        }
        let detected =
            claim.map { c in briefing.findings.contains { $0.severity >= .warning && $0.claims.contains(c) } } ?? false
        return Outcome(
            file: file, group: group.note, type: group.type, role: figure.role, original: m.original,
            altered: m.alteredFigure, claim: claim, detected: detected)
    }

    private static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" || $0 == "\r" || $0 == "\t" })
            .joined(separator: " ")
    }
}
