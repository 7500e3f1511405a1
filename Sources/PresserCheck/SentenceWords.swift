/// The content words of every sentence of a briefing as word ids, in order: one array for all of
/// them and where each sentence's end, read as a slice a sentence. (An array a sentence was the
/// analysis's largest single source of allocations.)
struct SentenceWords: RandomAccessCollection, Sendable {
    /// Every sentence's word ids, one after another.
    private(set) var ids: [Int] = []
    /// Where each sentence's ids end in `ids`.
    private var ends: [Int] = []

    init() {}

    /// Room for `sentences` sentences of `words` ids in all, so that neither array grows.
    mutating func reserveCapacity(sentences: Int, words: Int) {
        ids.reserveCapacity(words)
        ends.reserveCapacity(sentences)
    }

    /// Adds the next sentence: `text`'s stems (numbers included) as ids in `vocabulary`.
    mutating func append(_ text: String, in vocabulary: inout Vocabulary) {
        Words.stemIDs(text, numbers: true, in: &vocabulary, appendingTo: &ids)
        ends.append(ids.count)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(sentence: Int) -> ArraySlice<Int> {
        ids[(sentence == 0 ? 0 : ends[sentence - 1])..<ends[sentence]]
    }
}
