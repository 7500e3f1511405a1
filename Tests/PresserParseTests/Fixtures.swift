import Foundation
import PresserCore
import PresserParse

/// Paths to the fixtures copied into the repository (Tests/Fixtures), found from this file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let corpus = root.appendingPathComponent("corpus")
    static let gold = root.appendingPathComponent("gold")
    static let corpusZH = root.appendingPathComponent("corpus-zh")
    static let goldZH = root.appendingPathComponent("gold-zh")

    /// Parses a transcript of the Chinese corpus (Chinese originals and their English versions).
    static func parseZH(_ name: String) throws -> Briefing {
        let bytes = [UInt8](try Data(contentsOf: corpusZH.appendingPathComponent(name)))
        return try TranscriptParser.parse([TranscriptFile(name: name, bytes: bytes)]).briefing
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpus.appendingPathComponent(name)))
    }

    static func parse(_ name: String) throws -> Briefing {
        try TranscriptParser.parse([TranscriptFile(name: name, bytes: bytes(name))]).briefing
    }

    /// Every transcript in the corpus folder (.txt and .html).
    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
    }

    static var corpusZHFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpusZH.path)) ?? []).filter { $0.hasSuffix(".txt") }
            .sorted()
    }
}
