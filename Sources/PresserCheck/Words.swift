import Foundation
import PresserCore

/// Content words, reduced to crude stems so that "violent" and "violence", "tourist" and
/// "tourists" meet: lower-cased letters only, stop words dropped, a plural "s" removed, cut to
/// six letters; in Chinese, pairs of neighbouring characters.
enum Words {
    static let stopWords: Set<String> = [
        "the", "and", "for", "with", "that", "this", "these", "those", "from", "into", "over", "under", "was",
        "were", "are", "has", "have", "had", "been", "being", "will", "would", "shall", "should", "can",
        "could", "may", "might", "must", "its", "our", "their", "his", "her", "they", "them", "we", "you",
        "your", "him", "she", "he", "it", "not", "but", "also", "than", "then", "there", "here", "which",
        "who", "whom", "whose", "what", "when", "where", "why", "how", "all", "any", "both", "each", "more",
        "most", "other", "some", "such", "only", "own", "same", "so", "too", "very", "just", "about", "above",
        "after", "again", "against", "before", "below", "between", "during", "out", "off", "once", "further",
        "because", "while", "until", "does", "did", "doing", "done", "let", "well", "said", "say", "says",
        "per", "cent", "percent", "respectively", "total", "number", "nearly", "approximately", "around", "least",
        "less", "up", "down",
        "now", "thank", "question", "think", "know", "going", "really", "lot", "thing", "things", "yeah",
        "yes", "okay", "get", "got", "make", "made", "like", "want", "look", "see", "way", "mean", "kind",
        "right", "time", "able", "part", "many", "much", "those", "del", "las", "los", "que", "por",
        "con", "una", "para", "como", "más",
    ]

    /// The stop words by their bytes, for the scan.
    static let stopBytes = PackedWords(stopWords)

    /// The stems of the content words of `text`, in order; with `numbers`, numbers count as words
    /// ("8.4", "2019"). Scans UTF-8 bytes: ASCII letters are lower-cased, other letters kept as they
    /// are; general punctuation (curly quotes, dashes) and no-break spaces separate words.
    static func stems(_ text: String, numbers: Bool = false) -> [String] {
        var text = text
        var strings = Strings()
        strings.out.reserveCapacity(text.utf8.count / 6)
        text.withUTF8 { scan($0, numbers: numbers, into: &strings) }
        return strings.out
    }

    /// The same stems as word ids in `vocabulary` (numbered as they are first found).
    static func stemIDs(_ text: String, numbers: Bool = false, in vocabulary: inout Vocabulary) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count / 6)
        stemIDs(text, numbers: numbers, in: &vocabulary, appendingTo: &ids)
        return ids
    }

    /// The same, added to the end of `ids` (several texts' ids in one array, not an array each).
    static func stemIDs(
        _ text: some StringProtocol, numbers: Bool = false, in vocabulary: inout Vocabulary,
        appendingTo ids: inout [Int]
    ) {
        var text = Substring(text)
        withUnsafeMutablePointer(to: &vocabulary) { vocabulary in
            var numbering = Numbering(vocabulary: vocabulary)
            // Moved in and out, not copied: the array is appended to in place.
            swap(&numbering.ids, &ids)
            text.withUTF8 { scan($0, numbers: numbers, into: &numbering) }
            swap(&numbering.ids, &ids)
        }
    }

    /// Where stems go as they are found (with their `PackedKey` when the scan has it already).
    fileprivate protocol Sink {
        mutating func add(_ stem: UnsafeBufferPointer<UInt8>, key: PackedKey?)
    }

    private struct Strings: Sink {
        var out: [String] = []
        mutating func add(_ stem: UnsafeBufferPointer<UInt8>, key: PackedKey?) {
            out.append(String(decoding: stem, as: UTF8.self))
        }
    }

    /// Numbers stems in a vocabulary, which it grows in place (through a pointer, for the length
    /// of one `stemIDs`).
    private struct Numbering: Sink {
        let vocabulary: UnsafeMutablePointer<Vocabulary>
        var ids: [Int] = []
        mutating func add(_ stem: UnsafeBufferPointer<UInt8>, key: PackedKey?) {
            ids.append(vocabulary.pointee.id(of: stem, key: key ?? PackedKey(stem)))
        }
    }

    /// The word being read: a buffer as long as the text (no word is longer), not an array, so
    /// that adding a byte is a store; a struct, not variables a nested function captures, which
    /// Swift checked for exclusive access at every word (2% of the analysis).
    private struct Word {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        /// `stopBytes`, read once a scan rather than through the global's accessor at every word.
        let stopBytes: PackedWords
        var length = 0
        var isNumber = false

        init(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
            self.bytes = bytes
            stopBytes = Words.stopBytes
        }

        mutating func append(_ b: UInt8) {
            bytes[length] = b
            length += 1
        }

        /// Passes the word's stem to `sink` if it is a content word (or a number, with `numbers`),
        /// and starts the next.
        mutating func flush(numbers: Bool, into sink: inout some Sink) {
            defer {
                length = 0
                isNumber = false
            }
            guard length > 0 else { return }
            let w = UnsafeBufferPointer(rebasing: bytes[0..<length])
            if isNumber {
                if numbers { sink.add(w) }
                return
            }
            guard length >= 3 else { return }
            if length <= 13, let key = PackedKey(w) {
                if stopBytes.contains(key) { return }
                if length <= 6 && w[length - 1] != UInt8(ascii: "s") {
                    sink.add(w, key: key)  // the word is its stem: packed once for both lookups
                    return
                }
            }
            if length <= 6 && w[length - 1] != UInt8(ascii: "s") {
                sink.add(w)
            } else if w.allSatisfy({ $0 < 0x80 }) {
                let (n, y) = asciiStem(w)
                if y {
                    // "bodies" → "body": the stem's last letter written over the word's.
                    bytes[n] = UInt8(ascii: "y")
                    sink.add(UnsafeBufferPointer(rebasing: bytes[0...n]))
                } else {
                    sink.add(UnsafeBufferPointer(rebasing: bytes[0..<n]))
                }
            } else {
                var stem = stem(String(decoding: w, as: UTF8.self))
                stem.withUTF8 { sink.add($0) }
            }
        }
    }

    /// Scans UTF-8 bytes for words, passing each content word's stem to `sink`.
    private static func scan(_ u: UnsafeBufferPointer<UInt8>, numbers: Bool, into sink: inout some Sink) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count + 1) { buffer in
            var word = Word(buffer)
            // Chinese has no spaces: each pair of neighbouring characters is a word ("治愈", "愈出",
            // "出院"), which is how Chinese text is usually compared without a dictionary.
            var previousHan: Int?
            var i = 0
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i < u.count {
                // The ASCII letters from here to the next other byte, up to eight at a time, added
                // lower-cased in one store: most words are read in one step, not a byte at a time.
                // (The buffer is as long as the text: the word is no longer than what was read.)
                if !word.isNumber, i + 8 <= u.count, let base = u.baseAddress, let wordBase = word.bytes.baseAddress {
                    let chunk = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let folded = chunk | (0x20 &* ones)
                    let letters = ByteSearch.asciiLetters(chunk)
                    let run = letters == highs ? 8 : (~letters & highs).trailingZeroBitCount / 8
                    if run > 0 {
                        UnsafeMutableRawPointer(wordBase + word.length).storeBytes(
                            of: folded.littleEndian, as: UInt64.self)
                        word.length += run
                        previousHan = nil
                        i += run
                        continue
                    }
                }
                let b = u[i]
                if b >= 0xE4 && b <= 0xE9, i + 2 < u.count {
                    // A Chinese character (U+4000–U+9FFF).
                    word.flush(numbers: numbers, into: &sink)
                    if let previous = previousHan {
                        sink.add(UnsafeBufferPointer(rebasing: u[previous..<(i + 3)]))
                    }
                    previousHan = i
                    i += 3
                    continue
                }
                previousHan = nil
                if b >= 0x30 && b <= 0x39 {
                    if word.length == 0 { word.isNumber = true }
                    word.append(b)
                } else if b | 0x20 >= 0x61 && b | 0x20 <= 0x7A {
                    if word.isNumber { word.flush(numbers: numbers, into: &sink) }
                    word.append(b | 0x20)
                } else if (b == 0x2E || b == 0x2C), word.isNumber, i + 1 < u.count, u[i + 1] >= 0x30, u[i + 1] <= 0x39 {
                    word.append(b)  // "8.4", "2,385,300"
                } else if b >= 0xC0 {
                    // A multi-byte scalar: punctuation (U+2000–U+206F) and no-break space separate
                    // words, anything else (an accented letter, a CJK character) is part of one.
                    let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    let end = min(i + width, u.count)
                    if (b == 0xE2 && i + 1 < u.count && u[i + 1] >= 0x80 && u[i + 1] <= 0x81)
                        || (b == 0xC2 && i + 1 < u.count && u[i + 1] == 0xA0)
                    {
                        word.flush(numbers: numbers, into: &sink)
                    } else {
                        if word.isNumber { word.flush(numbers: numbers, into: &sink) }
                        for k in i..<end { word.append(u[k]) }
                    }
                    i = end
                    continue
                } else {
                    // also at an apostrophe: "Xinjiang's" gives "xinjiang", the "s" too short to count
                    word.flush(numbers: numbers, into: &sink)
                }
                i += 1
            }
            word.flush(numbers: numbers, into: &sink)
        }
    }

    /// A lower-case ASCII word's stem: its first `count` bytes, then "y" when `y` ("bodies" →
    /// "bod" + "y"); at most six letters.
    private static func asciiStem(_ word: UnsafeBufferPointer<UInt8>) -> (count: Int, y: Bool) {
        var n = word.count
        let s = UInt8(ascii: "s")
        if n > 4, word[n - 3] == UInt8(ascii: "i"), word[n - 2] == UInt8(ascii: "e"), word[n - 1] == s {
            n -= 3
            return n >= 6 ? (6, false) : (n, true)
        } else if n > 3, word[n - 1] == s, word[n - 2] != s {
            n -= 1
        }
        return (min(n, 6), false)
    }

    /// `stem` on a lower-case ASCII word's bytes.
    static func stem(ascii word: [UInt8]) -> String {
        word.withUnsafeBufferPointer { w in
            let (n, y) = asciiStem(w)
            return String(decoding: w[0..<n], as: UTF8.self) + (y ? "y" : "")
        }
    }

    static func stem(_ word: String) -> String {
        var w = Substring(word)
        if w.hasSuffix("ies"), w.count > 4 {
            w = w.dropLast(3) + "y"
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 {
            w = w.dropLast()
        }
        return String(w.prefix(6))
    }
}

/// Inverse document frequencies of stems over a set of documents (sentences), so that a word
/// every sentence uses ("Xinjiang" in a briefing on Xinjiang) weighs little.
struct WordWeights {
    /// The words, found by their bytes: an ASCII stem equals no other as text.
    private let vocabulary: Vocabulary
    /// Each word with other than ASCII bytes by its text (`String` equality: of two ids whose words
    /// are equal so, such as one spelled with a combining accent and one without, the later).
    /// Only those: hashing every word of a briefing took 1% of the analysis.
    private var nonASCII: [String: Int] = [:]
    /// For each id, the id its word is known by: itself, or the last id of a word equal to it.
    private(set) var canonical: [Int]
    private var idf: [Double]
    private var unseen: Double

    /// From documents (sentences) of word ids, `vocabulary[id]` the word: counted on integers.
    init(vocabulary: Vocabulary, documents: some Collection<some Collection<Int>>) {
        self.vocabulary = vocabulary
        let count = vocabulary.count
        var df = [Int](repeating: 0, count: count)
        var lastDocument = [Int](repeating: -1, count: count)
        for (d, doc) in documents.enumerated() {
            for id in doc where lastDocument[id] != d {
                lastDocument[id] = d
                df[id] += 1
            }
        }
        let n = Double(max(documents.count, 1))
        idf = [Double](repeating: 0, count: count)
        canonical = Array(0..<count)
        for (id, count) in df.enumerated() where count > 0 {
            idf[id] = log((n + 1) / (Double(count) + 0.5))
            let word = vocabulary[id]
            if !Self.isASCII(word), let earlier = nonASCII.updateValue(id, forKey: word) { canonical[earlier] = id }
        }
        // Later ids first, so that a chain of equal words ends at the last of them.
        for id in canonical.indices.reversed() where canonical[id] != id { canonical[id] = canonical[canonical[id]] }
        unseen = log(n + 1)
    }

    /// The same from the words' texts, each id's word once.
    init(vocabulary words: [String], documents: some Collection<some Collection<Int>>) {
        var vocabulary = Vocabulary()
        for word in words { _ = vocabulary.id(of: word) }
        self.init(vocabulary: vocabulary, documents: documents)
    }

    /// The id `stem` is known by (see `canonical`), if the briefing has it.
    func id(of stem: String) -> Int? {
        guard Self.isASCII(stem) else { return nonASCII[stem] }
        // A word in no document has no weight (`idf` 0) and is not known.
        guard let id = vocabulary.find(stem), idf[id] > 0 else { return nil }
        return id
    }

    func weight(_ stem: String) -> Double { id(of: stem).map { idf[$0] } ?? unseen }

    /// The weight of the word with this id (one `id(of:)` gave).
    func weight(id: Int) -> Double { idf[id] }

    private static func isASCII(_ word: String) -> Bool { word.utf8.allSatisfy { $0 < 0x80 } }
}

extension Words.Sink {
    /// A stem whose key the scan has not worked out.
    fileprivate mutating func add(_ stem: UnsafeBufferPointer<UInt8>) { add(stem, key: nil) }
}
