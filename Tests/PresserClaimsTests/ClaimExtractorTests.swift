import Foundation
import PresserCore
import Testing

@testable import PresserClaims

/// Sentences from the corpus, each with what a careful reader takes from it.
@Suite struct ClaimExtractorTests {
    private func claims(_ sentence: String, _ date: String) -> [Claim] {
        ClaimExtractor.claims(inSentence: sentence, date: date)
    }

    /// The quick test for numbers (ASCII read eight bytes at a time) answers as reading the words
    /// one by one does: a digit, a vulgar fraction, or a word (a run of ASCII letters and bytes
    /// beyond ASCII) of two bytes or more that is a number word, capitals folded. On every line of
    /// the corpus and on generated text putting number words, digits and fractions at every place
    /// in an eight-byte word.
    /// A token is a sign ("," ";" "-") exactly when its text is that character: on every token of
    /// every line of the corpus and on signs glued to words, numbers and each other.
    @Test func signsAreToldByTheirKey() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/corpus")
        var lines = ["-5,3%;(a)[b]:c'd/e. ,,--", "\u{0},", "a,b", "1,000.5-2/3", "“quoted” — dash’s"]
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".txt") {
            let text = String(decoding: try Data(contentsOf: fixtures.appendingPathComponent(name)), as: UTF8.self)
            lines += text.split(separator: "\n").map(String.init)
        }
        let signs: [Unicode.Scalar] = ["-", ".", "(", ",", "/", "%", "]", "[", ";", ":", "'"]
        var seen = 0
        for line in lines {
            for token in Tokenizer.tokens(line) {
                for sign in signs {
                    #expect(token.is(sign: sign) == (token.text == String(sign)), "\(token.text) in \(line.prefix(60))")
                    if token.is(sign: sign) { seen += 1 }
                }
            }
        }
        #expect(seen > 10000)
    }

    @Test func quickNumberTestAgreesWithReadingWordByWord() throws {
        func byWords(_ text: String) -> Bool {
            let u = Array(text.utf8)
            for (k, b) in u.enumerated() {
                if b >= 0x30 && b <= 0x39 { return true }
                if b == 0xC2, k + 1 < u.count, (0xBC...0xBE).contains(u[k + 1]) { return true }
                if b == 0xE2, k + 2 < u.count, u[k + 1] == 0x85, (0x90...0x9E).contains(u[k + 2]) { return true }
            }
            let words = u.split { b in b < 0x80 && !((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
            return words.contains { word in
                word.count >= 2
                    && ClaimExtractor.numberWords.contains(
                        String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
            }
        }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        var texts: [String] = []
        for folder in ["corpus", "corpus-zh"] {
            let url = fixtures.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".txt") {
                let text = String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
                texts += text.split(separator: "\n").map(String.init)
            }
        }
        #expect(texts.count > 10000)
        let pieces = [
            "one", "Two", "THREE", "million", "x", "a", "Dozen", " ", ",", "-", "7", "½", "⅓", "é", "cien", "millón",
            "abcdefgh", "seventeenfold", "trillions", "the", "(", "'",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            texts.append(
                (0..<Int.random(in: 1..<14, using: &generator)).map { _ in pieces.randomElement() ?? "" }.joined())
        }
        for text in texts {
            #expect(ClaimExtractor.mayHoldNumbers(text) == byWords(text), "\(text.prefix(80))")
        }
    }

    @Test func levelAndGrowthWithPeriod() throws {
        let c = claims("In 2018, its GDP reached 1.22 trillion yuan, a year-on-year increase of 6.1%.", "2019-12-09")
        try #require(c.count == 2)
        #expect(c[0].text == "1.22 trillion yuan")
        #expect(c[0].value == 1.22e12)
        #expect(c[0].kind == .currency)
        #expect(c[0].unit == "CNY")
        #expect(c[0].subject == "GDP")
        #expect(c[0].period == Claim.Period(text: "In 2018", from: "2018-01-01", to: "2018-12-31"))
        #expect(c[0].change == nil)
        #expect(c[1].value == 6.1)
        #expect(c[1].kind == .percent)
        #expect(c[1].subject == "GDP")
        #expect(c[1].change == Claim.Change(direction: .up, basis: .yearOnYear))
    }

    @Test func countsWithQualifiersAndWhatIsCounted() {
        let c = claims(
            "There are now more than 20,000 mosques, over 29,000 Islamic clerical personnel and 103 Islamic associations at all levels in the autonomous region.",
            "2019-12-09")
        #expect(c.map(\.value) == [20000, 29000, 103])
        #expect(c.map(\.qualifier) == [.moreThan, .moreThan, .exact])
        #expect(c.map(\.counted) == ["mosques", "Islamic clerical personnel", "Islamic associations"])
        #expect(c.allSatisfy { $0.kind == .count && $0.unit == nil })
    }

    @Test func respectivelySharesSubjectsAndChanges() {
        let c = claims(
            "Urban and rural residents' per capita disposable income rose by 6.5% and 8.4% respectively, to 32,764 yuan and 11,975 yuan.",
            "2019-12-09")
        #expect(c.map(\.value) == [6.5, 8.4, 32764, 11975])
        #expect(c.map(\.kind) == [.percent, .percent, .currency, .currency])
        #expect(c[0].subject == "Urban residents per capita disposable income")
        #expect(c[1].subject == "rural residents per capita disposable income")
        #expect(c[2].subject == c[0].subject)
        #expect(c[3].subject == c[1].subject)
        #expect(c[0].change?.direction == .up)
        #expect(c[1].change?.direction == .up)
        #expect(c[2].change == nil)
    }

    @Test func anAdverbBetweenWhatIsMeasuredAndItsVerb() {
        let c = claims(
            "Urban and rural residents' per capita disposable income annually saw a rise of 8.1% and 8.5% respectively, to 30,775 yuan and 11,045 yuan.",
            "2019-12-09")
        #expect(c.map(\.value) == [8.1, 8.5, 30775, 11045])
        #expect(c[0].subject == "Urban residents per capita disposable income")
        #expect(c[3].subject == "rural residents per capita disposable income")
    }

    @Test func theTwoEndsOfAChangeAreTwoFigures() {
        // After a word of change, "from … to …" is where the change started and ended, not a range;
        // the first end takes the unit and scale written after the second.
        let a = claims("Unemployment rose from 3.5 to 4.1 percent in 2020.", "2021-01-01")
        #expect(a.map(\.value) == [3.5, 4.1])
        #expect(a.map(\.kind) == [.percent, .percent])
        #expect(a.allSatisfy { $0.upper == nil && $0.subject == "Unemployment" })
        let b = claims("The Uighur population increased from 5.55 million to 11.65 million.", "2019-09-24")
        #expect(b.map(\.value) == [5_550_000, 11_650_000])
        #expect(b.map(\.subject) == ["Uighur population", "Uighur population"])
        let c = claims("Sales fell from 2 to 1.5 million units last year.", "2021-01-01")
        #expect(c.map(\.value) == [2_000_000, 1_500_000])
        // Without a word of change it is still a range.
        let d = claims("Prices will be from 2 to 3 percent higher.", "2021-01-01")
        #expect(d.count == 1 && d.first?.upper == 3)
    }

    @Test func twoPeriodsInOneSentence() {
        let c = claims(
            "Since 2014, a total of 2,385,300 people have been lifted out of poverty, and the poverty incidence rate has dropped to 6.51% this year from 22.48% in 2014.",
            "2019-12-09")
        #expect(c.map(\.value) == [2_385_300, 6.51, 22.48])
        #expect(c[0].period == Claim.Period(text: "Since 2014", from: "2014-01-01", to: "2019-12-09"))
        #expect(c[1].period?.from == "2019-01-01")
        #expect(c[2].period?.text == "in 2014")
        // "dropped to 6.51%" is the level reached, not the size of the drop.
        #expect(c[1].change == nil)
    }

    @Test func federalReserveFractionsAndRanges() {
        let c = claims(
            "At today’s meeting, the Committee raised the target range for the federal funds rate by ¼ percentage point, bringing the target range to 4¾ to 5 percent.",
            "2023-03-22")
        #expect(c.count == 2)
        #expect(c.first?.value == 0.25)
        #expect(c.first?.kind == .percentagePoint)
        #expect(c.first?.change?.direction == .up)
        #expect(c.last?.value == 4.75)
        #expect(c.last?.upper == 5)
        #expect(c.last?.kind == .percent)
        #expect(c.last?.text == "4¾ to 5 percent")
        let basis = claims(
            "So 75 basis points seemed like the right thing to do at this meeting, and that’s what we did.",
            "2022-06-15")
        #expect(basis.map(\.value) == [75])
        #expect(basis.first?.kind == .basisPoint)
    }

    @Test func numberWordsAndChangesWithBaselines() {
        let states = claims(
            "Eighteen states now show a decline in a number of positive tests in the last seven days.", "2020-04-24")
        #expect(states.map(\.value) == [18])
        #expect(states.first?.counted == "states")
        #expect(states.first?.period?.text == "in the last seven days")
        #expect(states.first?.period?.from == "2020-04-17")
        let tourists = claims(
            "In 2018, Xinjiang received 150 million tourists from home and abroad, up 40.1% year-on-year.", "2019-12-09"
        )
        #expect(tourists.map(\.value) == [150_000_000, 40.1])
        #expect(tourists[1].change == Claim.Change(direction: .up, basis: .yearOnYear))
    }

    @Test func notClaims() {
        #expect(
            claims(
                "This year, we have earnestly implemented a series of strategies to alleviate poverty, including \"two no worries, three guarantees\", \"seven batches\" and \"three intensified efforts.",
                "2019-12-09"
            ).isEmpty)
        #expect(claims("Since the 18th CPC National Congress in 2012, the region has changed.", "2019-12-09").isEmpty)
        #expect(
            claims("The so-called \"Uyghur Human Rights Policy Act of 2019\" distorts the picture.", "2019-12-09")
                .isEmpty)
        #expect(claims("We are fighting COVID-19 on March 3 at 5 p.m. in Phase 2.", "2021-03-08").isEmpty)
        #expect(claims("That is one of the things I would say; the one that matters.", "2021-03-08").isEmpty)
    }

    @Test func spanish() {
        let c = claims(
            "Pero estas 6 exposiciones, con una que está vigente actualmente en China, acumulan 3.8 millones de visitantes.",
            "2026-08-21")
        #expect(c.map(\.value) == [6, 3_800_000])
        #expect(c.last?.counted == "visitantes")
        let english = claims("I said it once and I will say it again.", "2021-03-08")
        #expect(english.isEmpty)  // "once" is eleven only in Spanish
    }

    /// Chinese numbers: scales 万 / 亿 / 万亿, numerals, full-width digits, 百分之, qualifiers
    /// before and after, periods and changes.
    @Test func chinese() {
        let gdp = claims("2018年，新疆地区生产总值达到1.22万亿元，同比增长6.1%。", "2019-12-09")
        #expect(gdp.map(\.value) == [1.22e12, 6.1])
        #expect(gdp.map(\.unit) == ["CNY", "%"])
        #expect(gdp.first?.period == Claim.Period(text: "2018年", from: "2018-01-01", to: "2018-12-31"))
        #expect(gdp.last?.change == Claim.Change(direction: .up, basis: .yearOnYear))
        let aid = claims("中央财政每年对新疆的转移支付近4000亿元，19个省市开展对口援疆。", "2019-12-09")
        #expect(aid.map(\.value) == [4e11, 19])
        #expect(aid.first?.qualifier == .approximately)
        #expect(aid.last?.counted == "省市")
        let people = claims("截至目前，已有231.47万人脱贫，千余人受伤，两千多名专家参与。", "2019-12-09")
        #expect(people.map(\.value) == [2_314_700, 1000, 2000])
        #expect(people.map(\.qualifier) == [.exact, .moreThan, .moreThan])
        #expect(claims("西部陆海新通道开行第２个１万列用时487天。", "2022-09-30").map(\.value) == [10000, 487])
        #expect(claims("增速为百分之六点一。", "2019-12-09").first?.value == 6.1)
        let months = claims("今年前10个月，旅游收入增长40%。", "2019-12-09")
        #expect(months.first?.period == Claim.Period(text: "今年前10个月", from: "2019-01-01", to: "2019-10-31"))
        #expect(claims("新疆已连续三年未发生暴力恐怖案件。", "2019-12-09").first?.unit == "year")
        // Not claims: dates, years, ordinals, numerals inside words, the two parties, quoted names.
        #expect(claims("3月11日，中国国务院第八次会议进一步统一了一些看法。", "2020-03-12").isEmpty)
        #expect(claims("中美两国坚持一个中国原则，推进“一带一路”和“2+2”对话。", "2020-03-12").isEmpty)
        #expect(claims("今年是东京审判开庭80周年，建交34年来两国关系发展。", "2026-08-19").isEmpty)
    }
}
