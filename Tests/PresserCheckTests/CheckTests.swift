import Foundation
import PresserCore
import Testing

@testable import PresserCheck

/// Each check on real sentences: the reference transcript (or an FOMC one) with one figure
/// changed, as a careless restatement or a typo would change it.
@Suite struct CheckTests {
    /// Word weights by id: a word the briefing spells two ways that compare equal (an accent
    /// composed, and the same accent combining) is one word, known by its later id, weighed by it,
    /// and said when either spelling was.
    @Test func wordsEqualAsTextAreOneWord() {
        let composed = "caf\u{E9}"
        let combining = "cafe\u{301}"
        let weights = WordWeights(
            vocabulary: [combining, "tax", composed, "rate"], documents: [[0, 1], [2], [3], [1, 3]])
        #expect(weights.canonical == [2, 1, 2, 3])
        #expect(weights.id(of: composed) == 2)
        #expect(weights.id(of: combining) == 2)
        #expect(weights.id(of: "growth") == nil)
        // In one sentence of four, as "café" is in its later spelling: log(5 / 1.5).
        #expect(abs(weights.weight(combining) - log(5 / 1.5)) < 1e-12)
        #expect(weights.weight("tax") == weights.weight("rate"))
        #expect(weights.weight("growth") == log(5.0))
        // Three spellings of "Å" (composed, combining, the ångström sign): all known by the last.
        let three = WordWeights(vocabulary: ["\u{C5}s", "A\u{30A}s", "x", "\u{212B}s"], documents: [[0, 1, 2, 3]])
        #expect(three.canonical == [3, 3, 2, 3])
        #expect(three.id(of: "\u{C5}s") == 3)
    }

    @Test func alteredLevelBreaksTheStatedGrowth() throws {
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "to 32,764 yuan and 11,975 yuan", with: "to 35,764 yuan and 11,975 yuan")
        let altered = try #require(b.claim("35,764 yuan", in: "rose by 6.5% and 8.4%"))
        let finding = try #require(b.findings(.growthMismatch, atLeast: .warning).first { $0.claims.contains(altered) })
        #expect(finding.details["implied"] == .number(16.21))
        #expect(finding.details["stated"] == .number(6.5))
        #expect(finding.message.contains("“30,775 yuan” (In 2017) → “35,764 yuan” (In 2018) implies +16.2%"))
    }

    @Test func levelsThatFellAgainstAStatedRiseAreAnError() throws {
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "received 150 million tourists and",
            with: "received 95 million tourists and")
        let altered = try #require(b.claim("95 million", in: "both up by over 40%"))
        #expect(b.findings(.growthMismatch, atLeast: .error).contains { $0.claims.contains(altered) })
    }

    @Test func aDatedFigureStatedTwiceWithDifferentValues() throws {
        // "In 2018, Xinjiang received 150 million tourists" (opening) and, in an answer, 180 million.
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "In 2018, the region received 150 million tourists",
            with: "In 2018, the region received 180 million tourists")
        let altered = try #require(b.claim("180 million", in: "the region received"))
        let changed = try #require(b.findings(.figureChanged, atLeast: .warning).first { $0.claims.contains(altered) })
        #expect(changed.message.contains("“150 million” (turn 1) and “180 million” (turn 5)"))
    }

    @Test func anEndpointRestatedDifferently() throws {
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "dropped to 6.51% from 22.48% in early 2014",
            with: "dropped to 6.51% from 25.48% in early 2014")
        let altered = try #require(b.claim("25.48%", in: "in early 2014"))
        let finding = try #require(
            b.findings(.endpointsMismatch, atLeast: .warning).first { $0.claims.contains(altered) })
        #expect(finding.message.contains("starting point"))
    }

    @Test func aFallThatIsARiseIsAnError() throws {
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "dropped to 6.51% from 22.48% in early 2014",
            with: "dropped to 26.51% from 22.48% in early 2014")
        let finding = try #require(b.findings(.endpointsMismatch, atLeast: .error).first)
        #expect(finding.message.contains("describes a fall from “22.48%”"))
    }

    @Test func aPreviousLevelMovedNearerAnotherSeriesIsStillItsOwn() throws {
        // 2017 urban income raised above the 2018 figure: the growth check still pairs it with urban
        // income ("annually saw a rise of 8.1% and 8.5% respectively, to …"), not the rural one.
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "to 30,775 yuan and 11,045 yuan", with: "to 45,019 yuan and 11,045 yuan")
        let altered = try #require(b.claim("45,019 yuan", in: "annually saw a rise"))
        let finding = try #require(b.findings(.growthMismatch, atLeast: .warning).first { $0.claims.contains(altered) })
        #expect(finding.message.contains("“45,019 yuan” (In 2017) → “32,764 yuan” (In 2018)"))
    }

    @Test func anExactLevelBeatsTheThresholdBesideIt() throws {
        // "exceeded 100 million for the first time to reach 91 million": the 91 million is the level.
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "for the first time to reach 107 million",
            with: "for the first time to reach 91 million")
        let altered = try #require(b.claim("91 million", in: "for the first time"))
        let finding = try #require(b.findings(.growthMismatch, atLeast: .warning).first { $0.claims.contains(altered) })
        #expect(finding.message.contains("but the stated growth is “40.1%”"))
    }

    @Test func aDeclineFromOneFigureToAHigherOneIsAnError() throws {
        // Powell: "meaningful decline in growth out from 2.1 to 1.7 in 2025", with 2.1 made 1.1.
        let b = try Fixtures.analyse(
            "fomc-2025-03-19.txt", replacing: "out from 2.1 to 1.7 in 2025", with: "out from 1.1 to 1.7 in 2025")
        let finding = try #require(b.findings(.endpointsMismatch, atLeast: .error).first)
        #expect(
            finding.message
                == "The sentence describes a fall from “1.1” (in 2025) to “1.7” (in 2025), but the figure rose.")
    }

    @Test func aPartLargerThanItsTotal() throws {
        let b = try Fixtures.analyse(
            "scio-2019-12-09.txt", replacing: "of whom 56,900 have been cured", with: "of whom 156,900 have been cured")
        let finding = try #require(b.findings(.partsVsTotal, atLeast: .warning).first)
        #expect(finding.claims.map { b.claims[$0].text } == ["133,000", "156,900"])
        #expect(finding.details["difference"] == .number(23900))
    }

    @Test func moreExceptionsThanMembers() throws {
        let b = try Fixtures.analyse(
            "fomc-2020-09-16.txt", replacing: "4 exceptions out of a Committee of 17",
            with: "24 exceptions out of a Committee of 17")
        let finding = try #require(b.findings(.partsVsTotal, atLeast: .warning).first)
        #expect(finding.message == "“24” out of “17” is more than the whole.")
    }

    @Test func theUnalteredTranscriptsHaveNoneOfThese() throws {
        let scio = try Fixtures.analyse("scio-2019-12-09.txt")
        let fomc = try Fixtures.analyse("fomc-2020-09-16.txt")
        #expect(scio.findings.allSatisfy { $0.severity == .info })
        #expect(fomc.findings(.partsVsTotal).isEmpty)
    }

    // MARK: The pieces

    @Test func rangesFromPrecisionAndQualifier() {
        func claim(_ text: String, _ value: Double, _ kind: Claim.Kind, _ q: Claim.Qualifier) -> Claim {
            Claim(
                turn: 0, speaker: nil, sentence: text, text: text, start: 0, end: text.count, value: value, upper: nil,
                kind: kind, unit: nil, counted: nil, qualifier: q, subject: nil, period: nil, change: nil)
        }
        let trillion = ValueRange(claim("1.22 trillion yuan", 1.22e12, .currency, .exact))
        #expect(abs(trillion.low - 1.215e12) < 1 && abs(trillion.high - 1.225e12) < 1)
        #expect(ValueRange(claim("over 40%", 40, .percent, .moreThan)) == ValueRange(low: 40, high: .infinity))
        #expect(ValueRange(claim("2,131", 2131, .count, .exact)) == ValueRange(low: 2131, high: 2131))
        let nearly = ValueRange(claim("nearly 400 billion yuan", 4e11, .currency, .approximately))
        #expect(nearly.low == 3.8e11 && abs(nearly.high - 4.2e11) < 1)
        #expect(ValueRange.halfUnit(claim("6.1%", 6.1, .percent, .exact)) == 0.05)
    }

    @Test func numberLiterals() throws {
        let a = try #require(NumberLiteral("more than 2,385,300 people"))
        #expect(a.text == "2,385,300" && a.value == 2_385_300 && a.decimals == 0 && a.start == 10)
        let b = try #require(NumberLiteral("$1.25 trillion"))
        #expect(b.text == "1.25" && b.decimals == 2 && b.start == 1)
        #expect(NumberLiteral("three consecutive years") == nil)
        #expect(NumberLiteral("6.1%.")?.text == "6.1")
    }

    @Test func stems() {
        #expect(
            Words.stems("Violent terrorist attacks, Xinjiang's tourists") == [
                "violen", "terror", "attack", "xinjia", "touris",
            ])
        #expect(Words.stems("rose by 8.4% in 2018", numbers: true) == ["rose", "8.4", "2018"])
        #expect(Words.stems("rose by 8.4% in 2018") == ["rose"])
        #expect(Words.stems("activities studies bodies series class") == ["activi", "study", "body", "sery", "class"])
    }

    /// The byte scan (ASCII letters read up to eight at a time) gives the stems that reading the
    /// text scalar by scalar under the same rules gives: on every turn of the corpus and on
    /// generated text putting letters, digits, accents, Chinese, curly quotes and no-break spaces
    /// at every place in an eight-byte word.
    @Test func stemsAreTheOnesReadScalarByScalar() throws {
        func stemsScalarByScalar(_ text: String, numbers: Bool) -> [String] {
            var out: [String] = []
            var word = ""
            var isNumber = false
            var previousHan: Unicode.Scalar?
            func flush() {
                defer { (word, isNumber) = ("", false) }
                let length = word.utf8.count
                if length == 0 { return }
                if isNumber {
                    if numbers { out.append(word) }
                    return
                }
                guard length >= 3, !Words.stopWords.contains(word) else { return }
                out.append(length <= 6 && !word.hasSuffix("s") ? word : Words.stem(word))
            }
            let scalars = Array(text.unicodeScalars)
            for (k, s) in scalars.enumerated() {
                if (0x4000...0x9FFF).contains(s.value) {
                    flush()
                    if let previous = previousHan { out.append(String(Character(previous)) + String(Character(s))) }
                    previousHan = s
                    continue
                }
                previousHan = nil
                let next = k + 1 < scalars.count ? scalars[k + 1] : nil
                if ("0"..."9").contains(s) {
                    if word.isEmpty { isNumber = true }
                    word.unicodeScalars.append(s)
                } else if s.isASCII, s.properties.isAlphabetic {
                    if isNumber { flush() }
                    word += String(Character(s)).lowercased()
                } else if s == "." || s == ",", isNumber, let next, ("0"..."9").contains(next) {
                    word.unicodeScalars.append(s)
                } else if !s.isASCII {
                    if (0x2000...0x207F).contains(s.value) || s == "\u{A0}" {
                        flush()
                    } else {
                        if isNumber { flush() }
                        word.unicodeScalars.append(s)
                    }
                } else {
                    flush()
                }
            }
            flush()
            return out
        }
        var texts = try Fixtures.allTurnTexts()
        let pieces = [
            "a", "B", "z", "Z", "@", "[", "`", "{", " ", "7", "8.4", "1,5", "é", "中国", "“", "\u{A0}", "'s", "-",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            texts.append(
                (0..<Int.random(in: 1..<40, using: &generator)).map { _ in pieces.randomElement() ?? "" }.joined())
        }
        for text in texts {
            #expect(Words.stems(text, numbers: true) == stemsScalarByScalar(text, numbers: true), "\(text.prefix(80))")
            #expect(Words.stems(text) == stemsScalarByScalar(text, numbers: false), "\(text.prefix(80))")
        }
    }

    @Test func numberedStemsAreTheStemsOnEveryCorpusTranscript() throws {
        // Every transcript's words numbered in one vocabulary (it grows past its first 512 words;
        // Chinese pairs and long numbers are over 16 bytes), read back as the stems themselves.
        let files = [Fixtures.corpus, Fixtures.corpus, Fixtures.corpusZH]
        for (folder, name) in zip(files, ["scio-2019-12-09.txt", "fomc-2025-03-19.txt", "mfa-2019-12-03-zh.txt"]) {
            var vocabulary = Vocabulary()
            var seen: [String: Int] = [:]
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            // Numbers that share their first eight bytes, and one word over 16 bytes, too.
            let extra = "12,345,678.9 rose to 12,345,678.1 and 12,345,678.1; 1,234,567,890,123,456.5 then 12,345,678.9"
            for line in text.split(separator: "\n") + [Substring(extra)] {
                let stems = Words.stems(String(line), numbers: true)
                let ids = Words.stemIDs(String(line), numbers: true, in: &vocabulary)
                #expect(ids.map { vocabulary[$0] } == stems, "\(name): \(line.prefix(60))")
                for (id, stem) in zip(ids, stems) { #expect(seen.updateValue(id, forKey: stem) ?? id == id) }
            }
            #expect(vocabulary.count == seen.count && vocabulary.count > 1000, "\(name)")
        }
    }

    @Test func asciiStemsAgreeWithTheGeneralOnesOnEveryWordOfTheReference() throws {
        let words = try Fixtures.text("scio-2019-12-09.txt").lowercased()
            .split(whereSeparator: { !$0.isASCII || !$0.isLetter }).map(String.init)
        #expect(words.count > 5000)
        for word in Set(words) {
            #expect(Words.stem(ascii: Array(word.utf8)) == Words.stem(word), "\(word)")
        }
    }

    @Test func periodsShiftBackOneYear() throws {
        let p = try #require(
            GrowthCheck.yearBefore(Claim.Period(text: "first 10 months", from: "2019-01-01", to: "2019-10-31")))
        #expect(p.from == "2018-01-01" && p.to == "2018-10-31")
        #expect(
            GrowthCheck.yearBefore(Claim.Period(text: "leap", from: "2020-02-29", to: "2020-02-29"))?.to == "2019-02-28"
        )
        #expect(GrowthCheck.yearBefore(Claim.Period(text: "since 2014", from: "2014-01-01", to: "2019-12-09")) == nil)
    }
}
