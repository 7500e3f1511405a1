import PresserCheck
import PresserCore

/// Briefings stored in two languages are two versions of one event (the Chinese original and the
/// English version of a Foreign Ministry press conference): the same date, another language, and
/// nearly the same number of questions (within a fifth, or two). Found when asked, from what is
/// stored, so both stores link them the same way and nothing has to be re-ingested.
extension BriefingStore {
    /// The latest stored briefings that are another language version of briefing `id`.
    public func languageVersions(of id: Int64) async throws(StoreError) -> [BriefingSummary] {
        guard let this = try await briefing(.id(id))?.summary, let date = this.date else { return [] }
        let sameDay = try await list(ListFilter(from: date, to: date, limit: 200))
        return sameDay.filter { other in
            other.id != id && other.latest && other.language != this.language && other.date == date
                && Self.similarQuestionCounts(this.questions, other.questions)
        }
    }

    /// Two stored briefings aligned (`presser align` on what the store holds).
    public func alignment(_ a: Int64, _ b: Int64) async throws(StoreError) -> (
        alignment: Alignment, a: StoredBriefing, b: StoredBriefing
    )? {
        guard let first = try await briefing(.id(a)), let second = try await briefing(.id(b)) else { return nil }
        return (Aligner.align(first.briefing, second.briefing), first, second)
    }

    static func similarQuestionCounts(_ x: Int, _ y: Int) -> Bool {
        abs(x - y) <= max(2, max(x, y) / 5)
    }
}
