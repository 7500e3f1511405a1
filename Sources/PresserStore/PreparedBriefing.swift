import Foundation
import PresserCheck
import PresserCore

/// A briefing made ready to store: its JSON document, the rows of every child table and the
/// fingerprints of its sentences, worked out without the database. `presser ingest` prepares
/// briefings on all cores, so the one writer only runs SQL.
public struct PreparedBriefing: Sendable {
    public var briefing: Briefing
    /// The briefing as `presser.briefing/1` JSON, keys sorted.
    var document: String
    /// Rows for participants, turns, exchanges, claims and findings.
    var children: [TableRows]
    /// Officials' sentences of ten content words or more, fingerprinted (see `CorpusKeys`).
    var sentences: [(turn: Int, fingerprint: String, text: String)]
    /// Each claim's `CorpusKeys.subjectKey`, worked out once for its row and the corpus lookups
    /// (and so on the analysis threads, not the one writer).
    var subjectKeys: [String?]

    public init(_ briefing: Briefing) {
        self.init(briefing, sentences: CorpusKeys.sentenceFingerprints(briefing))
    }

    /// With the sentences already fingerprinted (`Pipeline.runForStore`).
    init(_ briefing: Briefing, sentences: [(turn: Int, fingerprint: String, text: String)]) {
        self.briefing = briefing
        self.document = String(decoding: BriefingJSON.encode(briefing), as: UTF8.self)
        let subjectKeys = briefing.claims.map(CorpusKeys.subjectKey)
        self.children = Rows.children(of: briefing, subjectKeys: subjectKeys)
        self.sentences = sentences
        self.subjectKeys = subjectKeys
    }
}
