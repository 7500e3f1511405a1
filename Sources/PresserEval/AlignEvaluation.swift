import Foundation
import PresserCheck
import PresserCore
import PresserStore

/// `presser align` against the hand-labelled pairs in Tests/Fixtures/align-gold (format in its
/// README): the share of the figures said in both versions that it matches, and the drift it
/// reports next to what the labeller found.
public struct AlignEvaluation: Sendable {
    struct GoldFile: Decodable {
        struct Figure: Decodable {
            var en: String
            var zh: String
            var value: Double
        }
        struct OneSide: Decodable {
            var text: String
            var value: Double?
        }
        struct Counts: Decodable {
            var en: Int
            var zh: Int
        }
        var en: String
        var zh: String
        var questions: Counts
        var figures: [Figure]
        var enOnly: [OneSide]
        var zhOnly: [OneSide]
    }

    public struct PairScore: Sendable {
        public var pair: String
        public var goldFigures: Int
        public var matched: Int
        public var goldQuestions: (en: Int, zh: Int)
        public var questions: (en: Int, zh: Int)
        public var questionsPaired: Int
        public var drift: (differs: Int, onlyEN: Int, onlyZH: Int)
        public var goldOneSided: Int
        public var missed: [String]
    }

    public var pairs: [PairScore]

    public var goldFigures: Int { pairs.reduce(0) { $0 + $1.goldFigures } }
    public var matched: Int { pairs.reduce(0) { $0 + $1.matched } }
    public var recall: Double { goldFigures == 0 ? 1 : Double(matched) / Double(goldFigures) }

    public static func run(goldDirectory: String, corpusDirectory: String? = nil) throws -> AlignEvaluation {
        let gold = URL(fileURLWithPath: goldDirectory)
        let corpus =
            corpusDirectory.map { URL(fileURLWithPath: $0) }
            ?? gold.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("corpus-zh")
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path)
            .filter { $0.hasSuffix(".align.json") }.sorted()
        guard !names.isEmpty else { throw PresserError.usage("\(goldDirectory): no *.align.json files") }
        var pairs: [PairScore] = []
        for name in names {
            let url = gold.appendingPathComponent(name)
            let file: GoldFile
            do {
                file = try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: url))
            } catch {
                throw PresserError.usage("\(url.path): not an alignment gold file: \(error)")
            }
            let en = try Pipeline.run(paths: [corpus.appendingPathComponent(file.en).path]).briefing
            let zh = try Pipeline.run(paths: [corpus.appendingPathComponent(file.zh).path]).briefing
            let alignment = Aligner.align(en, zh)
            pairs.append(score(alignment, file, name: name))
        }
        return AlignEvaluation(pairs: pairs)
    }

    /// A gold figure is matched by a pair of the same value whose texts overlap the gold texts
    /// (one contains the other) in both versions; one pair per gold figure.
    static func score(_ alignment: Alignment, _ gold: GoldFile, name: String) -> PairScore {
        var used = Set<Int>()
        var matched = 0
        var missed: [String] = []
        func overlaps(_ x: String?, _ y: String) -> Bool {
            guard let x else { return false }
            return x.contains(y) || y.contains(x)
        }
        for g in gold.figures {
            let hit = alignment.figures.indices.first { k in
                let f = alignment.figures[k]
                return !used.contains(k) && f.status == .same && overlaps(f.aText, g.en) && overlaps(f.bText, g.zh)
                    && (f.aValue.map { Aligner.sameValue($0, g.value) } ?? false
                        || f.bValue.map { Aligner.sameValue($0, g.value) } ?? false)
            }
            if let hit {
                used.insert(hit)
                matched += 1
            } else {
                missed.append("\(name): “\(g.en)” ↔ “\(g.zh)” (\(g.value)) not matched")
            }
        }
        let paired = alignment.exchanges.filter { $0.a != nil && $0.b != nil }.count
        return PairScore(
            pair: name.replacingOccurrences(of: ".align.json", with: ""), goldFigures: gold.figures.count,
            matched: matched, goldQuestions: (gold.questions.en, gold.questions.zh),
            questions: (alignment.a.questions, alignment.b.questions), questionsPaired: paired,
            drift: (
                alignment.figures.filter { $0.status == .differs }.count,
                alignment.figures.filter { $0.status == .onlyA }.count,
                alignment.figures.filter { $0.status == .onlyB }.count
            ), goldOneSided: gold.enOnly.count + gold.zhOnly.count, missed: missed)
    }
}
