import Foundation
import PresserCore
import Testing

@testable import PresserParse

/// The small readers, each on the real forms it must handle.
@Suite struct ReaderTests {
    @Test func speakerLabels() throws {
        let psaki = try #require(SpeakerLabel.read("MS. PSAKI:  Good afternoon.", afterSeparator: false))
        #expect(psaki.text == "MS. PSAKI")
        #expect(psaki.style == .colonInline)
        #expect(psaki.rest == "Good afternoon.")
        let hu = try #require(SpeakerLabel.read("Hu Kaihong:", afterSeparator: false))
        #expect(hu.style == .colonLine)
        let powell = try #require(
            SpeakerLabel.read("<NAME>CHAIR POWELL</NAME>. Good afternoon.", afterSeparator: false))
        #expect(powell.text == "CHAIR POWELL")
        #expect(powell.rest == "Good afternoon.")
        let slip = try #require(
            SpeakerLabel.read("<NAME>NANCY MARSHALL</NAME>-GENZER. Hi, Chair Powell.", afterSeparator: false))
        #expect(slip.text == "NANCY MARSHALL-GENZER")
        #expect(slip.rest == "Hi, Chair Powell.")
        let pence = try #require(SpeakerLabel.read("Mike Pence: (02:18)", afterSeparator: false))
        #expect(pence.style == .timestamped)
        #expect(SpeakerLabel.read("Q    Thanks, Robert.", afterSeparator: false)?.style == .question)
        #expect(SpeakerLabel.read("PREGUNTA", afterSeparator: true)?.style == .block)
        let moderator = try #require(
            SpeakerLabel.read("5:19 P.M. EDT MODERATOR:  Thanks, everyone.", afterSeparator: false))
        #expect(moderator.text == "MODERATOR")
        // Prose with a colon is not a label.
        #expect(SpeakerLabel.read("One last piece: The President, as you know, spoke", afterSeparator: false) == nil)
        // Mixed-case text before a colon is only a candidate, kept where a person's name labels
        // paragraphs throughout (the segmenter decides).
        #expect(SpeakerLabel.read("Issued on:   March 14, 2020", afterSeparator: false)?.style == .mixedInline)
        #expect(SpeakerLabel.read("12:57 P.M. EST", afterSeparator: false) == nil)
        #expect(SpeakerLabel.read("Quickly: yes.", afterSeparator: false)?.style == .mixedInline)
        // Chinese labels: a reporter with the outlet, the anonymous 问 / 答, a name; not prose.
        #expect(SpeakerLabel.read("法新社记者：美国总统拜登宣布", afterSeparator: false)?.text == "法新社记者")
        #expect(SpeakerLabel.read("中国日报记者:据报道", afterSeparator: false)?.style == .fullWidth)
        #expect(SpeakerLabel.read("CNN记者：据报道，美官员及相关机构称", afterSeparator: false)?.text == "CNN记者")
        #expect(SpeakerLabel.read("问：美方称将暂停欧洲赴美的航班？", afterSeparator: false)?.rest == "美方称将暂停欧洲赴美的航班？")
        #expect(SpeakerLabel.read("毛宁：实际上，中国的全球创新指数", afterSeparator: false)?.isChineseName == true)
        #expect(SpeakerLabel.read("一、我向大家通报一组数字：根据", afterSeparator: false) == nil)
        #expect(SpeakerLabel.read("中方的立场是明确的，我们认为：", afterSeparator: false) == nil)
        #expect(LabelRoles.chineseOutlet("《北京青年报》记者") == "北京青年报")
        #expect(LabelRoles.chineseOutlet("总台央视记者") == "总台央视")
    }

    @Test func mixedCaseLabelsCountOnlyWhereAPersonLabelsParagraphsThroughout() {
        func lines(_ text: String) -> [SourceLine] {
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                SourceLine(text: String($1), number: $0 + 1)
            }
        }
        let speech = "words of an answer that go on for long enough to be a paragraph of speech."
        let mfa = lines(
            """
            CCTV: What is your comment on the summit?
            Geng Shuang: The summit was held, \(speech)
            AFP: Another question?
            Geng Shuang: We think so, \(speech)
            China Daily: And a third?
            Geng Shuang: Indeed, \(speech)
            """)
        #expect(TurnSegmenter.segment(mfa).turns.count == 6)
        let furniture = lines(
            """
            MR. SMITH: Good afternoon, \(speech)
            Webcasts: ECB monetary policy decisions
            Webcasts: hearings at European Parliament
            Webcasts: ECB monetary policy decisions
            Quickly: yes.
            """)
        #expect(TurnSegmenter.segment(furniture).turns.count == 1)
    }

    @Test func dates() {
        #expect(DateText.find(in: "2020年3月12日外交部发言人耿爽主持例行记者会") == "2020-03-12")
        #expect(DateText.find(in: "２０２０年４月８日") == "2020-04-08")
        #expect(DateText.find(in: "Dec. 9, 2019") == "2019-12-09")
        #expect(DateText.find(in: "(June 6, 2022)") == "2022-06-06")
        #expect(
            DateText.find(in: "Willem F. Duisenberg, President of the European Central Bank, 9 June 1998")
                == "1998-06-09")
        #expect(DateText.find(in: "26 de septiembre de 2019") == "2019-09-26")
        #expect(DateText.find(in: "Press Conference by President Obama, 4/1/2016") == "2016-04-01")
        #expect(DateText.find(in: "fomc-2023-03-22.txt") == "2023-03-22")
        #expect(DateText.find(in: "13/45/2019") == nil)
        #expect(DateText.isDateLine("Issued on:   March 14, 2020"))
        #expect(!DateText.isDateLine("On March 14, 2020, the President declared a national emergency over the virus."))
    }

    /// A reporter's name the Federal Reserve printed without its tag is tagged when the name is
    /// printed in ordinary case too; upper-case words that are no one's name stay text.
    @Test func untaggedNamesInTaggedTranscripts() {
        let whole = "<NAME>MICHELLE SMITH</NAME>. Enda. ENDA CURRAN. Thank you, Chair. Enda Curran, Bloomberg News."
        #expect(
            TextNormalizer.tagUntaggedNames(whole, in: whole)
                == "<NAME>MICHELLE SMITH</NAME>. Enda. <NAME>ENDA CURRAN</NAME>. Thank you, Chair. Enda Curran, Bloomberg News."
        )
        let asked = "On the policy what? ENDA CURRAN. On the Committee."
        #expect(
            TextNormalizer.tagUntaggedNames(asked, in: whole)
                == "On the policy what? <NAME>ENDA CURRAN</NAME>. On the Committee.")
        let irish = "Kelly. KELLY O’GRADY. Kelly O’Grady, CBS News."
        #expect(TextNormalizer.tagUntaggedNames(irish, in: irish).contains("<NAME>KELLY O’GRADY</NAME>."))
        let shouting = "It rose. GDP GROWTH. Then it fell. Core PCE. U.S. GDP. Next."
        #expect(TextNormalizer.tagUntaggedNames(shouting, in: shouting + " <NAME>CHAIR POWELL</NAME>.") == shouting)
    }

    /// A name a label prints in capitals is spelled as the text spells it.
    @Test func namesSpelledAsPrinted() {
        let text = "[Laughter] Michael McKee from Bloomberg Radio and Television. MICHAEL MCKEE. Thanks."
        #expect(Names.Spellings(text).spelling(of: "Michael Mckee") == "Michael McKee")
        #expect(Names.Spellings("Secretary Betsy DeVos said").spelling(of: "Betsy Devos") == "Betsy DeVos")
        #expect(Names.Spellings("MICHAEL MCKEE. Thanks.").spelling(of: "Michael Mckee") == nil)
        #expect(Names.Spellings("the speed leeway").spelling(of: "Ed Lee") == nil)
        #expect(
            Outlets.selfIntroduction(
                "No mulligans for Ed. [Laughter] Michael McKee from Bloomberg Radio and Television. Ten-year rates")
                == Attribution(name: "Michael McKee", outlet: "Bloomberg Radio and Television"))
    }

    @Test func endLines() {
        #expect(TurnSegmenter.endLine("END 1:54 P.M. EDT") == "1:54 P.M. EDT")
        #expect(TurnSegmenter.endLine("END") == "")
        #expect(TurnSegmenter.endLine("END                 ‘") == "")
        #expect(TurnSegmenter.endLine("END OF THE WAR") == nil)
    }

    @Test func lineCleaning() {
        #expect(TextNormalizer.clean("Erkin Tuniyaz:\u{00A0}") == "Erkin Tuniyaz:")
        #expect(TextNormalizer.clean("Q\u{00A0}\u{00A0} Hi.") == "Q   Hi.")
        #expect(TextNormalizer.clean("2:00 <s>p.m.</s> \\[a.m.\\] Pacific") == "2:00 p.m. [a.m.] Pacific")
        #expect(TextNormalizer.clean("zero\u{200B}width\u{2060}joined\u{FEFF}") == "zerowidthjoined")
        #expect(TextNormalizer.clean("\ttabbed and trailing  ") == "tabbed and trailing")
        #expect(TextNormalizer.clean("a back\\slash stays") == "a back\\slash stays")
        let lines = TextNormalizer.lines("one\r\ntwo\rthree\nfour")
        #expect(lines.map(\.text) == ["one", "two", "three", "four"])
        #expect(lines.map(\.number) == [1, 2, 3, 4])
    }

    @Test func frontMatterTitleIsUnescapedAndFolded() throws {
        let text = """
            ---
            date: '2021-02-19'
            title: "Press Gaggle by Press Secretary Jen\\_Psaki Aboard Air Force One En Route Kalamazoo,\\_\\
              MI"
            ---
            MS. PSAKI:  Good afternoon.
            """
        let front = try #require(FrontMatter.read(TextNormalizer.lines(text, cleaning: false)))
        #expect(front.title == "Press Gaggle by Press Secretary Jen Psaki Aboard Air Force One En Route Kalamazoo, MI")
        #expect(front.date == "2021-02-19")
        #expect(front.lineCount == 5)
    }

    @Test func htmlKeepsBlocksDecodesEntitiesAndDropsScripts() {
        let html = """
            <!DOCTYPE html><html><head><title>t</title><script>if (a<b) { x = 'it"s'; }</script></head>
            <body><nav><a href="/">Home</a></nav>
            <p>MR. EARNEST:&nbsp; Good afternoon &amp; welcome.</p>
            <p>Q&nbsp;&nbsp; Josh, &ldquo;why&rdquo;?</p></body></html>
            """
        let lines = HTMLText.lines(from: html)
        #expect(
            lines.map(\.text) == ["MR. EARNEST:\u{00A0} Good afternoon & welcome.", "Q\u{00A0}\u{00A0} Josh, “why”?"])
        #expect(lines.map(\.number) == [3, 4])
    }

    /// A line that is Python's `repr` of bytes is read back into them; the lines around it, and
    /// prose that merely starts with "b'", are left alone.
    @Test func bytesLiteralLinesAreDecoded() throws {
        let saved = #"""
            <h1>Briefing</h1>
            b'<p>\n\tMR. GIBBS:\xc2\xa0 Good afternoon.</p>\n<p>Q\xc2\xa0 Robert\'s view? \xe2\x80\x9cNo.\xe2\x80\x9d \\ \t</p>'
            """#
        let unwrapped = try #require(BytesLiteral.unwrapped(saved))
        #expect(unwrapped.literals == 1)
        #expect(
            unwrapped.text
                == "<h1>Briefing</h1>\n<p>\n\tMR. GIBBS:\u{A0} Good afternoon.</p>\n<p>Q\u{A0} Robert's view? “No.” \\ \t</p>"
        )
        #expect(BytesLiteral.unwrapped(#"b"It's a \x27quote\x27\n""#)?.text == "It's a 'quote'\n")
        for text in [
            "Plain transcript.\nMR. GIBBS: Hello.", "b'Day' was the word of the week.\\n",
            #"b'opened\n but not closed"#, #"b'a quote ' inside\n'"#, #"b'a bad \xZZ escape'"#,
            #"b'no escapes at all'"#, "b'caf\u{E9}\\n'", #"  text before b'\n'"#,
        ] {
            #expect(BytesLiteral.unwrapped(text) == nil, "\(text)")
        }
    }

    @Test func selfIntroductionsAndCalls() {
        #expect(
            Outlets.selfIntroduction("Thank you. Colby Smith with the Financial Times. How confident")
                == Attribution(name: "Colby Smith", outlet: "Financial Times"))
        #expect(
            Outlets.selfIntroduction("Buenos días. Jonathan Nácar, de Eje Central. Preguntarle")
                == Attribution(name: "Jonathan Nácar", outlet: "Eje Central"))
        #expect(
            Outlets.selfIntroduction("Mr. Chairman, Michael McKee from Bloomberg Radio and Television. Can you")?.outlet
                == "Bloomberg Radio and Television")
        #expect(Outlets.selfIntroduction("Thank you, Mr. President. You've spent seven years") == nil)
        // Names deep in a question are the people it is about, not the reporter.
        #expect(
            Outlets.selfIntroduction(
                "— on Brittney Griner, what — given that the President said that he would be open to meeting Putin to discuss Brittney Griner’s situation, would the President be willing to meet with the Foreign Minister, Sergey Lavrov, at the G20 to discuss Brittney Griner and Paul Whelan?"
            ) == nil)
        #expect(
            Outlets.outletIntroduction("(As interpreted.) My question is for President Raul Castro. I’m from Cuban TV.")
                == "Cuban TV")
        #expect(Outlets.outletIntroduction("Hi. I am from Azerbaijan. My question") == nil)
        #expect(Outlets.call(atEndOf: "That is all. Colby.")?.name == "Colby")
        #expect(Outlets.call(atEndOf: "Thank you, Mr. President.") == nil)
        // A name after "with", "to" or "on" is a call only after a verb of calling.
        #expect(Outlets.call(atEndOf: "We’re certainly not going to do that with Kevin McCarthy.") == nil)
        #expect(Outlets.call(atEndOf: "Sorry, what was your question on QT?") == nil)
        #expect(Outlets.call(atEndOf: "Let me go with Hallie Jackson.")?.name == "Hallie Jackson")
        // An announcement's last sentence calls no one; a date or a title is no outlet.
        #expect(
            Outlets.calls(
                atEndOf:
                    "Vice President Mourão will pay an official visit to China from May 19 to 24 and co-chair the fifth meeting of the China-Brazil High Level Coordination and Cooperation Committee with Vice President Wang."
            ).isEmpty)
        #expect(Outlets.calls(atEndOf: "He will visit from May 19.").allSatisfy { $0.outlet == nil })
        // Title words that open outlets' names still do.
        #expect(
            Outlets.call(atEndOf: "Let's go to Mara Liasson with National Public Radio.")
                == Attribution(name: "Mara Liasson", outlet: "National Public Radio"))
        // A one-word answer is no bare call.
        #expect(Outlets.call(atEndOf: "Soon.") == nil)
        #expect(Outlets.call(atEndOf: "Correct.") == nil)
        #expect(Outlets.call(atEndOf: "Chip.")?.name == "Chip")
        #expect(
            Outlets.calls(
                atEndOf: "Thank you, Bob. We’ll take a few questions. Steve Holland, Reuters. Where are you, Steve?"
            )
            .contains(Attribution(name: "Steve Holland", outlet: "Reuters")))
        #expect(
            Outlets.call(atEndOf: "And I’m going to start with Roberta Rampton of Reuters.")
                == Attribution(name: "Roberta Rampton", outlet: "Reuters"))
    }

    @Test func encodings() throws {
        let utf8 = try InputDecoder.decode(Array("Q  Café?".utf8), file: "a")
        #expect(utf8.warning == nil)
        let cp1252 = try InputDecoder.decode([0x49, 0x92, 0x6D, 0x20, 0x68, 0x65, 0x72, 0x65], file: "b")
        #expect(cp1252.text == "I’m here")
        #expect(cp1252.warning != nil)
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("Hi".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try InputDecoder.decode(utf16, file: "c").text == "Hi")
        // Valid UTF-8 with one stray byte: reported where it is, not read as Windows-1252.
        let mixed: [UInt8] = Array("Hola ".utf8) + [0xC3, 0x81] + Array("lvaro caf".utf8) + [0xE9]
        #expect(throws: PresserError.invalidEncoding(file: "d", offset: 16)) {
            try InputDecoder.decode(mixed, file: "d")
        }
        #expect(throws: PresserError.binary(file: "e", offset: 2)) {
            try InputDecoder.decode([0x41, 0x42, 0x00], file: "e")
        }
        #expect(throws: PresserError.empty(file: "f")) { try InputDecoder.decode(Array(" \n\t".utf8), file: "f") }
    }

    /// The binary byte reported is the first one, as a byte-by-byte scan finds it, wherever it
    /// falls in the eight-byte words the decoder reads, after a BOM or not, among tabs, line
    /// feeds, form feeds and carriage returns (text) and bytes beyond ASCII.
    /// `FileStatus`, what ingest and `TranscriptFile.read` ask of a path: `stat`'s answer, a link
    /// followed or, when a folder is searched, not; and the bytes `TranscriptFile.read` reads.
    @Test func fileStatusIsWhatStatSays() throws {
        let file = Fixtures.corpus.appendingPathComponent("scio-2019-12-09.txt").path
        let status = try #require(FileStatus(file))
        let bytes = try Fixtures.bytes("scio-2019-12-09.txt")
        #expect(!status.isDirectory && status.size == bytes.count)
        #expect(FileStatus(Fixtures.corpus.path)?.isDirectory == true)
        #expect(FileStatus(Fixtures.corpus.appendingPathComponent("no-such.txt").path) == nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presser-status-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("corpus.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Fixtures.corpus.path)
        #expect(FileStatus(link)?.isDirectory == true)
        #expect(FileStatus(link, followingLinks: false)?.isDirectory == false)
        #expect(throws: PresserError.unreadable(file: folder.path, reason: "is a directory")) {
            try TranscriptFile.read(folder.path)
        }
        // The bytes as read by `open` and `read`: all of them, an empty file's none.
        #expect(try TranscriptFile.read(file).bytes == bytes)
        let empty = folder.appendingPathComponent("empty.txt").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try TranscriptFile.read(empty).bytes.isEmpty)
    }

    @Test func theFirstBinaryByteIsReported() throws {
        var generator = SystemRandomNumberGenerator()
        let text: [UInt8] = [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x41, 0x7A, 0xC3, 0xA9, 0x2E]
        let binary: [UInt8] = [0x00, 0x01, 0x08, 0x0B, 0x0E, 0x1B, 0x1F]
        for trial in 0..<2000 {
            var bytes: [UInt8] = trial % 2 == 0 ? [0xEF, 0xBB, 0xBF, 0x41] : [0x41]
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                bytes.append(text.randomElement(using: &generator) ?? 0x41)
            }
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                bytes.insert(
                    binary.randomElement(using: &generator) ?? 0, at: Int.random(in: 1...bytes.count, using: &generator)
                )
            }
            let first = bytes.firstIndex { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }
            do {
                _ = try InputDecoder.decode(bytes, file: "t")
                #expect(first == nil, "\(bytes)")
            } catch .binary(_, let offset) {
                #expect(offset == first, "\(bytes)")
            } catch {
                #expect(first == nil, "\(bytes): \(error)")
            }
        }
    }
}
