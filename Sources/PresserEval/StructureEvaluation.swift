import Foundation
import PresserCore
import PresserParse

/// Runs the parser over every gold file in a folder and adds up the scores.
public struct StructureEvaluation: Sendable {
    public var perFile: [(file: String, family: String, score: StructureScore)]
    public var total: StructureScore

    /// Reads `*.gold.json` from `goldDirectory` and the transcripts they name from
    /// `corpusDirectory` (by default the corpus folder beside the gold folder: `gold` → `corpus`,
    /// `gold-zh` → `corpus-zh`).
    public static func run(goldDirectory: String, corpusDirectory: String? = nil) throws -> StructureEvaluation {
        let gold = URL(fileURLWithPath: goldDirectory)
        let corpus = corpusDirectory.map { URL(fileURLWithPath: $0) } ?? defaultCorpus(beside: gold)
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path)
            .filter { $0.hasSuffix(".gold.json") }.sorted()
        guard !names.isEmpty else {
            throw PresserError.usage("\(goldDirectory): no *.gold.json files")
        }
        var perFile: [(String, String, StructureScore)] = []
        var total = StructureScore()
        for name in names {
            let data = try Data(contentsOf: gold.appendingPathComponent(name))
            let goldFile: GoldFile
            do {
                goldFile = try JSONDecoder().decode(GoldFile.self, from: data)
            } catch {
                throw PresserError.usage("\(gold.appendingPathComponent(name).path): not a gold file: \(error)")
            }
            let path = corpus.appendingPathComponent(goldFile.file).path
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw PresserError.unreadable(file: path, reason: "named by \(name), not found")
            }
            let result = try TranscriptParser.parse([TranscriptFile(name: path, bytes: [UInt8](bytes))])
            let score = StructureScore.score(result.briefing, against: goldFile)
            perFile.append((goldFile.file, goldFile.family, score))
            total = total + score
        }
        return StructureEvaluation(perFile: perFile, total: total)
    }

    /// The corpus folder beside a gold folder: its name with "gold" replaced by "corpus".
    static func defaultCorpus(beside gold: URL) -> URL {
        let name = gold.standardizedFileURL.lastPathComponent
        let suffix = name.hasPrefix("gold") ? String(name.dropFirst(4)) : ""
        return gold.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("corpus" + suffix)
    }
}
