import Foundation
import PresserCheck
import PresserCore

/// Hand-labelled answers (Tests/Fixtures/answers-gold/*.answers.json, format in its README) against
/// the labels Presser gives: accuracy over the eight labels, per-label precision and recall, and
/// accuracy on the coarse split answered (direct, partial) / not answered (the rest).
public struct AnswerEvaluation: Sendable {
    struct GoldFile: Decodable {
        struct Item: Decodable {
            var exchange: Int
            var questionTurn: Int
            var question: String
            var label: Answer.Label
            var reason: String
            var cue: String
        }

        var file: String
        var exchanges: [Item]
    }

    public struct Pair: Sendable {
        public var file: String
        public var exchange: Int
        public var gold: Answer.Label
        public var predicted: Answer.Label
        public var reason: String
        public var explanation: String
    }

    public var pairs: [Pair]
    /// Gold exchanges whose question turn did not match a parsed exchange.
    public var unmatched: [String]

    public var accuracy: Double { ratio(pairs.filter { $0.gold == $0.predicted }.count, pairs.count) }
    public var coarseAccuracy: Double {
        ratio(pairs.filter { $0.gold.answered == $0.predicted.answered }.count, pairs.count)
    }

    public func precision(_ label: Answer.Label) -> Double {
        ratio(
            pairs.filter { $0.predicted == label && $0.gold == label }.count,
            pairs.filter { $0.predicted == label }.count)
    }

    public func recall(_ label: Answer.Label) -> Double {
        ratio(pairs.filter { $0.predicted == label && $0.gold == label }.count, pairs.filter { $0.gold == label }.count)
    }

    public func count(_ label: Answer.Label) -> Int { pairs.filter { $0.gold == label }.count }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    public static func run(goldDirectory: String, corpusDirectory: String) throws -> AnswerEvaluation {
        let gold = URL(fileURLWithPath: goldDirectory)
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path).filter {
            $0.hasSuffix(".answers.json")
        }
        .sorted()
        guard !names.isEmpty else { throw PresserError.usage("\(goldDirectory): no *.answers.json files") }
        var pairs: [Pair] = []
        var unmatched: [String] = []
        for name in names {
            let file: GoldFile
            do {
                file = try JSONDecoder().decode(
                    GoldFile.self, from: Data(contentsOf: gold.appendingPathComponent(name)))
            } catch {
                throw PresserError.usage("\(name): not an answers gold file: \(error)")
            }
            let path = URL(fileURLWithPath: corpusDirectory).appendingPathComponent(file.file).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PresserError.unreadable(file: path, reason: "named by \(name) but not found")
            }
            let briefing = try MutationHarness.analyse(Array(data), name: file.file)
            for item in file.exchanges {
                guard let exchange = briefing.exchanges.first(where: { $0.question == item.questionTurn }),
                    let answer = exchange.answer
                else {
                    unmatched.append("\(file.file) exchange \(item.exchange) (turn \(item.questionTurn))")
                    continue
                }
                pairs.append(
                    Pair(
                        file: file.file, exchange: item.exchange, gold: item.label, predicted: answer.label,
                        reason: item.reason, explanation: answer.explanation))
            }
        }
        return AnswerEvaluation(pairs: pairs, unmatched: unmatched)
    }
}
