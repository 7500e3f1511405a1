import Foundation
import Testing

@testable import PresserStore

/// The store contract on the embedded SQLite store.
@Suite("Store on SQLite") struct SQLiteStoreTests {
    @Test func ingestingTheCorpusTwiceKeepsOneCopy() async throws {
        try await StoreContract.ingestingTheCorpusTwiceKeepsOneCopy(.sqlite)
    }
    @Test func searchFindsTheReferenceTurnWithItsSpeaker() async throws {
        try await StoreContract.searchFindsTheReferenceTurnWithItsSpeaker(.sqlite)
    }
    @Test func typedQueriesCannotBreakOrInject() async throws {
        try await StoreContract.typedQueriesCannotBreakOrInject(.sqlite)
    }
    @Test func outletsCountTheUnattributedQuestions() async throws {
        try await StoreContract.outletsCountTheUnattributedQuestions(.sqlite)
    }
    @Test func aChangedFileIsANewVersion() async throws { try await StoreContract.aChangedFileIsANewVersion(.sqlite) }
    @Test func theDocumentComesBackAsStored() async throws {
        try await StoreContract.theDocumentComesBackAsStored(.sqlite)
    }
    @Test func timelineAndCorpusFindings() async throws { try await StoreContract.timelineAndCorpusFindings(.sqlite) }
    @Test func figuresAreComparedWithTheLatestBriefings() async throws {
        try await StoreContract.figuresAreComparedWithTheLatestBriefings(.sqlite)
    }
    @Test func languageVersionsAreLinked() async throws { try await StoreContract.languageVersionsAreLinked(.sqlite) }
    @Test func reanalysingReplacesTheReadingInPlace() async throws {
        try await StoreContract.reanalysingReplacesTheReadingInPlace(.sqlite)
    }
    @Test func removingABriefingLeavesNoTrace() async throws {
        try await StoreContract.removingABriefingLeavesNoTrace(.sqlite)
    }
    @Test func twinsAreRecordedAndCountedOnce() async throws {
        try await StoreContract.twinsAreRecordedAndCountedOnce(.sqlite)
    }
    @Test func theSearchWindowFollowsTheNewestTurns() async throws {
        try await StoreContract.theSearchWindowFollowsTheNewestTurns(.sqlite)
    }
}

/// The same contract on PostgreSQL. Without PRESSER_TEST_POSTGRES_URL these are reported as
/// skipped, with the reason; `.ci/run` starts a server and sets it.
@Suite(
    "Store on PostgreSQL",
    .enabled(
        if: TestDatabase.postgresURL != nil,
        "PRESSER_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against (.ci/run starts one)"))
struct PostgresStoreTests {
    @Test func ingestingTheCorpusTwiceKeepsOneCopy() async throws {
        try await StoreContract.ingestingTheCorpusTwiceKeepsOneCopy(.postgres)
    }
    @Test func searchFindsTheReferenceTurnWithItsSpeaker() async throws {
        try await StoreContract.searchFindsTheReferenceTurnWithItsSpeaker(.postgres)
    }
    @Test func typedQueriesCannotBreakOrInject() async throws {
        try await StoreContract.typedQueriesCannotBreakOrInject(.postgres)
    }
    @Test func outletsCountTheUnattributedQuestions() async throws {
        try await StoreContract.outletsCountTheUnattributedQuestions(.postgres)
    }
    @Test func aChangedFileIsANewVersion() async throws { try await StoreContract.aChangedFileIsANewVersion(.postgres) }
    @Test func theDocumentComesBackAsStored() async throws {
        try await StoreContract.theDocumentComesBackAsStored(.postgres)
    }
    @Test func timelineAndCorpusFindings() async throws { try await StoreContract.timelineAndCorpusFindings(.postgres) }
    @Test func figuresAreComparedWithTheLatestBriefings() async throws {
        try await StoreContract.figuresAreComparedWithTheLatestBriefings(.postgres)
    }
    @Test func languageVersionsAreLinked() async throws { try await StoreContract.languageVersionsAreLinked(.postgres) }
    @Test func reanalysingReplacesTheReadingInPlace() async throws {
        try await StoreContract.reanalysingReplacesTheReadingInPlace(.postgres)
    }
    @Test func removingABriefingLeavesNoTrace() async throws {
        try await StoreContract.removingABriefingLeavesNoTrace(.postgres)
    }
    @Test func twinsAreRecordedAndCountedOnce() async throws {
        try await StoreContract.twinsAreRecordedAndCountedOnce(.postgres)
    }
    @Test func theSearchWindowFollowsTheNewestTurns() async throws {
        try await StoreContract.theSearchWindowFollowsTheNewestTurns(.postgres)
    }
}

/// Texts handed to SQLite's `json_each` as one JSON array come back as they were.
@Suite struct JSONArrayTests {
    @Test func textsComeBackFromTheirJSONArray() throws {
        let texts = ["0f3a9c", "a \"quoted\" word", "back\\slash", "tab\tand\nnewline\u{1}", "中文 é —", ""]
        let json = SQLStatement.jsonArray(texts)
        let read = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(read == texts, "\(json)")
        #expect(SQLStatement.jsonArray([]) == "[]")
    }
}
