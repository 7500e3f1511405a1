import Foundation
import PresserCheck
import PresserCore

/// A briefing made ready to store: its JSON document, the rows of every child table and the
/// fingerprints of its sentences, worked out without the database. `presser ingest` prepares
/// briefings on all cores, so the one writer only runs SQL.
public struct PreparedBriefing: Sendable {
    public var briefing: Briefing
    /// The briefing as `presser.briefing/1` JSON, keys sorted, without its turns and claims: the
    /// turns and claims tables hold every field of them, and reading the briefing back takes them
    /// from there (`SQLBriefingStore.briefing`). A second copy of them was about a third of the
    /// bytes an ingest wrote.
    var document: String
    /// Rows for participants, turns, exchanges, claims and findings.
    var children: [TableRows]
    /// Officials' sentences of ten content words or more, fingerprinted (see `CorpusKeys`).
    var sentences: [(turn: Int, fingerprint: String, text: String)]
    /// Each claim's `CorpusKeys.subjectKey`, worked out once for its row and the corpus lookups
    /// (and so on the analysis threads, not the one writer).
    var subjectKeys: [String?]
    /// The digest of all of the above (`ReadingDigest`), stored with the briefing: a new analysis
    /// with the same digest would write the same rows.
    var reading: String
    /// Notes about reading the input, for the reader ("not UTF-8; read as Windows-1252"); not stored.
    public internal(set) var warnings: [String] = []

    public init(_ briefing: Briefing) {
        self.init(briefing, sentences: CorpusKeys.sentenceFingerprints(briefing))
    }

    /// With the sentences already fingerprinted (`Pipeline.runForStore`).
    init(_ briefing: Briefing, sentences: [(turn: Int, fingerprint: String, text: String)]) {
        self.briefing = briefing
        self.document = Self.document(of: briefing)
        let subjectKeys = briefing.claims.map(CorpusKeys.subjectKey)
        self.children = Rows.children(of: briefing, subjectKeys: subjectKeys)
        self.sentences = sentences
        self.subjectKeys = subjectKeys
        self.reading = ReadingDigest.of(document: document, children: children, sentences: sentences)
    }

    /// The stored document: the briefing's JSON without the turns and claims stored in their own
    /// tables.
    static func document(of briefing: Briefing) -> String {
        var lean = briefing
        lean.turns = []
        lean.claims = []
        return String(decoding: BriefingJSON.encode(lean), as: UTF8.self)
    }
}
