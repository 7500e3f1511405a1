import Foundation
import PresserClaims
import PresserCore

/// Runs the claim extractor on every gold sentence (alone, with its file's date) and adds up.
public struct ClaimEvaluation: Sendable {
    public var perFile: [(file: String, score: ClaimScore)]
    public var total: ClaimScore

    /// The claims Presser finds in one sentence, as the evaluation runs it.
    public static func extract(_ sentence: String, date: String?) -> [Claim] {
        ClaimExtractor.claims(inSentence: sentence, date: date)
    }

    public static func run(goldDirectory: String) throws -> ClaimEvaluation {
        let gold = URL(fileURLWithPath: goldDirectory)
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path)
            .filter { $0.hasSuffix(".claims.json") }.sorted()
        guard !names.isEmpty else { throw PresserError.usage("\(goldDirectory): no *.claims.json files") }
        var perFile: [(String, ClaimScore)] = []
        var total = ClaimScore()
        for name in names {
            let url = gold.appendingPathComponent(name)
            let file: ClaimGoldFile
            do {
                file = try JSONDecoder().decode(ClaimGoldFile.self, from: Data(contentsOf: url))
            } catch {
                throw PresserError.usage("\(url.path): not a claims gold file: \(error)")
            }
            var score = ClaimScore()
            for sentence in file.sentences {
                let predicted = extract(sentence.text, date: file.date)
                score = score + ClaimScore.score(predicted: predicted, gold: sentence, file: file.file)
            }
            perFile.append((file.file, score))
            total = total + score
        }
        return ClaimEvaluation(perFile: perFile, total: total)
    }
}
