import Foundation
import PresserCore

/// Where briefings are kept: an embedded SQLite file (the default) or a PostgreSQL server shared
/// by a team. Both implementations behave the same; the tests run one suite against both.
public protocol BriefingStore: Sendable {
    /// Applies the named migrations not applied yet, in order; returns the names applied.
    @discardableResult func migrate() async throws(StoreError) -> [String]

    /// Stores a briefing (with its claims and findings) in one transaction. Idempotent by the
    /// SHA-256 of the source bytes; a changed file at a known path becomes a new version. `search`
    /// says when its turns go into the search index.
    func store(_ prepared: PreparedBriefing, path: String, search: SearchIndexing) async throws(StoreError)
        -> StoreOutcome

    /// Replaces the stored reading of briefing `id` by `prepared`, a new analysis of the same bytes
    /// (a newer Presser reads them better), in one transaction: its turns, claims, findings and
    /// search entries, and its corpus findings both ways, made anew. The id, path, version and
    /// latest flag stay; `ingested_at` becomes now. Nothing is written when the new reading is the
    /// one stored (`ReadingDigest`) or when briefing `id` was not stored from these bytes.
    func reanalyse(_ id: Int64, as prepared: PreparedBriefing, search: SearchIndexing) async throws(StoreError)
        -> ReanalysisOutcome

    /// Removes briefing `id` and everything stored of it (turns, claims, findings, search entries,
    /// the corpus findings that name it), in one transaction. When it was the latest version of its
    /// path, the newest version left becomes the latest. Returns what was removed, nil when there
    /// was no such briefing.
    func remove(_ id: Int64) async throws(StoreError) -> BriefingSummary?

    /// Takes every stored turn the search index does not have yet into it (those stored
    /// `.batched` since it last did); a store opened later does it too.
    func indexPendingTurns() async throws(StoreError)

    /// The id of the briefing stored from exactly these bytes (its source's SHA-256), if any.
    func storedID(sha256: String) async throws(StoreError) -> Int64?

    func list(_ filter: ListFilter) async throws(StoreError) -> [BriefingSummary]
    /// A stored briefing by id, or the latest version stored from a path.
    func briefing(_ reference: BriefingReference) async throws(StoreError) -> StoredBriefing?
    func search(_ query: SearchQuery) async throws(StoreError) -> [SearchHit]
    /// Turns and answers by speaker, in one briefing or across the corpus (where a briefing that
    /// repeats another almost whole, `BriefingSummary.twinOf`, is left out: one transcript, once).
    func speakers(briefing: Int64?) async throws(StoreError) -> [SpeakerCount]
    /// Questions by outlet, in one briefing or across the corpus (twins left out, as in `speakers`).
    func outlets(briefing: Int64?) async throws(StoreError) -> [OutletCount]
    func timeline(subject: String, unit: String?) async throws(StoreError) -> [TimelinePoint]
    /// Findings that compare a briefing with the rest of the corpus.
    func corpusFindings(briefing: Int64) async throws(StoreError) -> [CorpusFinding]
    func counts() async throws(StoreError) -> CorpusCounts
    /// Releases connections (PostgreSQL); the store is not used afterwards.
    func close() async
}

extension BriefingStore {
    /// Stores a briefing, prepared here (see `PreparedBriefing`), searchable at once.
    public func store(_ briefing: Briefing, path: String) async throws(StoreError) -> StoreOutcome {
        try await store(PreparedBriefing(briefing), path: path, search: .now)
    }

    /// Stores a prepared briefing, searchable at once.
    public func store(_ prepared: PreparedBriefing, path: String) async throws(StoreError) -> StoreOutcome {
        try await store(prepared, path: path, search: .now)
    }
}

/// What reanalysing a stored briefing did.
public enum ReanalysisOutcome: Sendable, Equatable {
    /// The stored reading was replaced by the new one.
    case replaced
    /// The new reading is the one stored, row for row: nothing written.
    case sameReading
    /// No briefing with that id was stored from these bytes: nothing written.
    case notStored
}

/// When a stored briefing's turns go into the search index (SQLite's FTS5 index; PostgreSQL's
/// tsvector is a column of the turn, always in its index).
public enum SearchIndexing: Sendable, Equatable {
    /// In the briefing's own transaction: a search finds it as soon as it is stored.
    case now
    /// With the briefings stored before it, in the transaction of the one that brings the turns
    /// waiting to about 3,000 (some thirty briefings), or of `indexPendingTurns()`. FTS5 writes
    /// each transaction's words as a segment and merges segments as they pile up: taking thirty
    /// briefings at a time cut the writer's CPU by 10–15% (`presser bench --ingest`, 1,000
    /// synthetic briefings: 6.1–6.3 → 5.2–5.5 ms a briefing into a new file, 6.9–7.2 → 6.2–6.3
    /// into a copy of 10,000). Each briefing is still stored
    /// whole or not at all; until its batch is indexed a search does not find it, and after a
    /// killed ingest the next process to open the store indexes what was left waiting.
    case batched
}

/// What storing one briefing did.
public enum StoreOutcome: Sendable, Equatable {
    /// Stored; `version` is 1 for a new path, more for a changed file.
    case stored(id: Int64, version: Int)
    /// The same bytes were stored before (as this id): nothing added.
    case unchanged(id: Int64)
}

public enum BriefingReference: Sendable, Equatable {
    case id(Int64)
    case path(String)

    /// A number is an id; anything else a path (made absolute, as ingest stores it).
    public init(_ text: String) {
        if let id = Int64(text), id > 0 { self = .id(id) } else { self = .path(Ingest.canonical(text)) }
    }
}

public struct ListFilter: Sendable, Equatable {
    public var from: String?
    public var to: String?
    public var layout: String?
    public var speaker: String?
    public var allVersions: Bool
    /// Briefings that repeat another almost whole (`BriefingSummary.twinOf`): listed with the rest,
    /// alone, or left out as search and the counts leave them out.
    public var twins: Twins
    public var limit: Int

    public init(
        from: String? = nil, to: String? = nil, layout: String? = nil, speaker: String? = nil,
        allVersions: Bool = false, twins: Twins = .included, limit: Int = 1000
    ) {
        self.from = from
        self.to = to
        self.layout = layout
        self.speaker = speaker
        self.allVersions = allVersions
        self.twins = twins
        self.limit = limit
    }
}

extension ListFilter {
    public enum Twins: Sendable, Equatable {
        case included, only, leftOut
    }
}

public struct BriefingSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var path: String
    public var version: Int
    public var latest: Bool
    public var sha256: String
    public var title: String?
    public var date: String?
    public var layout: String
    public var language: String
    public var turns: Int
    public var questions: Int
    public var claims: Int
    public var findings: Int
    public var ingestedAt: String
    /// The briefing this one repeats almost whole (the same transcript stored from another file:
    /// an HTML page and its text), when the corpus lookups found one as it was stored.
    public var twinOf: Int64?

    /// What a reader is shown as its name: the title, or the name of the file stored from.
    public var displayTitle: String { title ?? Briefing.fileName(path) ?? "Briefing #\(id)" }
}

public struct StoredBriefing: Sendable, Equatable {
    public var summary: BriefingSummary
    public var briefing: Briefing
}

public struct SearchQuery: Sendable, Equatable {
    public var text: String
    public var speaker: String?
    public var outlet: String?
    public var kind: Turn.Kind?
    public var from: String?
    public var to: String?
    public var limit: Int

    public init(
        _ text: String, speaker: String? = nil, outlet: String? = nil, kind: Turn.Kind? = nil, from: String? = nil,
        to: String? = nil, limit: Int = 20
    ) {
        self.text = text
        self.speaker = speaker
        self.outlet = outlet
        self.kind = kind
        self.from = from
        self.to = to
        self.limit = limit
    }
}

public struct SearchHit: Sendable, Codable, Equatable {
    public var briefing: Int64
    public var title: String?
    public var date: String?
    public var turn: Int
    public var speaker: String?
    public var kind: String
    public var outlet: String?
    /// The matching passage, the matched words between « and ».
    public var snippet: String
    /// Higher is better; comparable within one result list only.
    public var score: Double
}

public struct SpeakerCount: Sendable, Codable, Equatable {
    public var name: String
    public var turns: Int
    public var words: Int
    public var briefings: Int
    /// Questions this official answered, and how many of them directly.
    public var answered: Int
    public var direct: Int
}

public struct OutletCount: Sendable, Codable, Equatable {
    /// nil for questions printed without their outlet.
    public var outlet: String?
    public var questions: Int
    public var briefings: Int
    /// Of the questions, how many were answered directly.
    public var direct: Int
}

public struct TimelinePoint: Sendable, Codable, Equatable {
    public var briefing: Int64
    /// The day of the briefing that said it.
    public var date: String?
    public var periodFrom: String?
    public var periodTo: String?
    public var periodText: String?
    public var value: Double
    public var unit: String?
    public var kind: String
    public var text: String
    public var subject: String?
    public var speaker: String?
    public var sentence: String
    /// The claim's index in its briefing (for a link to it).
    public var claim: Int

    /// The day the figure is placed at on a timeline: the end of its period, the start of one
    /// left open ("since early 2014"), or, with no period said, the day it was said.
    public var placedAt: String? { periodTo ?? periodFrom ?? date }
}

/// A finding across briefings: a figure that changed since another briefing, a sentence said
/// again in another briefing.
public struct CorpusFinding: Sendable, Codable, Equatable {
    public var kind: Finding.Kind
    public var severity: Finding.Severity
    public var message: String
    public var briefing: Int64
    public var otherBriefing: Int64
    /// Claim (figureChanged) or turn (repeatedTalkingPoint) index in each briefing.
    public var index: Int
    public var otherIndex: Int
}

public struct CorpusCounts: Sendable, Codable, Equatable {
    public var briefings: Int
    public var turns: Int
    public var claims: Int
    public var findings: Int
}
