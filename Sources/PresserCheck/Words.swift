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
        return text.withUTF8 { stems(bytes: $0, numbers: numbers) }
    }

    /// The words found so far and the one being read. A struct with mutating methods rather than a
    /// nested function over the scan's variables, which paid an exclusivity check and a retain on
    /// every word (Figures read the stems of every sentence: 5% of the analysis).
    private struct Scan {
        var out: [String] = []
        var word: [UInt8] = []
        var isNumber = false
        let numbers: Bool

        mutating func flush() {
            defer {
                word.removeAll(keepingCapacity: true)
                isNumber = false
            }
            guard !word.isEmpty else { return }
            if isNumber {
                if numbers { out.append(String(decoding: word, as: UTF8.self)) }
                return
            }
            guard word.count >= 3 else { return }
            if word.count <= 13, Words.stopBytes.contains(word) { return }
            if word.count <= 6 && word.last != UInt8(ascii: "s") {
                out.append(String(decoding: word, as: UTF8.self))
            } else if word.allSatisfy({ $0 < 0x80 }) {
                out.append(Words.stem(ascii: word))
            } else {
                out.append(Words.stem(String(decoding: word, as: UTF8.self)))
            }
        }
    }

    private static func stems(bytes u: UnsafeBufferPointer<UInt8>, numbers: Bool) -> [String] {
        var scan = Scan(numbers: numbers)
        scan.word.reserveCapacity(32)
        // Chinese has no spaces: each pair of neighbouring characters is a word ("治愈", "愈出",
        // "出院"), which is how Chinese text is usually compared without a dictionary.
        var previousHan: Range<Int>?
        var i = 0
        while i < u.count {
            let b = u[i]
            if b >= 0xE4 && b <= 0xE9, i + 2 < u.count {
                // A Chinese character (U+4000–U+9FFF).
                scan.flush()
                let han = i..<(i + 3)
                if let previous = previousHan {
                    scan.out.append(
                        String(
                            decoding: UnsafeBufferPointer(rebasing: u[previous.lowerBound..<han.upperBound]),
                            as: UTF8.self))
                }
                previousHan = han
                i += 3
                continue
            }
            previousHan = nil
            if b >= 0x30 && b <= 0x39 {
                if scan.word.isEmpty { scan.isNumber = true }
                scan.word.append(b)
            } else if b | 0x20 >= 0x61 && b | 0x20 <= 0x7A {
                if scan.isNumber { scan.flush() }
                scan.word.append(b | 0x20)
            } else if (b == 0x2E || b == 0x2C), scan.isNumber, i + 1 < u.count, u[i + 1] >= 0x30, u[i + 1] <= 0x39 {
                scan.word.append(b)  // "8.4", "2,385,300"
            } else if b >= 0xC0 {
                // A multi-byte scalar: punctuation (U+2000–U+206F) and no-break space separate words,
                // anything else (an accented letter, a CJK character) is part of one.
                let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                let end = min(i + width, u.count)
                if (b == 0xE2 && i + 1 < u.count && u[i + 1] >= 0x80 && u[i + 1] <= 0x81)
                    || (b == 0xC2 && i + 1 < u.count && u[i + 1] == 0xA0)
                {
                    scan.flush()
                } else {
                    if scan.isNumber { scan.flush() }
                    scan.word.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<end]))
                }
                i = end
                continue
            } else {
                scan.flush()  // also at an apostrophe: "Xinjiang's" gives "xinjiang", the "s" too short to count
            }
            i += 1
        }
        scan.flush()
        return scan.out
    }

    /// `stem` on a lower-case ASCII word's bytes.
    static func stem(ascii word: [UInt8]) -> String {
        var n = word.count
        let s = UInt8(ascii: "s")
        var y = false
        if n > 4, word[n - 3] == UInt8(ascii: "i"), word[n - 2] == UInt8(ascii: "e"), word[n - 1] == s {
            n -= 3
            y = true
        } else if n > 3, word[n - 1] == s, word[n - 2] != s {
            n -= 1
        }
        if y {
            return n >= 6
                ? String(decoding: word[0..<6], as: UTF8.self) : String(decoding: word[0..<n], as: UTF8.self) + "y"
        }
        return String(decoding: word[0..<min(n, 6)], as: UTF8.self)
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
    private var idf: [String: Double] = [:]
    private var unseen: Double

    /// From documents (sentences) of word ids, `vocabulary[id]` the word: counted on integers, one
    /// dictionary entry per word.
    init(vocabulary: [String], documents: [[Int]]) {
        var df = [Int](repeating: 0, count: vocabulary.count)
        var lastDocument = [Int](repeating: -1, count: vocabulary.count)
        for (d, doc) in documents.enumerated() {
            for id in doc where lastDocument[id] != d {
                lastDocument[id] = d
                df[id] += 1
            }
        }
        let n = Double(max(documents.count, 1))
        idf.reserveCapacity(vocabulary.count)
        for (id, count) in df.enumerated() where count > 0 {
            idf[vocabulary[id]] = log((n + 1) / (Double(count) + 0.5))
        }
        unseen = log(n + 1)
    }

    func weight(_ stem: String) -> Double { idf[stem] ?? unseen }

    func total(_ stems: Set<String>) -> Double { stems.reduce(0) { $0 + weight($1) } }

    /// The weight the two sets share, over the weight of both together.
    func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = total(a.union(b))
        guard union > 0 else { return 0 }
        return total(a.intersection(b)) / union
    }

    /// The weight the two sets share, over the weight of the lighter one: 1 when one is contained
    /// in the other. `totals` are the two sets' own (`total`), which the figures work out once each.
    func overlap(_ a: Set<String>, _ b: Set<String>, totals: (Double, Double)) -> Double {
        let smaller = min(totals.0, totals.1)
        guard smaller > 0 else { return 0 }
        return total(a.intersection(b)) / smaller
    }
}
