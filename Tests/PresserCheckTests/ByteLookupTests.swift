import Foundation
import PresserClaims
import PresserCore
import PresserParse
import Testing

@testable import PresserCheck

/// The byte-level lookups the analysis makes on every word and answer agree with the plain
/// `String` ones they replaced, on real transcripts.
@Suite struct ByteLookupTests {
    /// Every word of three transcripts (English, Spanish, Chinese), lower-cased: a stop word by its
    /// bytes exactly when it is one as a `String`.
    @Test func packedWordsAgreeWithASet() throws {
        let packed = PackedWords(Words.stopWords)
        var checked = 0
        for name in ["scio-2019-12-09.txt", "mananera-2025-06-16.txt", "whitehouse-2021-02-19.txt"] {
            let text = try Fixtures.text(name).lowercased()
            for word in text.split(whereSeparator: { !$0.isLetter }) {
                #expect(packed.contains(Array(word.utf8)) == Words.stopWords.contains(String(word)), "\(word)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
        // Longer than 16 bytes, and empty.
        let long = PackedWords(["internationalisation", "a"])
        #expect(long.contains(Array("internationalisation".utf8)))
        #expect(!long.contains(Array("internationalisatio".utf8)))
        #expect(!long.contains([]))
        #expect(long.contains(Array("a".utf8)) && !long.contains(Array("b".utf8)))
    }

    /// All the answer cues at once find each where a search for it alone does, in every answer's
    /// opening of the reference and a White House briefing.
    @Test func phrasesAgreeWithOneSearchEach() throws {
        let phrases = AnswerCheck.cues.flatMap(\.1)
        let all = ByteSearch.Phrases(phrases)
        var found = 0
        for name in ["scio-2019-12-09.txt", "whitehouse-2021-02-19.txt", "whitehouse-obama-2016-07-05.txt"] {
            let b = try Fixtures.analyse(name)
            for turn in b.turns where turn.kind == .answer {
                let lower = AnswerCheck.openingBytes(turn.text[...])
                let offsets = all.firstOffsets(in: lower)
                for (i, phrase) in phrases.enumerated() {
                    #expect(
                        offsets[i] == ByteSearch.find(Array(phrase.utf8), in: lower), "\(phrase) in turn \(turn.index)")
                    if offsets[i] != nil { found += 1 }
                }
            }
        }
        #expect(found > 10)
        // Either case of ASCII letters; other bytes exact.
        let p = ByteSearch.Phrases(["more on that soon", "多少"])
        #expect(p.firstIgnoringASCIICase(in: "We'll have More On That Soon.") == 0)
        #expect(p.firstIgnoringASCIICase(in: "有多少人") == 1)
        #expect(p.firstIgnoringASCIICase(in: "more on this soon") == nil)
    }

    /// The store's sentence fingerprints taken from the sentences the checks already read are the
    /// ones of every official's sentence split and stemmed afresh, and the briefing is the one
    /// `check` gives, on every corpus transcript.
    @Test func fingerprintsFromTheChecksAreTheSame() throws {
        let files = try Fixtures.allTranscripts()
        #expect(files.count > 80)
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            var briefing = try TranscriptParser.parse([TranscriptFile(name: file.lastPathComponent, bytes: bytes)])
                .briefing
            briefing.claims = ClaimExtractor.claims(in: briefing)
            let checked = Checker.check(briefing)
            let forStore = Checker.checkForStore(briefing, sentences: Sentences.ofTurns(briefing))
            #expect(forStore.briefing == checked, "\(file.lastPathComponent)")
            // Read afresh: every official's sentence split and stemmed again.
            var afresh: [(turn: Int, fingerprint: String, text: String)] = []
            for turn in checked.turns where turn.kind == .statement || turn.kind == .answer {
                for sentence in Sentences.split(turn.text) {
                    let words = Words.stems(sentence.text, numbers: true)
                    guard words.count >= 10 else { continue }
                    afresh.append((turn.index, CorpusKeys.fnv1a(words.joined(separator: " ")), sentence.text))
                }
            }
            #expect(afresh.map(\.turn) == forStore.sentences.map(\.turn), "\(file.lastPathComponent)")
            #expect(afresh.map(\.fingerprint) == forStore.sentences.map(\.fingerprint), "\(file.lastPathComponent)")
            #expect(afresh.map(\.text) == forStore.sentences.map(\.text), "\(file.lastPathComponent)")
        }
    }

    /// Telling Chinese text (a quick pass for a Chinese character's lead byte, then counting)
    /// answers as counting byte by byte does: on every turn of the corpus and on text with
    /// Chinese, accents and ASCII in any order, whole and cut short.
    @Test func chineseTextIsToldAsByteByByte() throws {
        func byBytes(_ text: String, limit: Int) -> Bool {
            let u = text.utf8.prefix(limit)
            let han = u.filter { $0 >= 0xE4 && $0 <= 0xE9 }.count
            let latin = u.filter { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }.count
            return han >= 1 && Double(han) >= (Double(han) + Double(latin) / 5) / 3
        }
        var texts = try Fixtures.allTurnTexts()
        let pieces = ["中", "国", "a", "B", " ", "é", "—", "1", "。"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            texts.append(
                (0..<Int.random(in: 1..<30, using: &generator)).map { _ in pieces.randomElement() ?? "" }.joined())
        }
        for text in texts {
            for limit in [12_000, 200, 7] {
                #expect(
                    ChineseText.isMostlyChinese(text, limit: limit) == byBytes(text, limit: limit), "\(text.prefix(60))"
                )
            }
        }
    }

    /// Each sentence's offset, counted eight bytes at a time, is where its text stands among the
    /// turn's Unicode scalars: on every turn of the corpus (English, Spanish, Chinese) and on text
    /// where accents, curly quotes, "。" and four-byte scalars fall at every place in an eight-byte word.
    @Test func sentenceOffsetsAreScalarOffsets() throws {
        var texts = try Fixtures.allTurnTexts()
        let pieces = ["é", "“", "”", "。", "😀", "a", " ", ".", "?", "\n\n", "x1.5", "Mr.", "！"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            texts.append(
                (0..<Int.random(in: 1..<60, using: &generator)).map { _ in pieces.randomElement() ?? "" }.joined())
        }
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for span in Sentences.split(text) {
                let length = span.text.unicodeScalars.count
                #expect(span.start + length <= scalars.count, "\(text)")
                guard span.start + length <= scalars.count else { continue }
                var found = String.UnicodeScalarView()
                found.append(contentsOf: scalars[span.start..<(span.start + length)])
                #expect(String(found) == span.text, "\(text)")
            }
        }
    }

    /// Where an answer's opening ends, found on bytes, is where splitting its Characters finds it:
    /// on every turn of the corpus and on text with "\r\n" and combining marks after spaces.
    @Test func wordStartsOnBytesAreTheSplitOnes() throws {
        func bySplitting(_ n: Int, _ text: String) -> String.Index? {
            let words = text.split(maxSplits: n, whereSeparator: { $0 == " " || $0 == "\n" })
            return words.count > n ? words[n].startIndex : nil
        }
        var texts = [
            "one two\r\nthree four", "a \u{301}b c  d\n\ne", "  lead and trail  ", "", "word", "a b ", "a b  ",
            "a\n\n\nb",
            "“Quoted” — dashed \u{200D}joined \u{A0}nbsp 中文 \u{2028}x", "a \u{200C}b c d",
        ]
        texts += try Fixtures.allTurnTexts()
        #expect(texts.count > 4000)
        for text in texts {
            for n in [0, 1, 3, 70] {
                #expect(AnswerCheck.startOfWord(n, in: text) == bySplitting(n, text), "\(n): \(text.prefix(80))")
            }
        }
    }

    /// Every turn of the corpus, and text with no-break, ideographic and other Unicode spaces,
    /// tabs and newlines at its ends: trimmed on its scalars as Foundation trims white space.
    @Test func whitespaceTrimmedAsFoundationTrimsIt() throws {
        var texts = [
            "", " ", "\t a b \t", "\u{A0}\u{3000}中文\u{2003}", "\nkept\n", " \u{301}mark", "\u{2028}x\u{202F}",
            "\u{200B}zero width\u{200B}", "\u{180E}mongolian\u{FEFF}", "\u{200C}\u{200D}joiners\u{2060}",
            "\u{85}next line\u{1680}", "\u{2028}\u{2029}",
        ]
        texts += try Fixtures.allTurnTexts()
        for text in texts {
            #expect(
                AnswerCheck.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespaces), "\(text.prefix(80))")
        }
    }

    /// An answer's opening folded on bytes (ASCII, Latin-1, punctuation, Chinese) is the opening
    /// lower-cased with curly apostrophes straightened, on every turn of the corpus.
    @Test func openingsFoldedOnBytesAreTheLowerCasedOnes() throws {
        var texts = ["ÀÉÎÕÜ Ñ × ß Ǆ", "Ⅻ ＡＢＣ Ωmega", "It’s “QUOTED” — 中文。", "\u{212A}elvin"]
        texts += try Fixtures.allTurnTexts()
        for text in texts {
            let lowered = Array(text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").utf8)
            #expect(AnswerCheck.openingBytes(text[...]) == lowered, "\(text.prefix(80))")
        }
    }
}
