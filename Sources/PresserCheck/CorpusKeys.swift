import PresserCore

/// What the store needs to compare briefings with each other: a key for what a figure measures,
/// whether two figures state the same value, and fingerprints of sentences said word for word.
public enum CorpusKeys {
    /// What a claim measures (its subject, else what it counts) as sorted content-word stems:
    /// "Xinjiang's regional GDP" and "regional GDP of Xinjiang" give the same key. nil when the
    /// claim says neither.
    public static func subjectKey(_ claim: Claim) -> String? {
        guard let thing = claim.subject ?? claim.counted else { return nil }
        let stems = Set(Words.stems(thing))
        return stems.isEmpty ? nil : stems.sorted().joined(separator: " ")
    }

    /// The same number as far as the printed precision tells (and within 5% when one says "about").
    public static func sameValue(_ a: Claim, _ b: Claim) -> Bool {
        let h = max(ValueRange.halfUnit(a), ValueRange.halfUnit(b))
        var tolerance = 2 * h
        if a.qualifier == .approximately || b.qualifier == .approximately {
            tolerance = max(tolerance, 0.05 * max(abs(a.value), abs(b.value)))
        }
        return abs(a.value - b.value) <= tolerance + 1e-9 * abs(a.value)
    }

    /// Sentences of officials' turns (statements and answers) of at least ten content words, with a
    /// fingerprint of their words (lower-cased, numbers included): equal fingerprints are the same
    /// sentence, word for word.
    public static func sentenceFingerprints(_ briefing: Briefing) -> [(turn: Int, fingerprint: String, text: String)] {
        sentenceFingerprints(briefing, figures: Figures(briefing))
    }

    /// The same from the sentences and words the checks already read (`Figures` splits every
    /// turn and stems every sentence, numbers included).
    static func sentenceFingerprints(_ briefing: Briefing, figures: Figures) -> [(
        turn: Int, fingerprint: String, text: String
    )] {
        var out: [(Int, String, String)] = []
        for (i, sentence) in figures.sentences.enumerated() {
            guard briefing.turns.indices.contains(sentence.turn) else { continue }
            let kind = briefing.turns[sentence.turn].kind
            guard kind == .statement || kind == .answer, figures.sentenceIDs[i].count >= 10 else { continue }
            out.append((sentence.turn, fnv1a(words: figures.sentenceIDs[i], of: figures.vocabulary), sentence.text))
        }
        return out
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines (Swift's Hasher is not).
    static func fnv1a(_ s: String) -> String {
        var hash = FNV1a()
        hash.add(s)
        return hash.hex
    }

    /// `fnv1a` of the words joined by spaces, without joining them.
    static func fnv1a(words ids: ArraySlice<Int>, of vocabulary: [String]) -> String {
        var hash = FNV1a()
        for (n, id) in ids.enumerated() {
            if n > 0 { hash.add(" ") }
            hash.add(vocabulary[id])
        }
        return hash.hex
    }

    private struct FNV1a {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ s: String) {
            for byte in s.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
        }

        var hex: String {
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}
