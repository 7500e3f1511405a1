import Foundation
import PresserCore
import PresserEval
import PresserParse

/// Paths to the fixtures copied into the repository (Tests/Fixtures), found from this file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let corpus = root.appendingPathComponent("corpus")
    static let checksGold = root.appendingPathComponent("checks-gold")
    static let findings = root.appendingPathComponent("findings")
    static let corpusZH = root.appendingPathComponent("corpus-zh")
    static let alignGold = root.appendingPathComponent("align-gold")

    /// Every transcript of both corpora (the .txt files).
    static func allTranscripts() throws -> [URL] {
        try [corpus, corpusZH].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
                .map { folder.appendingPathComponent($0) }
        }
    }

    /// The text of every turn of every transcript (`allTranscripts`), parsed.
    static func allTurnTexts() throws -> [String] {
        try allTranscripts().flatMap { file in
            let bytes = Array(try Data(contentsOf: file))
            return try TranscriptParser.parse([TranscriptFile(name: file.lastPathComponent, bytes: bytes)])
                .briefing.turns.map(\.text)
        }
    }

    /// Parse, claims and checks on a file of the Chinese corpus, with `original` replaced first.
    static func analyseZH(_ name: String, replacing original: String? = nil, with altered: String = "") throws
        -> Briefing
    {
        var text = String(decoding: try Data(contentsOf: corpusZH.appendingPathComponent(name)), as: UTF8.self)
        if let original {
            guard let range = text.range(of: original) else { throw FixtureError.notFound(original, name) }
            text.replaceSubrange(range, with: altered)
        }
        return try MutationHarness.analyse(Array(text.utf8), name: name)
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: corpus.appendingPathComponent(name)), as: UTF8.self)
    }

    /// Parse, claims and checks on a corpus file, or on its text with `edit` applied first.
    static func analyse(_ name: String, replacing original: String? = nil, with altered: String = "") throws
        -> Briefing
    {
        var text = try text(name)
        if let original {
            guard let range = text.range(of: original) else { throw FixtureError.notFound(original, name) }
            text.replaceSubrange(range, with: altered)
        }
        return try MutationHarness.analyse(Array(text.utf8), name: name)
    }

    enum FixtureError: Error { case notFound(String, String) }
}

extension Briefing {
    /// Findings of a kind at or above a severity.
    func findings(_ kind: Finding.Kind, atLeast severity: Finding.Severity = .info) -> [Finding] {
        findings.filter { $0.kind == kind && $0.severity >= severity }
    }

    /// The index of the claim whose text is `text` in a sentence containing `sentence`.
    func claim(_ text: String, in sentence: String) -> Int? {
        claims.indices.first { claims[$0].text == text && claims[$0].sentence.contains(sentence) }
    }
}
