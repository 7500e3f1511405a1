import Testing

@testable import PresserStore

/// A sentence's fingerprint is stored for five briefings at most (`Rows.sentences`), counted from
/// the one lookup of the stored sentences (`CorpusLookup.storedSentences`) as SQL counted them
/// before each batch of 400.
@Suite struct SentenceCapTests {
    /// A stored sentence as the lookup returns it: briefing, fingerprint, turn, counted here.
    func stored(_ briefing: Int64, _ fingerprint: String) -> [StoreValue] {
        [.int(briefing), .text(fingerprint), .int(0), .int(1)]
    }

    @Test func aFingerprintInTwoChunksIsCountedOnce() {
        // "a" is in both chunks' lists of fingerprints: its three stored rows come back twice.
        let first = [stored(1, "a"), stored(2, "a"), stored(3, "a"), stored(1, "b")]
        let second = [stored(1, "a"), stored(2, "a"), stored(3, "a"), stored(4, "c")]
        #expect(
            CorpusLookup.storedSentences(sentenceLookups: [first, second], excluding: nil) == ["a": 3, "b": 1, "c": 1])
        // The briefing a reanalysis replaces is not counted: its rows are deleted first.
        #expect(CorpusLookup.storedSentences(sentenceLookups: [first, second], excluding: 1) == ["a": 2, "c": 1])
    }

    @Test func aBatchIsCountedBeforeItGoesInAndALaterOneAfterIt() {
        // "x" four times, twice in the first batch of 400 and twice in the second; four are stored.
        var sentences = (0..<402).map { (turn: $0, fingerprint: "f\($0)", text: "sentence \($0)") }
        for i in [0, 1, 400, 401] { sentences[i].fingerprint = "x" }
        let writes = Rows.sentences(sentences, cap: 5, stored: ["x": 4, "f2": 5])
        var kept: [String] = []
        for case .rows(let table) in writes { kept += table.rows.map { $0[2].string ?? "" } }
        // The first batch: both go in (four stored, counted before either), and "f2" is at the
        // cap. The second: six are stored by then, and nothing is left to write.
        #expect(kept.filter { $0 == "x" }.count == 2)
        #expect(!kept.contains("f2") && kept.count == 399)
        #expect(writes.count == 1)
    }
}
